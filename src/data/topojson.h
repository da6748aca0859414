// Reader for TopoJSON topologies (us-atlas), decoded to plain coordinates.
//
// TopoJSON stores shared borders once as "arcs" (quantized and delta-encoded) and each shape as
// rings of arc indices, a negative index ~i meaning arc i reversed. The reader undoes the
// quantization once; `ring_points` stitches a ring back together for drawing.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace floe::data {

struct Point {
  double x = 0, y = 0;
};

struct TopoGeometry {
  std::string id;    // FIPS: "01" state, "01001" county
  std::string name;  // properties.name, if present
  // polygons -> rings -> arc indices (~i for arc i reversed).
  std::vector<std::vector<std::vector<int>>> polygons;
};

struct Topology {
  std::vector<std::vector<Point>> arcs;  // absolute coordinates
  std::map<std::string, std::vector<TopoGeometry>> objects;
  double bbox[4] = {0, 0, 0, 0};  // x0, y0, x1, y1
};

// Throws DataError on invalid JSON, a missing member, or an arc index out of range.
Topology read_topojson(const std::filesystem::path& path);
Topology parse_topojson(const std::string& name, const std::string& json_text);

// The points of one ring, arcs joined without repeating their shared end points.
std::vector<Point> ring_points(const Topology& topology, const std::vector<int>& ring);

}  // namespace floe::data
