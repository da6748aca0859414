// The sequential color scale of the choropleths: a few classes with round breaks, light (less
// exposed) to dark (more exposed), like water getting deeper below an iceberg.
#pragma once

#include <string>
#include <vector>

namespace floe::report {

struct ColorScale {
  std::vector<double> breaks;       // class boundaries, ascending: classes + 1 of them
  std::vector<std::string> colors;  // one "#rrggbb" per class
  int decimals = 1;                 // decimals that print every break exactly, as a percent
  // How breaks are labeled: 100 x value with `decimals`, then `suffix` ("%"; "" for percentage
  // points), with a "+" before positive values when `signed_labels` (differences).
  std::string suffix = "%";
  bool signed_labels = false;

  std::string label(double value) const;

  // The class of a value: breaks[i] <= value < breaks[i + 1]; values outside the breaks fall
  // in the first or last class.
  std::size_t class_of(double value) const;
  const std::string& color(double value) const { return colors[class_of(value)]; }
};

// Color used for shapes without a value.
inline constexpr const char* kNoDataColor = "#d4d4d4";

// The ramp: t in [0, 1] to "#rrggbb", light to dark, linear in sRGB between five anchors.
std::string ramp_color(double t);

// Classes for a difference or change, diverging from 0 (always a break): equal round widths as
// in round_scale covering [min(lo, 0), max(hi, 0)]; classes below 0 in cool blues, above 0 in
// warm oranges, deeper the farther from 0 (the same depth at the same distance on both sides).
// With `higher_is_worse` false the sides swap, so warm always means worse. Labels are signed.
ColorScale diverging_scale(double lo, double hi, bool higher_is_worse, int max_classes = 8);

// Equal-width classes covering [lo, hi], at most max_classes of them, with the smallest round
// width (1, 2, 2.5 or 5 times a power of ten) that needs no more. Class i of k takes
// ramp_color(i / (k - 1)), so the extremes of the data get the extremes of the ramp.
ColorScale round_scale(double lo, double hi, int max_classes = 7);

}  // namespace floe::report
