// The map shapes the dashboard draws, as JSON made once at start (private to src/serve).
//
// Shapes come from the us-atlas (load_atlas: already projected to Albers USA, as SVG path
// data), so the browser draws them without a projection library. The county maps have 2017
// boundaries: each shape names the 2023 census counties it stands for
// (Geography::census_counties_for_atlas, docs/method.md §6), and shapes that stand for the
// same counties (Connecticut's eight old counties all stand for its nine planning regions) share
// one group, whose figures the dashboard shows once, with one circle at the group's centroid.
//
//   {"width", "height", "bounds": [x0, y0, x1, y1],
//    "shapes": [{"id", "name", "path", "group"}],                 group: index or null
//    "groups": [{"counties": [{"fips", "name"}], "center": [x, y]}]}   (county maps only)
#pragma once

#include <map>
#include <string>

#include "floe/dataset.h"
#include "floe/geo.h"

namespace floe::serve {

struct Maps {
  std::string states;                                    // every state
  std::string counties;                                  // every county
  std::map<std::string, std::string> counties_by_state;  // by state FIPS; states with shapes
};

Maps build_maps(const Dataset& dataset, const Atlas& atlas);

}  // namespace floe::serve
