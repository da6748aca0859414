// A run spread over the ranks of an MPI job (docs/scaling.md §6): each rank owns a contiguous
// range of counties, cut so that the ranks hold about the same number of agents.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace floe::engine {

// Rank r of `ranks` owns counties [bounds[r], bounds[r + 1]); bounds[0] = 0 and bounds[ranks]
// = the number of counties. Cut r (0 < r < ranks) is the first county c whose agents before it
// reach r/ranks of all agents (sum over c' < c of agents[c'] >= r * total / ranks), moved right
// as needed so that every rank owns at least one county. Throws Error when there are more ranks
// than counties.
std::vector<std::size_t> partition_counties(std::span<const std::uint32_t> agents, int ranks);

// The rank that owns county c.
int owner_of(const std::vector<std::size_t>& bounds, std::size_t county);

}  // namespace floe::engine
