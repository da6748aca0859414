#include "report/path_geometry.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace floe::report {
namespace {

// Reads a number at `pos`, skipping separators before it.
double read_number(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && (s[pos] == ',' || s[pos] == ' ')) ++pos;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data() + pos, s.data() + s.size(), v);
  if (ec != std::errc()) {
    throw std::invalid_argument("SVG path: expected a number at offset " + std::to_string(pos));
  }
  pos = static_cast<std::size_t>(end - s.data());
  return v;
}

}  // namespace

void Bounds::add(Point p) {
  if (empty) {
    min_x = max_x = p.x;
    min_y = max_y = p.y;
    empty = false;
    return;
  }
  min_x = std::min(min_x, p.x);
  max_x = std::max(max_x, p.x);
  min_y = std::min(min_y, p.y);
  max_y = std::max(max_y, p.y);
}

void Bounds::add(const Bounds& other) {
  if (other.empty) return;
  add(Point{other.min_x, other.min_y});
  add(Point{other.max_x, other.max_y});
}

std::vector<std::vector<Point>> path_rings(std::string_view d) {
  std::vector<std::vector<Point>> rings;
  std::size_t pos = 0;
  while (pos < d.size()) {
    const char c = d[pos];
    if (c == ' ' || c == ',' || c == '\n') {
      ++pos;
    } else if (c == 'M' || c == 'L') {
      ++pos;
      if (c == 'M' || rings.empty()) rings.emplace_back();
      const double x = read_number(d, pos);
      const double y = read_number(d, pos);
      rings.back().push_back({x, y});
    } else if (c == 'Z' || c == 'z') {
      ++pos;
    } else {
      throw std::invalid_argument(std::string("SVG path: unsupported command '") + c + "'");
    }
  }
  return rings;
}

Bounds path_bounds(std::string_view d) {
  Bounds b;
  for (const auto& ring : path_rings(d)) {
    for (const Point& p : ring) b.add(p);
  }
  return b;
}

Point area_centroid(const std::vector<std::string_view>& paths) {
  double area2 = 0, cx = 0, cy = 0;  // twice the signed area; centroid sums times 6 * area
  Bounds b;
  std::vector<std::vector<Point>> rings;
  for (std::string_view d : paths) {
    auto r = path_rings(d);
    rings.insert(rings.end(), r.begin(), r.end());
  }
  for (const auto& ring : rings) {
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const Point& p = ring[i];
      const Point& q = ring[(i + 1) % ring.size()];
      const double cross = p.x * q.y - q.x * p.y;
      area2 += cross;
      cx += (p.x + q.x) * cross;
      cy += (p.y + q.y) * cross;
      b.add(p);
    }
  }
  if (std::abs(area2) < 1e-12) return {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
  return {cx / (3 * area2), cy / (3 * area2)};
}

}  // namespace floe::report
