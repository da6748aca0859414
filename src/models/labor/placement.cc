// Placing new hires in their new subcells (docs/model.md §10): within the county at the county's
// end; into other counties after all counties are done, by the engine's slots.
#include <algorithm>

#include "engine/partition.h"
#include "models/labor/county.h"
#include "models/labor/model.h"

namespace floe::labor {

// New jobs in this county: those waiting for a slot since earlier months first, then this
// month's, in order; whoever still finds no free slot keeps waiting.
void local_placement_step(World& w, int, std::size_t county, int thread) {
  const CountyRange c = county_range(w, county);
  engine::Slots& slots = *w.slots;
  CountyScratch& s = w.scratch_of(thread);
  auto& unplaced = w.unplaced[county];
  unplaced.clear();
  const auto& waiting = slots.waiting();
  const auto waiting_begin = std::partition_point(
      waiting.begin(), waiting.end(), [&](const Arrival& x) { return x.group < c.first; });
  for (auto it = waiting_begin; it != waiting.end() && it->group < c.last; ++it) {
    if (!slots.put_in(it->group, engine::block_for(it->agent), it->agent)) unplaced.push_back(*it);
  }
  for (const Arrival& x : s.arrivals) {
    slots.add_wages(x.group, x.agent.wage);  // employed here, placed or not
    if (!slots.put_in(x.group, engine::kEmployedBlock, x.agent)) unplaced.push_back(x);
  }
}

// Spread over ranks, hires into another rank's counties travel there in one exchange: each rank
// sends its counties' lists in county order, and receives them in rank order, so the arrivals
// come in the order one process would place them (docs/scaling.md §6).
void placement_step(World& w, int) {
  if (w.ranks->size() == 1) {
    w.slots->place(w.leaving, w.unplaced);
    return;
  }
  std::vector<std::vector<Arrival>> to(static_cast<std::size_t>(w.ranks->size()));
  const std::size_t entries = w.fixed.layout.entries;
  for (std::size_t c = w.first_county(); c < w.last_county(); ++c) {
    for (const Arrival& x : w.leaving[c]) {
      to[static_cast<std::size_t>(engine::owner_of(w.bounds, x.group / entries))].push_back(x);
    }
  }
  w.slots->place({w.ranks->exchange(to)}, w.unplaced);
}

}  // namespace floe::labor
