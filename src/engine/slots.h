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
#include <span>
#include <utility>
#include <vector>

#include "floe/agent.h"
#include "floe/large_memory.h"
#include "floe/population.h"
#include "floe/ranks.h"

namespace floe::engine {

// The agents' records: uninitialized when the array grows, so that the threads that first write
// them fault their pages in, in parallel; in huge pages (floe/large_memory.h).
using AgentRecords = LargeVector<AgentRecord>;

// Blocks of a group's slots, in order.
enum Block : int { kEmployedBlock = 0, kUnemployedBlock = 1, kTrainingBlock = 2 };

// The block an agent of this status belongs in (vacant slots: none; kTrainingBlock).
int block_for(const AgentRecord& a);

// An agent on its way into a group (a new hire, a retraining completer).
struct Arrival {
  std::uint32_t group;
  AgentRecord agent;
};

// A group's slot range and stocks (Slots keeps these only for groups that hold agents or are
// about to).
struct GroupSlots {
  std::uint64_t start = 0;
  std::uint32_t capacity = 0;
  std::uint32_t employed = 0, unemployed = 0, training = 0;  // block sizes: the stocks
  std::uint32_t group = 0;
  double wages = 0;  // the wage bill of the employed (dollars a year), kept as agents come and go
};

// What a checkpoint keeps of a group beyond its records.
struct SavedGroup {
  std::uint32_t group, capacity;
  double wages;
};

class Slots {
 public:
  // A group's agents in a population sorted by group: [begin, end).
  struct Range {
    std::uint32_t group;
    std::uint64_t begin, end;
  };
  // Lays out a population sorted by group, given its non-empty groups (ascending) out of
  // `groups`: each gets blocks by status and room to grow.
  Slots(const Population& population, const std::vector<Range>& ranges, std::size_t groups,
        std::size_t groups_per_region);
  // Restores slots saved by records()/saved_groups() (a checkpoint). Throws Error when the
  // records are not in block order within their groups or the groups are out of order.
  Slots(AgentRecords records, const std::vector<SavedGroup>& saved, std::size_t groups,
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

  // When a run is spread over ranks (docs/scaling.md §6), each rank's slots hold its regions'
  // groups, and the ranks decide together when to repack (see place()), so that every group
  // gets the room it would get in one process. One process by default.
  void spread_over(Ranks& ranks) { ranks_ = &ranks; }

  // After the regions' events: places the agents taking jobs in other regions (the lists of
  // `arrivals` in order: those leaving region 0 in the order made, then region 1's, ...),
  // region by destination region in that order, into free employed slots or to wait for one;
  // `unplaced[r]` (this month's arrivals within region r that found no slot) join the waiting
  // first. When more than a few wait (counted over all ranks), everything is repacked with room.
  // Adds each arrival's wage to its group's wage bill.
  void place(const std::vector<std::vector<Arrival>>& arrivals,
             const std::vector<std::vector<Arrival>>& unplaced);
  // Places job seekers (group, agent), sorted by id, into unemployed blocks; those whose group
  // is full wait (unemployed, counted) like hires, until a slot frees up or the next repack.
  // Every rank calls it, with seekers or not: a repack is decided over all ranks.
  void place_seekers(std::vector<Arrival> seekers);
  // Recounts each group's wage bill from its employed (and those waiting for a slot).
  void count_wages();

  std::size_t groups() const { return of_group_.size(); }
  std::size_t groups_per_region() const { return per_region_; }
  std::uint64_t block_begin(std::size_t k, int block) const {
    const GroupSlots& g = at(k);
    std::uint64_t b = g.start;
    if (block > 0) b += g.employed;
    if (block > 1) b += g.unemployed;
    return b;
  }
  std::uint32_t block_size(std::size_t k, int block) const {
    const GroupSlots& g = at(k);
    return block == 0 ? g.employed : block == 1 ? g.unemployed : g.training;
  }
  std::uint64_t start(std::size_t k) const { return at(k).start; }
  std::uint32_t employed(std::size_t k) const { return at(k).employed; }
  std::uint32_t unemployed(std::size_t k) const { return at(k).unemployed; }
  std::uint32_t training(std::size_t k) const { return at(k).training; }
  std::uint32_t size(std::size_t k) const { return size(at(k)); }
  std::uint32_t capacity(std::size_t k) const { return at(k).capacity; }

  // The groups of region r that have slots, in increasing order, with their stocks: all that
  // can hold agents, so loops over a region's agents visit only these. Below full scale most
  // groups are empty and get no slots (an arrival there waits for the next repack), which keeps
  // a small run's memory and month in proportion to its agents rather than to its groups.
  std::span<const GroupSlots> open_groups(std::size_t r) const {
    return {open_.data() + open_offset_[r], open_.data() + open_offset_[r + 1]};
  }
  // Every group with slots, in increasing order.
  std::span<const GroupSlots> open_groups() const { return {open_.data() + 1, open_.size() - 1}; }

  AgentRecord& operator[](std::uint64_t i) { return records_[i]; }
  const AgentRecord& operator[](std::uint64_t i) const { return records_[i]; }
  const AgentRecords& records() const { return records_; }
  AgentRecords& records() { return records_; }

  // The wage bill of group k's employed (dollars a year), kept as agents come and go, with those
  // waiting for a slot; 0 for a group without slots (its waiting agents' wages are theirs).
  double wages(std::size_t k) const { return at(k).wages; }
  // Adds to the wage bill of group k (a change of wage or of employed); does nothing for a
  // group without slots. Safe from the region's own thread.
  void add_wages(std::size_t k, double amount) {
    if (const std::uint32_t i = of_group_[k]) open_[i].wages += amount;
  }
  std::vector<SavedGroup> saved_groups() const;

  // Agents hired into a group that had no free slot (employed) and job seekers who found none
  // (unemployed): counted by their status, placed as soon as slots free up (or at the next
  // repack) into the block of their status; sorted by group, then id.
  const std::vector<Arrival>& waiting() const { return waiting_; }
  std::vector<Arrival>& waiting() { return waiting_; }
  // Agents of group k waiting for a slot.
  std::uint32_t waiting_in(std::size_t k) const;

 private:
  static std::uint32_t size(const GroupSlots& g) { return g.employed + g.unemployed + g.training; }
  const GroupSlots& at(std::size_t k) const { return open_[of_group_[k]]; }
  GroupSlots& at(std::size_t k) { return open_[of_group_[k]]; }
  void index_regions();
  void sort_waiting();
  bool repack_due(bool full);
  void repack();
  static std::uint32_t& block(GroupSlots& g, int b) {
    return b == 0 ? g.employed : b == 1 ? g.unemployed : g.training;
  }

  AgentRecords records_;
  std::size_t per_region_ = 1;
  // The groups with slots, in order of group, after open_[0]: a group with no slots and no
  // agents that every other group maps to.
  LargeVector<GroupSlots> open_;
  LargeVector<std::uint32_t> of_group_;     // per group: its place in open_, or 0
  std::vector<std::uint64_t> open_offset_;  // per region, into open_
  std::vector<Arrival> waiting_;
  Ranks* ranks_ = &Ranks::solo();
};

}  // namespace floe::engine
