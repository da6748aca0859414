// Reader for Census County Business Patterns (CBP) county files as published (cbp<YY>co.txt,
// the "Complete County File"): employment by county and NAICS industry, mid-March.
//
// floe reads the sector rows ("31----", two digits then dashes): employees per county and NAICS
// sector. Files before 2017 withhold some cells, leaving emp 0 and a size-class letter in
// EMPFLAG; such a cell is taken at its class midpoint (A 0-19 -> 10 ... M 100,000+ -> 100,000)
// and flagged. Column names are read in either case (files since 2015 write them lower case).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace floe::data {

struct CbpRow {
  std::string state_fips;   // "01"
  std::string county_fips;  // "01001"; "01999" for establishments with no fixed county
  std::string naics;        // the sector's first code: "31" for 31-33
  double employment = 0;
  bool withheld = false;  // EMPFLAG set: employment is the size class's midpoint
  std::size_t line = 0;
};

std::vector<CbpRow> read_county_business_patterns(const std::filesystem::path& path);

}  // namespace floe::data
