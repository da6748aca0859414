// The one delimited-text reader every floe input goes through.
//
// It reads a whole file (see text_file.h), finds the header row, and then hands out one record
// at a time. Values are converted by typed accessors that check what they read: a count must be
// a whole, non-negative, finite number; a number must be finite; OEWS special values become
// typed flags. Any problem throws DataError naming the file, the line and the column, so a bad
// file is reported in one line and never half-read.
//
// Handles: ',' ';' and tab delimiters (or sniffed from the header), RFC 4180 quoting (or none,
// as in O*NET's tab files where '"' is literal text), CRLF, UTF-8 BOM, blank and all-empty rows,
// thousands separators ("1,234,567"), preamble lines above the header, quoted fields spanning
// lines, and a last line with or without a newline.
//
// Not thread-safe: one reader per thread. Field views stay valid for the reader's lifetime.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/oews_value.h"

namespace floe::data {

struct Dialect {
  // ',', ';' or '\t'; 0 sniffs the header line and takes the most frequent of the three.
  char delimiter = 0;
  // RFC 4180 double quotes. O*NET's tab-separated files are unquoted: '"' there is text.
  bool quoting = true;
};

class DelimitedReader {
 public:
  // Reads `path` whole. Throws DataError when the file is missing, unreadable or empty.
  explicit DelimitedReader(const std::filesystem::path& path, Dialect dialect = {});
  // Parses `text` as if it were the file `name` (for tests and the fuzzer).
  DelimitedReader(std::string name, std::string text, Dialect dialect = {});

  // Reads the header row. When `first_column` is given, rows above the first row whose first
  // field equals it (titles, notes) are skipped; otherwise the first non-blank row is the header.
  void read_header(std::string_view first_column = {});

  // Index of a column by its header name; throws DataError (header line, that name) if absent.
  std::size_t column(std::string_view name) const;
  // The first of several accepted names (layouts differ between years); throws naming the first.
  std::size_t column_any(std::initializer_list<std::string_view> names) const;
  std::optional<std::size_t> find_column(std::string_view name) const;
  std::size_t column_count() const { return header_.size(); }
  const std::vector<std::string_view>& header() const { return header_; }

  // Advances to the next record; false at the end of the file. Blank and all-empty rows are
  // skipped. A record with the wrong number of fields, an unterminated quote, or a file with no
  // record under its header throws.
  bool next();

  // --- the current record ---
  std::size_t line() const { return line_; }  // 1-based line where the record starts
  std::string_view text(std::size_t col) const { return fields_[col]; }
  // Non-empty text.
  std::string_view required(std::size_t col) const;
  // A whole non-negative number ("1,234" and "302800.0" are fine; "-1", "2.5", "NaN" are not).
  std::int64_t count(std::size_t col) const;
  // A finite number (thousands separators allowed).
  double number(std::size_t col) const;
  // A finite number, or nullopt when the field is empty.
  std::optional<double> optional_number(std::size_t col) const;
  // A number in [lo, hi].
  double number_in(std::size_t col, double lo, double hi) const;
  // An OEWS estimate: a non-negative number or one of the special values * ** # ~.
  OewsValue oews(std::size_t col) const;

  // Whether only the first field of the record is filled: the "Note: ..." and "Source: ..."
  // rows that spreadsheet exports leave under a table.
  bool footnote_row() const;

  // Throws DataError for this record and column.
  [[noreturn]] void fail(std::size_t col, std::string_view problem) const;
  // Throws DataError for this record as a whole (no column).
  [[noreturn]] void fail_record(std::string_view problem) const;

  const std::string& file_name() const { return name_; }

 private:
  bool parse_record();  // into fields_; false at end of input
  std::string_view column_name(std::size_t col) const;

  std::string name_;
  std::string text_;
  Dialect dialect_;
  std::size_t pos_ = 0;        // next unread byte of text_
  std::size_t next_line_ = 1;  // line number of the byte at pos_
  std::size_t line_ = 0;       // line of the current record
  std::size_t header_line_ = 0;
  std::size_t records_ = 0;  // records next() has returned
  std::vector<std::string_view> header_;
  std::vector<std::string_view> fields_;
};

// Parses a finite number with optional thousands separators. Returns nullopt when `s` is not
// one; `why` (if given) receives a short reason.
std::optional<double> parse_number(std::string_view s, std::string* why = nullptr);

}  // namespace floe::data
