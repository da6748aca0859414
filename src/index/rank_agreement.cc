// Rank agreement of two series: Spearman's rho and tercile agreement with permutation p-values
// (docs/method.md §11).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "floe/compare.h"
#include "floe/error.h"
#include "floe/geography_check.h"
#include "floe/random.h"

namespace floe {
namespace {

constexpr int kPermutations = 10000;

std::vector<double> ranks(const std::vector<double>& x) {
  return weighted_ranks(x, std::vector<double>(x.size(), 1.0));
}

// x - mean(x), scaled to unit length: the Pearson correlation of two such series is their dot
// product, which a permutation of one of them leaves cheap to recompute.
std::vector<double> standardized(std::vector<double> x) {
  double mean = 0, norm = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  for (double& v : x) {
    v -= mean;
    norm += v * v;
  }
  norm = std::sqrt(norm);
  for (double& v : x) v = norm > 0 ? v / norm : 0.0;
  return x;
}

double same_tier(const std::vector<int>& a, const std::vector<int>& b) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

}  // namespace

std::vector<int> terciles(const std::vector<double>& x) {
  const std::size_t n = x.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return x[a] < x[b]; });
  const std::size_t base = n / 3, extra = n % 3;
  std::vector<int> tier(n);
  std::size_t rank = 0;
  for (int t = 0; t < 3; ++t) {
    const std::size_t size = base + (static_cast<std::size_t>(t) < extra ? 1 : 0);
    for (std::size_t i = 0; i < size; ++i) tier[order[rank++]] = t;
  }
  return tier;
}

Agreement agreement(const std::vector<double>& x, const std::vector<double>& y,
                    std::uint64_t seed) {
  if (x.size() != y.size() || x.size() < 3) throw Error("agreement: need two series of 3+ values");
  Agreement a;
  const std::vector<double> rx = standardized(ranks(x)), ry = standardized(ranks(y));
  const std::vector<int> tx = terciles(x), ty = terciles(y);
  auto dot = [](const std::vector<double>& u, const std::vector<double>& v) {
    double sum = 0;
    for (std::size_t i = 0; i < u.size(); ++i) sum += u[i] * v[i];
    return sum;
  };
  a.spearman = dot(rx, ry);  // Spearman's rho: Pearson's r of the ranks (ties at mid-rank)
  a.tier_agreement = same_tier(tx, ty);
  // Random pairings: y's ranks and tiers shuffled together (Fisher-Yates, counter-based draws).
  const Random rng(seed);
  int rho_at_least = 0, tier_at_least = 0;
  std::vector<std::size_t> perm(x.size());
  std::vector<double> shuffled_ranks(x.size());
  std::vector<int> shuffled_tiers(x.size());
  for (int p = 0; p < kPermutations; ++p) {
    std::iota(perm.begin(), perm.end(), 0);
    for (std::size_t i = perm.size() - 1; i > 0; --i) {
      const double u = rng.uniform(Stream::kGeographyCheck, static_cast<std::uint64_t>(p),
                                   static_cast<std::uint32_t>(i));
      std::swap(perm[i], perm[static_cast<std::size_t>(u * static_cast<double>(i + 1))]);
    }
    for (std::size_t i = 0; i < perm.size(); ++i) {
      shuffled_ranks[i] = ry[perm[i]];
      shuffled_tiers[i] = ty[perm[i]];
    }
    rho_at_least += dot(rx, shuffled_ranks) >= a.spearman - 1e-12;
    tier_at_least += same_tier(tx, shuffled_tiers) >= a.tier_agreement - 1e-12;
  }
  a.spearman_p = (rho_at_least + 1.0) / (kPermutations + 1.0);
  a.tier_p = (tier_at_least + 1.0) / (kPermutations + 1.0);
  return a;
}

}  // namespace floe
