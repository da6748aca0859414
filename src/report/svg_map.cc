#include "report/svg_map.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "floe/table.h"
#include "report/html.h"

namespace floe::report {

bool any_without_value(const MapLayers& map) {
  return std::any_of(map.areas.begin(), map.areas.end(),
                     [](const MapArea& a) { return std::isnan(a.value); });
}

namespace {

// The largest of 1, 2 and 5 times a power of ten that is at most `v` (v > 0).
double round_down(double v) {
  const double decade = std::pow(10, std::floor(std::log10(v)));
  for (double m : {5.0, 2.0, 1.0}) {
    if (m * decade <= v * (1 + 1e-12)) return m * decade;
  }
  return decade;
}

double largest_circle_value(const MapLayers& map) {
  double v = 0;
  for (const auto& c : map.circles) v = std::max(v, c.value);
  return v;
}

}  // namespace

Bounds map_frame(const MapLayers& map) {
  Bounds b;
  for (const auto& a : map.areas) b.add(path_bounds(a.svg_path));
  if (b.empty) return {0, 0, 1, 1, false};
  const double margin = 0.01 * std::max(b.max_x - b.min_x, b.max_y - b.min_y);
  return {b.min_x - margin, b.min_y - margin, b.max_x + margin, b.max_y + margin, false};
}

double max_circle_radius(const Bounds& frame) { return 0.03 * (frame.max_x - frame.min_x); }

std::string svg_map(const MapLayers& map, const ColorScale& scale) {
  const Bounds f = map_frame(map);
  const double w = f.max_x - f.min_x, h = f.max_y - f.min_y;
  std::string s = fmt::format(
      "<svg class=\"map\" id=\"{}\" viewBox=\"{:.1f} {:.1f} {:.1f} {:.1f}\" width=\"{:.0f}\" "
      "height=\"{:.0f}\" role=\"img\" aria-label=\"{}\">\n<g class=\"areas\">\n",
      html_escape(map.id), f.min_x, f.min_y, w, h, kMapWidthPx, kMapWidthPx * h / w,
      html_escape(map.label));
  for (const auto& a : map.areas) {
    const std::string& fill = std::isnan(a.value) ? kNoDataColor : scale.color(a.value);
    s += fmt::format(
        "<path class=\"{}\" data-fips=\"{}\" fill=\"{}\" d=\"{}\"><title>{}</title>"
        "</path>\n",
        html_escape(map.area_class), html_escape(a.id), fill, html_escape(a.svg_path),
        html_escape(a.tooltip));
  }
  s += "</g>\n";
  if (!map.borders.empty()) {
    s += fmt::format("<path class=\"border\" d=\"{}\"/>\n", html_escape(map.borders));
  }
  const double vmax = largest_circle_value(map);
  if (vmax > 0) {
    // Largest first, so that small circles stay on top and can be hovered.
    std::vector<const MapCircle*> order;
    for (const auto& c : map.circles) {
      if (c.value > 0) order.push_back(&c);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const MapCircle* a, const MapCircle* b) { return a->value > b->value; });
    const double rmax = max_circle_radius(f);
    s += "<g class=\"circles\">\n";
    for (const MapCircle* c : order) {
      s += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.2f}\"><title>{}</title></circle>\n",
          c->center.x, c->center.y, rmax * std::sqrt(c->value / vmax), html_escape(c->tooltip));
    }
    s += "</g>\n";
  }
  return s + "</svg>\n";
}

std::string svg_color_legend(const ColorScale& scale, const std::string& caption, bool no_data,
                             const std::string& no_data_label) {
  constexpr double kSwatch = 46, kLeft = 18, kGap = 24;
  const std::size_t k = scale.colors.size();
  const double width =
      kLeft + kSwatch * static_cast<double>(k) + (no_data ? kGap + kSwatch : 0) + kLeft;
  std::string s = fmt::format(
      "<svg class=\"legend\" width=\"{:.0f}\" height=\"58\" role=\"img\" aria-label=\"{}\">\n"
      "<text x=\"{}\" y=\"13\" class=\"legend-caption\">{}</text>\n",
      width, html_escape(caption), kLeft, html_escape(caption));
  for (std::size_t i = 0; i < k; ++i) {
    s += fmt::format(
        "<rect class=\"legend-swatch\" x=\"{:.0f}\" y=\"20\" width=\"{:.0f}\" height=\"14\" "
        "fill=\"{}\"><title>{} to {}</title></rect>\n",
        kLeft + kSwatch * static_cast<double>(i), kSwatch, scale.colors[i],
        scale.label(scale.breaks[i]), scale.label(scale.breaks[i + 1]));
  }
  for (std::size_t i = 0; i <= k; ++i) {
    s += fmt::format("<text class=\"legend-break\" x=\"{:.0f}\" y=\"50\">{}</text>\n",
                     kLeft + kSwatch * static_cast<double>(i), scale.label(scale.breaks[i]));
  }
  if (no_data) {
    const double x = kLeft + kSwatch * static_cast<double>(k) + kGap;
    s += fmt::format(
        "<rect class=\"legend-swatch\" x=\"{:.0f}\" y=\"20\" width=\"{:.0f}\" height=\"14\" "
        "fill=\"{}\"><title>{}</title></rect>\n"
        "<text class=\"legend-break\" x=\"{:.0f}\" y=\"50\">{}</text>\n",
        x, kSwatch, kNoDataColor, no_data_label, x + kSwatch / 2, no_data_label);
  }
  return s + "</svg>\n";
}

std::string svg_circle_legend(const MapLayers& map, const std::string& caption) {
  const double vmax = largest_circle_value(map);
  if (vmax <= 0) return "";
  const Bounds f = map_frame(map);
  const double px_per_unit = kMapWidthPx / (f.max_x - f.min_x);
  const double rmax_px = max_circle_radius(f) * px_per_unit;
  // Round values 4 to 5 times apart (500, 100, 20; 200, 50, 10), so the sizes differ clearly.
  std::vector<double> values;
  for (double v = round_down(vmax); values.size() < 3; v = round_down(v / 4)) {
    if (rmax_px * std::sqrt(v / vmax) < 2) break;  // too small to see
    values.push_back(v);
  }
  // Side by side on one baseline, each value centered under its circle.
  constexpr double kLeft = 18, kGap = 22;
  const double base = 22 + 2 * rmax_px;
  double width = kLeft;
  for (double v : values) width += 2 * std::max(rmax_px * std::sqrt(v / vmax), 20.0) + kGap;
  std::string s = fmt::format(
      "<svg class=\"legend\" width=\"{:.0f}\" height=\"{:.0f}\" role=\"img\" aria-label=\"{}\">\n"
      "<text x=\"{}\" y=\"13\" class=\"legend-caption\">{}</text>\n",
      width, base + 18, html_escape(caption), kLeft, html_escape(caption));
  const Column count{"", "", ColumnKind::kCount};
  double x = kLeft;
  for (double v : values) {
    const double r = rmax_px * std::sqrt(v / vmax);
    const double half = std::max(r, 20.0);  // room for the label under a small circle
    s += fmt::format(
        "<circle class=\"legend-circle\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\"/>\n"
        "<text class=\"legend-break\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        x + half, base - r, r, x + half, base + 14, format_value(v, count));
    x += 2 * half + kGap;
  }
  return s + "</svg>\n";
}

}  // namespace floe::report
