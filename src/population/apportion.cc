#include "population/apportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace floe::population {

void apportion(std::uint64_t total, std::span<const double> weights, std::span<std::uint32_t> out) {
  const std::size_t n = weights.size();
  double sum = 0;
  for (double w : weights) sum += w > 0 ? w : 0;
  std::fill(out.begin(), out.end(), 0u);
  if (sum <= 0 || total == 0) return;
  std::vector<double> remainder(n);
  std::uint64_t assigned = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double quota = weights[i] > 0 ? static_cast<double>(total) * weights[i] / sum : 0.0;
    const double whole = std::floor(quota);
    out[i] = static_cast<std::uint32_t>(whole);
    remainder[i] = quota - whole;
    assigned += out[i];
  }
  if (assigned >= total) return;  // floating point can only leave units over, never short
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  const std::size_t left = static_cast<std::size_t>(total - assigned);
  std::partial_sort(order.begin(), order.begin() + std::min(left, n), order.end(),
                    [&](std::size_t a, std::size_t b) {
                      return remainder[a] != remainder[b] ? remainder[a] > remainder[b] : a < b;
                    });
  for (std::size_t k = 0; k < left; ++k) ++out[order[k % n]];
}

}  // namespace floe::population
