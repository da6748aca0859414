// The map shapes the dashboard draws, as JSON made once at start (private to src/serve).
//
// Shapes come from the us-atlas (load_atlas: already projected to Albers USA, as SVG path
// data), so the browser draws them without a projection library. The county maps have 2017
// boundaries: each shape names the 2023 census counties it stands for
// (Geography::census_counties_for_atlas, docs/method.md §6), and shapes that stand for the
// same counties (Connecticut's eight old counties all stand for its nine planning regions) share
// one group, whose figures the dashboard shows once, with one circle at the group's centroid.
//
// The territories the Albers USA projection leaves out (Puerto Rico, the U.S. Virgin Islands,
// Guam) are drawn in boxes of their own east of Florida (Atlas::insets): on the state map as
// shapes like the states', with their boxes listed under "insets"; their county maps are their
// atlas county-equivalents (Puerto Rico's municipios), all in one group standing for the
// territory-wide county-equivalent that the data has, with a "note" saying so.
//
//   {"width", "height", "bounds": [x0, y0, x1, y1],
//    "shapes": [{"id", "name", "path", "group"}],                 group: index or null
//    "groups": [{"counties": [{"fips", "name"}], "center": [x, y]}],   (county maps only)
//    "insets": [{"id", "name", "box": [x0, y0, x1, y1]}],              (the state map only)
//    "note"}                                                           (when there is one)
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

// The answer for a state the atlas has no county shapes for: no shapes, and a note saying so.
std::string no_county_map(const State& state);

}  // namespace floe::serve
