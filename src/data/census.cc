#include "data/census.h"

#include "data/codes.h"
#include "data/delimited.h"
#include "floe/error.h"

namespace floe::data {
namespace {

std::string fips(const DelimitedReader& r, std::size_t col, std::size_t digits) {
  const std::string padded = pad_fips(r.text(col), digits);
  if (!is_fips(padded, digits)) {
    r.fail(col, "not a " + std::to_string(digits) + "-digit FIPS code: " + quote(r.text(col)));
  }
  return padded;
}

}  // namespace

std::vector<PopulationRow> read_population_estimates(const std::filesystem::path& path, int year) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto sumlev = r.column("SUMLEV"), state = r.column("STATE"), county = r.column("COUNTY"),
             stname = r.column("STNAME"), ctyname = r.column("CTYNAME"),
             pop = r.column("POPESTIMATE" + std::to_string(year));
  std::vector<PopulationRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    PopulationRow row;
    const std::string_view level = r.text(sumlev);
    if (level != "40" && level != "50") r.fail(sumlev, "expected 40 (state) or 50 (county)");
    row.is_state = level == "40";
    row.state_fips = fips(r, state, 2);
    if (!row.is_state) row.county_fips = row.state_fips + fips(r, county, 3);
    row.state_name = std::string(r.required(stname));
    row.name = std::string(r.required(ctyname));
    row.population = r.count(pop);
    keys.insert(r, row.is_state ? state : county, row.is_state ? row.state_fips : row.county_fips);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<GazetteerRow> read_gazetteer_counties(const std::filesystem::path& path) {
  DelimitedReader r(path, {'\t', false});
  r.read_header();
  const auto usps = r.column("USPS"), geoid = r.column("GEOID"), name = r.column("NAME"),
             land = r.column("ALAND_SQMI"), lat = r.column("INTPTLAT"), lon = r.column("INTPTLONG");
  std::vector<GazetteerRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    GazetteerRow row{std::string(r.required(usps)), fips(r, geoid, 5),
                     std::string(r.required(name)), r.number(land),
                     r.number_in(lat, -90, 90),     r.number_in(lon, -180, 180)};
    if (row.land_sq_mi < 0) r.fail(land, "negative area");
    keys.insert(r, geoid, row.county_fips);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<CbsaCountyRow> read_cbsa_delineation(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header("CBSA Code");
  const auto code = r.column("CBSA Code"), title = r.column("CBSA Title"),
             kind = r.column("Metropolitan/Micropolitan Statistical Area"),
             state = r.column("FIPS State Code"), county = r.column("FIPS County Code"),
             central = r.column("Central/Outlying County");
  std::vector<CbsaCountyRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    if (r.footnote_row()) continue;  // "Note: ..." and "Source: ..." under the table
    CbsaCountyRow row;
    row.cbsa_code = std::string(r.required(code));
    row.cbsa_title = std::string(r.required(title));
    const std::string_view k = r.text(kind);
    if (k == "Metropolitan Statistical Area") {
      row.metropolitan = true;
    } else if (k != "Micropolitan Statistical Area") {
      r.fail(kind, "expected Metropolitan or Micropolitan Statistical Area");
    }
    row.county_fips = fips(r, state, 2) + fips(r, county, 3);
    const std::string_view c = r.text(central);
    if (c != "Central" && c != "Outlying") r.fail(central, "expected Central or Outlying");
    row.central = c == "Central";
    keys.insert(r, county, row.county_fips);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace floe::data
