#include "labor/blocks.h"

#include <algorithm>
#include <cstring>

#include "floe/error.h"

namespace floe::labor {
namespace {

constexpr auto kEmployed = static_cast<std::uint8_t>(AgentStatus::kEmployed);
constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);
constexpr AgentRecord kVacantRecord{0, 0, 0, kVacant, 0, 0.0f, UINT32_MAX};

// Free slots a subcell gets beyond its agents: about 6%, at least 2.
std::uint32_t room_for(std::uint64_t agents) { return static_cast<std::uint32_t>(2 + agents / 16); }

// A repack happens when more agents than this share of the population wait for slots.
constexpr double kWaitingShare = 0.002;

int block_of(std::uint8_t status) {
  const std::uint8_t s = status & kStatusMask;
  return s == kEmployed ? 0 : s == kUnemployed ? 1 : s == kVacant ? 3 : 2;
}

std::uint32_t& size_of(Subcells& s, std::size_t k, int block) {
  return block == 0 ? s.employed[k] : block == 1 ? s.unemployed[k] : s.training[k];
}

void set_starts(Subcells& s) {
  s.start.assign(s.capacity.size(), 0);
  for (std::size_t k = 1; k < s.capacity.size(); ++k)
    s.start[k] = s.start[k - 1] + s.capacity[k - 1];
}

std::uint64_t total_capacity(const Subcells& s) {
  return s.capacity.empty() ? 0 : s.start.back() + s.capacity.back();
}

// Moves every subcell's agents into new ranges with room for `extra[k]` more, in place: first
// all agents slide left into one packed run (each moves left or stays), then each subcell,
// from the last down, slides right to its new start (each moves right or stays: a new range
// starts at or after the packed one, as capacities are never below sizes). A second array for
// the copy would double the peak memory, and faulting its 2.5 GiB in took seconds.
void repack(World& w, const std::vector<std::uint32_t>& extra) {
  Subcells& s = w.sub;
  const std::size_t n_sub = s.capacity.size();
  std::vector<std::uint64_t> packed(n_sub);
  std::uint64_t end = 0;
  for (std::size_t k = 0; k < n_sub; ++k) {
    packed[k] = end;
    if (end != s.start[k]) {
      std::memmove(&w.agents[end], &w.agents[s.start[k]], s.size(k) * sizeof(AgentRecord));
    }
    end += s.size(k);
  }
  for (std::size_t k = 0; k < n_sub; ++k) {
    const std::uint64_t need = s.size(k) + extra[k];
    s.capacity[k] = static_cast<std::uint32_t>(need + room_for(need));
  }
  set_starts(s);
  w.agents.resize(total_capacity(s));  // within the reserved room, or else a reallocation
  for (std::size_t k = n_sub; k-- > 0;) {
    const std::uint32_t n = s.size(k);
    if (packed[k] != s.start[k]) {
      std::memmove(&w.agents[s.start[k]], &w.agents[packed[k]], n * sizeof(AgentRecord));
    }
    std::fill(w.agents.begin() + static_cast<std::ptrdiff_t>(s.start[k] + n),
              w.agents.begin() + static_cast<std::ptrdiff_t>(s.start[k] + s.capacity[k]),
              kVacantRecord);
  }
}

// Room for the records to grow by repacks without moving the array (address space only: pages
// are not touched until used).
void reserve_room(World& w, std::uint64_t records) { w.agents.reserve(records + records / 8); }

}  // namespace

std::uint64_t change_block(World& w, std::size_t k, std::uint64_t i, int block, int to) {
  Subcells& s = w.sub;
  auto& a = w.agents;
  while (block < to) {  // swap with the block's last agent; the edge moves left past it
    const std::uint64_t last = s.block_begin(k, block) + size_of(s, k, block) - 1;
    std::swap(a[i], a[last]);
    i = last;
    --size_of(s, k, block);
    ++size_of(s, k, block + 1);
    ++block;
  }
  while (block > to) {  // swap with the block's first agent; the edge moves right past it
    const std::uint64_t first = s.block_begin(k, block);
    std::swap(a[i], a[first]);
    i = first;
    --size_of(s, k, block);
    ++size_of(s, k, block - 1);
    --block;
  }
  return i;
}

AgentRecord take_out(World& w, std::size_t k, std::uint64_t i, int block) {
  i = change_block(w, k, i, block, 2);
  Subcells& s = w.sub;
  const std::uint64_t last = s.block_begin(k, 2) + s.training[k] - 1;
  std::swap(w.agents[i], w.agents[last]);
  const AgentRecord a = w.agents[last];
  w.agents[last] = kVacantRecord;
  --s.training[k];
  return a;
}

bool put_in(World& w, std::size_t k, int block, const AgentRecord& a) {
  Subcells& s = w.sub;
  if (s.size(k) == s.capacity[k]) return false;
  const std::uint64_t slot = s.start[k] + s.size(k);
  w.agents[slot] = a;
  ++s.training[k];
  change_block(w, k, slot, 2, block);
  return true;
}

std::uint64_t find(const World& w, std::size_t k, int block, std::uint32_t id) {
  const std::uint64_t begin = w.sub.block_begin(k, block);
  const std::uint64_t end = begin + w.sub.block_size(k, block);
  for (std::uint64_t i = begin; i < end; ++i) {
    if (w.agents[i].id == id) return i;
  }
  return UINT64_MAX;
}

void lay_out(World& w, const Population& from) {
  const Layout& l = w.fixed.layout;
  Subcells& s = w.sub;
  const std::size_t n_sub = l.subcells();
  // Subcell ranges in the compact population: within a (county, occupation) cell, agents come
  // in blocks by industry group, in the taxonomy's group order.
  std::vector<std::uint64_t> begin(n_sub + 1, 0);
  for (std::size_t c = 0; c < l.counties; ++c) {
    for (std::size_t o = 0; o < l.occupations; ++o) {
      std::uint64_t i = from.cell_offsets[c * l.occupations + o];
      const std::uint64_t end = from.cell_offsets[c * l.occupations + o + 1];
      for (std::uint32_t e = l.entry_offset[o]; e < l.entry_offset[o + 1]; ++e) {
        begin[c * l.entries + e] = i;
        while (i < end && from.industry[i] == l.entry_group[e]) ++i;
      }
      if (i != end) throw Error("population: a cell's agents are not grouped by industry group");
    }
  }
  begin[n_sub] = from.size();
  s.capacity.resize(n_sub);
  for (std::size_t k = 0; k < n_sub; ++k) {
    const std::uint64_t n = begin[k + 1] - begin[k];
    s.capacity[k] = static_cast<std::uint32_t>(n + room_for(n));
  }
  set_starts(s);
  s.employed.assign(n_sub, 0);
  s.unemployed.assign(n_sub, 0);
  s.training.assign(n_sub, 0);
  w.agents.clear();
  reserve_room(w, total_capacity(s));
  w.agents.resize(total_capacity(s));  // uninitialized: every slot is written below
#pragma omp parallel for schedule(dynamic, 256)
  for (std::size_t k = 0; k < n_sub; ++k) {
    std::uint32_t count[3] = {0, 0, 0};
    for (std::uint64_t i = begin[k]; i < begin[k + 1]; ++i)
      ++count[std::min(2, block_of(from.status[i]))];
    std::uint64_t cursor[3] = {s.start[k], s.start[k] + count[0], s.start[k] + count[0] + count[1]};
    for (std::uint64_t i = begin[k]; i < begin[k + 1]; ++i) {
      const AgentRecord a{
          from.county[i],
          from.occupation[i],
          from.industry[i],
          from.status[i],
          static_cast<std::uint16_t>(kMonthBase - std::min<int>(from.months[i], kMonthBase)),
          from.wage[i],
          from.id[i]};
      w.agents[cursor[std::min(2, block_of(a.status))]++] = a;
    }
    std::fill(w.agents.begin() + static_cast<std::ptrdiff_t>(cursor[2]),
              w.agents.begin() + static_cast<std::ptrdiff_t>(s.start[k] + s.capacity[k]),
              kVacantRecord);
    s.employed[k] = count[0];
    s.unemployed[k] = count[1];
    s.training[k] = count[2];
  }
  w.seed = from.seed;
  w.scale = from.scale;
}

void place(World& w, const std::vector<std::vector<Arrival>>& arrivals,
           const std::vector<std::vector<Arrival>>& unplaced) {
  w.waiting.clear();
  for (const auto& county : unplaced)
    w.waiting.insert(w.waiting.end(), county.begin(), county.end());
  // The arrivals by destination county, each numbered in the order they were made (source
  // county, then event): counties take theirs in parallel, each in that order, which ends the
  // same as placing them one by one; those who find no slot wait in that order too.
  const std::size_t counties = arrivals.size(), entries = w.fixed.layout.entries;
  std::vector<std::size_t> offset(counties + 1, 0);
  for (const auto& from : arrivals) {
    for (const Arrival& x : from) ++offset[x.subcell / entries + 1];
  }
  for (std::size_t c = 0; c < counties; ++c) offset[c + 1] += offset[c];
  struct Numbered {
    std::uint32_t number;
    const Arrival* arrival;
  };
  std::vector<Numbered> by_destination(offset[counties]);
  {
    std::vector<std::size_t> cursor(offset.begin(), offset.end() - 1);
    std::uint32_t number = 0;
    for (const auto& from : arrivals) {
      for (const Arrival& x : from) by_destination[cursor[x.subcell / entries]++] = {number++, &x};
    }
  }
  std::vector<Numbered> full;
#pragma omp parallel
  {
    std::vector<Numbered> full_here;
#pragma omp for schedule(dynamic, 16) nowait
    for (std::size_t c = 0; c < counties; ++c) {
      for (std::size_t i = offset[c]; i < offset[c + 1]; ++i) {
        if (i + 8 < offset[c + 1]) {  // the slot a later arrival will take
          const std::uint32_t next = by_destination[i + 8].arrival->subcell;
          __builtin_prefetch(&w.agents[w.sub.start[next] + w.sub.size(next)], 1);
        }
        const auto& [k, a] = *by_destination[i].arrival;
        w.sub.wages[k] += a.wage;  // newly employed here, placed or waiting
        if (!put_in(w, k, 0, a)) full_here.push_back(by_destination[i]);
      }
    }
#pragma omp critical
    full.insert(full.end(), full_here.begin(), full_here.end());
  }
  std::sort(full.begin(), full.end(),
            [](const Numbered& a, const Numbered& b) { return a.number < b.number; });
  for (const Numbered& x : full) w.waiting.push_back(*x.arrival);
  if (w.waiting.size() > kWaitingShare * static_cast<double>(w.agents.size())) {
    std::vector<std::uint32_t> extra(w.sub.capacity.size(), 0);
    for (const auto& [k, a] : w.waiting) ++extra[k];
    repack(w, extra);
    for (const auto& [k, a] : w.waiting) put_in(w, k, 0, a);
    w.waiting.clear();
  }
  std::sort(w.waiting.begin(), w.waiting.end(), [](const auto& a, const auto& b) {
    return a.subcell != b.subcell ? a.subcell < b.subcell : a.agent.id < b.agent.id;
  });
}

void place_seekers(World& w, std::vector<Arrival> seekers) {
  std::sort(seekers.begin(), seekers.end(),
            [](const auto& a, const auto& b) { return a.agent.id < b.agent.id; });
  std::vector<Arrival> full;
  for (const auto& [k, a] : seekers) {
    if (!put_in(w, k, 1, a)) full.emplace_back(k, a);
  }
  if (full.empty()) return;
  std::vector<std::uint32_t> extra(w.sub.capacity.size(), 0);
  for (const auto& [k, a] : full) ++extra[k];
  repack(w, extra);
  for (const auto& [k, a] : full) put_in(w, k, 1, a);
}

std::uint32_t waiting_in(const World& w, std::size_t k) {
  const auto first = std::partition_point(w.waiting.begin(), w.waiting.end(),
                                          [k](const auto& x) { return x.subcell < k; });
  const auto last =
      std::partition_point(first, w.waiting.end(), [k](const auto& x) { return x.subcell == k; });
  return static_cast<std::uint32_t>(last - first);
}

void count_wages(World& w) {
  Subcells& s = w.sub;
  s.wages.assign(s.capacity.size(), 0.0);
#pragma omp parallel for schedule(dynamic, 256)
  for (std::size_t k = 0; k < s.capacity.size(); ++k) {
    double sum = 0;
    for (std::uint64_t i = s.start[k]; i < s.start[k] + s.employed[k]; ++i) sum += w.agents[i].wage;
    s.wages[k] = sum;
  }
  for (const auto& [k, a] : w.waiting) s.wages[k] += a.wage;
}

Population to_population(const World& w, std::vector<std::uint64_t>& capacity) {
  const std::uint64_t n = w.agents.size();
  Population p;
  p.county = AgentColumn<std::uint16_t>(n);
  p.occupation = AgentColumn<std::uint16_t>(n);
  p.industry = AgentColumn<std::uint8_t>(n);
  p.status = AgentColumn<std::uint8_t>(n);
  p.wage = AgentColumn<float>(n);
  p.months = AgentColumn<std::uint16_t>(n);
  p.id = AgentColumn<std::uint32_t>(n);
#pragma omp parallel for schedule(static)
  for (std::uint64_t i = 0; i < n; ++i) {
    const AgentRecord& a = w.agents[i];
    p.county[i] = a.county;
    p.occupation[i] = a.occupation;
    p.industry[i] = a.industry;
    p.status[i] = a.status;
    p.wage[i] = a.wage;
    p.months[i] = a.months;
    p.id[i] = a.id;
  }
  p.counties = w.fixed.layout.counties;
  p.occupations = w.fixed.layout.occupations;
  p.seed = w.seed;
  p.scale = w.scale;
  capacity.assign(w.sub.capacity.begin(), w.sub.capacity.end());
  return p;
}

void from_population(World& w, const Population& from, const std::vector<std::uint64_t>& capacity) {
  Subcells& s = w.sub;
  const std::size_t n_sub = capacity.size();
  s.capacity.resize(n_sub);
  for (std::size_t k = 0; k < n_sub; ++k) s.capacity[k] = static_cast<std::uint32_t>(capacity[k]);
  set_starts(s);
  s.employed.assign(n_sub, 0);
  s.unemployed.assign(n_sub, 0);
  s.training.assign(n_sub, 0);
  w.agents.clear();
  reserve_room(w, from.size());
  w.agents.resize(from.size());  // uninitialized: every slot is written below
  bool ordered = true;
#pragma omp parallel for schedule(dynamic, 256) reduction(&& : ordered)
  for (std::size_t k = 0; k < n_sub; ++k) {
    int previous = 0;
    std::uint32_t count[3] = {0, 0, 0};
    for (std::uint64_t i = s.start[k]; i < s.start[k] + s.capacity[k]; ++i) {
      w.agents[i] = {from.county[i], from.occupation[i], from.industry[i], from.status[i],
                     from.months[i], from.wage[i],       from.id[i]};
      const int b = block_of(from.status[i]);
      ordered = ordered && b >= previous;
      previous = b;
      if (b < 3) ++count[b];
    }
    s.employed[k] = count[0];
    s.unemployed[k] = count[1];
    s.training[k] = count[2];
  }
  if (!ordered) throw Error("checkpoint: agents are not in block order within their subcells");
  w.seed = from.seed;
  w.scale = from.scale;
}

}  // namespace floe::labor
