#include "index/table_set.h"

#include <sstream>

#include "floe/error.h"

namespace floe::detail {

OutputFormat parse_output_format(std::string_view format) {
  if (format == "table" || format == "text") return OutputFormat::kText;
  if (format == "csv") return OutputFormat::kCsv;
  if (format == "json") return OutputFormat::kJson;
  throw Error("unknown output format '" + std::string(format) + "' (use table, csv or json)");
}

void write_tables_csv(std::ostream& out, const NamedTables& tables) {
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i > 0) out << '\n';
    out << "# " << tables[i].first << '\n';
    write_csv(out, tables[i].second);
  }
}

void write_tables_json(std::ostream& out, const NamedTables& tables) {
  out << "{\n";
  for (std::size_t i = 0; i < tables.size(); ++i) {
    std::ostringstream table;
    write_json(table, tables[i].second);
    std::string text = table.str();
    while (!text.empty() && text.back() == '\n') text.pop_back();
    // Table names are plain identifiers: no escaping needed.
    out << "\"" << tables[i].first << "\": " << text << (i + 1 < tables.size() ? ",\n" : "\n");
  }
  out << "}\n";
}

}  // namespace floe::detail
