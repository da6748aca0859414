// HTML building blocks of the report: escaping, and tables rendered from floe::Table so the
// page shows the same columns, labels and number formats as the terminal and the CSV files.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "floe/table.h"

namespace floe::report {

// Text made safe for element content and for attribute values in double or single quotes.
std::string html_escape(std::string_view text);

// A share as a percentage ("12.3%"), as tables show it.
std::string percent(double fraction, int decimals = 1);

struct HtmlTableSpec {
  std::string id;                    // the <table> id, for links and the browser test
  std::vector<std::string> columns;  // machine names of the columns to show, in order
  std::size_t max_rows = 0;          // 0: every row
  // Optional: a CSS color per row, drawn as a swatch before the first column, so a table row
  // can be matched with its map color.
  std::function<std::string(const std::vector<Value>& row)> swatch;
};

// A <table> with a rank column, the table's title as caption and its notes below it.
std::string html_table(const Table& table, const HtmlTableSpec& spec);

// A small table of named rows (settings, levers; no rank column): the first cell of each row is
// its name; no header row when `headers` is empty. Every text is escaped here.
std::string named_rows_table(const std::string& id, const std::string& caption,
                             const std::vector<std::string>& headers,
                             const std::vector<std::vector<std::string>>& rows);

}  // namespace floe::report
