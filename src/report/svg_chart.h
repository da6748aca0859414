// Line charts as inline SVG: series over months on round axes, with gridlines, tick labels, a
// title and a legend, small enough to sit two abreast on the page. Each series has a tooltip
// (SVG <title>) with its first and last values. The x axis counts either the run's months from 0
// or calendar months (from January of a given year, ticks labelled by year), with optional
// vertical markers for events and observations drawn as dots.
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
  bool points = false;       // a dot at each value and no line: observations
  std::string tooltip;       // replaces the first-and-last tooltip when set
};

// A vertical line across the plot at month x, labelled at its top ("ChatGPT").
struct ChartMarker {
  double x = 0;
  std::string label;
};

struct LineChart {
  std::string id;     // the <svg> id
  std::string title;  // drawn above the plot
  // How values are shown: kShare as percents, kCount as 12k / 1.5M, others as plain numbers.
  ColumnKind kind = ColumnKind::kNumber;
  bool from_zero = false;  // the value axis starts at 0 (totals), else it fits the data
  std::vector<ChartSeries> series;
  // 0: x is the run's month, from 0. A year (2011): x is months since January of that year; the
  // axis spans the data, with ticks at Januaries labelled by year.
  int calendar_year = 0;
  std::vector<ChartMarker> markers;
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
// Calendar years on an axis of months since January of `first_year`: Januaries of years that are
// multiples of 1, 2, 5, 10, 20 or 50, at most max_ticks, covering months first..last. Values and
// step are in months.
Ticks year_ticks(double first, double last, int first_year, int max_ticks = 8);
// "2022-12": month x (rounded down) of an axis that starts in January of `first_year`.
std::string calendar_month(double x, int first_year);

// A tick as a label, with as many decimals as the step needs and one unit for the whole axis
// (chosen by its largest tick): "4.5%", "150k", "1.25M".
std::string tick_label(double value, ColumnKind kind, const Ticks& ticks);

inline constexpr double kChartWidth = 470, kChartHeight = 270;

std::string svg_line_chart(const LineChart& chart);

// The charts' CSS (the two-column grid, text, gridlines), for pages that show charts.
const char* chart_style();

}  // namespace floe::report
