#include "data/xlsx.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "data/xlsx_sheet.h"
#include "data/xml_stream.h"
#include "data/zip_archive.h"
#include "floe/error.h"

namespace floe::data {
namespace {

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" from the root.
std::string part_path(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

// The first visible sheet and the shared-strings part, from the workbook and its relationships.
std::pair<SheetRef, std::string> locate_parts(const ZipArchive& zip) {
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
std::vector<std::string> read_shared_strings(const ZipArchive& zip, const std::string& part) {
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

}  // namespace

bool is_xlsx(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx";
}

std::string xlsx_sheet_as_csv(const std::filesystem::path& path) {
  const ZipArchive zip(path);
  const auto [sheet, strings_part] = locate_parts(zip);
  const std::vector<std::string> strings = read_shared_strings(zip, strings_part);
  return sheet_as_csv(zip, sheet, strings);
}

}  // namespace floe::data
