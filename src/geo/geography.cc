#include <algorithm>

#include "floe/geo.h"
#include "geo/build.h"

namespace floe {

std::optional<StateId> Geography::find_state(std::string_view key) const {
  const geo::StateCode* code = geo::find_state_code(key);
  if (!code) return std::nullopt;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i].fips == code->fips) return StateId(i);
  }
  return std::nullopt;
}

std::optional<CountyId> Geography::find_county(std::string_view fips) const {
  const auto it = std::lower_bound(counties.begin(), counties.end(), fips,
                                   [](const County& c, std::string_view f) { return c.fips < f; });
  if (it == counties.end() || it->fips != fips) return std::nullopt;
  return CountyId(static_cast<std::size_t>(it - counties.begin()));
}

std::vector<CountyId> Geography::census_counties_for_atlas(std::string_view atlas_fips) const {
  if (auto id = find_county(atlas_fips)) return {*id};
  // Boundary changes between the 2017 map and the 2023 estimates (Census Bureau, "Substantial
  // changes to counties and county equivalent entities"):
  //  - Connecticut replaced its 8 counties (09001-09015) by 9 planning regions (09110-09190) in
  //    2022. Their borders differ, so each old county stands for the whole state's regions.
  //  - Alaska split Valdez-Cordova (02261) into Chugach (02063) and Copper River (02066) in 2019.
  //  - Puerto Rico, Guam and the U.S. Virgin Islands have no county figures in the data, only
  //    one territory-wide county-equivalent ("72000"): each of their map shapes (Puerto Rico's
  //    78 municipios, the Virgin Islands' three islands) stands for it.
  if (atlas_fips.size() == 5) {
    const auto whole = find_county(std::string(atlas_fips.substr(0, 2)) + "000");
    if (whole && counties[whole->index()].territory_wide) return {*whole};
  }
  std::vector<std::string_view> replaced_by;
  if (atlas_fips.size() == 5 && atlas_fips.substr(0, 2) == "09") {
    replaced_by = {"09110", "09120", "09130", "09140", "09150", "09160", "09170", "09180", "09190"};
  } else if (atlas_fips == "02261") {
    replaced_by = {"02063", "02066"};
  }
  std::vector<CountyId> out;
  for (auto fips : replaced_by) {
    if (auto id = find_county(fips)) out.push_back(*id);
  }
  return out;
}

}  // namespace floe
