// Tables and values as the API's JSON (private to src/serve).
//
// A table is {"title", "columns": [{"name", "label", "kind", "precision"}], "rows": [{name:
// value, ...}], "notes": [...], "total_rows"}: the columns of floe's Table (include/floe/table.h)
// with their kind ("text", "count", "dollars", "share", "number", "flag"), so the dashboard
// formats a value the way the terminal and the report do. Shares are fractions (0.163, not
// 16.3); a missing value (NaN, empty) is null.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "floe/table.h"

namespace floe::serve {

using Json = nlohmann::ordered_json;

const char* kind_name(ColumnKind kind);
Json value_json(const Value& value);
// `total_rows`: the rows before a limit was applied (the table's own count when not given).
Json table_json(const Table& table, std::size_t total_rows);
Json table_json(const Table& table);
// Compact text; invalid UTF-8 (never expected in the data) is replaced, not thrown on.
std::string dump(const Json& json);

}  // namespace floe::serve
