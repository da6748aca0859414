#include "engine/partition.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "floe/error.h"

namespace floe::engine {
namespace {

using Bounds = std::vector<std::size_t>;

TEST(Partition, EqualCountiesSplitInHalf) {
  const std::vector<std::uint32_t> agents = {1, 1, 1, 1};
  EXPECT_EQ(partition_counties(agents, 1), (Bounds{0, 4}));
  EXPECT_EQ(partition_counties(agents, 2), (Bounds{0, 2, 4}));
  EXPECT_EQ(partition_counties(agents, 4), (Bounds{0, 1, 2, 3, 4}));
}

TEST(Partition, CutsWhereTheAgentsBeforeReachTheShare) {
  // 12 agents, 3 ranks: 4 each. The first county alone holds 10 >= 4, so cut 1 is county 1;
  // 10 >= 8 already, so cut 2 would be county 1 too and moves right to county 2.
  const std::vector<std::uint32_t> agents = {10, 0, 0, 1, 1};
  EXPECT_EQ(partition_counties(agents, 3), (Bounds{0, 1, 2, 5}));
  // 2 + 3 = 5 >= 10/2 before county 2.
  EXPECT_EQ(partition_counties(std::vector<std::uint32_t>{2, 3, 4, 1}, 2), (Bounds{0, 2, 4}));
  // All agents in the last county: both cuts would fall after it; they move left so that the
  // last ranks keep one county each (cut 1 at most county 4 - 2, cut 2 at most 4 - 1).
  EXPECT_EQ(partition_counties(std::vector<std::uint32_t>{0, 0, 0, 9}, 3), (Bounds{0, 2, 3, 4}));
}

TEST(Partition, RefusesMoreRanksThanCounties) {
  try {
    partition_counties(std::vector<std::uint32_t>{5, 5, 5}, 4);
    ADD_FAILURE() << "4 ranks accepted for 3 counties";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "4 ranks for 3 counties: a rank owns at least one county; use at most 3 (mpirun "
              "-np 3)");
  }
}

TEST(Partition, OwnerOfACounty) {
  const Bounds bounds = {0, 2, 4};
  EXPECT_EQ(owner_of(bounds, 0), 0);
  EXPECT_EQ(owner_of(bounds, 1), 0);
  EXPECT_EQ(owner_of(bounds, 2), 1);
  EXPECT_EQ(owner_of(bounds, 3), 1);
}

}  // namespace
}  // namespace floe::engine
