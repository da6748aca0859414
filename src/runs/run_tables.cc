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
  std::map<std::string, RegionValues> start;
  for (auto& s : run.states(0)) start.emplace(s.fips, std::move(s));
  for (const RegionValues& s : run.states(month)) {
    const auto it = start.find(s.fips);
    const RunFigures before = it == start.end() ? RunFigures{} : it->second.figures;
    const geo::StateCode* code = geo::find_state_code(s.fips);
    t.rows.push_back({s.fips, std::string(code ? code->usps : ""),
                      std::string(code ? code->name : s.fips), s.figures.unemployment_rate(),
                      100 * (s.figures.unemployment_rate() - before.unemployment_rate()),
                      s.figures.employed,
                      before.employed > 0 ? s.figures.employed / before.employed - 1 : std::nan(""),
                      s.displaced_direct_cumulative, s.displaced_indirect_cumulative,
                      s.figures.wage_bill, s.figures.exposed_wages});
  }
  const std::size_t rate = t.column("unemployment_rate");
  std::stable_sort(t.rows.begin(), t.rows.end(), [rate](const auto& x, const auto& y) {
    const double a = std::get<double>(x[rate]), b = std::get<double>(y[rate]);
    if (std::isnan(a) || std::isnan(b)) return !std::isnan(a) && std::isnan(b);
    return a > b;
  });
  return t;
}

}  // namespace floe
