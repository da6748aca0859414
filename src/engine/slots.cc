#include "engine/slots.h"

#include <algorithm>
#include <cstring>

#include "floe/error.h"

namespace floe::engine {
namespace {

constexpr AgentRecord kVacantRecord{0, 0, 0, kVacantStatus, 0, 0.0f, UINT32_MAX};

// Free slots a group gets beyond its agents: about 6%, at least 2.
std::uint32_t room_for(std::uint64_t agents) { return static_cast<std::uint32_t>(2 + agents / 16); }

// A repack happens when more agents than this share of the population wait for slots.
constexpr double kWaitingShare = 0.002;

int block_of(std::uint8_t status) {
  const std::uint8_t s = status & kStatusMask;
  return s == static_cast<std::uint8_t>(AgentStatus::kEmployed)     ? 0
         : s == static_cast<std::uint8_t>(AgentStatus::kUnemployed) ? 1
         : s == kVacantStatus                                       ? 3
                                                                    : 2;
}

// Room for the records to grow by repacks without moving the array (address space only: pages
// are not touched until used).
void reserve_room(AgentRecords& records, std::uint64_t n) { records.reserve(n + n / 8); }

}  // namespace

Slots::Slots(const Population& from, const std::vector<std::uint64_t>& group_begin,
             std::size_t groups_per_region)
    : per_region_(groups_per_region) {
  const std::size_t n_groups = group_begin.size() - 1;
  capacity_.resize(n_groups);
  for (std::size_t k = 0; k < n_groups; ++k) {
    const std::uint64_t n = group_begin[k + 1] - group_begin[k];
    capacity_[k] = static_cast<std::uint32_t>(n + room_for(n));
  }
  set_starts();
  employed_.assign(n_groups, 0);
  unemployed_.assign(n_groups, 0);
  training_.assign(n_groups, 0);
  wages_.assign(n_groups, 0.0);
  const std::uint64_t total = n_groups ? start_.back() + capacity_.back() : 0;
  reserve_room(records_, total);
  records_.resize(total);  // uninitialized: every slot is written below
#pragma omp parallel for schedule(dynamic, 256)
  for (std::size_t k = 0; k < n_groups; ++k) {
    std::uint32_t count[3] = {0, 0, 0};
    for (std::uint64_t i = group_begin[k]; i < group_begin[k + 1]; ++i)
      ++count[std::min(2, block_of(from.status[i]))];
    std::uint64_t cursor[3] = {start_[k], start_[k] + count[0], start_[k] + count[0] + count[1]};
    for (std::uint64_t i = group_begin[k]; i < group_begin[k + 1]; ++i) {
      const AgentRecord a = from.record(i);
      records_[cursor[std::min(2, block_of(a.status))]++] = a;
    }
    std::fill(records_.begin() + static_cast<std::ptrdiff_t>(cursor[2]),
              records_.begin() + static_cast<std::ptrdiff_t>(start_[k] + capacity_[k]),
              kVacantRecord);
    employed_[k] = count[0];
    unemployed_[k] = count[1];
    training_[k] = count[2];
  }
}

Slots::Slots(AgentRecords records, const std::vector<std::uint32_t>& capacity,
             std::size_t groups_per_region)
    : records_(std::move(records)), per_region_(groups_per_region), capacity_(capacity) {
  const std::size_t n_groups = capacity_.size();
  set_starts();
  const std::uint64_t total = n_groups ? start_.back() + capacity_.back() : 0;
  if (total != records_.size()) throw Error("checkpoint: slot capacities do not add up");
  employed_.assign(n_groups, 0);
  unemployed_.assign(n_groups, 0);
  training_.assign(n_groups, 0);
  wages_.assign(n_groups, 0.0);
  bool ordered = true;
#pragma omp parallel for schedule(dynamic, 256) reduction(&& : ordered)
  for (std::size_t k = 0; k < n_groups; ++k) {
    int previous = 0;
    std::uint32_t count[3] = {0, 0, 0};
    for (std::uint64_t i = start_[k]; i < start_[k] + capacity_[k]; ++i) {
      const int b = block_of(records_[i].status);
      ordered = ordered && b >= previous;
      previous = b;
      if (b < 3) ++count[b];
    }
    employed_[k] = count[0];
    unemployed_[k] = count[1];
    training_[k] = count[2];
  }
  if (!ordered) throw Error("checkpoint: agents are not in block order within their groups");
}

void Slots::set_starts() {
  start_.assign(capacity_.size(), 0);
  for (std::size_t k = 1; k < capacity_.size(); ++k) start_[k] = start_[k - 1] + capacity_[k - 1];
}

// Moves every group's agents into new ranges with room for `extra[k]` more, in place: first
// all agents slide left into one packed run (each moves left or stays), then each group, from
// the last down, slides right to its new start (each moves right or stays: a new range starts
// at or after the packed one, as capacities are never below sizes). A second array for the
// copy would double the peak memory, and faulting its 2.5 GiB in took seconds.
void Slots::repack(const std::vector<std::uint32_t>& extra) {
  const std::size_t n_groups = capacity_.size();
  std::vector<std::uint64_t> packed(n_groups);
  std::uint64_t end = 0;
  for (std::size_t k = 0; k < n_groups; ++k) {
    packed[k] = end;
    if (end != start_[k]) {
      std::memmove(&records_[end], &records_[start_[k]], size(k) * sizeof(AgentRecord));
    }
    end += size(k);
  }
  for (std::size_t k = 0; k < n_groups; ++k) {
    const std::uint64_t need = size(k) + extra[k];
    capacity_[k] = static_cast<std::uint32_t>(need + room_for(need));
  }
  set_starts();
  records_.resize(start_.back() + capacity_.back());  // within the reserved room, or reallocated
  for (std::size_t k = n_groups; k-- > 0;) {
    const std::uint32_t n = size(k);
    if (packed[k] != start_[k]) {
      std::memmove(&records_[start_[k]], &records_[packed[k]], n * sizeof(AgentRecord));
    }
    std::fill(records_.begin() + static_cast<std::ptrdiff_t>(start_[k] + n),
              records_.begin() + static_cast<std::ptrdiff_t>(start_[k] + capacity_[k]),
              kVacantRecord);
  }
}

std::uint64_t Slots::change_block(std::size_t k, std::uint64_t i, int from, int to) {
  while (from < to) {  // swap with the block's last agent; the edge moves left past it
    const std::uint64_t last = block_begin(k, from) + block(k, from) - 1;
    std::swap(records_[i], records_[last]);
    i = last;
    --block(k, from);
    ++block(k, from + 1);
    ++from;
  }
  while (from > to) {  // swap with the block's first agent; the edge moves right past it
    const std::uint64_t first = block_begin(k, from);
    std::swap(records_[i], records_[first]);
    i = first;
    --block(k, from);
    ++block(k, from - 1);
    --from;
  }
  return i;
}

AgentRecord Slots::take_out(std::size_t k, std::uint64_t i, int from) {
  i = change_block(k, i, from, kTrainingBlock);
  const std::uint64_t last = block_begin(k, kTrainingBlock) + training_[k] - 1;
  std::swap(records_[i], records_[last]);
  const AgentRecord a = records_[last];
  records_[last] = kVacantRecord;
  --training_[k];
  return a;
}

bool Slots::put_in(std::size_t k, int to, const AgentRecord& a) {
  if (size(k) == capacity_[k]) return false;
  const std::uint64_t slot = start_[k] + size(k);
  records_[slot] = a;
  ++training_[k];
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
  const std::size_t regions = arrivals.size();
  std::vector<std::size_t> offset(regions + 1, 0);
  for (const auto& from : arrivals) {
    for (const Arrival& x : from) ++offset[x.group / per_region_ + 1];
  }
  for (std::size_t r = 0; r < regions; ++r) offset[r + 1] += offset[r];
  struct Numbered {
    std::uint32_t number;
    const Arrival* arrival;
  };
  std::vector<Numbered> by_destination(offset[regions]);
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
          const std::uint32_t next = by_destination[i + 8].arrival->group;
          __builtin_prefetch(&records_[start_[next] + size(next)], 1);
        }
        const auto& [k, a] = *by_destination[i].arrival;
        wages_[k] += a.wage;  // newly employed here, placed or waiting
        if (!put_in(k, kEmployedBlock, a)) full_here.push_back(by_destination[i]);
      }
    }
#pragma omp critical
    full.insert(full.end(), full_here.begin(), full_here.end());
  }
  std::sort(full.begin(), full.end(),
            [](const Numbered& a, const Numbered& b) { return a.number < b.number; });
  for (const Numbered& x : full) waiting_.push_back(*x.arrival);
  if (waiting_.size() > kWaitingShare * static_cast<double>(records_.size())) {
    std::vector<std::uint32_t> extra(capacity_.size(), 0);
    for (const auto& [k, a] : waiting_) ++extra[k];
    repack(extra);
    for (const auto& [k, a] : waiting_) put_in(k, kEmployedBlock, a);
    waiting_.clear();
  }
  std::sort(waiting_.begin(), waiting_.end(), [](const auto& a, const auto& b) {
    return a.group != b.group ? a.group < b.group : a.agent.id < b.agent.id;
  });
}

void Slots::place_seekers(std::vector<Arrival> seekers) {
  std::sort(seekers.begin(), seekers.end(),
            [](const auto& a, const auto& b) { return a.agent.id < b.agent.id; });
  std::vector<Arrival> full;
  for (const auto& [k, a] : seekers) {
    if (!put_in(k, kUnemployedBlock, a)) full.push_back({k, a});
  }
  if (full.empty()) return;
  std::vector<std::uint32_t> extra(capacity_.size(), 0);
  for (const auto& [k, a] : full) ++extra[k];
  repack(extra);
  for (const auto& [k, a] : full) put_in(k, kUnemployedBlock, a);
}

std::uint32_t Slots::waiting_in(std::size_t k) const {
  const auto first = std::partition_point(waiting_.begin(), waiting_.end(),
                                          [k](const auto& x) { return x.group < k; });
  const auto last =
      std::partition_point(first, waiting_.end(), [k](const auto& x) { return x.group == k; });
  return static_cast<std::uint32_t>(last - first);
}

void Slots::count_wages() {
  wages_.assign(capacity_.size(), 0.0);
#pragma omp parallel for schedule(dynamic, 256)
  for (std::size_t k = 0; k < capacity_.size(); ++k) {
    double sum = 0;
    for (std::uint64_t i = start_[k]; i < start_[k] + employed_[k]; ++i) sum += records_[i].wage;
    wages_[k] = sum;
  }
  for (const auto& [k, a] : waiting_) wages_[k] += a.wage;
}

}  // namespace floe::engine
