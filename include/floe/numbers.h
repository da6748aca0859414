// Small numeric constants shared across floe.
#pragma once

#include <limits>

namespace floe {

// "No value": a rate without a labor force, a figure a place does not have.
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace floe
