#include "serve/maps.h"

#include <string_view>
#include <vector>

#include "report/path_geometry.h"
#include "serve/json.h"

namespace floe::serve {
namespace {

Json bounds_json(const report::Bounds& b) {
  if (b.empty) return Json::array({0, 0, 1, 1});
  return Json::array({b.min_x, b.min_y, b.max_x, b.max_y});
}

std::string state_map(const Atlas& atlas) {
  Json shapes = Json::array();
  report::Bounds bounds;
  for (const MapShape& s : atlas.states) {
    bounds.add(report::path_bounds(s.svg_path));
    shapes.push_back({{"id", s.id}, {"name", s.name}, {"path", s.svg_path}, {"group", nullptr}});
  }
  Json j;
  j["width"] = atlas.width;
  j["height"] = atlas.height;
  j["bounds"] = bounds_json(bounds);
  j["shapes"] = std::move(shapes);
  j["groups"] = Json::array();
  return dump(j);
}

// The county shapes whose id starts with `prefix` ("" for all).
std::string county_map(const Dataset& ds, const Atlas& atlas, std::string_view prefix) {
  const Geography& g = ds.geography;
  Json shapes = Json::array();
  report::Bounds bounds;
  std::map<std::string, std::size_t> group_of;  // by the census counties' FIPS codes, joined
  std::vector<std::vector<CountyId>> group_counties;
  std::vector<std::vector<std::string_view>> group_paths;
  for (const MapShape& s : atlas.counties) {
    if (s.id.compare(0, prefix.size(), prefix) != 0) continue;
    bounds.add(report::path_bounds(s.svg_path));
    const std::vector<CountyId> ids = g.census_counties_for_atlas(s.id);
    Json group = nullptr;
    if (!ids.empty()) {
      std::string key;
      for (CountyId c : ids) key += g[c].fips;
      auto [it, added] = group_of.emplace(key, group_counties.size());
      if (added) {
        group_counties.push_back(ids);
        group_paths.emplace_back();
      }
      group_paths[it->second].push_back(s.svg_path);
      group = it->second;
    }
    shapes.push_back({{"id", s.id}, {"name", s.name}, {"path", s.svg_path}, {"group", group}});
  }
  Json groups = Json::array();
  for (std::size_t i = 0; i < group_counties.size(); ++i) {
    Json counties = Json::array();
    for (CountyId c : group_counties[i]) {
      counties.push_back({{"fips", g[c].fips}, {"name", g[c].name}});
    }
    const report::Point center = report::area_centroid(group_paths[i]);
    groups.push_back({{"counties", std::move(counties)}, {"center", {center.x, center.y}}});
  }
  Json j;
  j["width"] = atlas.width;
  j["height"] = atlas.height;
  j["bounds"] = bounds_json(bounds);
  j["shapes"] = std::move(shapes);
  j["groups"] = std::move(groups);
  return dump(j);
}

}  // namespace

Maps build_maps(const Dataset& ds, const Atlas& atlas) {
  Maps m;
  m.states = state_map(atlas);
  m.counties = county_map(ds, atlas, "");
  for (const State& s : ds.geography.states) {
    const bool has_shapes =
        std::any_of(atlas.counties.begin(), atlas.counties.end(),
                    [&](const MapShape& c) { return c.id.starts_with(s.fips); });
    if (has_shapes) m.counties_by_state[s.fips] = county_map(ds, atlas, s.fips);
  }
  return m;
}

}  // namespace floe::serve
