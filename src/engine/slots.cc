#include "engine/slots.h"

#include <algorithm>
#include <cstring>

#include "floe/error.h"

namespace floe::engine {
namespace {

constexpr AgentRecord kVacantRecord{0, 0, 0, kVacantStatus, 0, 0.0f, UINT32_MAX};

// Free slots a group gets beyond its agents: about 6%, at least 2; none for an empty group (most
// groups are empty below full scale; an arrival there waits for the next repack).
std::uint32_t room_for(std::uint64_t agents) {
  return agents == 0 ? 0 : static_cast<std::uint32_t>(2 + agents / 16);
}

// A repack happens when more agents than this share of the population wait for slots.
constexpr double kWaitingShare = 0.002;

int block_of(std::uint8_t status) {
  const std::uint8_t s = status & kStatusMask;
  return s == static_cast<std::uint8_t>(AgentStatus::kEmployed)     ? 0
         : s == static_cast<std::uint8_t>(AgentStatus::kUnemployed) ? 1
         : s == kVacantStatus                                       ? 3
                                                                    : 2;
}

// Room for the records (or the groups with slots) to grow by repacks without moving the array
// (address space only: pages are not touched until used).
template <class T>
void reserve_room(LargeVector<T>& v, std::uint64_t n) {
  v.reserve(n + n / 8);
}

}  // namespace

int block_for(const AgentRecord& a) { return std::min(2, block_of(a.status)); }

Slots::Slots(const Population& from, const std::vector<Range>& ranges, std::size_t groups,
             std::size_t groups_per_region)
    : per_region_(groups_per_region), of_group_(groups, 0) {
  reserve_room(open_, ranges.size() + 1);  // groups join open_ in repacks
  open_.resize(ranges.size() + 1);
  std::uint64_t next = 0;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const std::uint64_t n = ranges[i].end - ranges[i].begin;
    GroupSlots& g = open_[i + 1];
    g.group = ranges[i].group;
    g.start = next;
    g.capacity = static_cast<std::uint32_t>(n + room_for(n));
    next += g.capacity;
    if (i > 0 && ranges[i].group <= ranges[i - 1].group) throw Error("slots: groups out of order");
  }
  index_regions();
  reserve_room(records_, next);
  records_.resize(next);  // uninitialized: every slot is written below
#pragma omp parallel for schedule(dynamic, 256)
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const Range& range = ranges[i];
    GroupSlots& g = open_[i + 1];
    std::uint32_t count[3] = {0, 0, 0};
    for (std::uint64_t j = range.begin; j < range.end; ++j)
      ++count[std::min(2, block_of(from.status[j]))];
    std::uint64_t cursor[3] = {g.start, g.start + count[0], g.start + count[0] + count[1]};
    for (std::uint64_t j = range.begin; j < range.end; ++j) {
      const AgentRecord a = from.record(j);
      records_[cursor[std::min(2, block_of(a.status))]++] = a;
    }
    std::fill(records_.begin() + static_cast<std::ptrdiff_t>(cursor[2]),
              records_.begin() + static_cast<std::ptrdiff_t>(g.start + g.capacity), kVacantRecord);
    g.employed = count[0];
    g.unemployed = count[1];
    g.training = count[2];
  }
}

Slots::Slots(AgentRecords records, const std::vector<SavedGroup>& saved, std::size_t groups,
             std::size_t groups_per_region)
    : records_(std::move(records)), per_region_(groups_per_region), of_group_(groups, 0) {
  reserve_room(open_, saved.size() + 1);
  open_.resize(saved.size() + 1);
  std::uint64_t next = 0;
  for (std::size_t i = 0; i < saved.size(); ++i) {
    if (saved[i].group >= groups || saved[i].capacity == 0 ||
        (i > 0 && saved[i].group <= saved[i - 1].group)) {
      throw Error("checkpoint: slot groups out of order or out of range");
    }
    GroupSlots& g = open_[i + 1];
    g.group = saved[i].group;
    g.capacity = saved[i].capacity;
    g.wages = saved[i].wages;
    g.start = next;
    next += g.capacity;
  }
  if (next != records_.size()) throw Error("checkpoint: slot capacities do not add up");
  index_regions();
  bool ordered = true;
#pragma omp parallel for schedule(dynamic, 256) reduction(&& : ordered)
  for (std::size_t i = 1; i < open_.size(); ++i) {
    GroupSlots& g = open_[i];
    int previous = 0;
    std::uint32_t count[3] = {0, 0, 0};
    for (std::uint64_t j = g.start; j < g.start + g.capacity; ++j) {
      const int b = block_of(records_[j].status);
      ordered = ordered && b >= previous;
      previous = b;
      if (b < 3) ++count[b];
    }
    g.employed = count[0];
    g.unemployed = count[1];
    g.training = count[2];
  }
  if (!ordered) throw Error("checkpoint: agents are not in block order within their groups");
}

std::vector<SavedGroup> Slots::saved_groups() const {
  std::vector<SavedGroup> out;
  out.reserve(open_.size() - 1);
  for (std::size_t i = 1; i < open_.size(); ++i) {
    out.push_back({open_[i].group, open_[i].capacity, open_[i].wages});
  }
  return out;
}

// After open_ changed: each group's place in it, and each region's range of it.
void Slots::index_regions() {
  open_offset_.assign(of_group_.size() / per_region_ + 1, 0);
  for (std::size_t i = 1; i < open_.size(); ++i) {
    of_group_[open_[i].group] = static_cast<std::uint32_t>(i);
    ++open_offset_[open_[i].group / per_region_ + 1];
  }
  open_offset_[0] = 1;
  for (std::size_t r = 1; r < open_offset_.size(); ++r) open_offset_[r] += open_offset_[r - 1];
}

// Moves the agents of every group with slots, or with agents waiting for one, into new ranges
// with room for them, in place, each agent once. The new ranges keep the groups' order, so a
// group moving left can only land on slots of groups before it, which have moved already if they
// move left and lie wholly before its new range if they move right; and the other way round for a
// group moving right. So groups moving left move first, in order, then groups moving right, in
// reverse order. (A second array for the copy would double the peak memory.) Then the free slots
// are marked vacant and the waiting agents take their slots. Groups left empty lose their slots;
// groups without slots are not visited, so a repack costs in proportion to the agents, not to
// the groups.
//
// The bookkeeping is done in open_ itself, with no array the size of the groups: fresh memory
// costs a page fault per page the first time it is written, and on this project's virtual
// machines that made a repack's bookkeeping slower than its moves (BENCHMARKS.md, issue 11).
void Slots::repack() {
  // Agents to come per group: the waiting, sorted by group.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> coming;
  std::size_t without_slots = 0;  // groups among them that get their first slots
  for (auto w = waiting_.begin(); w != waiting_.end();) {
    const std::uint32_t k = w->group;
    std::uint32_t n = 0;
    for (; w != waiting_.end() && w->group == k; ++w) ++n;
    coming.push_back({k, n});
    if (of_group_[k] == 0) ++without_slots;
  }
  std::vector<bool> had_slots(waiting_.size());
  for (std::size_t i = 0; i < waiting_.size(); ++i) had_slots[i] = of_group_[waiting_[i].group];
  // Groups getting their first slots join open_, merged in from the back (no stocks yet).
  {
    std::size_t from = open_.size();
    open_.resize(open_.size() + without_slots);
    std::size_t to = open_.size();
    for (auto c = coming.rbegin(); c != coming.rend(); ++c) {
      if (of_group_[c->first] != 0) continue;
      while (from > 1 && open_[from - 1].group > c->first) open_[--to] = open_[--from];
      GroupSlots g;
      g.group = c->first;
      open_[--to] = g;
    }
  }
  // New ranges, groups moving left moved on the way; groups left without agents drop out, and
  // groups moving right keep their old start for now.
  std::size_t kept = 1;
  std::uint64_t end = 0;
  auto c = coming.begin();
  for (std::size_t i = 1; i < open_.size(); ++i) {
    GroupSlots g = open_[i];
    const std::uint32_t more = c != coming.end() && c->first == g.group ? (c++)->second : 0;
    const std::uint64_t need = size(g) + more;
    if (need == 0) {  // loses its slots (index_regions() maps the kept groups anew)
      of_group_[g.group] = 0;
      continue;
    }
    g.capacity = static_cast<std::uint32_t>(need + room_for(need));
    const std::uint64_t start = end;
    end += g.capacity;
    if (start < g.start && size(g) > 0) {
      std::memmove(&records_[start], &records_[g.start], size(g) * sizeof(AgentRecord));
    }
    if (start < g.start || size(g) == 0) g.start = start;
    open_[kept++] = g;
  }
  open_.resize(kept);
  if (end > records_.size()) records_.resize(end);  // within the reserved room, or moved
  // Groups moving right, from the last: each new start is where the next group's begins, less
  // its capacity.
  std::uint64_t next_start = end;
  for (std::size_t i = kept; i-- > 1;) {
    GroupSlots& g = open_[i];
    const std::uint64_t start = next_start - g.capacity;
    if (start > g.start) {
      std::memmove(&records_[start], &records_[g.start], size(g) * sizeof(AgentRecord));
      g.start = start;
    }
    next_start = start;
  }
  records_.resize(end);
#pragma omp parallel for schedule(static)
  for (std::size_t i = 1; i < open_.size(); ++i) {
    const GroupSlots& g = open_[i];
    std::fill(records_.begin() + static_cast<std::ptrdiff_t>(g.start + size(g)),
              records_.begin() + static_cast<std::ptrdiff_t>(g.start + g.capacity), kVacantRecord);
  }
  index_regions();
  // The waiting take their slots; the wage bill of a group that had no slots starts with theirs.
  for (std::size_t i = 0; i < waiting_.size(); ++i) {
    const auto& [k, a] = waiting_[i];
    put_in(k, block_for(a), a);
    if (!had_slots[i] && block_for(a) == kEmployedBlock) at(k).wages += a.wage;
  }
  waiting_.clear();
}

std::uint64_t Slots::change_block(std::size_t k, std::uint64_t i, int from, int to) {
  GroupSlots& g = at(k);
  while (from < to) {  // swap with the block's last agent; the edge moves left past it
    const std::uint64_t last = block_begin(k, from) + block(g, from) - 1;
    std::swap(records_[i], records_[last]);
    i = last;
    --block(g, from);
    ++block(g, from + 1);
    ++from;
  }
  while (from > to) {  // swap with the block's first agent; the edge moves right past it
    const std::uint64_t first = block_begin(k, from);
    std::swap(records_[i], records_[first]);
    i = first;
    --block(g, from);
    ++block(g, from - 1);
    --from;
  }
  return i;
}

AgentRecord Slots::take_out(std::size_t k, std::uint64_t i, int from) {
  i = change_block(k, i, from, kTrainingBlock);
  GroupSlots& g = at(k);
  const std::uint64_t last = block_begin(k, kTrainingBlock) + g.training - 1;
  std::swap(records_[i], records_[last]);
  const AgentRecord a = records_[last];
  records_[last] = kVacantRecord;
  --g.training;
  return a;
}

bool Slots::put_in(std::size_t k, int to, const AgentRecord& a) {
  GroupSlots& g = at(k);
  if (size(g) == g.capacity) return false;  // full, or no slots (open_[0])
  const std::uint64_t slot = g.start + size(g);
  records_[slot] = a;
  ++g.training;
  change_block(k, slot, kTrainingBlock, to);
  return true;
}

std::uint64_t Slots::find(std::size_t k, int in, std::uint32_t id) const {
  const std::uint64_t begin = block_begin(k, in);
  const std::uint64_t end = begin + block_size(k, in);
  for (std::uint64_t i = begin; i < end; ++i) {
    if (records_[i].id == id) return i;
  }
  return UINT64_MAX;
}

void Slots::place(const std::vector<std::vector<Arrival>>& arrivals,
                  const std::vector<std::vector<Arrival>>& unplaced) {
  waiting_.clear();
  for (const auto& region : unplaced) waiting_.insert(waiting_.end(), region.begin(), region.end());
  // The arrivals by destination region, each numbered in the order they were made (source
  // region, then event): regions take theirs in parallel, each in that order, which ends the
  // same as placing them one by one; those who find no slot wait in that order too.
  const std::size_t regions = of_group_.size() / per_region_;
  std::vector<std::size_t> offset(regions + 1, 0);
  for (const auto& from : arrivals) {
    for (const Arrival& x : from) ++offset[x.group / per_region_ + 1];
  }
  for (std::size_t r = 0; r < regions; ++r) offset[r + 1] += offset[r];
  struct Numbered {
    std::uint32_t number;
    const Arrival* arrival;
  };
  LargeVector<Numbered> by_destination(offset[regions]);
  {
    std::vector<std::size_t> cursor(offset.begin(), offset.end() - 1);
    std::uint32_t number = 0;
    for (const auto& from : arrivals) {
      for (const Arrival& x : from) {
        by_destination[cursor[x.group / per_region_]++] = {number++, &x};
      }
    }
  }
  std::vector<Numbered> full;
#pragma omp parallel
  {
    std::vector<Numbered> full_here;
#pragma omp for schedule(dynamic, 16) nowait
    for (std::size_t r = 0; r < regions; ++r) {
      for (std::size_t i = offset[r]; i < offset[r + 1]; ++i) {
        if (i + 8 < offset[r + 1]) {  // the slot a later arrival will take
          const GroupSlots& next = at(by_destination[i + 8].arrival->group);
          if (next.capacity > 0) __builtin_prefetch(&records_[next.start + size(next)], 1);
        }
        const auto& [k, a] = *by_destination[i].arrival;
        add_wages(k, a.wage);  // newly employed here, placed or waiting
        if (!put_in(k, kEmployedBlock, a)) full_here.push_back(by_destination[i]);
      }
    }
#pragma omp critical
    full.insert(full.end(), full_here.begin(), full_here.end());
  }
  std::sort(full.begin(), full.end(),
            [](const Numbered& a, const Numbered& b) { return a.number < b.number; });
  for (const Numbered& x : full) waiting_.push_back(*x.arrival);
  sort_waiting();
  if (repack_due(true)) repack();
}

void Slots::place_seekers(std::vector<Arrival> seekers) {
  std::sort(seekers.begin(), seekers.end(),
            [](const auto& a, const auto& b) { return a.agent.id < b.agent.id; });
  bool full = false;
  for (const auto& x : seekers) {
    if (!put_in(x.group, kUnemployedBlock, x.agent)) {
      waiting_.push_back(x);
      full = true;
    }
  }
  if (full) sort_waiting();
  if (repack_due(full)) repack();
}

// A repack when some seeker or hire found no slot (`full`, on any rank) and more agents than
// kWaitingShare of the slots wait, counted over all ranks: every rank repacks at the same month
// as one process would, so each group gets the same room (whole numbers: the sums are exact).
bool Slots::repack_due(bool full) {
  double counts[3] = {full ? 1.0 : 0.0, static_cast<double>(waiting_.size()),
                      static_cast<double>(records_.size())};
  ranks_->sum(counts);
  return counts[0] > 0 && counts[1] > kWaitingShare * counts[2];
}

void Slots::sort_waiting() {
  std::sort(waiting_.begin(), waiting_.end(), [](const auto& a, const auto& b) {
    return a.group != b.group ? a.group < b.group : a.agent.id < b.agent.id;
  });
}

std::uint32_t Slots::waiting_in(std::size_t k) const {
  const auto first = std::partition_point(waiting_.begin(), waiting_.end(),
                                          [k](const auto& x) { return x.group < k; });
  const auto last =
      std::partition_point(first, waiting_.end(), [k](const auto& x) { return x.group == k; });
  return static_cast<std::uint32_t>(last - first);
}

void Slots::count_wages() {
#pragma omp parallel for schedule(dynamic, 256)
  for (std::size_t i = 1; i < open_.size(); ++i) {
    GroupSlots& g = open_[i];
    double sum = 0;
    for (std::uint64_t j = g.start; j < g.start + g.employed; ++j) sum += records_[j].wage;
    g.wages = sum;
  }
  for (const auto& [k, a] : waiting_) {
    if (block_for(a) == kEmployedBlock) add_wages(k, a.wage);
  }
}

}  // namespace floe::engine
