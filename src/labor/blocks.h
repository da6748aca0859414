// The run's agent storage (docs/model.md §10): per subcell, a range of slots holding its
// employed, unemployed and trainees in three blocks, then free slots. Every operation moves at
// most three agents, so a month costs time in proportion to its events, not to the population.
#pragma once

#include "labor/world.h"

namespace floe::labor {

// Moves the agent at position i, in `block` of subcell k, into block `to` of the same subcell;
// returns its new position.
std::uint64_t change_block(World& w, std::size_t k, std::uint64_t i, int block, int to);
// Takes the agent at position i, in `block` of subcell k, out of the subcell.
AgentRecord take_out(World& w, std::size_t k, std::uint64_t i, int block);
// Puts an agent into `block` of subcell k; false (and nothing changes) when k is full.
bool put_in(World& w, std::size_t k, int block, const AgentRecord& a);
// Position of agent `id` in `block` of subcell k, or UINT64_MAX.
std::uint64_t find(const World& w, std::size_t k, int block, std::uint32_t id);

// Lays out a population as synthesized (sorted by county and occupation): blocks per subcell
// with room to grow; converts tenure to the run's months encoding.
void lay_out(World& w, const Population& population);
// After the counties' events: places the agents taking jobs in other counties, county by county
// in order, into free slots or to wait for one, and gathers everyone waiting. When more than a
// few wait, everything is repacked with room.
void place(World& w, const std::vector<std::vector<Arrival>>& arrivals,
           const std::vector<std::vector<Arrival>>& unplaced);
// Places job seekers (subcell, agent), sorted by id, into unemployed blocks; repacks at once if
// some subcell is full (rare: retraining completers).
void place_seekers(World& w, std::vector<Arrival> seekers);
// Recounts each subcell's wage bill from its employed (and those waiting for a slot).
void count_wages(World& w);
// Agents employed in subcell k but waiting for a slot.
std::uint32_t waiting_in(const World& w, std::size_t k);

// Checkpoints: the slots as a population in slot layout (capacities per subcell), and back.
Population to_population(const World& w, std::vector<std::uint64_t>& capacity);
// Throws Error when the slots are not in block order within their subcells.
void from_population(World& w, const Population& slots, const std::vector<std::uint64_t>& capacity);

}  // namespace floe::labor
