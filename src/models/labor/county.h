// What the county substeps share (docs/model.md §4-§10): a county's subcell range, the draws of
// a phase and how they are applied.
//
// Each phase first draws who is affected — positions in the subcells' blocks, computed from the
// draws alone — then applies the changes while prefetching a few picks ahead: the picked
// records lie at random places in 2.5 GiB, and loads in flight together hide their latency.
#pragma once

#include "models/labor/world.h"

namespace floe::labor {

inline constexpr std::size_t kPrefetchAhead = 12;

struct CountyRange {
  std::size_t county, state, first, last;  // subcells [first, last)
};
inline CountyRange county_range(const World& w, std::size_t county) {
  const Layout& l = w.fixed.layout;
  return {county, l.county_state[county], county * l.entries, (county + 1) * l.entries};
}

inline void prefetch_pick(World& w, const CountyScratch& s, std::size_t next) {
  if (next < s.picks.size()) __builtin_prefetch(&(*w.slots)[s.picks[next].position], 1);
}

// `count` distinct uniform draws from the first `size` agents of a block starting at `begin`,
// one after another (the block shrinks by one after each as the agent leaves it).
inline void draw_without_replacement(const World& w, CountyScratch& s, std::uint32_t k,
                                     std::uint64_t begin, std::uint32_t size, std::uint32_t count,
                                     Draw pick_stream, std::uint32_t month) {
  for (std::uint32_t j = 0; j < count; ++j) {
    const auto r = w.rng.words(stream(pick_stream), nth(k, j), month);
    s.picks.push_back({k, begin + ((static_cast<std::uint64_t>(r[0]) * (size - j)) >> 32),
                       static_cast<float>(r[1] * kWord)});
  }
}

// An employed agent becomes unemployed this month (with `flag`: displaced by AI directly or
// through the cascade); they sit at the front of the unemployed block and search from next
// month.
inline void separate(World& w, CountyScratch& s, const CountyScratch::Pick& pick, std::uint8_t flag,
                     int month, std::size_t first) {
  engine::Slots& slots = *w.slots;
  AgentRecord& a = slots[pick.position];
  slots.add_wages(pick.k, -a.wage);
  a.status =
      static_cast<std::uint8_t>((a.status & (kRetrained | kReemployed)) | kUnemployed | flag);
  a.months = static_cast<std::uint16_t>(kMonthBase + month);
  slots.change_block(pick.k, pick.position, engine::kEmployedBlock, engine::kUnemployedBlock);
  ++s.fresh[pick.k - first];
}

}  // namespace floe::labor
