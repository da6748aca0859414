#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numbers>

#include "data/text_file.h"
#include "data/topojson.h"
#include "dataset/paths.h"
#include "floe/error.h"
#include "floe/geo.h"

namespace floe {
namespace {

using Project = std::function<data::Point(data::Point)>;

// SVG path data for a geometry, its points projected by `project`; coordinates rounded to 0.1
// map unit (ample at 975 x 610), 0.01 for the small inset maps, which a county view enlarges.
std::string svg_path(const data::Topology& topo, const data::TopoGeometry& g,
                     const Project& project = nullptr, int decimals = 1) {
  std::string d;
  char buf[48];
  for (const auto& polygon : g.polygons) {
    for (const auto& ring : polygon) {
      const auto points = data::ring_points(topo, ring);
      for (std::size_t i = 0; i < points.size(); ++i) {
        const data::Point p = project ? project(points[i]) : points[i];
        std::snprintf(buf, sizeof buf, "%c%.*f,%.*f", i == 0 ? 'M' : 'L', decimals, p.x, decimals,
                      p.y);
        d += buf;
      }
      d += 'Z';
    }
  }
  return d;
}

const std::vector<data::TopoGeometry>& object(const data::Topology& topo, const std::string& name,
                                              const std::string& file) {
  const auto it = topo.objects.find(name);
  if (it == topo.objects.end()) throw DataError(file, 0, "objects." + name, "missing member");
  return it->second;
}

std::vector<MapShape> shapes(const data::Topology& topo, const std::string& name,
                             const std::string& file) {
  std::vector<MapShape> out;
  for (const auto& g : object(topo, name, file)) out.push_back({g.id, g.name, svg_path(topo, g)});
  return out;
}

// Where each territory is drawn: a box in the sea east of Florida on the 975 x 610 Albers USA map
// (scaled to an atlas of another size).
struct InsetPlace {
  const char* fips;
  double x0, y0, x1, y1;
};
constexpr double kPlacesWidth = 975, kPlacesHeight = 610;
constexpr InsetPlace kInsetPlaces[] = {
    {"72", 838, 566, 936, 602},  // Puerto Rico
    {"78", 940, 566, 975, 602},  // U.S. Virgin Islands
    {"66", 940, 500, 975, 548},  // Guam
};
constexpr double kInsetPadding = 2;  // map units between a box and its territory

// A territory in its box: longitude and latitude in plate carrée, longitudes shortened by the
// cosine of the territory's middle latitude (true shapes at this size), scaled to fill the box
// and centred in it. `state` is the territory's outline in the unprojected atlas.
Project inset_projection(const data::Topology& topo, const data::TopoGeometry& state,
                         const InsetPlace& place) {
  double lon0 = 1e9, lon1 = -1e9, lat0 = 1e9, lat1 = -1e9;
  for (const auto& polygon : state.polygons) {
    for (const auto& ring : polygon) {
      for (const data::Point& p : data::ring_points(topo, ring)) {
        lon0 = std::min(lon0, p.x), lon1 = std::max(lon1, p.x);
        lat0 = std::min(lat0, p.y), lat1 = std::max(lat1, p.y);
      }
    }
  }
  const double shrink = std::cos((lat0 + lat1) / 2 * std::numbers::pi / 180);
  const double w = (lon1 - lon0) * shrink, h = lat1 - lat0;
  const double room_w = place.x1 - place.x0 - 2 * kInsetPadding;
  const double room_h = place.y1 - place.y0 - 2 * kInsetPadding;
  const double scale = std::min(room_w / std::max(w, 1e-9), room_h / std::max(h, 1e-9));
  const double left = place.x0 + (place.x1 - place.x0 - w * scale) / 2;
  const double top = place.y0 + (place.y1 - place.y0 - h * scale) / 2;
  return [=](data::Point p) {
    return data::Point{left + (p.x - lon0) * shrink * scale, top + (lat1 - p.y) * scale};
  };
}

// The territories from the unprojected atlas (which has them; the Albers USA files do not), in
// boxes placed on a map `width` x `height`.
std::vector<MapInset> insets(const std::filesystem::path& file, double width, double height) {
  const data::Topology topo = data::read_topojson(file);
  const auto& states = object(topo, "states", file.string());
  const auto& counties = object(topo, "counties", file.string());
  std::vector<MapInset> out;
  const double sx = width / kPlacesWidth, sy = height / kPlacesHeight;
  for (InsetPlace place : kInsetPlaces) {
    place = {place.fips, place.x0 * sx, place.y0 * sy, place.x1 * sx, place.y1 * sy};
    const auto state = std::find_if(states.begin(), states.end(), [&](const data::TopoGeometry& g) {
      return g.id == place.fips;
    });
    if (state == states.end()) continue;
    const Project project = inset_projection(topo, *state, place);
    MapInset inset{place.fips, state->name, {place.x0, place.y0, place.x1, place.y1}, {}, {}};
    inset.state = {state->id, state->name, svg_path(topo, *state, project, 2)};
    for (const auto& c : counties) {
      if (c.id.starts_with(place.fips)) {
        inset.counties.push_back({c.id, c.name, svg_path(topo, c, project, 2)});
      }
    }
    out.push_back(std::move(inset));
  }
  return out;
}

}  // namespace

Atlas load_atlas(const std::filesystem::path& data_dir, bool territories) {
  Atlas atlas;
  const auto states_file = data::find_data_file(data_dir, dataset::kStatesMap);
  const auto states = data::read_topojson(states_file);
  atlas.states = shapes(states, "states", states_file.string());
  if (states.bbox[2] > 0) {
    atlas.width = std::ceil(states.bbox[2]);
    atlas.height = std::ceil(states.bbox[3]);
  }
  const auto counties_file = data::find_data_file(data_dir, dataset::kCountiesMap);
  atlas.counties = shapes(data::read_topojson(counties_file), "counties", counties_file.string());
  // The territories are optional: without the unprojected atlas the maps show the states alone.
  if (!territories) return atlas;
  const auto file = data_dir / dataset::kTerritoriesMap;
  std::error_code ec;
  if (std::filesystem::exists(file, ec) || std::filesystem::exists(file.string() + ".zst", ec)) {
    atlas.insets =
        insets(data::find_data_file(data_dir, dataset::kTerritoriesMap), atlas.width, atlas.height);
  }
  return atlas;
}

}  // namespace floe
