// Sampling from a single counter-based uniform: the pieces that let the simulation draw "how
// many events in this cell" once per cell and month (docs/model.md §9).
#pragma once

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

}  // namespace floe::engine
