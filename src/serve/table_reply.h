// Answering with a table: every table endpoint takes the same parameters,
//   format  json (default) or csv (RFC 4180, written by floe's write_csv, as a download)
//   sort    a column name of the table; order asc or desc (default: desc for numbers, asc for
//           text); rows without a value go last either way
//   limit   at most this many rows (after sorting)
// (private to src/serve).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "floe/table.h"
#include "serve/http.h"

namespace floe::serve {

// The parameter names of a table endpoint: `own` plus format, sort, order and limit.
std::vector<std::string_view> table_params(std::vector<std::string_view> own = {});

// Sorts `table` by `column` (rows without a value last).
void sort_table(Table& table, std::size_t column, bool descending);

// The table, sorted and limited as the parameters say, as JSON or CSV. `name` names the CSV
// download: "floe-<name>.csv".
Reply table_reply(Table table, const Params& params, std::string_view name);

// Keeps the occupations (rows with "soc_code" and "title" columns) that the search `query`
// finds: every word of it, in any case, in the title or the code ("nurse", "software dev",
// "15-12").
void keep_matching_occupations(Table& table, std::string_view query);

// Only the columns named (in that order); throws std::out_of_range for an unknown name.
Table select_columns(const Table& table, const std::vector<std::string>& names);

}  // namespace floe::serve
