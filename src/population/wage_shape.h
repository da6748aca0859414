// The wage distribution within an occupation, from OEWS's published percentiles
// (docs/population.md §2).
#pragma once

#include <array>
#include <cstddef>

#include "floe/labor.h"

namespace floe::population {

// A quantile function Q(u) with mean 1: piecewise linear through the published 10th, 25th,
// 50th, 75th and 90th percentiles (divided by the mean), extended linearly down to u = 0 and by
// a Pareto tail above the last percentile that is not top-coded, with the tail exponent chosen
// so that the distribution's mean is the published mean. A cell's wages are its mean wage times
// Q(u) for uniform u.
class WageShape {
 public:
  WageShape() = default;  // degenerate: every wage is the mean
  static WageShape from_oews(const NationalOccupation& occupation);

  double quantile(double u) const;
  double tail_alpha() const { return alpha_; }

 private:
  // Knots (at most 6: u = 0 and the five published percentiles), q normalized so the mean is 1;
  // held inline so that a simulation's random wage draws touch one cache line per occupation.
  std::array<double, 6> u_{}, q_{};
  std::size_t knots_ = 0;
  double alpha_ = 0;  // Pareto exponent above the last knot; 0: no tail (flat)
};

}  // namespace floe::population
