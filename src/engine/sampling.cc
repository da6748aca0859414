#include "engine/sampling.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace floe::engine {

double normal_quantile(double u) {
  // Acklam (2003), "An algorithm for computing the inverse normal cumulative distribution
  // function": rational approximations in the center and the tails.
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  u = std::clamp(u, 1e-300, 1.0 - 1e-16);
  double x;
  if (u < kLow) {
    const double q = std::sqrt(-2 * std::log(u));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (u <= 1 - kLow) {
    const double q = u - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - u));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One Halley step on Phi(x) - u.
  const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - u;
  const double g = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - g / (1 + x * g / 2);
}

std::uint32_t binomial(std::uint32_t n, double p, double u) {
  return binomial(n, p, p > 0 && p < 1 ? std::log1p(-p) : 0.0, u);
}

std::uint32_t binomial(std::uint32_t n, double p, double log_q, double u) {
  if (n == 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const double mean = n * p;
  if (mean < 30) {
    // Inversion: walk the CDF from k = 0 (P(0) = (1-p)^n; P(k+1) = P(k) (n-k)/(k+1) p/(1-p)).
    double pk = std::exp(n * log_q);
    if (u <= pk) return 0;  // the common case, decided with one exp
    double cdf = pk;
    const double ratio = p / (1 - p);
    std::uint32_t k = 0;
    while (cdf < u && k < n) {
      pk *= (n - k) * ratio / (k + 1);
      ++k;
      cdf += pk;
      if (pk < 1e-300 && k > mean) break;  // numerically exhausted
    }
    return k;
  }
  const double k = std::floor(mean + std::sqrt(mean * (1 - p)) * normal_quantile(u) + 0.5);
  return static_cast<std::uint32_t>(std::clamp(k, 0.0, static_cast<double>(n)));
}

namespace {

// Walker's construction (Vose's stable variant): `prob` and `alias` of n entries from weights;
// false (nothing written) when there is no positive weight.
bool build_alias(std::span<const double> weights, std::vector<double>& prob_,
                 std::vector<std::uint32_t>& alias_) {
  const std::size_t n = weights.size();
  double total = 0;
  for (double w : weights) total += w > 0 ? w : 0;
  if (n == 0 || total <= 0) return false;
  prob_.assign(n, 0.0);
  alias_.assign(n, 0);
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = (weights[i] > 0 ? weights[i] : 0) * n / total;
    (scaled[i] < 1 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back(), l = large.back();
    small.pop_back();
    prob_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] -= 1 - scaled[s];
    if (scaled[l] < 1) {
      large.pop_back();
      small.push_back(l);
    }
  }
  for (std::uint32_t i : large) prob_[i] = 1;
  for (std::uint32_t i : small) prob_[i] = 1;  // rounding leftovers
  return true;
}

}  // namespace

AliasTable::AliasTable(std::span<const double> weights) {
  if (!build_alias(weights, prob_, alias_)) {
    prob_.clear();
    alias_.clear();
  }
}

std::uint32_t AliasTables::add(std::span<const double> weights) {
  if (weights.size() > kMaxEntries) throw std::length_error("alias table: too many entries");
  std::vector<double> prob;
  std::vector<std::uint32_t> alias;
  if (build_alias(weights, prob, alias)) {
    for (std::size_t i = 0; i < prob.size(); ++i) {
      // 2^16 p is exact (a power-of-two scaling), so its ceiling is the exact threshold.
      const auto threshold = static_cast<std::uint32_t>(std::ceil(prob[i] * 65536.0));
      entries_.push_back(std::min<std::uint32_t>(threshold, 65536) << 15 | alias[i]);
    }
  }
  offset_.push_back(static_cast<std::uint32_t>(entries_.size()));
  return static_cast<std::uint32_t>(offset_.size() - 2);
}

void AliasTables::clear() {
  offset_.assign(1, 0);
  entries_.clear();
}

std::uint32_t AliasTable::draw(double u_slot, double u_coin) const {
  const std::size_t n = prob_.size();
  const std::size_t slot = std::min(n - 1, static_cast<std::size_t>(u_slot * n));
  return u_coin < prob_[slot] ? static_cast<std::uint32_t>(slot) : alias_[slot];
}

}  // namespace floe::engine
