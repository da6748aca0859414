// Sampling from a single counter-based uniform: the pieces that let the simulation draw "how
// many events in this cell" once per cell and month (docs/model.md §9).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace floe::engine {

// The standard normal quantile Phi^-1(u), u in (0, 1) (Acklam's rational approximation with
// one Halley refinement step; relative error < 1e-9).
double normal_quantile(double u);

// A Binomial(n, p) draw by inversion of the uniform u: exact (CDF search) when n p < 30, the
// normal approximation with continuity correction otherwise, clamped to [0, n].
std::uint32_t binomial(std::uint32_t n, double p, double u);
// The same, with log(1 - p) given (for the many draws that share one p).
std::uint32_t binomial(std::uint32_t n, double p, double log_q, double u);

// Walker's alias table: O(1) draws from a fixed discrete distribution.
class AliasTable {
 public:
  AliasTable() = default;
  explicit AliasTable(std::span<const double> weights);  // all zero: empty()
  bool empty() const { return prob_.empty(); }
  std::size_t size() const { return prob_.size(); }
  // Index drawn with two uniforms in [0, 1).
  std::uint32_t draw(double u_slot, double u_coin) const;

 private:
  std::vector<double> prob_;
  std::vector<std::uint32_t> alias_;
};

// Many alias tables in one array: table i's entries are contiguous and each entry holds its
// probability and alias side by side, so a draw from a table picked at random costs one cache
// miss for the offset and one for the entry (a vector of AliasTable objects costs three: the
// object, its probabilities, its aliases). Draws are exactly those of AliasTable.
class AliasTables {
 public:
  // Appends a table (all-zero weights: an empty one); returns its index.
  std::uint32_t add(std::span<const double> weights);
  void clear();
  std::size_t size() const { return offset_.size() - 1; }
  bool empty(std::size_t table) const { return offset_[table] == offset_[table + 1]; }
  // Index within table `table`, drawn with two uniforms in [0, 1).
  std::uint32_t draw(std::size_t table, double u_slot, double u_coin) const {
    const std::uint32_t first = offset_[table];
    const std::size_t n = offset_[table + 1] - first;
    const std::size_t slot = std::min(n - 1, static_cast<std::size_t>(u_slot * n));
    const Entry& e = entries_[first + slot];
    return u_coin < e.prob ? static_cast<std::uint32_t>(slot) : e.alias;
  }
  // Where table `table`'s entries lie, to prefetch before a draw.
  const void* address(std::size_t table) const { return &entries_[offset_[table]]; }

 private:
  struct Entry {
    double prob;
    std::uint32_t alias;
  };
  std::vector<std::uint32_t> offset_ = {0};
  std::vector<Entry> entries_;
};

}  // namespace floe::engine
