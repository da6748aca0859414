// The report's two maps, filled from an index result: states by Iceberg index; counties by
// Iceberg index with circles sized by exposure-weighted workers.
#pragma once

#include "floe/dataset.h"
#include "floe/geo.h"
#include "floe/index.h"
#include "report/svg_map.h"

namespace floe::report {

// Names of census counties for tooltips: "Anchorage Municipality, AK"; several counties
// "A + B, AK", or "A and 8 others, CT". `ids` must not be empty.
std::string county_names(const Geography& geography, const std::vector<CountyId>& ids);

// Every atlas state, valued by its Iceberg index (NaN where the data has no workers for it).
MapLayers state_map(const Dataset& dataset, const Atlas& atlas, const IndexResult& result);

// Every atlas county. A 2017 map county stands for the 2023 census counties that
// Geography::census_counties_for_atlas names: its counts are their sums and its share the
// ratio of the summed numerator and denominator (docs/method.md §6). Shapes that stand for the
// same census counties (Connecticut's old counties all stand for its nine planning regions) get
// one circle between them, at the centroid of their combined area, so no worker is counted twice.
MapLayers county_map(const Dataset& dataset, const Atlas& atlas, const IndexResult& result);

}  // namespace floe::report
