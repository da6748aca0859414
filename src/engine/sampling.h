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

// Many alias tables in one array, each draw from one 32-bit random word: its high 16 bits pick
// the slot, its low 16 bits toss the coin. Table i's entries are contiguous, and an entry packs
// the coin's threshold (17 bits: how many of the 65,536 coin values keep the slot) with the
// alias (15 bits) in 4 bytes, a quarter of a (double, index) pair: the simulation draws from
// tables picked at random, and the smaller the tables the more of them stay in cache.
// A draw is exactly AliasTable::draw(hi / 2^16, lo / 2^16): the slot floor(hi n / 2^16) is
// (hi n) >> 16, and lo / 2^16 < p exactly when lo < ceil(2^16 p), all in exact arithmetic.
class AliasTables {
 public:
  static constexpr std::size_t kMaxEntries = std::size_t{1} << 15;
  // Appends a table (all-zero weights: an empty one); returns its index. Throws
  // std::length_error for more than kMaxEntries weights.
  std::uint32_t add(std::span<const double> weights);
  void clear();
  std::size_t size() const { return offset_.size() - 1; }
  bool empty(std::size_t table) const { return offset_[table] == offset_[table + 1]; }
  // Index within table `table` (not empty), drawn with one random word.
  std::uint32_t draw(std::size_t table, std::uint32_t word) const {
    const std::uint32_t first = offset_[table];
    const std::uint64_t n = offset_[table + 1] - first;
    const auto slot = static_cast<std::uint32_t>(((word >> 16) * n) >> 16);
    const std::uint32_t entry = entries_[first + slot];
    return (word & 0xffff) < (entry >> 15) ? slot : entry & 0x7fff;
  }

 private:
  std::vector<std::uint32_t> offset_ = {0};
  std::vector<std::uint32_t> entries_;  // threshold << 15 | alias
};

}  // namespace floe::engine
