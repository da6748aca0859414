// One run's states as a table, for the simulation report and programs.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "floe/runs.h"
#include "geo/build.h"

namespace floe {

Table run_states_table(const SimulationRun& run, int month) {
  Table t{.title = fmt::format("States at month {}, highest unemployment first", month),
          .columns = {{"fips", "FIPS", ColumnKind::kText},
                      {"usps", "", ColumnKind::kText},
                      {"name", "State", ColumnKind::kText},
                      {"unemployment_rate", "Unemployment", ColumnKind::kShare, 1},
                      {"unemployment_points", "Since 0 (points)", ColumnKind::kNumber, 2},
                      {"employed", "Employed", ColumnKind::kCount},
                      {"employment_change", "Since 0", ColumnKind::kShare, 1},
                      {"displaced_direct", "Displaced directly", ColumnKind::kCount},
                      {"displaced_indirect", "Through cascades", ColumnKind::kCount},
                      {"wage_bill", "Wage bill", ColumnKind::kDollars},
                      {"exposed_wages", "Exposed wages", ColumnKind::kDollars}},
          .notes = {fmt::format("Since 0: the change since month 0. Displaced: by AI in months 0 "
                                "to {}, directly or through local cascades.",
                                month)}};
  // With the no-AI twin: the AI effect on each state's unemployment and its 90% margin, and the
  // agents behind the figures (docs/model.md §16).
  const bool twin = run.info().twin;
  std::map<std::string, RunFigures> without_ai;
  if (twin) {
    t.columns.push_back({"ai_effect_points", "AI effect (points)", ColumnKind::kNumber, 2});
    t.columns.push_back({"ai_effect_margin", "± (90%)", ColumnKind::kNumber, 2});
    t.columns.push_back({"agents", "Agents", ColumnKind::kCount});
    t.columns.push_back({"few_agents", "Few agents", ColumnKind::kFlag});
    t.notes.push_back(fmt::format(
        "AI effect: unemployment minus that of the run's no-AI twin (AI capability and adoption "
        "held at month 0), with its 90% sampling margin. States with fewer than {:.0f} agents "
        "are marked and listed last, unranked: their figures are mostly sampling noise.",
        kFewAgents));
    for (auto& s : run.states(month, true)) without_ai.emplace(s.fips, s.figures);
  }
  std::map<std::string, RegionValues> start;
  for (auto& s : run.states(0)) start.emplace(s.fips, std::move(s));
  for (const RegionValues& s : run.states(month)) {
    const auto it = start.find(s.fips);
    const RunFigures before = it == start.end() ? RunFigures{} : it->second.figures;
    const geo::StateCode* code = geo::find_state_code(s.fips);
    std::vector<Value> row{
        s.fips,
        std::string(code ? code->usps : ""),
        std::string(code ? code->name : s.fips),
        s.figures.unemployment_rate(),
        100 * (s.figures.unemployment_rate() - before.unemployment_rate()),
        s.figures.employed,
        before.employed > 0 ? s.figures.employed / before.employed - 1 : std::nan(""),
        s.displaced_direct_cumulative,
        s.displaced_indirect_cumulative,
        s.figures.wage_bill,
        s.figures.exposed_wages};
    if (twin) {
      const auto w = without_ai.find(s.fips);
      const UnemploymentEffect e = w == without_ai.end()
                                       ? UnemploymentEffect{std::nan(""), std::nan("")}
                                       : unemployment_effect(s.figures, w->second);
      row.insert(row.end(), {e.points, e.margin, s.figures.agents,
                             static_cast<bool>(s.figures.agents < kFewAgents)});
    }
    t.rows.push_back(std::move(row));
  }
  const std::size_t rate = t.column("unemployment_rate");
  const std::size_t few = twin ? t.column("few_agents") : 0;
  std::stable_sort(t.rows.begin(), t.rows.end(), [&](const auto& x, const auto& y) {
    if (twin && std::get<bool>(x[few]) != std::get<bool>(y[few])) return !std::get<bool>(x[few]);
    const double a = std::get<double>(x[rate]), b = std::get<double>(y[rate]);
    if (std::isnan(a) || std::isnan(b)) return !std::isnan(a) && std::isnan(b);
    return a > b;
  });
  return t;
}

}  // namespace floe
