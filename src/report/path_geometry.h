// Geometry of the atlas's SVG paths ("M x,y L x,y ... Z" per ring, as load_atlas writes them):
// bounds, to frame a map, and area-weighted centroids, to place a county's circle.
#pragma once

#include <string_view>
#include <vector>

namespace floe::report {

struct Point {
  double x = 0, y = 0;
};

struct Bounds {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  bool empty = true;

  void add(Point p);
  void add(const Bounds& other);
};

// The rings of a path: each "M" starts one; "L" continues it; "Z" closes it. Commands other
// than absolute M, L and Z are not written by load_atlas and are rejected (std::invalid_argument).
std::vector<std::vector<Point>> path_rings(std::string_view svg_path);

Bounds path_bounds(std::string_view svg_path);

// The centroid of the area of one or more shapes taken together: ring centroids weighted by
// signed ring area (shoelace formula), so a hole, wound the other way, subtracts. Falls back to
// the center of the bounds when the shapes have no area.
Point area_centroid(const std::vector<std::string_view>& svg_paths);

}  // namespace floe::report
