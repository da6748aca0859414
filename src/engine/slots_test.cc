#include "engine/slots.h"

#include <gtest/gtest.h>

#include <vector>

namespace floe::engine {
namespace {

AgentRecord agent(std::uint32_t id, AgentStatus status, float wage = 1000) {
  AgentRecord a{};
  a.id = id;
  a.status = static_cast<std::uint8_t>(status);
  a.wage = wage;
  return a;
}

// The ids in group k's slots, in slot order (vacant slots: 0).
std::vector<std::uint32_t> ids(const Slots& s, std::size_t k) {
  std::vector<std::uint32_t> out;
  for (std::uint64_t i = s.start(k); i < s.start(k) + s.capacity(k); ++i) {
    out.push_back((s[i].status & kStatusMask) == kVacantStatus ? 0 : s[i].id);
  }
  return out;
}

// Worked by hand: 8 groups in 2 regions of 4. Group 0 empties, group 2 overflows (one arrival
// waits), an arrival for group 6 (no slots) waits: two waiting out of 15 slots is over the
// 0.2% that calls a repack. After it, group 0 has no slots, group 1 has moved left to 0, group 2
// has slid left behind it with room for its 7, group 6 has slots at the end; every agent is
// where the block order puts it and the free slots are vacant.
TEST(Slots, ARepackByHand) {
  constexpr auto E = AgentStatus::kEmployed;
  constexpr auto U = AgentStatus::kUnemployed;
  const std::vector<AgentRecord> agents = {agent(1, E), agent(2, E), agent(3, E),
                                           agent(4, U), agent(5, E), agent(6, E),
                                           agent(7, E), agent(8, E), agent(9, E)};
  Population p;
  p.allocate(agents.size());
  for (std::size_t i = 0; i < agents.size(); ++i) p.set_record(i, agents[i]);
  Slots s(p, {{0, 0, 2}, {1, 2, 5}, {2, 5, 9}}, 8, 4);
  // Room: 2 + n / 16 free slots each.
  EXPECT_EQ(ids(s, 0), (std::vector<std::uint32_t>{1, 2, 0, 0}));
  EXPECT_EQ(ids(s, 1), (std::vector<std::uint32_t>{3, 5, 4, 0, 0}));
  EXPECT_EQ(ids(s, 2), (std::vector<std::uint32_t>{6, 7, 8, 9, 0, 0}));
  EXPECT_EQ(s.start(2), 9u);
  EXPECT_EQ(s.capacity(6), 0u);  // no slots

  s.take_out(0, s.start(0) + 1, kEmployedBlock);
  s.take_out(0, s.start(0), kEmployedBlock);
  std::vector<std::vector<Arrival>> arrivals(2);
  arrivals[0] = {
      {2, agent(20, E, 20)}, {2, agent(21, E, 21)}, {2, agent(22, E, 22)}, {6, agent(30, E, 30)}};
  s.place(arrivals, std::vector<std::vector<Arrival>>(2));

  EXPECT_TRUE(s.waiting().empty());
  EXPECT_EQ(s.capacity(0), 0u);
  EXPECT_EQ(s.start(1), 0u);
  EXPECT_EQ(ids(s, 1), (std::vector<std::uint32_t>{3, 5, 4, 0, 0}));
  EXPECT_EQ(s.employed(1), 2u);
  EXPECT_EQ(s.unemployed(1), 1u);
  EXPECT_EQ(s.start(2), 5u);
  EXPECT_EQ(ids(s, 2), (std::vector<std::uint32_t>{6, 7, 8, 9, 20, 21, 22, 0, 0}));
  EXPECT_EQ(s.employed(2), 7u);
  EXPECT_EQ(s.start(6), 14u);
  EXPECT_EQ(ids(s, 6), (std::vector<std::uint32_t>{30, 0, 0}));
  EXPECT_EQ(s.records().size(), 17u);
  EXPECT_EQ(s.wages(6), 30.0);  // the wage bill of a group that had no slots starts with theirs
  EXPECT_EQ(s.wages(2), 20.0 + 21 + 22);  // arrivals' wages (no count_wages: 0 before)
  for (std::size_t r = 0; r < 2; ++r) {
    for (const GroupSlots& g : s.open_groups(r)) EXPECT_EQ(g.group / 4, r);
  }
  for (const AgentRecord& a : s.records()) {
    if ((a.status & kStatusMask) == kVacantStatus) {
      EXPECT_EQ(a.id, UINT32_MAX);
    }
  }
}

// Groups that move right (behind one that grows) and groups that move left (behind one that
// shrinks), in one repack: each group's agents arrive in order, at starts worked out by hand.
TEST(Slots, ARepackMovesGroupsBothWays) {
  constexpr auto E = AgentStatus::kEmployed;
  Population p;
  const std::size_t per_group = 40, groups = 6;
  p.allocate(per_group * groups);
  std::vector<Slots::Range> ranges;
  for (std::size_t g = 0; g < groups; ++g) {
    for (std::size_t j = 0; j < per_group; ++j) {
      p.set_record(g * per_group + j, agent(static_cast<std::uint32_t>(g * 1000 + j), E));
    }
    ranges.push_back({static_cast<std::uint32_t>(g), g * per_group, (g + 1) * per_group});
  }
  Slots s(p, ranges, groups, groups);
  std::vector<Arrival> arrivals_for_0;
  // Group 0 gains 12 (4 free slots: 8 wait), so groups 1 and 2 move right; group 3 loses 30,
  // so groups 4 and 5 move left.
  for (std::uint32_t j = 0; j < 12; ++j) arrivals_for_0.push_back({0, agent(90000 + j, E)});
  for (int j = 0; j < 30; ++j) s.take_out(3, s.start(3), kEmployedBlock);
  std::vector<std::vector<Arrival>> arrivals = {arrivals_for_0};
  s.place(arrivals, {{}});
  ASSERT_TRUE(s.waiting().empty());
  // Before: each group 40 + 2 + 2 = 44 slots. After: group 0 52 + 2 + 3 = 57, group 3 10 + 2.
  const std::vector<std::uint64_t> starts = {0, 57, 101, 145, 157, 201};
  for (std::uint32_t g = 0; g < groups; ++g) {
    EXPECT_EQ(s.start(g), starts[g]) << "group " << g;
    std::vector<std::uint32_t> want;
    if (g == 3) {
      // Taking out the first swaps the block's last in: after m, [40 - m, 1, ..., 39 - m].
      for (std::uint32_t j = 0; j < 10; ++j) want.push_back(3000 + (j == 0 ? 10 : j));
    } else {
      for (std::uint32_t j = 0; j < per_group; ++j) want.push_back(g * 1000 + j);
      if (g == 0) {
        for (std::uint32_t j = 0; j < 12; ++j) want.push_back(90000 + j);
      }
    }
    const std::uint32_t n = static_cast<std::uint32_t>(want.size());
    EXPECT_EQ(s.capacity(g), n + 2 + n / 16) << "group " << g;
    want.resize(s.capacity(g), 0);
    EXPECT_EQ(ids(s, g), want) << "group " << g;
  }
}

// Groups without slots between groups with slots: a repack gives them slots in group order, and
// the groups after them move right. Groups 0, 2 and 4 hold two agents each (4 slots each); an
// arrival for group 1 and one for group 3 wait, then get 1 + 2 slots each: starts 0, 4, 7, 11,
// 14 worked out by hand.
TEST(Slots, ARepackGivesSlotsToGroupsBetweenOthers) {
  constexpr auto E = AgentStatus::kEmployed;
  Population p;
  p.allocate(6);
  for (std::uint32_t i = 0; i < 6; ++i) p.set_record(i, agent(i + 1, E));
  Slots s(p, {{0, 0, 2}, {2, 2, 4}, {4, 4, 6}}, 6, 3);
  EXPECT_EQ(s.start(4), 8u);
  std::vector<std::vector<Arrival>> arrivals = {{{1, agent(10, E, 10)}, {3, agent(11, E, 11)}}, {}};
  s.place(arrivals, std::vector<std::vector<Arrival>>(2));

  ASSERT_TRUE(s.waiting().empty());
  const std::vector<std::uint64_t> starts = {0, 4, 7, 11, 14};
  const std::vector<std::vector<std::uint32_t>> want = {
      {1, 2, 0, 0}, {10, 0, 0}, {3, 4, 0, 0}, {11, 0, 0}, {5, 6, 0, 0}};
  for (std::uint32_t g = 0; g < 5; ++g) {
    EXPECT_EQ(s.start(g), starts[g]) << "group " << g;
    EXPECT_EQ(ids(s, g), want[g]) << "group " << g;
  }
  EXPECT_EQ(s.records().size(), 18u);
  EXPECT_EQ(s.wages(1), 10.0);
  EXPECT_EQ(s.wages(3), 11.0);
  ASSERT_EQ(s.open_groups(0).size(), 3u);
  EXPECT_EQ(s.open_groups(0)[1].group, 1u);
  ASSERT_EQ(s.open_groups(1).size(), 2u);
  EXPECT_EQ(s.open_groups(1)[0].group, 3u);
}

}  // namespace
}  // namespace floe::engine
