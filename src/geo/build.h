// Building the Geography from the Census readers' rows.
#pragma once

#include <string>
#include <vector>

#include "data/census.h"
#include "floe/geo.h"

namespace floe::geo {

struct Inputs {
  std::vector<data::PopulationRow> population;
  std::vector<data::GazetteerRow> gazetteer;
  std::vector<data::CbsaCountyRow> cbsa;
  std::string population_file, gazetteer_file, cbsa_file;
};

// States: every state in the population file plus Puerto Rico, Guam and the U.S. Virgin Islands
// (which OEWS covers). Counties: every county row of the population file, with area and position
// from the Gazetteer and metro status from the CBSA delineation, plus one territory-wide
// county-equivalent per territory. Throws DataError for a county
// of an unknown state, a Gazetteer or CBSA county that the population file lacks is reported,
// not an error (the Gazetteer also lists Puerto Rico's municipios, which have no estimate here).
Geography build_geography(const Inputs& in);

// The FIPS code, USPS abbreviation and name of a US state, DC or territory (ANSI INCITS 38).
struct StateCode {
  const char* fips;
  const char* usps;
  const char* name;
};
const StateCode* find_state_code(std::string_view name_fips_or_usps);

}  // namespace floe::geo
