// Line charts as inline SVG: series over months on round axes, with gridlines, tick labels, a
// title and a legend, small enough to sit two abreast on the page. Each series has a tooltip
// (SVG <title>) with its first and last values.
#pragma once

#include <string>
#include <vector>

#include "floe/table.h"

namespace floe::report {

struct ChartSeries {
  std::string label;  // legend text: "baseline", "adoption, baseline"
  std::string color;  // "#123d6e"
  bool dashed = false;
  std::vector<double> x, y;  // months and values; a NaN value leaves a gap
};

struct LineChart {
  std::string id;     // the <svg> id
  std::string title;  // drawn above the plot
  // How values are shown: kShare as percents, kCount as 12k / 1.5M, others as plain numbers.
  ColumnKind kind = ColumnKind::kNumber;
  bool from_zero = false;  // the value axis starts at 0 (totals), else it fits the data
  std::vector<ChartSeries> series;
};

// Ticks of an axis: round values (1, 2, 2.5 or 5 times a power of ten apart) covering [lo, hi],
// at most max_ticks of them; the axis runs from the first to the last.
struct Ticks {
  std::vector<double> values;
  double step = 1;
};
Ticks value_ticks(double lo, double hi, int max_ticks = 6);
// Months: steps of 1, 2, 3, 6, 12, 24, 36, 60 or 120 from 0, at most max_ticks, covering `last`.
Ticks month_ticks(int last, int max_ticks = 8);

// A tick as a label, with as many decimals as the step needs and one unit for the whole axis
// (chosen by its largest tick): "4.5%", "150k", "1.25M".
std::string tick_label(double value, ColumnKind kind, const Ticks& ticks);

inline constexpr double kChartWidth = 470, kChartHeight = 270;

std::string svg_line_chart(const LineChart& chart);

}  // namespace floe::report
