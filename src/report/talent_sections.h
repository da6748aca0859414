// The sections of the talent report (`floe talent report`), each a piece of HTML;
// talent_report.cc works out the paths once (TalentView) and puts the sections in order.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "floe/report.h"
#include "floe/talent.h"

namespace floe::report {

// One color per employer class, in the order of data/talent/employers.csv.
inline constexpr std::array<const char*, kEmployers> kEmployerColors = {
    "#123d6e", "#e8590c", "#7048e8", "#5fa2cc", "#2b8a3e", "#c92a2a", "#868e96", "#d9a400"};
// The expected form, the agent form and observations.
inline constexpr const char* kExpectedColor = "#123d6e";
inline constexpr const char* kAgentsColor = "#e8590c";
inline constexpr const char* kObservedColor = "#1d2733";

// What the sections show, worked out once.
struct TalentView {
  const TalentReportInput& in;
  const TalentData& data;
  const TalentCalibration& calibration;
  TalentPath path;         // the fitted parameters under the scenario's levers
  TalentPath baseline;     // the fitted parameters, no lever pulled (the calibration's world)
  TalentPath agents;       // the agent form under the levers, its counts scaled to the US
  double agent_count = 0;  // agents at the last month

  bool levers_pulled() const;
};

TalentView make_talent_view(const TalentReportInput& in);

// The three facts the page leads with, from the fitted model without levers, each against what
// was observed.
struct TalentHeadline {
  std::optional<int> outward;                      // when big tech's net flow turns outward
  const TalentTarget* outward_observed = nullptr;  // the target saying when it did, or null
  const TargetFit* stealth = nullptr;              // stealth share of big-tech leavers, or null
  const TargetFit* phd_industry = nullptr;  // the latest share of new PhDs going into industry
};
TalentHeadline talent_headline(const TalentData& data, const TalentCalibration& calibration,
                               const TalentPath& baseline);

// A short employer class name for legends: its label up to " (" ("Big tech").
std::string short_label(const EmployerClass& e);

std::string talent_headline_section(const TalentView& v);
// (a) net flow into big tech, (b) headcount by class, (c) where new PhDs go, (d) gen-AI
// postings.
std::string talent_chart_section(const TalentView& v);
// (e) the scenario's levers against the baseline; "" when no lever is pulled.
std::string talent_levers_section(const TalentView& v);
// The targets before and after fitting, the parameters, the method and the settings.
std::string talent_tables_section(const TalentView& v);
std::string talent_method_section(const TalentView& v);

}  // namespace floe::report
