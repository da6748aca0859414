// Maps as inline SVG: a choropleth of areas colored by a ColorScale, optional borders drawn on
// top, optional proportional circles; and the legends for both. Shapes keep their atlas
// coordinates; the viewBox frames them, and strokes do not scale, so a map of 30 x 10 units
// (the tiny world) draws as cleanly as the 975 x 610 atlas.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "report/palette.h"
#include "report/path_geometry.h"

namespace floe::report {

// Width of every map on the page, in CSS pixels. Fixed, so that circle sizes in a legend drawn
// outside the map can match the circles on it.
inline constexpr double kMapWidthPx = 960;

struct MapArea {
  std::string id;  // FIPS code, written as data-fips
  std::string svg_path;
  double value = std::nan("");  // NaN: no data (drawn in kNoDataColor)
  std::string tooltip;          // plain text, shown on hover
};

struct MapCircle {
  Point center;
  double value = 0;  // the circle's area is proportional to it
  std::string tooltip;
};

struct MapLayers {
  std::string id;          // the <svg> id
  std::string label;       // accessible name of the map
  std::string area_class;  // CSS class of every area path: "state", "county"
  std::vector<MapArea> areas;
  std::string borders;  // path data drawn over the areas, unfilled (e.g. state lines); may be ""
  std::vector<MapCircle> circles;
};

// Whether some area has no value (NaN): the legend then explains the grey.
bool any_without_value(const MapLayers& map);

// The frame of a map: the bounds of its areas with a margin of 1% of the larger side.
Bounds map_frame(const MapLayers& map);

// Radius, in map units, of the largest circle: 3% of the frame width.
double max_circle_radius(const Bounds& frame);

std::string svg_map(const MapLayers& map, const ColorScale& scale);

// A row of class swatches with the breaks below them, as percents; a "no data" swatch when
// asked for.
// With `no_data`, a grey swatch labeled `no_data_label` (places drawn without a value).
std::string svg_color_legend(const ColorScale& scale, const std::string& caption, bool no_data,
                             const std::string& no_data_label = "no data");

// Circles for round values up to the largest circle's value, drawn at the map's scale.
std::string svg_circle_legend(const MapLayers& map, const std::string& caption);

}  // namespace floe::report
