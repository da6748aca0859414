#include "serve/maps.h"

#include <fmt/format.h>

#include <algorithm>
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

// The territories floe has figures for (the others in the atlas, such as American Samoa, are left
// out of every map).
std::vector<const MapInset*> insets_of(const Dataset& ds, const Atlas& atlas) {
  std::vector<const MapInset*> out;
  for (const MapInset& inset : atlas.insets) {
    if (ds.geography.find_state(inset.id)) out.push_back(&inset);
  }
  return out;
}

// The states, then the territories in their boxes, with "insets": [{"id", "name", "box"}] for
// the boxes' frames.
std::string state_map(const Dataset& ds, const Atlas& atlas) {
  Json shapes = Json::array();
  Json insets = Json::array();
  report::Bounds bounds;
  for (const MapShape& s : atlas.states) {
    bounds.add(report::path_bounds(s.svg_path));
    shapes.push_back({{"id", s.id}, {"name", s.name}, {"path", s.svg_path}, {"group", nullptr}});
  }
  for (const MapInset* inset : insets_of(ds, atlas)) {
    const MapShape& s = inset->state;
    const auto& [x0, y0, x1, y1] = inset->box;
    bounds.add(report::Point{x0, y0});
    bounds.add(report::Point{x1, y1});
    shapes.push_back({{"id", s.id}, {"name", s.name}, {"path", s.svg_path}, {"group", nullptr}});
    insets.push_back({{"id", inset->id}, {"name", inset->name}, {"box", inset->box}});
  }
  Json j;
  j["width"] = atlas.width;
  j["height"] = atlas.height;
  j["bounds"] = bounds_json(bounds);
  j["shapes"] = std::move(shapes);
  j["groups"] = Json::array();
  j["insets"] = std::move(insets);
  return dump(j);
}

// The county shapes whose id starts with `prefix` ("" for all), the territories' included.
std::string county_map(const Dataset& ds, const Atlas& atlas, std::string_view prefix) {
  const Geography& g = ds.geography;
  Json shapes = Json::array();
  report::Bounds bounds;
  std::map<std::string, std::size_t> group_of;  // by the census counties' FIPS codes, joined
  std::vector<std::vector<CountyId>> group_counties;
  std::vector<std::vector<std::string_view>> group_paths;
  std::vector<const MapShape*> candidates;
  for (const MapShape& s : atlas.counties) candidates.push_back(&s);
  for (const MapInset* inset : insets_of(ds, atlas)) {
    for (const MapShape& s : inset->counties) candidates.push_back(&s);
  }
  for (const MapShape* shape : candidates) {
    const MapShape& s = *shape;
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
  // A territory's shapes all stand for its one territory-wide county-equivalent: say so.
  if (group_counties.size() == 1 && g[group_counties[0][0]].territory_wide) {
    const State& state = g[g[group_counties[0][0]].state];
    j["note"] = fmt::format(
        "The data has no figures for {}'s {}: every one shows the territory's as a whole (its "
        "census estimates come as one county-equivalent, {}).",
        state.name, state.fips == "72" ? "municipios" : "islands and districts",
        g[group_counties[0][0]].fips);
  }
  return dump(j);
}

}  // namespace

Maps build_maps(const Dataset& ds, const Atlas& atlas) {
  Maps m;
  m.states = state_map(ds, atlas);
  m.counties = county_map(ds, atlas, "");
  const auto of_state = [](const std::string& fips) {
    return [&fips](const MapShape& c) { return c.id.starts_with(fips); };
  };
  for (const State& s : ds.geography.states) {
    bool has_shapes = std::any_of(atlas.counties.begin(), atlas.counties.end(), of_state(s.fips));
    for (const MapInset& inset : atlas.insets) {
      has_shapes = has_shapes || (inset.id == s.fips && !inset.counties.empty());
    }
    if (has_shapes) m.counties_by_state[s.fips] = county_map(ds, atlas, s.fips);
  }
  return m;
}

std::string no_county_map(const State& state) {
  Json j;
  j["bounds"] = Json::array({0, 0, 1, 1});
  j["shapes"] = Json::array();
  j["groups"] = Json::array();
  j["note"] = "The map has no county shapes for " + state.name +
              " (the us-atlas files in the data lack them); its figures are in the tables.";
  return dump(j);
}

}  // namespace floe::serve
