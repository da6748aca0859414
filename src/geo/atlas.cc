#include <cmath>
#include <cstdio>

#include "data/text_file.h"
#include "data/topojson.h"
#include "dataset/paths.h"
#include "floe/error.h"
#include "floe/geo.h"

namespace floe {
namespace {

// SVG path data for a geometry; coordinates rounded to 0.1 px, ample at 975 x 610.
std::string svg_path(const data::Topology& topo, const data::TopoGeometry& g) {
  std::string d;
  char buf[48];
  for (const auto& polygon : g.polygons) {
    for (const auto& ring : polygon) {
      const auto points = data::ring_points(topo, ring);
      for (std::size_t i = 0; i < points.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%c%.1f,%.1f", i == 0 ? 'M' : 'L', points[i].x, points[i].y);
        d += buf;
      }
      d += 'Z';
    }
  }
  return d;
}

std::vector<MapShape> shapes(const data::Topology& topo, const std::string& object,
                             const std::string& file) {
  const auto it = topo.objects.find(object);
  if (it == topo.objects.end()) throw DataError(file, 0, "objects." + object, "missing member");
  std::vector<MapShape> out;
  for (const auto& g : it->second) out.push_back({g.id, g.name, svg_path(topo, g)});
  return out;
}

}  // namespace

Atlas load_atlas(const std::filesystem::path& data_dir) {
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
  return atlas;
}

}  // namespace floe
