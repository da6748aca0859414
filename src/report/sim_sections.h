// The sections of the simulation report (one run, or run B compared with run A), each a piece
// of HTML; sim_report.cc puts them in order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "floe/geo.h"
#include "floe/runs.h"

namespace floe::report {

// Line colors of the runs: A in the map palette's deep blue, B in the circles' orange.
inline constexpr const char* kRunAColor = "#123d6e";
inline constexpr const char* kRunBColor = "#e8590c";

// What the sections show, read once from the run files.
struct SimulationView {
  const Geography& geography;
  const Atlas& atlas;
  const SimulationRun& a;
  const SimulationRun* b;  // null: one run
  std::optional<RunComparison> comparison;
  std::string a_label, b_label;
  int month = 0;         // the last
  int county_month = 0;  // the last with county figures (-1: none)
  // By FIPS code: states at the last month and at month 0, counties at county_month.
  std::map<std::string, RegionValues> a_states, b_states, a_start, b_start, a_counties, b_counties;
  // The AI-talent segment of each run that has its tables.
  std::optional<RunTalent> a_talent, b_talent;

  bool comparing() const { return b != nullptr; }
  // A state's or county's name ("Alabama", "Autauga County, AL"); the code when unknown.
  std::string state_name(const std::string& fips) const;
};

SimulationView make_view(const Geography& geography, const Atlas& atlas, const SimulationRun& a,
                         const SimulationRun* b);

// CSS for the run keys and the scenario text, added to page_style() and chart_style() on this
// page only.
const char* simulation_style();

// The figures at the last month and one sentence.
std::string sim_headline_section(const SimulationView& v);
// Line charts of the national series, both runs on the same axes when comparing.
std::string sim_chart_section(const SimulationView& v);
// State (and county) maps at the last month: levels for one run, B - A when comparing.
std::string sim_map_section(const SimulationView& v);
// Every state ranked, its row's swatch matching the first map.
std::string sim_table_section(const SimulationView& v);
// The runs' files and settings, the scenario keys that differ and the scenario texts.
std::string sim_scenario_section(const SimulationView& v);
// The AI-talent segment: big tech's net flow by month and since the run started (agents and
// expected, both runs when comparing), AI-skilled workers by employer class at the last month,
// the talent targets. "" when neither run has talent tables.
std::string sim_talent_section(const SimulationView& v);

// "+0.25 points", "-1.0 points", "0.00 points" (without " points" when `unit` is false).
std::string signed_points(double points, int decimals = 2, bool unit = true);
// A signed count: "+1,234", "-56".
std::string signed_count(double count);

}  // namespace floe::report
