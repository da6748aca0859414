#include "data/delimited.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "data/text_file.h"
#include "data/xlsx.h"
#include "floe/error.h"

namespace floe::data {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether every ',' in the integer part of `s` separates groups of three digits ("1,234,567").
bool valid_thousands(std::string_view s) {
  std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  std::size_t end = s.find_first_of(".eE", i);
  if (end == std::string_view::npos) end = s.size();
  std::string_view integer = s.substr(i, end - i);
  std::size_t group = 0;
  bool first = true;
  for (char c : integer) {
    if (c == ',') {
      if ((first && (group == 0 || group > 3)) || (!first && group != 3)) return false;
      first = false;
      group = 0;
    } else if (is_digit(c)) {
      ++group;
    } else {
      return false;
    }
  }
  return first || group == 3;
}

char sniff_delimiter(std::string_view text) {
  const std::string_view line = text.substr(0, text.find('\n'));
  const auto commas = std::count(line.begin(), line.end(), ',');
  const auto semis = std::count(line.begin(), line.end(), ';');
  const auto tabs = std::count(line.begin(), line.end(), '\t');
  if (tabs > commas && tabs >= semis) return '\t';
  if (semis > commas) return ';';
  return ',';
}

std::string_view trim(std::string_view s, char delimiter) {
  auto blank = [delimiter](char c) { return c == ' ' || (c == '\t' && delimiter != '\t'); };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && (blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<double> parse_number(std::string_view s, std::string* why) {
  auto reject = [why](const char* reason) -> std::optional<double> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (s.empty()) return reject("empty");
  char buf[64];
  std::size_t n = 0;
  const bool grouped = s.find(',') != std::string_view::npos;
  if (grouped && !valid_thousands(s)) return reject("not a number (bad thousands separators)");
  std::size_t i = 0;
  if (s[0] == '+') i = 1;  // from_chars takes '-' but not '+'
  for (; i < s.size(); ++i) {
    if (s[i] == ',') continue;
    if (n == sizeof buf) return reject("not a number (too long)");
    buf[n++] = s[i];
  }
  double value = 0;
  const auto [ptr, ec] = std::from_chars(buf, buf + n, value);
  if (ec == std::errc::result_out_of_range) return reject("not a finite number (out of range)");
  if (ec != std::errc() || ptr != buf + n) return reject("not a number");
  if (!std::isfinite(value)) return reject("not a finite number");
  return value;
}

// A workbook (.xlsx) is read as the CSV text of its first visible sheet (xlsx.h).
DelimitedReader::DelimitedReader(const std::filesystem::path& path, Dialect dialect)
    : DelimitedReader(path.string(), is_xlsx(path) ? xlsx_sheet_as_csv(path) : read_text_file(path),
                      is_xlsx(path) ? Dialect{',', true} : dialect) {}

DelimitedReader::DelimitedReader(std::string name, std::string text, Dialect dialect)
    : name_(std::move(name)), text_(std::move(text)), dialect_(dialect) {
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) text_.erase(0, 3);
  if (text_.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw DataError(name_, 0, "", "empty file");
  }
  if (dialect_.delimiter == 0) dialect_.delimiter = sniff_delimiter(text_);
}

bool DelimitedReader::parse_record() {
  fields_.clear();
  if (pos_ >= text_.size()) return false;
  line_ = next_line_;
  const char delim = dialect_.delimiter;
  char* const data = text_.data();
  const std::size_t size = text_.size();
  std::size_t i = pos_;
  for (;;) {
    // One field starting at i.
    std::size_t start = i;
    while (start < size && data[start] == ' ' && delim != ' ') ++start;
    if (dialect_.quoting && start < size && data[start] == '"') {
      // Quoted: unescape "" in place; the field may span lines.
      std::size_t r = start + 1, w = start + 1;
      bool closed = false;
      while (r < size) {
        const char c = data[r];
        if (c == '"') {
          if (r + 1 < size && data[r + 1] == '"') {
            data[w++] = '"';
            r += 2;
            continue;
          }
          closed = true;
          ++r;
          break;
        }
        if (c == '\n') ++next_line_;
        data[w++] = c;
        ++r;
      }
      if (!closed) {
        pos_ = size;
        const std::size_t col = fields_.size();
        throw DataError(name_, line_, std::string(column_name(col)),
                        "unterminated quoted field (file truncated?)");
      }
      fields_.emplace_back(data + start + 1, w - start - 1);
      while (r < size && (data[r] == ' ' || data[r] == '\r')) ++r;
      if (r < size && data[r] != delim && data[r] != '\n') {
        pos_ = size;
        throw DataError(name_, line_, std::string(column_name(fields_.size() - 1)),
                        "text after a closing quote");
      }
      i = r;
    } else {
      std::size_t end = i;
      while (end < size && data[end] != delim && data[end] != '\n') ++end;
      fields_.push_back(trim(std::string_view(data + i, end - i), delim));
      i = end;
    }
    if (i >= size) break;
    if (data[i] == '\n') {
      ++i;
      ++next_line_;
      break;
    }
    ++i;  // delimiter: another field follows (possibly empty, possibly at end of text)
    if (i >= size) {
      fields_.emplace_back();
      break;
    }
  }
  pos_ = i;
  return true;
}

void DelimitedReader::read_header(std::string_view first_column) {
  for (;;) {
    if (!parse_record()) {
      throw DataError(name_, 0, first_column.empty() ? "" : std::string(first_column),
                      first_column.empty() ? "no header row" : "no header row starting with it");
    }
    const bool blank =
        std::all_of(fields_.begin(), fields_.end(), [](std::string_view f) { return f.empty(); });
    if (blank) continue;
    if (first_column.empty() || fields_.front() == first_column) break;
  }
  header_ = fields_;
  header_line_ = line_;
  fields_.clear();
}

std::optional<std::size_t> DelimitedReader::find_column(std::string_view name) const {
  const auto it = std::find(header_.begin(), header_.end(), name);
  if (it == header_.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header_.begin());
}

std::size_t DelimitedReader::column(std::string_view name) const {
  if (auto col = find_column(name)) return *col;
  throw DataError(name_, header_line_, std::string(name), "missing column");
}

std::size_t DelimitedReader::column_any(std::initializer_list<std::string_view> names) const {
  for (auto name : names) {
    if (auto col = find_column(name)) return *col;
  }
  throw DataError(name_, header_line_, std::string(*names.begin()), "missing column");
}

bool DelimitedReader::next() {
  for (;;) {
    if (!parse_record()) {
      // A table with a header and nothing under it is a truncated or wrong file, never data.
      if (records_ == 0) {
        throw DataError(name_, header_line_, "", "no data rows under the header (file truncated?)");
      }
      return false;
    }
    const bool blank =
        std::all_of(fields_.begin(), fields_.end(), [](std::string_view f) { return f.empty(); });
    if (blank) continue;
    if (fields_.size() != header_.size()) {
      const bool last = pos_ >= text_.size();
      std::string problem = "expected " + std::to_string(header_.size()) + " fields, found " +
                            std::to_string(fields_.size());
      if (last && fields_.size() < header_.size()) problem += " (file truncated?)";
      fail_record(problem);
    }
    ++records_;
    return true;
  }
}

std::string_view DelimitedReader::column_name(std::size_t col) const {
  if (col < header_.size()) return header_[col];
  return {};
}

void DelimitedReader::fail(std::size_t col, std::string_view problem) const {
  std::string field(column_name(col));
  if (field.empty()) field = "column " + std::to_string(col + 1);
  throw DataError(name_, line_, field, std::string(problem));
}

void DelimitedReader::fail_record(std::string_view problem) const {
  throw DataError(name_, line_, "", std::string(problem));
}

bool DelimitedReader::footnote_row() const {
  if (fields_.empty() || fields_.front().empty()) return false;
  return std::all_of(fields_.begin() + 1, fields_.end(),
                     [](std::string_view f) { return f.empty(); });
}

std::string_view DelimitedReader::required(std::size_t col) const {
  const std::string_view s = fields_[col];
  if (s.empty()) fail(col, "empty value");
  return s;
}

double DelimitedReader::number(std::size_t col) const {
  std::string why;
  const std::string_view s = fields_[col];
  if (auto v = parse_number(s, &why)) return *v;
  fail(col, why + ": " + quote(s));
}

std::optional<double> DelimitedReader::optional_number(std::size_t col) const {
  if (fields_[col].empty()) return std::nullopt;
  return number(col);
}

double DelimitedReader::number_in(std::size_t col, double lo, double hi) const {
  const double v = number(col);
  if (v < lo || v > hi) {
    char range[64];
    std::snprintf(range, sizeof range, "out of range [%g, %g]: ", lo, hi);
    fail(col, range + quote(fields_[col]));
  }
  return v;
}

std::int64_t DelimitedReader::count(std::size_t col) const {
  const double v = number(col);
  if (v < 0) fail(col, "negative count: " + quote(fields_[col]));
  if (v != std::floor(v)) fail(col, "not a whole number: " + quote(fields_[col]));
  if (v > 9.0e15) fail(col, "count too large: " + quote(fields_[col]));
  return static_cast<std::int64_t>(v);
}

OewsValue DelimitedReader::oews(std::size_t col) const {
  const std::string_view s = fields_[col];
  if (s.empty()) return {0.0, OewsFlag::kMissing};
  if (s == "*" || s == "**") return {0.0, OewsFlag::kNotReleased};
  if (s == "#") return {0.0, OewsFlag::kTopCoded};
  if (s == "~") return {0.0, OewsFlag::kUnderHalfPercent};
  const double v = number(col);
  if (v < 0) fail(col, "negative value: " + quote(s));
  return {v, OewsFlag::kValue};
}

}  // namespace floe::data
