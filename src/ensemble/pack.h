// A Replicate as one array of doubles, the form it travels in from a rank to rank 0
// (docs/scaling.md §2):
//   [0] run number, [1] seed / 2^32, [2] seed mod 2^32 (each exact in a double),
//   [3] months n of the run's series, [4] months m of the twin's (0 without a twin),
//   then n x 12 figures, then m x 12, each month's in MonthFigures' declared order.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "floe/simulation.h"

namespace floe::ensemble {

inline constexpr std::size_t kPackedHeader = 5;
inline constexpr std::size_t kPackedFigures = 12;  // the doubles of one MonthFigures

std::vector<double> pack(std::size_t run, const Replicate& replicate);
// Throws Error for an array that is not a packed Replicate (wrong length or header).
Replicate unpack(std::span<const double> packed, std::size_t* run = nullptr);

}  // namespace floe::ensemble
