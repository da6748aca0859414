// Readers for Census Bureau geography files: population estimates (co-est2023-alldata), the
// county Gazetteer, and OMB's core-based statistical area (CBSA) delineation (list1).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace floe::data {

// co-est2023-alldata.csv: one row per state (SUMLEV 40) and per county (SUMLEV 50).
struct PopulationRow {
  bool is_state = false;
  std::string state_fips;   // "01"
  std::string county_fips;  // "01001"; empty for state rows
  std::string state_name;
  std::string name;  // county name, or the state name
  std::int64_t population = 0;
  std::size_t line = 0;  // where the row starts in its file
};
// Reads the POPESTIMATE<year> column.
std::vector<PopulationRow> read_population_estimates(const std::filesystem::path& path,
                                                     int year = 2023);

// 2024_Gaz_counties_national.txt
struct GazetteerRow {
  std::string usps;  // state abbreviation "AL"
  std::string county_fips;
  std::string name;
  double land_sq_mi = 0;
  double latitude = 0, longitude = 0;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<GazetteerRow> read_gazetteer_counties(const std::filesystem::path& path);

// list1_2023.csv: counties in metropolitan and micropolitan statistical areas.
struct CbsaCountyRow {
  std::string cbsa_code;  // "10100"
  std::string cbsa_title;
  bool metropolitan = false;  // false: micropolitan
  std::string county_fips;
  bool central = false;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<CbsaCountyRow> read_cbsa_delineation(const std::filesystem::path& path);

}  // namespace floe::data
