// Keeping agents in order: sorted by subcell, and within each subcell partitioned by status
// (employed, then unemployed, then in training), so that "a random employed worker of this
// subcell" is one draw (docs/model.md §10).
#pragma once

#include "labor/world.h"

namespace floe::labor {

// Moves the agents whose subcell changed (`movers`: positions that may have changed) to their
// new subcells, keeping everyone else's order; partitions every subcell by status; recounts the
// stocks. At a month's end (`month_end`) also advances every agent's months in its state by one
// and clears the month's touched marks.
void rebuild(World& world, std::vector<std::uint64_t> movers, bool month_end);

}  // namespace floe::labor
