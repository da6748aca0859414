#include "report/run_maps.h"

#include <fmt/format.h>

#include "report/map_data.h"

namespace floe::report {

MapLayers state_value_map(const Atlas& atlas, const PlaceMap& map, const PlaceValueFn& value_of) {
  MapLayers layers{.id = map.id, .label = map.label, .area_class = "state"};
  for (const MapShape& shape : atlas.states) {
    MapArea area{.id = shape.id, .svg_path = shape.svg_path};
    if (const auto v = value_of({shape.id})) {
      area.value = v->value;
      area.tooltip = shape.name + ": " + v->figures;
    } else {
      area.tooltip = shape.name + ": no data";
    }
    layers.areas.push_back(std::move(area));
  }
  return layers;
}

MapLayers county_value_map(const Atlas& atlas, const Geography& g, const PlaceMap& map,
                           const PlaceValueFn& value_of) {
  MapLayers layers{.id = map.id, .label = map.label, .area_class = "county"};
  for (const MapShape& shape : atlas.counties) {
    MapArea area{.id = shape.id, .svg_path = shape.svg_path};
    const std::vector<CountyId> ids = g.census_counties_for_atlas(shape.id);
    std::vector<std::string> fips;
    for (CountyId c : ids) fips.push_back(g[c].fips);
    const auto v = ids.empty() ? std::nullopt : value_of(fips);
    if (!v) {
      area.tooltip = shape.name + ": no data";
    } else if (ids.size() == 1 && fips.front() == shape.id) {
      area.value = v->value;
      area.tooltip = county_names(g, ids) + ": " + v->figures;
    } else {
      area.value = v->value;
      area.tooltip = fmt::format("{} (2017 boundary), now {}: {}", shape.name, county_names(g, ids),
                                 v->figures);
    }
    layers.areas.push_back(std::move(area));
  }
  for (const MapShape& shape : atlas.states) layers.borders += shape.svg_path;
  return layers;
}

}  // namespace floe::report
