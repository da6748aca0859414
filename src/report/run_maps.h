// Choropleths of any figure by state or county, for the simulation report: the caller says what
// a place's value is; the atlas and the geography say where it is and what it is called.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "floe/geo.h"
#include "report/svg_map.h"

namespace floe::report {

struct PlaceValue {
  double value = 0;     // in the map's color scale
  std::string figures;  // the tooltip after the place's name: "unemployment 4.1%"
};

// A place's value from its census FIPS codes (one state; one or more counties that one atlas
// shape stands for); std::nullopt: no data.
using PlaceValueFn = std::function<std::optional<PlaceValue>(const std::vector<std::string>&)>;

struct PlaceMap {
  std::string id;     // the <svg> id
  std::string label;  // accessible name
};

// Every atlas state, valued by `value_of({fips})`.
MapLayers state_value_map(const Atlas& atlas, const PlaceMap& map, const PlaceValueFn& value_of);

// Every atlas county, valued by `value_of` of the census counties it stands for
// (Geography::census_counties_for_atlas), with state borders on top.
MapLayers county_value_map(const Atlas& atlas, const Geography& geography, const PlaceMap& map,
                           const PlaceValueFn& value_of);

}  // namespace floe::report
