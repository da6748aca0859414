// Intervals of every index figure over the ensemble of defensible layers (private to src/index;
// docs/method.md §12).
#pragma once

#include <vector>

#include "floe/index.h"

namespace floe::detail {

// Fills result.ranges: for each layer of options.ensemble, and for the result itself, the index
// of every unit, widening each unit's interval. `weights` are the task weights in use.
void compute_ranges(const Dataset& dataset, const Cells& cells, const IndexOptions& options,
                    const std::vector<double>& weights, IndexResult& result);

}  // namespace floe::detail
