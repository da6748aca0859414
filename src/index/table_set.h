// Writing several named tables as one output (private to src/index): the multi-table views of
// `floe explain` and `floe index --compare`.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "floe/table.h"

namespace floe::detail {

using NamedTables = std::vector<std::pair<std::string, Table>>;

enum class OutputFormat : std::uint8_t { kText, kCsv, kJson };

// "table", "csv" or "json"; anything else is an Error.
OutputFormat parse_output_format(std::string_view format);

// Each table after a "# name" line, tables separated by a blank line.
void write_tables_csv(std::ostream& out, const NamedTables& tables);
// One JSON object: {"name": <write_json of the table>, ...}.
void write_tables_json(std::ostream& out, const NamedTables& tables);

}  // namespace floe::detail
