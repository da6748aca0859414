// The talent segment of one run as tables, for the simulation report and programs.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "floe/runs.h"
#include "floe/talent.h"

namespace floe {

Table run_talent_headcount_table(const RunTalent& talent) {
  Table t{.title = fmt::format("AI-skilled workers by employer class, {}", talent.last_date),
          .columns = {{"employer", "Employer class", ColumnKind::kText},
                      {"researchers", "Researchers", ColumnKind::kCount},
                      {"ml_engineers", "ML engineers", ColumnKind::kCount},
                      {"ai_engineers", "AI engineers", ColumnKind::kCount},
                      {"headcount", "All (agents)", ColumnKind::kCount},
                      {"us_headcount", "US estimate", ColumnKind::kCount},
                      {"share", "Share", ColumnKind::kShare, 1},
                      {"entrants", "New workers", ColumnKind::kCount},
                      {"exits", "Left", ColumnKind::kCount},
                      {"net_flow", "Net moves in", ColumnKind::kCount}},
          .notes = {fmt::format("Agents simulate {} of the US AI-skilled workforce; US estimate: "
                                "agents / {}. Net moves in: moves from the other employer "
                                "classes minus moves to them, in {}.",
                                format_value(talent.scale, {"", "", ColumnKind::kShare, 1}),
                                talent.scale, talent.last_date)}};
  double total = 0;
  for (const auto& e : talent.last_month) total += e.headcount;
  for (const auto& e : talent.last_month) {
    t.rows.push_back({e.employer, e.researchers, e.ml_engineers, e.ai_engineers, e.headcount,
                      e.headcount / talent.scale, total > 0 ? e.headcount / total : std::nan(""),
                      e.entrants, e.exits, e.net_flow});
  }
  const std::size_t headcount = t.column("headcount");
  std::stable_sort(t.rows.begin(), t.rows.end(), [headcount](const auto& x, const auto& y) {
    return std::get<double>(x[headcount]) > std::get<double>(y[headcount]);
  });
  return t;
}

Table run_talent_targets_table(const RunTalent& talent) {
  Table t{.title = "The observed facts the talent model is fitted to, against the model",
          .columns = {{"target", "Target", ColumnKind::kText},
                      {"description", "Fact", ColumnKind::kText},
                      {"goal", "Observed", ColumnKind::kText},
                      {"observed", "Observed value", ColumnKind::kStatistic},
                      {"tolerance", "Tolerance", ColumnKind::kStatistic},
                      {"expected", "Expected form", ColumnKind::kStatistic},
                      {"expected_within", "Within", ColumnKind::kFlag},
                      {"agents", "This run's agents", ColumnKind::kStatistic},
                      {"agents_within", "Within", ColumnKind::kFlag},
                      {"source", "Source", ColumnKind::kText}},
          .notes = {"Agents: this run's agent counts scaled to the US; empty where the run ends "
                    "before the target's months. A target 'every month' shows its worst month; "
                    "a ratio's tolerance is a factor.",
                    talent_scale_note(talent.scale)}};
  for (const auto& g : talent.targets) {
    const bool covered = !std::isnan(g.agents);
    t.rows.push_back({g.target, g.description, target_goal(g.kind, g.observed, g.tolerance),
                      g.observed, g.tolerance, g.expected, g.expected_within,
                      covered ? Value(g.agents) : Value(),
                      covered ? Value(g.agents_within) : Value(), g.source});
  }
  return t;
}

}  // namespace floe
