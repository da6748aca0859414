// Largest-remainder (Hamilton) apportionment: integers that sum exactly to a total and are each
// within one of their real-valued quota.
#pragma once

#include <cstdint>
#include <span>

namespace floe::population {

// Splits `total` into out[i] proportional to weights[i]: out[i] = floor(quota_i), then the units
// left go to the largest fractional parts (ties to the lower index, so the result is
// deterministic). All zero when the weights sum to zero.
void apportion(std::uint64_t total, std::span<const double> weights, std::span<std::uint32_t> out);

}  // namespace floe::population
