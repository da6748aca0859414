// One state's occupations and SOC major groups, from the labor-market cells and the index
// (private to src/serve). Per cell (docs/method.md §7):
//   wage bill = emp * wage,  exposed wages = emp * wage * E_o,  exposed workers = emp * E_o
// A group's Iceberg index is its exposed wages over its wage bill; occupations without
// exposure are left out of both, as in compute_index.
#pragma once

#include "floe/index.h"

namespace floe::serve {

// Every occupation with workers in the state, most exposed wages first. share_of_state is the
// occupation's part of the state's exposed wages.
Table state_occupations(const Dataset& dataset, const Cells& cells, const IndexResult& result,
                        StateId state);

// The state's SOC major groups, highest Iceberg index first.
Table state_majors(const Dataset& dataset, const Cells& cells, const IndexResult& result,
                   StateId state);

}  // namespace floe::serve
