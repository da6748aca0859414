#include "report/map_data.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "floe/table.h"

namespace floe::report {
namespace {

const Column kShare{"", "", ColumnKind::kShare, 1};
const Column kCount{"", "", ColumnKind::kCount};
const Column kDollars{"", "", ColumnKind::kDollars};

double iceberg_or_nan(const IndexFigures& f) {
  return f.wage_bill > 0 ? f.iceberg() : std::nan("");
}

std::string county_figures(const IndexFigures& f) {
  return fmt::format(
      "Iceberg index {} (its state's: county employment is estimated from state cells); "
      "{} exposure-weighted workers; {} of {} in wages exposed",
      format_value(f.iceberg(), kShare), format_value(f.exposed_workers, kCount),
      format_value(f.exposed_wages, kDollars), format_value(f.wage_bill, kDollars));
}

struct CensusGroup {
  std::vector<CountyId> counties;
  std::vector<std::string_view> paths;
  IndexFigures figures;
};

}  // namespace

std::string county_names(const Geography& g, const std::vector<CountyId>& ids) {
  const County& first = g[ids.front()];
  std::string names = first.name;
  if (ids.size() > 3) {
    names += fmt::format(" and {} others", ids.size() - 1);
  } else {
    for (std::size_t i = 1; i < ids.size(); ++i) names += " + " + g[ids[i]].name;
  }
  return names + ", " + g[first.state].usps;
}

MapLayers state_map(const Dataset& ds, const Atlas& atlas, const IndexResult& r) {
  MapLayers map{.id = "state-map", .label = "Iceberg index by state", .area_class = "state"};
  const Geography& g = ds.geography;
  for (const MapShape& shape : atlas.states) {
    MapArea area{.id = shape.id, .svg_path = shape.svg_path};
    const auto id = g.find_state(shape.id);
    if (id && r.states[id->index()].wage_bill > 0) {
      const IndexFigures& f = r.states[id->index()];
      area.value = iceberg_or_nan(f);
      area.tooltip = fmt::format(
          "{}: Iceberg index {}, surface index {}; {} of {} in wages exposed; {} "
          "exposure-weighted workers (estimated)",
          g[*id].name, format_value(f.iceberg(), kShare), format_value(f.surface(), kShare),
          format_value(f.exposed_wages, kDollars), format_value(f.wage_bill, kDollars),
          format_value(f.exposed_workers, kCount));
    } else {
      area.tooltip = shape.name + ": no data";
    }
    map.areas.push_back(std::move(area));
  }
  return map;
}

MapLayers county_map(const Dataset& ds, const Atlas& atlas, const IndexResult& r) {
  MapLayers map{.id = "county-map",
                .label = "Iceberg index by county, with circles sized by exposure-weighted workers",
                .area_class = "county"};
  const Geography& g = ds.geography;
  std::map<std::string, CensusGroup> groups;  // by the census counties' FIPS codes
  for (const MapShape& shape : atlas.counties) {
    MapArea area{.id = shape.id, .svg_path = shape.svg_path};
    const std::vector<CountyId> ids = g.census_counties_for_atlas(shape.id);
    IndexFigures f;
    std::string key;
    for (CountyId c : ids) {
      f.add(r.counties[c.index()]);
      key += g[c].fips;
    }
    area.value = iceberg_or_nan(f);
    if (ids.empty() || f.wage_bill <= 0) {
      area.tooltip = shape.name + ": no data";
    } else if (ids.size() == 1 && g[ids.front()].fips == shape.id) {
      area.tooltip = county_names(g, ids) + ": " + county_figures(f);
    } else {
      area.tooltip = fmt::format("{} (2017 boundary), now {}: {}", shape.name, county_names(g, ids),
                                 county_figures(f));
    }
    if (!ids.empty()) {
      CensusGroup& group = groups[key];
      group.counties = ids;
      group.figures = f;
      group.paths.push_back(shape.svg_path);
    }
    map.areas.push_back(std::move(area));
  }
  for (const auto& [key, group] : groups) {
    map.circles.push_back(
        {area_centroid(group.paths), group.figures.exposed_workers,
         fmt::format("{}: {} exposure-weighted workers", county_names(g, group.counties),
                     format_value(group.figures.exposed_workers, kCount))});
  }
  for (const MapShape& shape : atlas.states) map.borders += shape.svg_path;
  return map;
}

}  // namespace floe::report
