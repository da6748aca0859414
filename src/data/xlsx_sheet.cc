#include "data/xlsx_sheet.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>

#include "data/xml_stream.h"
#include "floe/error.h"

namespace floe::data {
namespace {

// "AF123" -> column 31 (0-based) and row 123; nullopt when malformed.
std::optional<std::pair<std::size_t, std::size_t>> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0, column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (column > 16384) return std::nullopt;  // past XFD, Excel's last column
    ++i;
  }
  std::size_t row = 0;
  const auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (i == 0 || ec != std::errc() || end != ref.data() + ref.size() || row == 0) {
    return std::nullopt;
  }
  return std::make_pair(column - 1, row);
}

// "AF" for column 31 (0-based), for error messages.
std::string column_letters(std::size_t column) {
  std::string s;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26) {
    s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return s;
}

// One CSV field: quoted when it holds a delimiter, a quote or a line break; line breaks become
// spaces so that line N of the text stays row N of the sheet. Leading and trailing blanks are
// left unquoted, so the reader trims them as it does in a CSV file.
void append_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"')
      out += "\"\"";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  out += '"';
}

// Streams the sheet's XML into CSV text, row r on line r: each cell is written as it ends, so
// the sheet is never held as cells. Rows that end short are padded afterwards (pad()).
class SheetToCsv {
 public:
  SheetToCsv(const ZipArchive& zip, const SheetRef& sheet, const std::vector<std::string>& strings)
      : zip_(zip), sheet_(sheet), strings_(strings) {}

  std::string read() {
    // The CSV text is about a quarter of the sheet's XML (BLS workbooks: 19 MB -> 3.5 MB).
    out_.reserve(zip_.size(sheet_.part) / 4);
    XmlStream xml(zip_.file(), sheet_.part,
                  {[this](std::string_view name, const XmlAttributes& a) { start(name, a); },
                   [this](std::string_view name) { end(name); },
                   [this](std::string_view text) {
                     if (in_value_) value_.append(text);
                   }});
    zip_.parse(sheet_.part, xml);
    if (row_ > 0) end_row();
    if (width_ == 0) throw DataError(zip_.file(), 0, "", "sheet '" + sheet_.name + "' is empty");
    pad();
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const {
    throw DataError(zip_.file(), row_, "", "sheet '" + sheet_.name + "': " + problem);
  }
  std::string cell_ref() const { return column_letters(column_) + std::to_string(row_); }

  void start(std::string_view name, const XmlAttributes& a) {
    if (name == "c") {
      const char* t = a.find("t");
      type_ = t ? t[0] : 'n';  // s(hared), str, inlineStr, b(oolean), e(rror), n(umber), d(ate)
      if (t && type_ == 's' && t[1] != 0) type_ = 'f';  // "str": a formula's text result
      column_ = next_column_;
      if (const char* r = a.find("r")) {
        const auto at = parse_cell_ref(r);
        if (!at) fail("cell reference '" + std::string(r) + "' is malformed");
        column_ = at->first;
      }
      if (column_ < next_column_) fail("cell " + cell_ref() + " is out of order");
      next_column_ = column_ + 1;
      value_.clear();
    } else if (name == "v" || name == "t") {
      // <v> holds a value; <t> inside <is> holds an inline string (rich-text runs append).
      in_value_ = true;
    } else if (name == "row") {
      if (row_ > 0) end_row();
      std::size_t n = row_ + 1;
      if (const char* r = a.find("r")) {
        const auto [end, ec] = std::from_chars(r, r + std::strlen(r), n);
        if (ec != std::errc() || *end != 0 || n == 0) {
          fail("row number '" + std::string(r) + "' is not a number");
        }
      }
      if (n <= row_) fail("row " + std::to_string(n) + " is out of order");
      out_.append(n - row_ - 1, '\n');  // blank rows between
      row_ = n;
      next_column_ = 0;
    }
  }

  void end(std::string_view name) {
    if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "c") {
      write_cell();
    }
  }

  void write_cell() {
    std::string_view text = value_;
    if (type_ == 's') {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || end != value_.data() + value_.size()) {
        fail("cell " + cell_ref() + ": shared string index '" + value_ + "' is not a number");
      }
      if (index >= strings_.size()) {
        fail("cell " + cell_ref() + ": shared string " + value_ +
             " out of range (the workbook has " + std::to_string(strings_.size()) + ")");
      }
      text = strings_[index];
    } else if (type_ == 'b') {
      text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : text;
    }  // numbers as stored, inline and formula strings, errors, ISO dates
    if (text.empty()) return;
    // Empty fields up to the cell's column, and the comma before it.
    out_.append(column_ - fields_ + (fields_ > 0 ? 1 : 0), ',');
    append_field(out_, text);
    fields_ = column_ + 1;
  }

  void end_row() {
    out_ += '\n';
    width_ = std::max(width_, fields_);
    rows_.push_back({out_.size(), fields_});
    fields_ = 0;
  }

  // Pads every row to the widest one, so that the delimited reader sees a table.
  void pad() {
    bool ragged = false;
    for (const auto& r : rows_) ragged = ragged || (r.fields != width_);
    if (!ragged) return;
    std::string padded;
    padded.reserve(out_.size() + rows_.size() * 4);
    std::size_t from = 0;
    for (const auto& r : rows_) {
      // The row's line is out_[line_start, r.end - 1); blank lines before it are copied as is.
      padded.append(out_, from, r.end - 1 - from);
      padded.append(width_ - std::max<std::size_t>(r.fields, 1), ',');
      padded += '\n';
      from = r.end;
    }
    padded.append(out_, from, std::string::npos);
    out_ = std::move(padded);
  }

  struct RowEnd {
    std::size_t end;     // offset just past the row's newline
    std::size_t fields;  // fields written (0 for a row without values)
  };

  const ZipArchive& zip_;
  const SheetRef& sheet_;
  const std::vector<std::string>& strings_;
  std::string out_, value_;
  std::vector<RowEnd> rows_;
  std::size_t row_ = 0, column_ = 0, next_column_ = 0;
  std::size_t fields_ = 0;  // fields of the current row written so far (last column + 1)
  std::size_t width_ = 0;   // the widest row
  char type_ = 'n';
  bool in_value_ = false;
};

}  // namespace

std::string sheet_as_csv(const ZipArchive& zip, const SheetRef& sheet,
                         const std::vector<std::string>& strings) {
  return SheetToCsv(zip, sheet, strings).read();
}

}  // namespace floe::data
