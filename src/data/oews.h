// Reader for BLS Occupational Employment and Wage Statistics (OEWS) files.
//
// One reader takes every layout floe meets: the national files of May 2021-2024 (comma
// separated; 2021 with a BOM, CRLF and thousands separators), the real state and MSA files
// (state_M2023_dl, MSA_M2023_dl, all_data_M_2023: the same columns plus AREA/PRIM_STATE), and
// the shipped state wage subset (AREA_TITLE;OCC_CODE;OCC_TITLE;H_MEAN;A_MEAN, ';'-separated).
// Columns are found by name; OCC_CODE and OCC_TITLE are required, the rest are read when present.
// Rows for single industries or ownerships (in all-data files) are skipped: floe uses the
// cross-industry, all-ownership estimates.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "data/oews_value.h"

namespace floe::data {

enum class OewsGroup : std::uint8_t { kTotal, kMajor, kMinor, kBroad, kDetailed, kUnknown };

struct OewsRow {
  std::string area;        // AREA code ("99" nation, "01" Alabama, MSA codes); may be empty
  std::string area_title;  // "U.S.", "Alabama", ...
  std::string prim_state;  // "US", "AL", ...; may be empty
  std::string occ_code;    // SOC or OEWS aggregate code
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

OewsTable read_oews(const std::filesystem::path& path);

// The top codes of OEWS wage estimates ("#" means at least this much) by survey year.
struct OewsTopCode {
  double hourly;
  double annual;
};
OewsTopCode oews_top_code(int survey_year);

// OEWS convention: annual wage = hourly wage x 2,080 hours, for occupations paid by the hour.
inline constexpr double kHoursPerYear = 2080.0;

}  // namespace floe::data
