#include "data/crosswalk.h"

#include "data/codes.h"
#include "data/delimited.h"
#include "floe/error.h"

namespace floe::data {
namespace {

std::string soc(const DelimitedReader& r, std::size_t col) {
  const std::string_view s = r.text(col);
  if (!is_soc_code(s)) r.fail(col, "not a SOC code (like 15-1252): " + quote(s));
  return std::string(s);
}

}  // namespace

std::vector<OnetToSocRow> read_onet_to_soc(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header("Sort Order");
  const auto onet = r.column("O*NET-SOC Code"), onet_title = r.column("O*NET-SOC Title"),
             nem = r.column("NEM Code"),
             nem_title = r.column("National Employment Matrix Occupational Title");
  std::vector<OnetToSocRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    OnetToSocRow row{std::string(r.text(onet)), std::string(r.required(onet_title)), soc(r, nem),
                     std::string(r.text(nem_title))};
    if (!is_onet_soc_code(row.onet_code)) {
      r.fail(onet, "not an O*NET-SOC code (like 15-1252.00): " + quote(row.onet_code));
    }
    keys.insert(r, onet, row.onet_code);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<SocStructureRow> read_soc_structure(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header("Major Group");
  const std::size_t levels[] = {r.column("Major Group"), r.column("Minor Group"),
                                r.column("Broad Occupation"), r.column("Detailed Occupation"),
                                r.column("Detailed O*NET-SOC")};
  const auto title = r.column("SOC or O*NET-SOC 2019 Title");
  std::vector<SocStructureRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    int found = -1;
    for (int i = 0; i < 5; ++i) {
      if (r.text(levels[i]).empty()) continue;
      if (found >= 0) r.fail(levels[i], "more than one code on the row");
      found = i;
    }
    if (found < 0) r.fail_record("no code on the row");
    SocStructureRow row{static_cast<SocLevel>(found), std::string(r.text(levels[found])),
                        std::string(r.required(title))};
    const bool ok =
        row.level == SocLevel::kOnet ? is_onet_soc_code(row.code) : is_soc_code(row.code);
    if (!ok) r.fail(levels[found], "malformed code " + quote(row.code));
    keys.insert(r, levels[found], row.code);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<Soc2010To2018Row> read_soc_2010_to_2018(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header("2010 SOC Code");
  const auto from = r.column("2010 SOC Code"), to = r.column("2018 SOC Code");
  std::vector<Soc2010To2018Row> rows;
  UniqueKeys keys;
  while (r.next()) {
    Soc2010To2018Row row{soc(r, from), soc(r, to)};
    keys.insert(r, to, row.soc2010 + " " + row.soc2018);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace floe::data
