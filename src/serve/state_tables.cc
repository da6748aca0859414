#include "serve/state_tables.h"

#include <cmath>

#include "floe/numbers.h"
#include "serve/table_reply.h"

namespace floe::serve {
Table state_occupations(const Dataset& ds, const Cells& cells, const IndexResult& r,
                        StateId state) {
  const Taxonomy& tx = ds.taxonomy;
  const std::size_t n = cells.occupations;
  const std::size_t s = state.index();
  Table t;
  t.title = "Occupations in " + ds.geography[state].name;
  t.columns = {{"soc_code", "SOC", ColumnKind::kText},
               {"title", "Occupation", ColumnKind::kText},
               {"major", "Group", ColumnKind::kText},
               {"exposure", "Exposure", ColumnKind::kShare, 1},
               {"employment", "Workers", ColumnKind::kCount},
               {"mean_wage", "Mean wage", ColumnKind::kDollars},
               {"wage_bill", "Wage bill", ColumnKind::kDollars},
               {"exposed_wages", "Exposed wages", ColumnKind::kDollars},
               {"exposed_workers", "Exposed workers", ColumnKind::kCount},
               {"share_of_state", "Share of state's exposed wages", ColumnKind::kShare, 1},
               {"surface", "Surface", ColumnKind::kFlag},
               {"wage_national", "National wage", ColumnKind::kFlag},
               {"tasks_imputed", "Tasks imputed", ColumnKind::kFlag}};
  const double state_exposed = r.states[s].exposed_wages;
  for (std::size_t o = 0; o < n; ++o) {
    const std::size_t i = s * n + o;
    const double emp = cells.state_employment[i];
    if (emp <= 0) continue;
    const double wage = cells.state_wage[i];
    const double e = r.exposure[o];
    const double exposed = std::isnan(e) ? kNaN : emp * wage * e;
    t.rows.push_back({tx.occupations[o].soc_code, tx.occupations[o].title,
                      tx.major_groups[tx.occupations[o].major.index()].soc_code, e, emp, wage,
                      emp * wage, exposed, std::isnan(e) ? kNaN : emp * e,
                      state_exposed > 0 ? exposed / state_exposed : kNaN,
                      static_cast<bool>(r.surface_occupation[o]),
                      (cells.state_flags[i] & kWageNational) != 0,
                      (cells.state_flags[i] & kTasksImputed) != 0});
  }
  sort_table(t, t.column("exposed_wages"), true);
  t.notes.push_back(
      "Workers are estimated from state occupation-cluster margins (docs/method.md §5); 'National "
      "wage': the state mean wage is not published, the national mean stands in.");
  return t;
}

Table state_majors(const Dataset& ds, const Cells& cells, const IndexResult& r, StateId state) {
  const Taxonomy& tx = ds.taxonomy;
  const std::size_t n = cells.occupations;
  const std::size_t s = state.index();
  std::vector<IndexFigures> groups(tx.major_groups.size());
  for (std::size_t o = 0; o < n; ++o) {
    const std::size_t i = s * n + o;
    const double emp = cells.state_employment[i];
    const double e = r.exposure[o];
    if (emp <= 0 || std::isnan(e)) continue;
    IndexFigures& f = groups[tx.occupations[o].major.index()];
    const double wages = emp * cells.state_wage[i];
    f.employment += emp;
    f.wage_bill += wages;
    f.exposed_wages += wages * e;
    f.exposed_workers += emp * e;
    if (r.surface_occupation[o]) f.surface_wages += wages * e;
  }
  Table t;
  t.title = "Occupation groups in " + ds.geography[state].name;
  t.columns = {{"soc_code", "SOC", ColumnKind::kText},
               {"title", "Group", ColumnKind::kText},
               {"employment", "Workers", ColumnKind::kCount},
               {"wage_bill", "Wage bill", ColumnKind::kDollars},
               {"exposed_wages", "Exposed wages", ColumnKind::kDollars},
               {"exposed_workers", "Exposed workers", ColumnKind::kCount},
               {"iceberg", "Iceberg", ColumnKind::kShare, 1},
               {"surface", "Surface", ColumnKind::kShare, 1}};
  for (std::size_t m = 0; m < groups.size(); ++m) {
    const IndexFigures& f = groups[m];
    if (f.employment <= 0) continue;
    t.rows.push_back({tx.major_groups[m].soc_code, tx.major_groups[m].title, f.employment,
                      f.wage_bill, f.exposed_wages, f.exposed_workers, f.iceberg(), f.surface()});
  }
  sort_table(t, t.column("iceberg"), true);
  return t;
}

}  // namespace floe::serve
