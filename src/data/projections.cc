#include "data/projections.h"

#include "data/codes.h"
#include "data/delimited.h"
#include "floe/error.h"

namespace floe::data {

std::vector<ProjectionRow> read_projections(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header("2024 National Employment Matrix title");
  const auto code = r.column("2024 National Employment Matrix code"),
             type = r.column("Occupation type"), e24 = r.column("Employment, 2024"),
             e34 = r.column("Employment, 2034"),
             change = r.column("Employment change, percent, 2024\u201334"),
             exits = r.column("Labor force exit rate, 2024\u201334 annual average"),
             transfers = r.column("Occupational transfer rate, 2024\u201334 annual average");
  std::vector<ProjectionRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    if (r.footnote_row()) continue;  // "Source: Employment Projections program ..."
    ProjectionRow row;
    row.code = std::string(r.text(code));
    if (!is_soc_code(row.code)) r.fail(code, "not a SOC code: " + quote(row.code));
    const std::string_view t = r.text(type);
    if (t != "Line item" && t != "Summary") r.fail(type, "expected Line item or Summary");
    row.line_item = t == "Line item";
    row.employment_2024 = r.number(e24);
    row.employment_2034 = r.number(e34);
    row.change_percent = r.number_in(change, -100, 1000);
    row.exit_rate = r.number_in(exits, 0, 100);
    row.transfer_rate = r.number_in(transfers, 0, 100);
    row.line = r.line();
    keys.insert(r, code, row.code);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace floe::data
