#include "serve/openings.h"

#include <cmath>

#include "floe/career.h"
#include "floe/numbers.h"

namespace floe::serve {
Table with_openings(const Dataset& ds, Table table) {
  const std::size_t code = table.column("soc_code");
  table.columns.push_back({"openings", "Openings a year", ColumnKind::kCount});
  table.columns.push_back({"growth_10y", "Growth 2024-34", ColumnKind::kShare, 1});
  bool from_group = false;
  for (auto& row : table.rows) {
    const auto* soc = std::get_if<std::string>(&row[code]);
    const auto id = soc ? ds.taxonomy.find_occupation(*soc) : std::nullopt;
    const bool known = id && id->index() < ds.labor.projections.size();
    row.emplace_back(known ? annual_openings(ds, *id) : kNaN);
    row.emplace_back(known ? ds.labor.projections[id->index()].growth_10y : kNaN);
    from_group = from_group || (known && ds.labor.projections[id->index()].from_group);
  }
  table.notes.push_back(
      "Openings a year = workers x (10-year growth / 10 + labor force exit rate + occupational "
      "transfer rate), BLS Employment Projections 2024-34 rates on OEWS employment.");
  if (from_group) {
    table.notes.push_back("Some occupations have no BLS line item: their SOC group's rates.");
  }
  return table;
}

}  // namespace floe::serve
