// States and counties by FIPS code, with population, area and metro status.
//
// Geography follows the Census Bureau's 2023 vintage: Connecticut's nine planning regions
// (09110-09190) replace its eight old counties, and Alaska's Chugach (02063) and Copper River
// (02066) replace Valdez-Cordova (02261). The us-atlas maps are drawn from 2017 boundaries, so
// `census_counties_for_atlas` says which 2023 counties an old map shape stands for: the map then
// shows their combined figure (docs/method.md, section 6).
//
// Immutable after build; safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "floe/ids.h"

namespace floe {

struct State {
  std::string fips;             // "01"
  std::string usps;             // "AL"
  std::string name;             // "Alabama"
  std::int64_t population = 0;  // Census Vintage 2023 estimate; 0 for territories (not in it)
  bool territory = false;       // Puerto Rico, Guam, U.S. Virgin Islands
};

enum class CbsaKind : std::uint8_t { kNone, kMicropolitan, kMetropolitan };

struct County {
  std::string fips;  // "01001"
  StateId state;
  std::string name;  // "Autauga County"
  std::int64_t population = 0;
  double land_sq_mi = 0;
  double latitude = 0, longitude = 0;
  // Puerto Rico, Guam and the U.S. Virgin Islands have no county estimates in the data: each is
  // one county-equivalent covering the whole territory, FIPS "<state>000".
  bool territory_wide = false;
  std::string cbsa_code;  // empty outside metro and micro areas
  std::string cbsa_title;
  CbsaKind cbsa_kind = CbsaKind::kNone;
};

struct Geography {
  std::vector<State> states;
  std::vector<County> counties;  // sorted by FIPS, so a state's counties are contiguous
  Csr<CountyId> state_counties;  // per state

  std::optional<StateId> find_state(std::string_view name_fips_or_usps) const;
  std::optional<CountyId> find_county(std::string_view fips) const;
  // The 2023 counties a 2017 us-atlas county id stands for: itself if it still exists; the
  // counties that replaced it otherwise; a territory's one territory-wide county-equivalent for
  // any of its shapes (a Puerto Rico municipio stands for "72000"); empty when unknown.
  std::vector<CountyId> census_counties_for_atlas(std::string_view atlas_fips) const;

  const State& operator[](StateId id) const { return states[id.index()]; }
  const County& operator[](CountyId id) const { return counties[id.index()]; }
};

// Map shapes from the us-atlas TopoJSON (2017 Census cartographic boundaries, projected to Albers
// USA at 975 x 610), as SVG path data.
struct MapShape {
  std::string id;        // FIPS: "01" or "01001"
  std::string name;      // as the atlas names it
  std::string svg_path;  // "M x,y L ... Z" for every ring
};

// A territory that the Albers USA projection leaves out (Puerto Rico, the U.S. Virgin Islands,
// Guam), drawn in a box of its own east of Florida, at its own scale (docs/method.md §6).
struct MapInset {
  std::string id;                  // state FIPS: "72"
  std::string name;                // as the atlas names it
  std::array<double, 4> box;       // x0, y0, x1, y1 in the map's units
  MapShape state;                  // the outline, inside the box
  std::vector<MapShape> counties;  // its county-equivalents in the atlas (78 municipios for "72")
};

struct Atlas {
  std::vector<MapShape> states;
  std::vector<MapShape> counties;
  std::vector<MapInset> insets;  // with `territories` when the data has us-atlas/counties-10m.json
  double width = 975, height = 610;
};

// Reads us-atlas/states-albers-10m.json and us-atlas/counties-albers-10m.json under `data_dir`;
// with `territories`, also the territories' insets from us-atlas/counties-10m.json when the
// directory has it (half as much again to read: maps that do not draw them skip it).
Atlas load_atlas(const std::filesystem::path& data_dir, bool territories = false);

}  // namespace floe
