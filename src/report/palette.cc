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

}  // namespace

std::string ramp_color(double t) {
  t = std::clamp(t, 0.0, 1.0);
  const double x = t * (kAnchors.size() - 1);
  const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(x), kAnchors.size() - 2);
  const double f = x - static_cast<double>(i);
  const Rgb& a = kAnchors[i];
  const Rgb& b = kAnchors[i + 1];
  auto mix = [f](double u, double v) { return static_cast<int>(std::lround(u + (v - u) * f)); };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

std::size_t ColorScale::class_of(double value) const {
  const auto it = std::upper_bound(breaks.begin() + 1, breaks.end() - 1, value);
  return static_cast<std::size_t>(it - (breaks.begin() + 1));
}

ColorScale round_scale(double lo, double hi, int max_classes) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) lo = hi = 0;
  if (hi < lo) std::swap(lo, hi);
  max_classes = std::max(max_classes, 1);
  // Candidate widths from 1e-4 (0.01 percentage points) upward until the classes fit.
  double width = 0;
  long first = 0, last = 0;
  for (double decade = 1e-4;; decade *= 10) {
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
      width = m * decade;
      first = static_cast<long>(std::floor(lo / width + kSlack));
      last = static_cast<long>(std::ceil(hi / width - kSlack));
      if (last == first) ++last;  // one value (or all equal): one class around it
      if (last - first <= max_classes) break;
    }
    if (last - first <= max_classes) break;
  }
  ColorScale s;
  const long classes = last - first;
  for (long i = 0; i <= classes; ++i) s.breaks.push_back(static_cast<double>(first + i) * width);
  for (long i = 0; i < classes; ++i) {
    s.colors.push_back(ramp_color(classes == 1 ? 0.5 : static_cast<double>(i) / (classes - 1)));
  }
  // Percent decimals: a width of 0.005 (0.5%) needs 1, 0.0025 needs 2, 0.01 needs 0.
  const double percent = width * 100;
  s.decimals = 0;
  while (s.decimals < 4 && std::abs(percent * std::pow(10, s.decimals) -
                                    std::round(percent * std::pow(10, s.decimals))) > 1e-6) {
    ++s.decimals;
  }
  return s;
}

}  // namespace floe::report
