#include "report/palette.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace floe::report {
namespace {

struct Rgb {
  double r, g, b;
};

// Pale ice to deep water. The lightest anchor is still clearly darker than the white page, so
// the least exposed state does not vanish into the background.
constexpr std::array<Rgb, 5> kAnchors = {{{0xdc, 0xec, 0xf5},
                                          {0x9f, 0xca, 0xe1},
                                          {0x5f, 0xa2, 0xcc},
                                          {0x2f, 0x6f, 0xa8},
                                          {0x12, 0x3d, 0x6e}}};

// Relative slack for floor and ceil, so a value that is a break up to rounding is treated as
// that break (0.15 / 0.005 is 29.999999999999996).
constexpr double kSlack = 1e-9;

// The warm side of diverging scales: pale sand to burnt orange, as light at its start as the
// blue ramp, so the two sides of zero look equally strong at equal distances.
constexpr std::array<Rgb, 5> kWarmAnchors = {{{0xfc, 0xe6, 0xd2},
                                              {0xf6, 0xbd, 0x93},
                                              {0xec, 0x8c, 0x52},
                                              {0xcc, 0x5f, 0x1c},
                                              {0x8a, 0x36, 0x08}}};

// Linear in sRGB between the anchors; t in [0, 1].
std::string interpolate(const std::array<Rgb, 5>& anchors, double t) {
  t = std::clamp(t, 0.0, 1.0);
  const double x = t * (anchors.size() - 1);
  const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(x), anchors.size() - 2);
  const double f = x - static_cast<double>(i);
  const Rgb& a = anchors[i];
  const Rgb& b = anchors[i + 1];
  auto mix = [f](double u, double v) { return static_cast<int>(std::lround(u + (v - u) * f)); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

// The smallest round width (1, 2, 2.5 or 5 times a power of ten, from 1e-4) that covers
// [lo, hi] with at most max_classes classes; first and last are the class bounds in widths.
struct Classes {
  double width = 0;
  long first = 0, last = 0;
};

Classes round_classes(double lo, double hi, int max_classes) {
  Classes c;
  for (double decade = 1e-4;; decade *= 10) {
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
      c.width = m * decade;
      // In doubles until they fit: a narrow width over a wide range (lo 0, hi 1e20) gives class
      // numbers no integer holds.
      const double first = std::floor(lo / c.width + kSlack);
      double last = std::ceil(hi / c.width - kSlack);
      if (last == first) ++last;  // one value (or all equal): one class around it
      if (last - first > max_classes) continue;
      c.first = static_cast<long>(first);
      c.last = static_cast<long>(last);
      return c;
    }
  }
}

// Percent decimals: a width of 0.005 (0.5%) needs 1, 0.0025 needs 2, 0.01 needs 0.
int percent_decimals(double width) {
  const double percent = width * 100;
  int decimals = 0;
  while (decimals < 4 && std::abs(percent * std::pow(10, decimals) -
                                  std::round(percent * std::pow(10, decimals))) > 1e-6) {
    ++decimals;
  }
  return decimals;
}

}  // namespace

std::string ramp_color(double t) { return interpolate(kAnchors, t); }

std::size_t ColorScale::class_of(double value) const {
  const auto it = std::upper_bound(breaks.begin() + 1, breaks.end() - 1, value);
  return static_cast<std::size_t>(it - (breaks.begin() + 1));
}

std::string ColorScale::label(double value) const {
  const std::string sign = signed_labels && value > 0 ? "+" : "";
  // "-0.0" when a tiny negative rounds to zero reads as a sign error: print 0 unsigned.
  const double shown = std::abs(value) < 0.5 * std::pow(10, -decimals) / 100 ? 0 : value;
  return fmt::format("{}{:.{}f}{}", sign, 100 * shown, decimals, suffix);
}

ColorScale round_scale(double lo, double hi, int max_classes) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = 0;
  if (hi < lo) std::swap(lo, hi);
  const Classes c = round_classes(lo, hi, std::max(max_classes, 1));
  ColorScale s;
  const long classes = c.last - c.first;
  for (long i = 0; i <= classes; ++i) {
    s.breaks.push_back(static_cast<double>(c.first + i) * c.width);
  }
  for (long i = 0; i < classes; ++i) {
    s.colors.push_back(ramp_color(classes == 1 ? 0.5 : static_cast<double>(i) / (classes - 1)));
  }
  s.decimals = percent_decimals(c.width);
  return s;
}

ColorScale diverging_scale(double lo, double hi, bool higher_is_worse, int max_classes) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = 0;
  if (hi < lo) std::swap(lo, hi);
  lo = std::min(lo, 0.0);
  hi = std::max(hi, 0.0);
  ColorScale s;
  s.signed_labels = true;
  if (lo == 0 && hi == 0) {  // no difference anywhere: one neutral class around 0
    s.breaks = {-1e-4, 1e-4};
    s.colors = {"#eeeeee"};
    s.decimals = 2;
    return s;
  }
  const Classes c = round_classes(lo, hi, std::max(max_classes, 2));
  // Depth by distance from 0, in classes: the side with more classes sets the steps.
  const long deepest = std::max(-c.first, c.last);
  for (long i = c.first; i <= c.last; ++i) s.breaks.push_back(static_cast<double>(i) * c.width);
  for (long i = c.first; i < c.last; ++i) {
    const bool above = i >= 0;
    const long step = above ? i : -i - 1;  // 0 for the classes touching 0
    const double t =
        deepest == 1 ? 0.4 : static_cast<double>(step) / static_cast<double>(deepest - 1);
    s.colors.push_back(above == higher_is_worse ? interpolate(kWarmAnchors, t)
                                                : interpolate(kAnchors, t));
  }
  s.decimals = percent_decimals(c.width);
  return s;
}

}  // namespace floe::report
