#include "data/topojson.h"

#include <nlohmann/json.hpp>

#include "data/text_file.h"
#include "floe/error.h"

namespace floe::data {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& file, const std::string& member,
                       const std::string& problem) {
  throw DataError(file, 0, member, problem);
}

const json& member(const std::string& file, const json& object, const char* key,
                   const std::string& where) {
  if (!object.is_object() || !object.contains(key)) fail(file, where + key, "missing member");
  return object.at(key);
}

std::vector<std::vector<int>> read_rings(const std::string& file, const json& rings,
                                         std::size_t arc_count, const std::string& where) {
  if (!rings.is_array()) fail(file, where, "expected an array of rings");
  std::vector<std::vector<int>> out;
  for (const json& ring : rings) {
    if (!ring.is_array()) fail(file, where, "expected a ring (array of arc indices)");
    std::vector<int> indices;
    for (const json& index : ring) {
      if (!index.is_number_integer()) fail(file, where, "arc index is not an integer");
      const int i = index.get<int>();
      const long arc = i < 0 ? ~static_cast<long>(i) : i;
      if (arc >= static_cast<long>(arc_count)) fail(file, where, "arc index out of range");
      indices.push_back(i);
    }
    out.push_back(std::move(indices));
  }
  return out;
}

}  // namespace

Topology parse_topojson(const std::string& file, const std::string& text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    fail(file, "", std::string("invalid JSON: ") + e.what());
  }
  Topology topo;
  double scale[2] = {1, 1}, translate[2] = {0, 0};
  const bool quantized = doc.is_object() && doc.contains("transform");
  if (quantized) {
    const json& t = doc.at("transform");
    const json& s = member(file, t, "scale", "transform.");
    const json& tr = member(file, t, "translate", "transform.");
    if (!s.is_array() || s.size() != 2 || !tr.is_array() || tr.size() != 2) {
      fail(file, "transform", "scale and translate must be pairs");
    }
    for (int k = 0; k < 2; ++k) {
      scale[k] = s[k].get<double>();
      translate[k] = tr[k].get<double>();
    }
  }
  if (doc.contains("bbox") && doc.at("bbox").is_array() && doc.at("bbox").size() == 4) {
    for (int k = 0; k < 4; ++k) topo.bbox[k] = doc.at("bbox")[k].get<double>();
  }
  const json& arcs = member(file, doc, "arcs", "");
  if (!arcs.is_array()) fail(file, "arcs", "expected an array");
  topo.arcs.reserve(arcs.size());
  for (const json& arc : arcs) {
    if (!arc.is_array()) fail(file, "arcs", "expected an array of positions");
    std::vector<Point> points;
    points.reserve(arc.size());
    double x = 0, y = 0;  // running sums undo the delta encoding of quantized arcs
    for (const json& pos : arc) {
      if (!pos.is_array() || pos.size() < 2 || !pos[0].is_number() || !pos[1].is_number()) {
        fail(file, "arcs", "expected [x, y] positions");
      }
      if (quantized) {
        x += pos[0].get<double>();
        y += pos[1].get<double>();
        points.push_back({x * scale[0] + translate[0], y * scale[1] + translate[1]});
      } else {
        points.push_back({pos[0].get<double>(), pos[1].get<double>()});
      }
    }
    topo.arcs.push_back(std::move(points));
  }
  const json& objects = member(file, doc, "objects", "");
  if (!objects.is_object()) fail(file, "objects", "expected an object");
  for (const auto& [name, object] : objects.items()) {
    const std::string where = "objects." + name;
    const json& geometries = member(file, object, "geometries", where + ".");
    if (!geometries.is_array()) fail(file, where + ".geometries", "expected an array");
    std::vector<TopoGeometry>& out = topo.objects[name];
    for (const json& g : geometries) {
      TopoGeometry geometry;
      if (g.contains("id")) {
        const json& id = g.at("id");
        geometry.id = id.is_string() ? id.get<std::string>() : id.dump();
      }
      if (g.contains("properties") && g.at("properties").contains("name") &&
          g.at("properties").at("name").is_string()) {
        geometry.name = g.at("properties").at("name").get<std::string>();
      }
      const std::string type = member(file, g, "type", where + ".").get<std::string>();
      if (type == "Polygon") {
        geometry.polygons.push_back(
            read_rings(file, member(file, g, "arcs", where + "."), topo.arcs.size(), where));
      } else if (type == "MultiPolygon") {
        const json& polygons = member(file, g, "arcs", where + ".");
        if (!polygons.is_array()) fail(file, where, "expected an array of polygons");
        for (const json& polygon : polygons) {
          geometry.polygons.push_back(read_rings(file, polygon, topo.arcs.size(), where));
        }
      } else if (type != "GeometryCollection" && !type.empty()) {
        continue;  // points and lines are not drawn as areas
      }
      out.push_back(std::move(geometry));
    }
  }
  return topo;
}

Topology read_topojson(const std::filesystem::path& path) {
  return parse_topojson(path.string(), read_text_file(path));
}

std::vector<Point> ring_points(const Topology& topology, const std::vector<int>& ring) {
  std::vector<Point> out;
  for (const int index : ring) {
    const bool reversed = index < 0;
    const auto& arc = topology.arcs[reversed ? ~index : index];
    const std::size_t n = arc.size();
    for (std::size_t k = 0; k < n; ++k) {
      if (k == 0 && !out.empty()) continue;  // shared with the previous arc's last point
      out.push_back(arc[reversed ? n - 1 - k : k]);
    }
  }
  return out;
}

}  // namespace floe::data
