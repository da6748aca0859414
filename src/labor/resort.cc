#include "labor/resort.h"

#include <algorithm>

namespace floe::labor {
namespace {

constexpr auto kEmployed = static_cast<std::uint8_t>(AgentStatus::kEmployed);
constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);

// 0: employed, 1: unemployed, 2: training or anything else.
inline int block_of(std::uint8_t status) {
  const std::uint8_t s = status & kStatusMask;
  return s == kEmployed ? 0 : s == kUnemployed ? 1 : 2;
}

void allocate_like(const Population& p, Population& spare) {
  if (spare.size() == p.size()) return;
  const std::size_t n = p.size();
  spare.county = AgentColumn<std::uint16_t>(n);
  spare.occupation = AgentColumn<std::uint16_t>(n);
  spare.industry = AgentColumn<std::uint8_t>(n);
  spare.status = AgentColumn<std::uint8_t>(n);
  spare.wage = AgentColumn<float>(n);
  spare.months = AgentColumn<std::uint16_t>(n);
  spare.id = AgentColumn<std::uint32_t>(n);
}

// Population::cell_offsets by (county, occupation), from the subcell offsets.
void update_cell_offsets(World& w) {
  const Layout& l = w.fixed.layout;
  Population& p = w.agents;
  p.cell_offsets.resize(l.counties * l.occupations + 1);
  for (std::size_t c = 0; c < l.counties; ++c) {
    for (std::size_t o = 0; o < l.occupations; ++o) {
      p.cell_offsets[c * l.occupations + o] = w.stocks.offsets[c * l.entries + l.entry_offset[o]];
    }
  }
  p.cell_offsets.back() = p.size();
}

struct Move {
  std::uint32_t to;
  std::uint64_t from;
};

}  // namespace

void rebuild(World& w, std::vector<std::uint64_t> movers, bool month_end) {
  const Layout& l = w.fixed.layout;
  const Population& p = w.agents;
  Stocks& st = w.stocks;
  const std::size_t n_sub = l.subcells();

  // Which movers really changed subcell, from where to where.
  std::sort(movers.begin(), movers.end());
  movers.erase(std::unique(movers.begin(), movers.end()), movers.end());
  std::vector<Move> moves;
  std::vector<std::uint64_t> leaving;  // positions, sorted
  std::vector<std::int64_t> delta(n_sub, 0);
  std::size_t k = 0;
  for (std::uint64_t i : movers) {
    while (st.offsets[k + 1] <= i) ++k;
    const std::uint32_t to = l.subcell(p.county[i], p.occupation[i], p.industry[i]);
    if (to == k) continue;
    moves.push_back({to, i});
    leaving.push_back(i);
    --delta[k];
    ++delta[to];
  }
  std::sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) {
    return a.to != b.to ? a.to < b.to : a.from < b.from;
  });
  const std::vector<std::uint64_t> old_offsets = st.offsets;
  std::vector<std::uint64_t>& offsets = st.offsets;
  for (std::size_t s = 0; s < n_sub; ++s) {
    offsets[s + 1] = offsets[s] + static_cast<std::uint64_t>(
        static_cast<std::int64_t>(old_offsets[s + 1] - old_offsets[s]) + delta[s]);
  }
  std::vector<std::uint32_t> incoming(n_sub + 1, 0);  // moves[incoming[s] .. incoming[s+1])
  for (const Move& m : moves) ++incoming[m.to + 1];
  for (std::size_t s = 0; s < n_sub; ++s) incoming[s + 1] += incoming[s];

  allocate_like(p, w.spare);
  Population& to = w.spare;
  st.employed.assign(n_sub, 0);
  st.unemployed.assign(n_sub, 0);
  st.training.assign(n_sub, 0);
  st.wages.assign(n_sub, 0.0);
  const auto clear = static_cast<std::uint8_t>(month_end ? ~kTouched : 0xff);

#pragma omp parallel for schedule(dynamic, 16)
  for (std::size_t c = 0; c < l.counties; ++c) {
    auto out = std::lower_bound(leaving.begin(), leaving.end(), old_offsets[c * l.entries]);
    for (std::size_t s = c * l.entries; s < (c + 1) * l.entries; ++s) {
      const std::uint64_t begin = old_offsets[s], end = old_offsets[s + 1];
      // Pass 1: block sizes, from the stayers and the movers coming in.
      std::uint32_t count[3] = {0, 0, 0};
      auto skip = out;
      for (std::uint64_t i = begin; i < end; ++i) {
        if (skip != leaving.end() && *skip == i) {
          ++skip;
          continue;
        }
        ++count[block_of(p.status[i])];
      }
      for (std::uint32_t m = incoming[s]; m < incoming[s + 1]; ++m) {
        ++count[block_of(p.status[moves[m].from])];
      }
      std::uint64_t cursor[3] = {offsets[s], offsets[s] + count[0], offsets[s] + count[0] + count[1]};
      st.employed[s] = count[0];
      st.unemployed[s] = count[1];
      st.training[s] = count[2];
      double wages = 0;
      // Pass 2: copy each agent to its block, in order; settle it.
      auto place = [&](std::uint64_t i) {
        const int b = block_of(p.status[i]);
        const std::uint64_t d = cursor[b]++;
        to.county[d] = p.county[i];
        to.occupation[d] = p.occupation[i];
        to.industry[d] = p.industry[i];
        to.status[d] = p.status[i] & clear;
        to.wage[d] = p.wage[i];
        to.months[d] = static_cast<std::uint16_t>(p.months[i] + (month_end && p.months[i] < UINT16_MAX));
        to.id[d] = p.id[i];
        if (b == 0) wages += p.wage[i];
      };
      for (std::uint64_t i = begin; i < end; ++i) {
        if (out != leaving.end() && *out == i) {
          ++out;
          continue;
        }
        place(i);
      }
      for (std::uint32_t m = incoming[s]; m < incoming[s + 1]; ++m) place(moves[m].from);
      st.wages[s] = wages;
    }
  }
  Population& p_mut = w.agents;
  std::swap(p_mut.county, to.county);
  std::swap(p_mut.occupation, to.occupation);
  std::swap(p_mut.industry, to.industry);
  std::swap(p_mut.status, to.status);
  std::swap(p_mut.wage, to.wage);
  std::swap(p_mut.months, to.months);
  std::swap(p_mut.id, to.id);
  update_cell_offsets(w);
}

}  // namespace floe::labor
