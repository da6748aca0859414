// The Iceberg Index as one self-contained HTML page: headline figures, state and county maps,
// ranked tables, the formula, the options and the data's provenance; and the simulation report
// of one run or two compared, built from the same pieces. The pages have inline CSS and inline
// SVG only (no scripts, fonts or links to fetch), so they open offline and can be mailed as one
// file; hovering a shape or a line shows its figures through SVG <title> tooltips.
//
// Stateless; safe to call from several threads.
#pragma once

#include <cstdint>
#include <string>

#include "floe/dataset.h"
#include "floe/geo.h"
#include "floe/index.h"
#include "floe/runs.h"
#include "floe/talent.h"

namespace floe {

struct ReportInfo {
  std::string options;  // the index options, one line ("layer technical, labeler human, ...")
  std::string surface;  // SOC codes of the surface occupations, as given ("15-0000")
  std::string date;     // when the report was made, "2025-06-01"
};

// The report for one index result. `atlas` supplies the map shapes (load_atlas); every text
// that comes from the data is HTML-escaped.
std::string index_report_html(const Dataset& dataset, const Atlas& atlas, const IndexResult& result,
                              const ReportInfo& info);

struct SimulationReportInfo {
  std::string date;  // when the report was made, "2025-06-01"
};

// The report of a simulation run (`floe simulate`), or of run `b` compared with run `a` when `b`
// is given: headline figures at the last month; line charts of the national series
// (unemployment, employment, AI displacement so far, adoption and exposure, job finding), both
// runs on the same axes; maps of the states at the last month (unemployment and employment
// change; B - A when comparing) and of the counties at the last month with county figures; every
// state ranked; the runs' settings and scenario texts. Inline CSS and SVG only, like the index
// report. When a run has the AI-talent tables, an "AI talent" section: big tech's net flow by
// month (agents and expected; both runs when comparing), AI-skilled workers by employer class at
// the last month and the talent targets. Throws Error when the runs cannot be compared
// (check_comparable).
std::string simulation_report_html(const Geography& geography, const Atlas& atlas,
                                   const SimulationRun& a, const SimulationRun* b,
                                   const SimulationReportInfo& info);

// The talent model on its own (`floe talent report`).
struct TalentReportInput {
  const TalentData* data = nullptr;
  const TalentCalibration* calibration = nullptr;  // its `fitted` parameters drive the page
  TalentLevers levers;                             // the scenario's; all zero: no scenario section
  std::string scenario;  // its name, for the page ("" or "baseline": none)
  double scale = 1;      // share of the US AI-skilled workforce run as agents
  std::uint64_t seed = 1;
  std::string date;  // when the report was made, "2025-06-01"
};

// The talent report: a headline of the facts the fitted model gets right or wrong (the month big
// tech's net flow turns outward, the stealth share of big-tech leavers, the industry share of new
// AI PhDs), each against its observed value; the targets before and after fitting; line charts
// on a calendar axis of the net flow into big tech (expected and agent form, against the
// observed mean, ChatGPT's launch marked), headcount by employer class, where new PhDs go by
// year (with the observed shares) and the gen-AI postings index; when a lever is pulled, the
// scenario against the baseline from levers.from; the parameters and the method. Inline CSS and
// SVG only, like the other reports. Runs the agent form at in.scale with in.seed. Throws Error
// when data or calibration is missing.
std::string talent_report_html(const TalentReportInput& in);

}  // namespace floe
