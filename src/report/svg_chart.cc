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

// "baseline: 3.6% at month 0, 4.1% at month 24".
std::string series_tooltip(const ChartSeries& s, ColumnKind kind) {
  const Column column{"", "", kind, 2};
  std::string first, last;
  for (std::size_t i = 0; i < s.y.size(); ++i) {
    if (std::isnan(s.y[i])) continue;
    const std::string text =
        fmt::format("{} at month {:.0f}", format_value(s.y[i], column), s.x[i]);
    if (first.empty()) first = text;
    last = text;
  }
  if (first.empty()) return s.label + ": no data";
  return first == last ? s.label + ": " + first : s.label + ": " + first + ", " + last;
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

std::string svg_line_chart(const LineChart& c) {
  // The data's extent.
  double lo = INFINITY, hi = -INFINITY, last_month = 1;
  for (const auto& s : c.series) {
    for (std::size_t i = 0; i < s.y.size(); ++i) {
      last_month = std::max(last_month, s.x[i]);
      if (std::isnan(s.y[i])) continue;
      lo = std::min(lo, s.y[i]);
      hi = std::max(hi, s.y[i]);
    }
  }
  const bool empty = lo > hi;
  if (empty) lo = hi = 0;
  if (c.from_zero) lo = std::min(lo, 0.0);
  Ticks y_ticks = value_ticks(lo, hi, 6);
  if (c.kind == ColumnKind::kCount && y_ticks.step < 1) {
    y_ticks = value_ticks(lo, std::max(hi, lo + 5), 6);  // whole people
  }
  const Ticks x_ticks = month_ticks(static_cast<int>(std::ceil(last_month)));

  const std::vector<LegendItem> legend = legend_layout(c.series);
  const int legend_rows = legend.empty() ? 0 : legend.back().row + 1;
  const double top = legend_rows == 0 ? kLegendY - 6 : kLegendY + kLegendRow * legend_rows;
  const double left = kLeft, right = kChartWidth - kRight, bottom = kChartHeight - kBottom;
  const double y0 = y_ticks.values.front(), y1 = y_ticks.values.back();
  const double x1 = x_ticks.values.back();
  const auto px = [&](double month) { return left + (right - left) * month / x1; };
  const auto py = [&](double v) { return bottom - (bottom - top) * (v - y0) / (y1 - y0); };

  std::string s = fmt::format(
      "<svg class=\"chart\" id=\"{}\" viewBox=\"0 0 {:.0f} {:.0f}\" width=\"{:.0f}\" "
      "height=\"{:.0f}\" role=\"img\" aria-label=\"{}\" data-series=\"{}\">\n"
      "<text class=\"chart-title\" x=\"0\" y=\"{}\">{}</text>\n",
      html_escape(c.id), kChartWidth, kChartHeight, kChartWidth, kChartHeight, html_escape(c.title),
      c.series.size(), kTitleY, html_escape(c.title));

  // Legend.
  s += "<g class=\"chart-legend\">\n";
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const ChartSeries& series = c.series[i];
    const double y = kLegendY - 4 + kLegendRow * legend[i].row;
    s += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
        "stroke-width=\"2.5\"{}/><text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        legend[i].x, y, legend[i].x + kLegendLine, y, html_escape(series.color), dash(series),
        legend[i].x + kLegendLine + 6, y + 4, html_escape(series.label));
  }
  s += "</g>\n";

  // Gridlines and value labels; month labels; the axes.
  s += "<g class=\"chart-grid\">\n";
  for (double v : y_ticks.values) {
    s += fmt::format(
        "<line class=\"gridline\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>"
        "<text class=\"tick y-tick\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        left, py(v), right, py(v), left - 6, py(v) + 4,
        html_escape(tick_label(v, c.kind, y_ticks)));
  }
  for (double m : x_ticks.values) {
    s += fmt::format(
        "<line class=\"tick-mark\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\"/>"
        "<text class=\"tick x-tick\" x=\"{0:.1f}\" y=\"{3:.1f}\">{4:.0f}</text>\n",
        px(m), bottom, bottom + 4, bottom + 17, m);
  }
  s += fmt::format(
      "<line class=\"axis-line\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\"/>\n"
      "<text class=\"axis-title\" x=\"{3:.1f}\" y=\"{4:.1f}\">month</text>\n</g>\n",
      left, bottom, right, (left + right) / 2, kChartHeight - 6);

  // The series, last on top; a dot at each series' last value.
  for (const auto& series : c.series) {
    std::string d;
    bool pen_down = false;
    double end_x = NAN, end_y = NAN;
    for (std::size_t i = 0; i < series.y.size(); ++i) {
      if (std::isnan(series.y[i])) {
        pen_down = false;
        continue;
      }
      d += fmt::format("{}{:.1f},{:.1f}", pen_down ? " L" : (d.empty() ? "M" : " M"),
                       px(series.x[i]), py(series.y[i]));
      pen_down = true;
      end_x = px(series.x[i]);
      end_y = py(series.y[i]);
    }
    if (d.empty()) continue;
    s += fmt::format(
        "<path class=\"series\" data-label=\"{}\" fill=\"none\" stroke=\"{}\" "
        "stroke-width=\"2.25\" stroke-linejoin=\"round\" stroke-linecap=\"round\"{} d=\"{}\">"
        "<title>{}</title></path>\n"
        "<circle class=\"series-end\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\"/>\n",
        html_escape(series.label), html_escape(series.color), dash(series), d,
        html_escape(series_tooltip(series, c.kind)), end_x, end_y, html_escape(series.color));
  }
  if (empty) {
    s += fmt::format("<text class=\"no-data\" x=\"{:.1f}\" y=\"{:.1f}\">no data</text>\n",
                     (left + right) / 2, (top + bottom) / 2);
  }
  return s + "</svg>\n";
}

}  // namespace floe::report
