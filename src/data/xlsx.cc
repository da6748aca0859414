#include "data/xlsx.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "data/xml_stream.h"
#include "floe/error.h"

namespace floe::data {
namespace {

// An open workbook archive; parts are read by name.
class Archive {
 public:
  explicit Archive(const std::filesystem::path& path) : file_(path.string()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      throw DataError(file_, 0, "", "missing file (not found or not a regular file)");
    }
    int code = 0;
    zip_ = zip_open(file_.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!zip_) {
      zip_error_t error;
      zip_error_init_with_code(&error, code);
      std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      if (code == ZIP_ER_NOZIP) why = "not a zip archive";
      throw DataError(file_, 0, "", "not a readable .xlsx workbook (" + why + ")");
    }
  }
  ~Archive() { zip_discard(zip_); }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  const std::string& file() const { return file_; }
  bool has(const std::string& part) const { return zip_name_locate(zip_, part.c_str(), 0) >= 0; }

  // Streams the part's bytes into `xml`, in pieces.
  void parse(const std::string& part, XmlStream& xml) const {
    const zip_int64_t index = zip_name_locate(zip_, part.c_str(), 0);
    if (index < 0) throw DataError(file_, 0, "", "part '" + part + "' is missing");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> entry(
        zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0), zip_fclose);
    if (!entry) damaged(part, zip_strerror(zip_));
    std::vector<char> buffer(1 << 16);
    for (;;) {
      const zip_int64_t n = zip_fread(entry.get(), buffer.data(), buffer.size());
      if (n < 0) damaged(part, zip_error_strerror(zip_file_get_error(entry.get())));
      xml.feed(buffer.data(), static_cast<std::size_t>(n), n == 0);
      if (n == 0) break;
    }
  }

 private:
  [[noreturn]] void damaged(const std::string& part, const char* why) const {
    throw DataError(file_, 0, "",
                    "part '" + part + "' is damaged (truncated or corrupt): " + std::string(why));
  }

  std::string file_;
  zip_t* zip_ = nullptr;
};

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" from the root.
std::string part_path(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

struct SheetRef {
  std::string name, part;
};

// The first visible sheet and the shared-strings part, from the workbook and its relationships.
std::pair<SheetRef, std::string> locate_parts(const Archive& zip) {
  const std::string workbook = "xl/workbook.xml";
  if (!zip.has(workbook)) {
    throw DataError(zip.file(), 0, "", "not an .xlsx workbook (no part '" + workbook + "')");
  }
  std::string sheet_name, sheet_rel;
  XmlStream wb(zip.file(), workbook,
               {[&](std::string_view name, const XmlAttributes& a) {
                  if (name != "sheet" || !sheet_rel.empty()) return;
                  const char* state = a.find("state");
                  if (state && std::string_view(state) != "visible") return;
                  const char* id = a.find("id");
                  const char* sheet = a.find("name");
                  if (!id) return;
                  sheet_rel = id;
                  sheet_name = sheet ? sheet : "";
                },
                {},
                {}});
  zip.parse(workbook, wb);
  if (sheet_rel.empty()) throw DataError(zip.file(), 0, "", "the workbook has no visible sheet");

  const std::string rels = "xl/_rels/workbook.xml.rels";
  std::string sheet_part, strings_part;
  XmlStream rx(zip.file(), rels,
               {[&](std::string_view name, const XmlAttributes& a) {
                  if (name != "Relationship") return;
                  const char* id = a.find("Id");
                  const char* target = a.find("Target");
                  const char* type = a.find("Type");
                  if (!id || !target) return;
                  if (sheet_rel == id) sheet_part = part_path(target);
                  if (type && std::string_view(type).ends_with("/sharedStrings")) {
                    strings_part = part_path(target);
                  }
                },
                {},
                {}});
  if (zip.has(rels)) zip.parse(rels, rx);
  if (sheet_part.empty()) {
    throw DataError(zip.file(), 0, "",
                    "sheet '" + sheet_name + "': no relationship '" + sheet_rel + "' in " + rels);
  }
  if (!zip.has(sheet_part)) {
    throw DataError(zip.file(), 0, "",
                    "sheet '" + sheet_name + "': part '" + sheet_part + "' is missing");
  }
  return {{sheet_name, sheet_part}, strings_part};
}

// The shared strings: each <si> is one string, the text of its <t> elements (rich-text runs
// concatenated; phonetic <rPh> runs left out).
std::vector<std::string> read_shared_strings(const Archive& zip, const std::string& part) {
  std::vector<std::string> strings;
  if (part.empty() || !zip.has(part)) return strings;
  bool in_t = false;
  int phonetic = 0;
  XmlStream xml(zip.file(), part,
                {[&](std::string_view name, const XmlAttributes&) {
                   if (name == "si") strings.emplace_back();
                   if (name == "rPh") ++phonetic;
                   if (name == "t") in_t = phonetic == 0 && !strings.empty();
                 },
                 [&](std::string_view name) {
                   if (name == "t") in_t = false;
                   if (name == "rPh") --phonetic;
                 },
                 [&](std::string_view text) {
                   if (in_t) strings.back().append(text);
                 }});
  zip.parse(part, xml);
  return strings;
}

// "AF123" -> column 31 (0-based) and row 123; nullopt when malformed.
std::optional<std::pair<std::size_t, std::size_t>> parse_cell_ref(std::string_view ref) {
  std::size_t i = 0, column = 0;
  while (i < ref.size() && std::isupper(static_cast<unsigned char>(ref[i]))) {
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

// One cell being read.
struct Cell {
  std::string type;  // the t attribute: s, str, inlineStr, b, e, n (or empty), d
  std::string ref;
  std::size_t column = 0;
  std::string value;
  bool in_value = false;
};

// The sheet's rows: rows[r] holds the texts of row r + 1 by column (empty where blank).
class SheetReader {
 public:
  SheetReader(const Archive& zip, const SheetRef& sheet, const std::vector<std::string>& strings)
      : zip_(zip), sheet_(sheet), strings_(strings) {}

  std::vector<std::vector<std::string>> read() {
    XmlStream xml(zip_.file(), sheet_.part,
                  {[this](std::string_view name, const XmlAttributes& a) { start(name, a); },
                   [this](std::string_view name) { end(name); },
                   [this](std::string_view text) {
                     if (cell_.in_value) cell_.value.append(text);
                   }});
    zip_.parse(sheet_.part, xml);
    return std::move(rows_);
  }

 private:
  [[noreturn]] void fail(const std::string& problem) const {
    throw DataError(zip_.file(), row_, "", "sheet '" + sheet_.name + "': " + problem);
  }

  void start(std::string_view name, const XmlAttributes& a) {
    if (name == "row") {
      const char* r = a.find("r");
      std::size_t n = row_ + 1;
      if (r && (std::from_chars(r, r + std::strlen(r), n).ec != std::errc() || n == 0)) {
        fail("row number '" + std::string(r) + "' is not a number");
      }
      row_ = n;
      next_column_ = 0;
    } else if (name == "c") {
      cell_ = Cell{};
      const char* t = a.find("t");
      cell_.type = t ? t : "";
      const char* r = a.find("r");
      cell_.column = next_column_;
      if (r) {
        cell_.ref = r;
        const auto at = parse_cell_ref(r);
        if (!at) fail("cell reference '" + cell_.ref + "' is malformed");
        cell_.column = at->first;
      } else {
        cell_.ref = "column " + std::to_string(cell_.column + 1);
      }
      next_column_ = cell_.column + 1;
    } else if (name == "v" || name == "t") {
      // <v> holds a value; <t> inside <is> holds an inline string (rich-text runs append).
      cell_.in_value = true;
    }
  }

  void end(std::string_view name) {
    if (name == "v" || name == "t") {
      cell_.in_value = false;
    } else if (name == "c") {
      store(cell_text());
    }
  }

  std::string cell_text() {
    std::string& v = cell_.value;
    if (cell_.type == "s") {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
      if (ec != std::errc() || end != v.data() + v.size()) {
        fail("cell " + cell_.ref + ": shared string index '" + v + "' is not a number");
      }
      if (index >= strings_.size()) {
        fail("cell " + cell_.ref + ": shared string " + v + " out of range (the workbook has " +
             std::to_string(strings_.size()) + ")");
      }
      return strings_[index];
    }
    if (cell_.type == "b") return v == "1" ? "TRUE" : v == "0" ? "FALSE" : v;
    return std::move(v);  // numbers as stored, inline and formula strings, errors, ISO dates
  }

  void store(std::string text) {
    if (text.empty()) return;
    if (rows_.size() < row_) rows_.resize(row_);
    auto& row = rows_[row_ - 1];
    if (row.size() <= cell_.column) row.resize(cell_.column + 1);
    row[cell_.column] = std::move(text);
  }

  const Archive& zip_;
  const SheetRef& sheet_;
  const std::vector<std::string>& strings_;
  std::vector<std::vector<std::string>> rows_;
  std::size_t row_ = 0, next_column_ = 0;
  Cell cell_;
};

// One CSV field: quoted when it holds a delimiter, a quote or a line break; line breaks become
// spaces so that line N of the text stays row N of the sheet. Leading and trailing blanks are
// left unquoted, so the reader trims them as it does in a CSV file.
void append_field(std::string& out, const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) {
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

}  // namespace

bool is_xlsx(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx";
}

std::string xlsx_sheet_as_csv(const std::filesystem::path& path) {
  const Archive zip(path);
  const auto [sheet, strings_part] = locate_parts(zip);
  const std::vector<std::string> strings = read_shared_strings(zip, strings_part);
  const auto rows = SheetReader(zip, sheet, strings).read();
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.size());
  if (width == 0) throw DataError(zip.file(), 0, "", "sheet '" + sheet.name + "' is empty");
  std::string out;
  for (const auto& row : rows) {
    if (!row.empty()) {
      for (std::size_t c = 0; c < width; ++c) {
        if (c > 0) out += ',';
        if (c < row.size() && !row[c].empty()) append_field(out, row[c]);
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace floe::data
