#include "population/wage_shape.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace floe::population {
namespace {

constexpr double kPercentiles[5] = {0.10, 0.25, 0.50, 0.75, 0.90};
// Tail exponents outside this range would give an infinite-variance tail (below) or a tail
// indistinguishable from flat (above): docs/population.md §2.
constexpr double kMinAlpha = 2.5, kMaxAlpha = 50.0;
// Draws stop at this quantile, so that no single wage is astronomically large.
constexpr double kMaxU = 1.0 - 1e-6;

}  // namespace

WageShape WageShape::from_oews(const NationalOccupation& n) {
  WageShape shape;
  const double mean = n.mean.annual;
  if (mean <= 0) return shape;
  // Known percentiles; a top-coded one only bounds the tail from below, so the tail starts at
  // the last percentile that is known.
  std::vector<double> u, q;
  for (int k = 0; k < 5; ++k) {
    const Wage& w = n.percentiles[k];
    if (w.source == WageSource::kMissing || w.source == WageSource::kTopCoded) break;
    u.push_back(kPercentiles[k]);
    q.push_back(q.empty() ? w.annual : std::max(w.annual, q.back()));  // keep Q increasing
  }
  if (u.empty()) return shape;
  // Lower end: the first segment extended to u = 0, but not below half the first percentile.
  double q0 = 0.5 * q[0];
  if (q.size() >= 2) {
    const double slope = (q[1] - q[0]) / (u[1] - u[0]);
    q0 = std::max(q0, q[0] - slope * u[0]);
  }
  u.insert(u.begin(), 0.0);
  q.insert(q.begin(), q0);
  // Mean of the linear part, and the mean the tail must have for the whole to average `mean`.
  double linear = 0;
  for (std::size_t k = 1; k < u.size(); ++k) linear += 0.5 * (q[k] + q[k - 1]) * (u[k] - u[k - 1]);
  const double top_u = u.back(), top_q = q.back();
  const double tail_mean = (mean - linear) / (1.0 - top_u);
  double alpha = 0;  // flat tail when the percentiles alone already reach the mean
  if (tail_mean > top_q * (1 + 1e-9)) {
    alpha = std::clamp(tail_mean / (tail_mean - top_q), kMinAlpha, kMaxAlpha);  // a q/(a-1) = R
  }
  // Normalize so the shape's mean is exactly 1 (the clamp may have moved it slightly).
  const double tail = alpha > 0 ? top_q * alpha / (alpha - 1.0) : top_q;
  const double total = linear + (1.0 - top_u) * tail;
  for (double& x : q) x /= total;
  shape.knots_ = u.size();
  std::copy(u.begin(), u.end(), shape.u_.begin());
  std::copy(q.begin(), q.end(), shape.q_.begin());
  shape.alpha_ = alpha;
  return shape;
}

double WageShape::quantile(double u) const {
  if (knots_ == 0) return 1.0;
  const double top_u = u_[knots_ - 1], top_q = q_[knots_ - 1];
  if (u >= top_u) {
    if (alpha_ <= 0) return top_q;
    u = std::min(u, kMaxU);
    return top_q * std::pow((1.0 - top_u) / (1.0 - u), 1.0 / alpha_);
  }
  std::size_t k = 1;  // u_[k-1] <= u < u_[k]; at most 6 knots, so a scan beats a search
  while (u >= u_[k]) ++k;
  const double t = (u - u_[k - 1]) / (u_[k] - u_[k - 1]);
  return q_[k - 1] + t * (q_[k] - q_[k - 1]);
}

}  // namespace floe::population
