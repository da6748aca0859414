#include "report/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html.h"

namespace floe::report {
namespace {

// Layout, in CSS pixels (the viewBox is the chart's size).
constexpr double kLeft = 58, kRight = 14, kBottom = 40, kTitleY = 15, kLegendY = 36;
constexpr double kLegendRow = 17, kLegendLine = 22, kLegendGap = 18;
constexpr double kCharWidth = 6.6;  // of 12px legend text, for laying out the legend
constexpr double kMarkerCharWidth = 6.1, kMarkerRow = 12;  // 11px marker labels

// Decimals that print multiples of `step` exactly (at most 3).
int decimals_for(double step) {
  int d = 0;
  while (d < 3 && std::abs(step * std::pow(10, d) - std::round(step * std::pow(10, d))) > 1e-6) {
    ++d;
  }
  return d;
}

std::string thousands(double v) { return format_value(v, Column{"", "", ColumnKind::kCount}); }

// Legend items wrapped into rows that fit the chart's width: the x of each, and its row.
struct LegendItem {
  double x = 0;
  int row = 0;
};

std::vector<LegendItem> legend_layout(const std::vector<ChartSeries>& series) {
  std::vector<LegendItem> items;
  if (series.size() < 2) return items;  // the title says what the one line is
  double x = 0;
  int row = 0;
  for (const auto& s : series) {
    const double width = kLegendLine + 6 + kCharWidth * static_cast<double>(s.label.size());
    if (x > 0 && x + width > kChartWidth) {
      x = 0;
      ++row;
    }
    items.push_back({x, row});
    x += width + kLegendGap;
  }
  return items;
}

std::string dash(const ChartSeries& s) { return s.dashed ? " stroke-dasharray=\"7 4\"" : ""; }

// Where a point is on the x axis, for tooltips: "month 24" or "2022-12".
std::string x_text(double x, int calendar_year) {
  return calendar_year == 0 ? fmt::format("month {:.0f}", x) : calendar_month(x, calendar_year);
}

// "baseline: 3.6% at month 0, 4.1% at month 24" ("... in 2015-01, ... in 2034-12" on a calendar).
std::string series_tooltip(const ChartSeries& s, ColumnKind kind, int calendar_year) {
  if (!s.tooltip.empty()) return s.tooltip;
  const Column column{"", "", kind, 2};
  const char* at = calendar_year == 0 ? "at" : "in";
  std::string first, last;
  for (std::size_t i = 0; i < s.y.size(); ++i) {
    if (std::isnan(s.y[i])) continue;
    const std::string text =
        fmt::format("{} {} {}", format_value(s.y[i], column), at, x_text(s.x[i], calendar_year));
    if (first.empty()) first = text;
    last = text;
  }
  if (first.empty()) return s.label + ": no data";
  return first == last ? s.label + ": " + first : s.label + ": " + first + ", " + last;
}

// The extent of the data: x over every point, y over the values that are not NaN.
struct Extent {
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
};

Extent data_extent(const std::vector<ChartSeries>& series) {
  Extent e;
  for (const auto& s : series) {
    for (std::size_t i = 0; i < s.y.size() && i < s.x.size(); ++i) {
      e.x_lo = std::min(e.x_lo, s.x[i]);
      e.x_hi = std::max(e.x_hi, s.x[i]);
      if (std::isnan(s.y[i])) continue;
      e.y_lo = std::min(e.y_lo, s.y[i]);
      e.y_hi = std::max(e.y_hi, s.y[i]);
    }
  }
  return e;
}

}  // namespace

Ticks value_ticks(double lo, double hi, int max_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = 0;
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) {  // a flat line: a small band around it
    const double pad = lo == 0 ? 1 : std::abs(lo) * 0.05;
    lo -= lo == 0 ? 0 : pad;
    hi += pad;
  }
  max_ticks = std::max(max_ticks, 2);
  Ticks t;
  const double span = hi - lo;
  for (double decade = std::pow(10, std::floor(std::log10(span)) - 2);; decade *= 10) {
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
      const double step = m * decade;
      const double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
      if (last - first + 1 > max_ticks) continue;
      t.step = step;
      for (double k = first; k <= last + 0.5; ++k) t.values.push_back(k * step);
      return t;
    }
  }
}

Ticks month_ticks(int last, int max_ticks) {
  Ticks t;
  last = std::max(last, 1);
  for (int step : {1, 2, 3, 6, 12, 24, 36, 60, 120, 240, 600}) {
    const int count = (last + step - 1) / step + 1;
    if (count > max_ticks && step < 600) continue;
    t.step = step;
    for (int m = 0; m < last + step; m += step) t.values.push_back(m);
    return t;
  }
  return t;
}

Ticks year_ticks(double first, double last, int first_year, int max_ticks) {
  if (!(last > first)) last = first + 12;
  // The year that holds `first`, and the first year whose January is not before `last`.
  const int lo = first_year + static_cast<int>(std::floor(first / 12));
  const int hi = first_year + static_cast<int>(std::ceil(last / 12));
  Ticks t;
  for (int step : {1, 2, 5, 10, 20, 50, 100}) {
    const int a = static_cast<int>(std::floor(static_cast<double>(lo) / step)) * step;
    const int b = static_cast<int>(std::ceil(static_cast<double>(hi) / step)) * step;
    if ((b - a) / step + 1 > std::max(max_ticks, 2) && step < 100) continue;
    t.step = 12.0 * step;
    for (int year = a; year <= b; year += step) t.values.push_back(12.0 * (year - first_year));
    return t;
  }
  return t;
}

std::string calendar_month(double x, int first_year) {
  const int m = static_cast<int>(std::floor(x));
  const int year = first_year + (m >= 0 ? m / 12 : -((11 - m) / 12));
  return fmt::format("{:04d}-{:02d}", year, m - 12 * (year - first_year) + 1);
}

std::string tick_label(double value, ColumnKind kind, const Ticks& ticks) {
  const double step = ticks.step;
  if (std::abs(value) < step * 1e-6) value = 0;  // no "-0"
  switch (kind) {
    case ColumnKind::kShare:
      return fmt::format("{:.{}f}%", 100 * value, decimals_for(100 * step));
    case ColumnKind::kCount:
    case ColumnKind::kDollars: {
      const std::string unit = kind == ColumnKind::kDollars ? "$" : "";
      if (value == 0) return unit + "0";
      // One unit for the whole axis, chosen by its largest tick.
      double scale = step;
      for (double v : ticks.values) scale = std::max(scale, std::abs(v));
      if (scale >= 1e6) {
        return fmt::format("{}{:.{}f}M", unit, value / 1e6, decimals_for(step / 1e6));
      }
      if (scale >= 1e4) {
        return fmt::format("{}{:.{}f}k", unit, value / 1e3, decimals_for(step / 1e3));
      }
      if (step < 1) return fmt::format("{}{:.{}f}", unit, value, decimals_for(step));
      return unit + thousands(value);
    }
    default:
      return fmt::format("{:.{}f}", value, decimals_for(step));
  }
}

namespace {

// The plot's frame and the mapping of data to it.
struct Frame {
  double left = kLeft, right = kChartWidth - kRight, top = 0, bottom = kChartHeight - kBottom;
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
  double px(double x) const { return left + (right - left) * (x - x0) / (x1 - x0); }
  double py(double v) const { return bottom - (bottom - top) * (v - y0) / (y1 - y0); }
};

std::string legend_svg(const std::vector<ChartSeries>& series,
                       const std::vector<LegendItem>& legend) {
  std::string s = "<g class=\"chart-legend\">\n";
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const ChartSeries& one = series[i];
    const double x = legend[i].x, y = kLegendY - 4 + kLegendRow * legend[i].row;
    if (one.points) {
      s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"/>", x + 11, y,
                       html_escape(one.color));
    } else {
      s += fmt::format(
          "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
          "stroke-width=\"2.5\"{}/>",
          x, y, x + kLegendLine, y, html_escape(one.color), dash(one));
    }
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x + kLegendLine + 6, y + 4,
                     html_escape(one.label));
  }
  return s + "</g>\n";
}

std::string grid_svg(const LineChart& c, const Frame& f, const Ticks& y_ticks,
                     const Ticks& x_ticks) {
  std::string s = "<g class=\"chart-grid\">\n";
  for (double v : y_ticks.values) {
    s += fmt::format(
        "<line class=\"gridline\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>"
        "<text class=\"tick y-tick\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        f.left, f.py(v), f.right, f.py(v), f.left - 6, f.py(v) + 4,
        html_escape(tick_label(v, c.kind, y_ticks)));
  }
  for (double m : x_ticks.values) {
    const double label = c.calendar_year == 0 ? m : c.calendar_year + std::round(m / 12);
    s += fmt::format(
        "<line class=\"tick-mark\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>"
        "<text class=\"tick x-tick\" x=\"{0:.1f}\" y=\"{3:.1f}\">{4:.0f}</text>\n",
        f.px(m), f.bottom, f.bottom + 4, f.bottom + 17, label);
  }
  return s + fmt::format(
                 "<line class=\"axis-line\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" "
                 "y2=\"{1:.1f}\"/>\n<text class=\"axis-title\" x=\"{3:.1f}\" y=\"{4:.1f}\">{5}"
                 "</text>\n</g>\n",
                 f.left, f.bottom, f.right, (f.left + f.right) / 2, kChartHeight - 6,
                 c.calendar_year == 0 ? "month" : "year");
}

// Markers inside the axis, under the series, left to right; a label that would run into the
// one before it goes one row lower.
std::string markers_svg(const LineChart& c, const Frame& f) {
  std::vector<ChartMarker> markers;
  for (const ChartMarker& m : c.markers) {
    if (m.x >= f.x0 && m.x <= f.x1) markers.push_back(m);
  }
  std::stable_sort(markers.begin(), markers.end(),
                   [](const ChartMarker& a, const ChartMarker& b) { return a.x < b.x; });
  std::string s;
  double previous_end = -INFINITY;
  int row = 0;
  for (const ChartMarker& m : markers) {
    const double x = f.px(m.x);
    row = x < previous_end ? row + 1 : 0;  // its label, at x + 4, keeps 4 px from the last
    previous_end = x + 4 + kMarkerCharWidth * static_cast<double>(m.label.size());
    s += fmt::format(
        "<g class=\"chart-marker\"><line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" "
        "y2=\"{2:.1f}\" stroke=\"#8d99a6\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>"
        "<text class=\"marker-label\" x=\"{3:.1f}\" y=\"{4:.1f}\">{5}</text></g>\n",
        x, f.top, f.bottom, x + 4, f.top + 10 + kMarkerRow * row, html_escape(m.label));
  }
  return s;
}

// A line with a dot at its last value, or a dot at each value of an observed series.
std::string series_svg(const LineChart& c, const ChartSeries& series, const Frame& f) {
  const std::string color = html_escape(series.color);
  if (series.points) {
    std::string s =
        fmt::format("<g class=\"series-points\" data-label=\"{}\">\n", html_escape(series.label));
    for (std::size_t i = 0; i < series.y.size(); ++i) {
      if (std::isnan(series.y[i])) continue;
      const std::string title =
          series.tooltip.empty()
              ? fmt::format("{}: {} in {}", series.label,
                            format_value(series.y[i], Column{"", "", c.kind, 2}),
                            x_text(series.x[i], c.calendar_year == 0 ? 0 : c.calendar_year))
              : series.tooltip;
      s += fmt::format(
          "<circle class=\"series-point\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"{}\" "
          "stroke=\"#ffffff\" stroke-width=\"1\"><title>{}</title></circle>\n",
          f.px(series.x[i]), f.py(series.y[i]), color, html_escape(title));
    }
    return s + "</g>\n";
  }
  std::string d;
  bool pen_down = false;
  double end_x = NAN, end_y = NAN;
  for (std::size_t i = 0; i < series.y.size(); ++i) {
    if (std::isnan(series.y[i])) {
      pen_down = false;
      continue;
    }
    d += fmt::format("{}{:.1f},{:.1f}", pen_down ? " L" : (d.empty() ? "M" : " M"),
                     f.px(series.x[i]), f.py(series.y[i]));
    pen_down = true;
    end_x = f.px(series.x[i]);
    end_y = f.py(series.y[i]);
  }
  if (d.empty()) return "";
  return fmt::format(
      "<path class=\"series\" data-label=\"{}\" fill=\"none\" stroke=\"{}\" "
      "stroke-width=\"2.25\" stroke-linejoin=\"round\" stroke-linecap=\"round\"{} d=\"{}\">"
      "<title>{}</title></path>\n"
      "<circle class=\"series-end\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>\n",
      html_escape(series.label), color, dash(series), d,
      html_escape(series_tooltip(series, c.kind, c.calendar_year)), end_x, end_y, color);
}

}  // namespace

const char* chart_style() {
  return R"(
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 26px 30px;
  margin: 14px 0 6px; }
@media (max-width: 760px) { .charts { grid-template-columns: 1fr; } }
figure.chart { margin: 0; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg.chart text { font-size: 11.5px; fill: var(--muted); font-variant-numeric: tabular-nums; }
svg.chart .chart-title { font-size: 14.5px; font-weight: 700; fill: var(--ink); }
svg.chart .chart-legend text { font-size: 12px; fill: var(--ink); }
svg.chart .gridline { stroke: #e4e9ee; stroke-width: 1; }
svg.chart .tick-mark, svg.chart .axis-line { stroke: #8d99a6; stroke-width: 1; }
svg.chart .y-tick { text-anchor: end; }
svg.chart .x-tick, svg.chart .axis-title, svg.chart .no-data { text-anchor: middle; }
svg.chart .marker-label { font-size: 11px; }
svg.chart path.series:hover { stroke-width: 3.5; }
svg.chart circle.series-point:hover { stroke: var(--ink); }
)";
}

std::string svg_line_chart(const LineChart& c) {
  const Extent e = data_extent(c.series);
  const bool empty = e.y_lo > e.y_hi;
  double lo = empty ? 0 : e.y_lo, hi = empty ? 0 : e.y_hi;
  if (c.from_zero) lo = std::min(lo, 0.0);
  Ticks y_ticks = value_ticks(lo, hi, 6);
  if (c.kind == ColumnKind::kCount && y_ticks.step < 1) {
    y_ticks = value_ticks(lo, std::max(hi, lo + 5), 6);  // whole people
  }
  const bool any_x = e.x_lo <= e.x_hi;
  const Ticks x_ticks =
      c.calendar_year == 0
          ? month_ticks(static_cast<int>(std::ceil(std::max(any_x ? e.x_hi : 1.0, 1.0))))
          : year_ticks(any_x ? e.x_lo : 0, any_x ? e.x_hi : 12, c.calendar_year);

  const std::vector<LegendItem> legend = legend_layout(c.series);
  const int legend_rows = legend.empty() ? 0 : legend.back().row + 1;
  Frame f;
  f.top = legend_rows == 0 ? kLegendY - 6 : kLegendY + kLegendRow * legend_rows;
  f.x0 = x_ticks.values.front();
  f.x1 = x_ticks.values.back();
  f.y0 = y_ticks.values.front();
  f.y1 = y_ticks.values.back();

  std::string s = fmt::format(
      "<svg class=\"chart\" id=\"{}\" viewBox=\"0 0 {:.0f} {:.0f}\" width=\"{:.0f}\" "
      "height=\"{:.0f}\" role=\"img\" aria-label=\"{}\" data-series=\"{}\">\n"
      "<text class=\"chart-title\" x=\"0\" y=\"{}\">{}</text>\n",
      html_escape(c.id), kChartWidth, kChartHeight, kChartWidth, kChartHeight, html_escape(c.title),
      c.series.size(), kTitleY, html_escape(c.title));
  s += legend_svg(c.series, legend);
  s += grid_svg(c, f, y_ticks, x_ticks);
  s += markers_svg(c, f);
  // The series, last on top.
  for (const auto& series : c.series) s += series_svg(c, series, f);
  if (empty) {
    s += fmt::format("<text class=\"no-data\" x=\"{:.1f}\" y=\"{:.1f}\">no data</text>\n",
                     (f.left + f.right) / 2, (f.top + f.bottom) / 2);
  }
  return s + "</svg>\n";
}

}  // namespace floe::report
