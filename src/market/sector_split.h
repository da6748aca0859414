// The sector and county splits of the state cells (docs/method.md §5), after build_cells has
// made the state x occupation cells.
#pragma once

#include "floe/market.h"

namespace floe {

// Fills cells.sector_share: each state cell split by the national staffing pattern, raked per
// state to the state's County Business Patterns sector employment when the dataset has it.
void split_by_sector(const Dataset& dataset, Cells& cells);

// Fills cells.county_sector_weight, county_share, county_employment and county_source.
void split_by_county(const Dataset& dataset, Cells& cells);

}  // namespace floe
