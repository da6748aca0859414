// A result table, and how it is written: aligned text for the terminal, CSV and JSON for other
// programs. Every floe output that is a list of rows goes through this one type, so the CLI,
// the SQLite store, the HTML report and the dashboard show the same columns.
#pragma once

#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace floe {

enum class ColumnKind : std::uint8_t {
  kText,
  kCount,    // people: 12,345 in text; raw in CSV/JSON
  kDollars,  // $1.2B in text; raw in CSV/JSON
  kShare,    // a fraction 0..1: 12.3% in text; the fraction in CSV/JSON
  kNumber,   // a plain number (precision digits in text)
  kFlag,     // yes / no
  // A statistic of any size (168 a month, a share of 0.143, a ratio of 19.6): three significant
  // digits in text, whole and grouped from 100 up (1,234); raw in CSV/JSON.
  kStatistic,
};

struct Column {
  std::string name;   // machine name: CSV header, JSON key, SQL column ("iceberg")
  std::string label;  // human label for text and HTML ("Iceberg index")
  ColumnKind kind = ColumnKind::kText;
  int precision = 1;  // decimals in text for kShare (as percent) and kNumber
};

using Value = std::variant<std::monostate, std::string, double, bool>;  // monostate: empty

struct Table {
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
  std::vector<std::string> notes;  // footnotes: estimation flags, sources

  std::size_t column(const std::string& name) const;  // throws std::out_of_range
};

// Formats one value for people: "12.3%", "$1.23B", "12,345", "yes"; negatives with the minus
// sign U+2212 before any dollar sign ("−$33.7M").
std::string format_value(const Value& value, const Column& column);

// A number for other programs (CSV, JSON): rounded to 12 significant digits, so that the noise of
// summing doubles goes ("677780", not "677779.9999999985"), but never inside its whole part
// (1377620126492 stays); never an exponent, no trailing zeros. "" for NaN.
std::string plain_number(double value);

// Aligned text; at most max_rows rows (0: all), then the notes.
void write_text(std::ostream& out, const Table& table, std::size_t max_rows = 0);
// RFC 4180 CSV with a header row; numbers as plain_number writes them.
void write_csv(std::ostream& out, const Table& table);
// {"title": ..., "columns": [...], "rows": [{name: value, ...}], "notes": [...]}; numbers as
// plain_number writes them, whole numbers as integers.
void write_json(std::ostream& out, const Table& table);

}  // namespace floe
