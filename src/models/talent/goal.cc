// The targets as people read them: what each asks for, with the numbers to three significant
// digits (docs/talent.md §4).
#include <fmt/format.h>

#include <cmath>

#include "floe/table.h"
#include "floe/talent.h"

namespace floe {
namespace {

std::string statistic(double v) { return format_value(v, {"", "", ColumnKind::kStatistic}); }

}  // namespace

const char* to_string(TalentTarget::Kind kind) {
  switch (kind) {
    case TalentTarget::Kind::kValue:
      return "value";
    case TalentTarget::Kind::kEachBelow:
      return "each_below";
    case TalentTarget::Kind::kEachAbove:
      return "each_above";
    case TalentTarget::Kind::kRatio:
      return "ratio";
    case TalentTarget::Kind::kRatioAtLeast:
      return "ratio_at_least";
  }
  return "value";
}

std::string target_goal(std::string_view kind, double observed, double tolerance) {
  // The hinge scale of each_below / each_above is how the loss bends, not a tolerance: the
  // target is met when every month is on the right side.
  if (kind == "each_below") return "≤ " + statistic(observed) + " every month";
  if (kind == "each_above") return "≥ " + statistic(observed) + " every month";
  if (kind == "ratio") {
    return statistic(observed) + "× (within a factor of " + statistic(tolerance) + ")";
  }
  if (kind == "ratio_at_least") return "≥ " + statistic(observed) + "×";
  return statistic(observed) + " ± " + statistic(tolerance);
}

std::string talent_scale_note(double scale) {
  return fmt::format(
      "This run's agents: the run simulates {} of the AI-skilled workforce (one agent for about "
      "{} workers), so at small scales its statistics are noisy: big tech's net inflow of 168 "
      "workers a month is {} agents. A target the expected form meets can then fall outside "
      "here; the expected form is the check of the fit, and a run at --scale 1 the check of the "
      "agents (docs/talent.md §4).",
      format_value(scale, {"", "", ColumnKind::kShare, scale < 0.01 ? 2 : 0}),
      format_value(1 / scale, {"", "", ColumnKind::kCount}),
      format_value(168 * scale, {"", "", ColumnKind::kStatistic}));
}

}  // namespace floe
