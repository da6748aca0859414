// Agents during a run (docs/model.md §10): one array of 16-byte records (AgentRecord,
// include/floe/agent.h) in which each group of agents — a model's unit of events, e.g. a
// (county, occupation, industry) subcell — owns a range of slots holding its employed, then its
// unemployed, then its trainees, then free slots. An agent changing status or group is swapped
// across block edges, so nothing else moves, "a random employed agent of this group" is one
// draw, and a month costs time in proportion to its events, not to the population.
//
// Groups are numbered region by region: region r (a county) owns groups
// [r * groups_per_region, (r + 1) * groups_per_region), the unit of parallel work.
//
// Not thread-safe in general; the engine's county substeps may change the groups of their own
// region concurrently (each region's slots are disjoint).
#pragma once

#include <cstdint>
#include <new>
#include <utility>
#include <vector>

#include "floe/agent.h"
#include "floe/population.h"

namespace floe::engine {

// Leaves records uninitialized when a vector of them grows, so that the threads that first
// write them fault their pages in, in parallel: a zero-filling resize of the full population's
// 2.5 GiB ran on one thread and made each repack take seconds.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  template <class U, class... Args>
  void construct(U* at, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(at)) U;
    } else {
      ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }
  }
};
using AgentRecords = std::vector<AgentRecord, UninitializedAllocator<AgentRecord>>;

// Blocks of a group's slots, in order.
enum Block : int { kEmployedBlock = 0, kUnemployedBlock = 1, kTrainingBlock = 2 };

// An agent on its way into a group (a new hire, a retraining completer).
struct Arrival {
  std::uint32_t group;
  AgentRecord agent;
};

class Slots {
 public:
  // Lays out a population sorted by group: group k's agents are [group_begin[k],
  // group_begin[k + 1]); each gets blocks by status and room to grow.
  Slots(const Population& population, const std::vector<std::uint64_t>& group_begin,
        std::size_t groups_per_region);
  // Restores slots saved by records()/capacity() (a checkpoint). Throws Error when the records
  // are not in block order within their groups.
  Slots(AgentRecords records, const std::vector<std::uint32_t>& capacity,
        std::size_t groups_per_region);

  // Moves the agent at position i, in `block` of group k, into block `to` of the same group;
  // returns its new position.
  std::uint64_t change_block(std::size_t k, std::uint64_t i, int block, int to);
  // Takes the agent at position i, in `block` of group k, out of the group.
  AgentRecord take_out(std::size_t k, std::uint64_t i, int block);
  // Puts an agent into `block` of group k; false (and nothing changes) when k is full.
  bool put_in(std::size_t k, int block, const AgentRecord& a);
  // Position of agent `id` in `block` of group k, or UINT64_MAX.
  std::uint64_t find(std::size_t k, int block, std::uint32_t id) const;

  // After the regions' events: places the agents taking jobs in other regions (arrivals[r]:
  // those leaving region r, in order), region by destination region in that order, into free
  // employed slots or to wait for one; `unplaced[r]` (this month's arrivals within region r
  // that found no slot) join the waiting first. When more than a few wait, everything is
  // repacked with room. Adds each arrival's wage to its group's wage bill.
  void place(const std::vector<std::vector<Arrival>>& arrivals,
             const std::vector<std::vector<Arrival>>& unplaced);
  // Places job seekers (group, agent), sorted by id, into unemployed blocks; repacks at once if
  // some group is full (rare: retraining completers).
  void place_seekers(std::vector<Arrival> seekers);
  // Recounts each group's wage bill from its employed (and those waiting for a slot).
  void count_wages();

  std::size_t groups() const { return capacity_.size(); }
  std::size_t groups_per_region() const { return per_region_; }
  std::uint64_t block_begin(std::size_t k, int block) const {
    std::uint64_t b = start_[k];
    if (block > 0) b += employed_[k];
    if (block > 1) b += unemployed_[k];
    return b;
  }
  std::uint32_t block_size(std::size_t k, int block) const {
    return block == 0 ? employed_[k] : block == 1 ? unemployed_[k] : training_[k];
  }
  std::uint64_t start(std::size_t k) const { return start_[k]; }
  std::uint32_t employed(std::size_t k) const { return employed_[k]; }
  std::uint32_t unemployed(std::size_t k) const { return unemployed_[k]; }
  std::uint32_t training(std::size_t k) const { return training_[k]; }
  std::uint32_t size(std::size_t k) const { return employed_[k] + unemployed_[k] + training_[k]; }
  const std::vector<std::uint32_t>& capacity() const { return capacity_; }

  AgentRecord& operator[](std::uint64_t i) { return records_[i]; }
  const AgentRecord& operator[](std::uint64_t i) const { return records_[i]; }
  const AgentRecords& records() const { return records_; }
  AgentRecords& records() { return records_; }

  // The wage bill of each group's employed (dollars a year), kept as agents come and go.
  double& wages(std::size_t k) { return wages_[k]; }
  double wages(std::size_t k) const { return wages_[k]; }
  std::vector<double>& wage_bills() { return wages_; }
  const std::vector<double>& wage_bills() const { return wages_; }

  // Agents hired into a group that had no free slot: employed, counted, placed as soon as slots
  // free up (or at the next repack); sorted by group, then id.
  const std::vector<Arrival>& waiting() const { return waiting_; }
  std::vector<Arrival>& waiting() { return waiting_; }
  // Agents employed in group k but waiting for a slot.
  std::uint32_t waiting_in(std::size_t k) const;

 private:
  void set_starts();
  void repack(const std::vector<std::uint32_t>& extra);
  std::uint32_t& block(std::size_t k, int b) {
    return b == 0 ? employed_[k] : b == 1 ? unemployed_[k] : training_[k];
  }

  AgentRecords records_;
  std::size_t per_region_ = 1;
  std::vector<std::uint64_t> start_;                             // per group
  std::vector<std::uint32_t> capacity_;                          // per group
  std::vector<std::uint32_t> employed_, unemployed_, training_;  // block sizes: the stocks
  std::vector<double> wages_;
  std::vector<Arrival> waiting_;
};

}  // namespace floe::engine
