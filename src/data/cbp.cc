#include "data/cbp.h"

#include <array>
#include <utility>

#include "data/codes.h"
#include "data/delimited.h"

namespace floe::data {
namespace {

// The employment size classes of withheld cells (CBP record layouts before 2017) and their
// midpoints; M (100,000 or more) is taken at its lower bound.
double size_class_midpoint(const DelimitedReader& r, std::size_t col) {
  static constexpr std::array<std::pair<char, double>, 12> kClasses = {{{'A', 10},
                                                                        {'B', 60},
                                                                        {'C', 175},
                                                                        {'E', 375},
                                                                        {'F', 750},
                                                                        {'G', 1750},
                                                                        {'H', 3750},
                                                                        {'I', 7500},
                                                                        {'J', 17500},
                                                                        {'K', 37500},
                                                                        {'L', 75000},
                                                                        {'M', 100000}}};
  const std::string_view flag = r.text(col);
  for (const auto& [letter, midpoint] : kClasses) {
    if (flag.size() == 1 && flag[0] == letter) return midpoint;
  }
  r.fail(col, "expected an employment size class letter (A-M), got '" + std::string(flag) + "'");
}

std::string fips_field(const DelimitedReader& r, std::size_t col, std::size_t digits) {
  const std::string padded = pad_fips(r.text(col), digits);
  if (!is_fips(padded, digits)) {
    r.fail(col, "not a " + std::to_string(digits) + "-digit FIPS code: '" +
                    std::string(r.text(col)) + "'");
  }
  return padded;
}

}  // namespace

std::vector<CbpRow> read_county_business_patterns(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto state = r.column_any({"fipstate", "FIPSTATE"}),
             county = r.column_any({"fipscty", "FIPSCTY"}),
             naics = r.column_any({"naics", "NAICS"}), emp = r.column_any({"emp", "EMP"});
  auto flag = r.find_column("empflag");
  if (!flag) flag = r.find_column("EMPFLAG");
  std::vector<CbpRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    const std::string_view code = r.required(naics);
    // Sector rows: two digits and four dashes ("31----"); "------" is the total.
    if (code.size() != 6 || code.substr(2) != "----" || code[0] == '-') continue;
    CbpRow row;
    row.state_fips = fips_field(r, state, 2);
    row.county_fips = row.state_fips + fips_field(r, county, 3);
    row.naics = std::string(code.substr(0, 2));
    if (row.naics.find_first_not_of("0123456789") != std::string::npos) {
      r.fail(naics, "not a NAICS sector code: '" + std::string(code) + "'");
    }
    row.employment = static_cast<double>(r.count(emp));
    if (flag && !r.text(*flag).empty()) {
      row.withheld = true;
      row.employment = size_class_midpoint(r, *flag);
    }
    keys.insert(r, naics, row.county_fips + "|" + row.naics);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace floe::data
