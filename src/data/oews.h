// Reader for BLS Occupational Employment and Wage Statistics (OEWS) files.
//
// One reader takes every layout floe meets: the national files of May 2021-2024 (comma
// separated; 2021 with a BOM, CRLF and thousands separators), the real state and MSA files
// (state_M2023_dl, MSA_M2023_dl, all_data_M_2023: the same columns plus AREA/PRIM_STATE), and
// the shipped state wage subset (AREA_TITLE;OCC_CODE;OCC_TITLE;H_MEAN;A_MEAN, ';'-separated).
// Columns are found by name; OCC_CODE and OCC_TITLE are required, the rest are read when present.
// Any of them may be the .xlsx workbook BLS publishes (read through xlsx.h).
//
// By default rows for single industries or ownerships (in all-data files) are skipped: floe uses
// the cross-industry, all-ownership estimates. With OewsScope::kSectors the reader keeps the
// NAICS sector rows instead: the national industry-specific files (natsector_M<year>_dl), where
// each sector's own ownership code (5 private, 123 government ...) is the one it publishes.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "data/oews_value.h"

namespace floe::data {

enum class OewsGroup : std::uint8_t { kTotal, kMajor, kMinor, kBroad, kDetailed, kUnknown };

// Which industry rows a file's reader keeps (files without I_GROUP have only cross-industry rows).
enum class OewsScope : std::uint8_t {
  kCrossIndustry,  // I_GROUP "cross-industry" and OWN_CODE 1235 (all ownerships)
  kSectors,        // I_GROUP "sector": one row per NAICS sector x occupation
};

// AREA_TYPE: 1 U.S., 2 state, 3 U.S. territory, 4 metropolitan statistical area, 6 nonmetropolitan
// area; 0 when the file has no such column.
enum class OewsAreaType : std::uint8_t {
  kUnknown = 0,
  kNation = 1,
  kState = 2,
  kTerritory = 3,
  kMetro = 4,
  kNonmetro = 6
};
struct OewsRow {
  std::string area;        // AREA code ("99" nation, "01" Alabama, MSA codes); may be empty
  std::string area_title;  // "U.S.", "Alabama", ...
  std::string prim_state;  // "US", "AL", ...; may be empty
  OewsAreaType area_type = OewsAreaType::kUnknown;
  std::string naics;        // NAICS sector ("31", "99") in sector rows; "000000" cross-industry
  std::string naics_title;  // "Manufacturing"
  std::string occ_code;     // SOC or OEWS aggregate code
  std::string occ_title;
  OewsGroup group = OewsGroup::kUnknown;  // kUnknown when the file has no O_GROUP column
  OewsValue employment;                   // TOT_EMP
  OewsValue hourly_mean, annual_mean;     // H_MEAN, A_MEAN
  // A_PCT10, A_PCT25, A_MEDIAN, A_PCT75, A_PCT90 (and the hourly ones).
  std::array<OewsValue, 5> annual_percentiles, hourly_percentiles;
  std::size_t line = 0;
};

struct OewsTable {
  std::string file;
  std::vector<OewsRow> rows;
};

OewsTable read_oews(const std::filesystem::path& path, OewsScope scope = OewsScope::kCrossIndustry);

// The top codes of OEWS wage estimates ("#" means at least this much) by survey year.
struct OewsTopCode {
  double hourly;
  double annual;
};
OewsTopCode oews_top_code(int survey_year);

// OEWS convention: annual wage = hourly wage x 2,080 hours, for occupations paid by the hour.
inline constexpr double kHoursPerYear = 2080.0;

}  // namespace floe::data
