#include "engine/partition.h"

#include <algorithm>
#include <string>

#include "floe/error.h"

namespace floe::engine {

std::vector<std::size_t> partition_counties(std::span<const std::uint32_t> agents, int ranks) {
  const std::size_t counties = agents.size();
  if (ranks < 1) throw Error("a run needs at least one rank");
  const auto n = static_cast<std::size_t>(ranks);
  if (n > counties) {
    throw Error(std::to_string(ranks) + " ranks for " + std::to_string(counties) +
                " counties: a rank owns at least one county; use at most " +
                std::to_string(counties) + " (mpirun -np " + std::to_string(counties) + ")");
  }
  double total = 0;
  for (std::uint32_t a : agents) total += a;
  std::vector<std::size_t> bounds(n + 1, 0);
  bounds[n] = counties;
  double before = 0;  // agents in counties [0, c)
  std::size_t c = 0;
  for (std::size_t r = 1; r < n; ++r) {
    // Whole numbers below 2^53: the comparison is exact, the same on every rank.
    while (c < counties && before * static_cast<double>(n) < static_cast<double>(r) * total) {
      before += agents[c++];
    }
    // At least one county for this rank and for each after it.
    bounds[r] = std::clamp(c, bounds[r - 1] + 1, counties - (n - r));
  }
  return bounds;
}

int owner_of(const std::vector<std::size_t>& bounds, std::size_t county) {
  return static_cast<int>(std::upper_bound(bounds.begin(), bounds.end(), county) - bounds.begin()) -
         1;
}

}  // namespace floe::engine
