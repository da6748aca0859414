// The outside check on the state map (docs/method.md §16): its statistics on series worked out
// by hand, its reader on a hand-made file, and its shape on the shipped data.
#include "floe/geography_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "data/state_usage.h"
#include "floe/error.h"

namespace floe {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(GeographyCheck, TercilesPutTheExtraValuesLow) {
  EXPECT_THAT(terciles({5, 1, 4, 2, 3}), ElementsAre(2, 0, 1, 0, 1));  // sizes 2, 2, 1
  EXPECT_THAT(terciles({3, 1, 2}), ElementsAre(2, 0, 1));
}

TEST(GeographyCheck, SpearmanAndTiersByHand) {
  // d = -1, 1, -1, 1, 0: rho = 1 - 6 * 4 / (5 * 24) = 0.8. Tiers (2, 2, 1 in size): x 0 0 1 1 2,
  // y 0 0 1 1 2 -> all five agree.
  Agreement a = agreement({1, 2, 3, 4, 5}, {2, 1, 4, 3, 5});
  EXPECT_NEAR(a.spearman, 0.8, 1e-12);
  EXPECT_EQ(a.tier_agreement, 1.0);
  // Reversed: rho = -1; only the middle tier agrees (3 of 9).
  a = agreement({1, 2, 3, 4, 5, 6, 7, 8, 9}, {9, 8, 7, 6, 5, 4, 3, 2, 1});
  EXPECT_NEAR(a.spearman, -1, 1e-12);
  EXPECT_NEAR(a.tier_agreement, 3.0 / 9, 1e-12);
  EXPECT_GT(a.spearman_p, 0.99);
  // Identical order of 9: no random pairing of 10,000 is as good (1 in 9! = 362,880).
  a = agreement({1, 2, 3, 4, 5, 6, 7, 8, 9}, {10, 20, 30, 40, 50, 60, 70, 80, 90});
  EXPECT_NEAR(a.spearman, 1.0, 1e-12);
  EXPECT_NEAR(a.spearman_p, 1.0 / 10001, 1e-12);
  // The same every run: the permutations are keyed, not drawn from shared state.
  EXPECT_EQ(agreement({3, 1, 4, 1, 5, 9, 2, 6}, {2, 7, 1, 8, 2, 8, 1, 8}).spearman_p,
            agreement({3, 1, 4, 1, 5, 9, 2, 6}, {2, 7, 1, 8, 2, 8, 1, 8}).spearman_p);
}

std::filesystem::path temp_file(const std::string& name, const std::string& text) {
  const auto dir =
      std::filesystem::path(::testing::TempDir()) / ("floe_geo_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name) << text;
  return dir / name;
}

// Alabama: 3 conversations are 0.25% of its classified total (1,200), 6 are 0.5%; Alaska: 1 of
// 0.1% (1,000).
TEST(GeographyCheck, StateTotalsFromTaskCountsAndShares) {
  const std::string header = "geo_id,geography,facet,variable,cluster_name,value\n";
  const auto rows = data::read_state_usage(
      temp_file("usage.csv", header + "AL,state_us,onet_task,onet_task_count,write code,3\n"
                                      "AL,state_us,onet_task,onet_task_pct,write code,0.25\n"
                                      "AL,state_us,onet_task,onet_task_count,keep books,6\n"
                                      "AL,state_us,onet_task,onet_task_pct,keep books,0.5\n"
                                      "AL,state_us,collaboration,collaboration_pct,directive,40\n"
                                      "AK,state_us,onet_task,onet_task_count,dig,1\n"
                                      "AK,state_us,onet_task,onet_task_pct,dig,0.1\n"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].state, "AK");
  EXPECT_EQ(rows[0].conversations, 1000);
  EXPECT_EQ(rows[1].conversations, 1200);
  EXPECT_EQ(rows[1].tasks, 2u);
  EXPECT_EQ(rows[1].line, 4u);  // from the larger count
  const auto bad = temp_file("bad.csv", header +
                                            "AL,state_us,onet_task,onet_task_count,a,3\n"
                                            "AL,state_us,onet_task,onet_task_pct,a,0.25\n"
                                            "AL,state_us,onet_task,onet_task_count,b,6\n"
                                            "AL,state_us,onet_task,onet_task_pct,b,0.25\n");
  try {
    data::read_state_usage(bad);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("bad.csv:4: field 'value': task 'b' implies 2400 "
                                    "conversations in AL, another task 1200"));
  }
}

TEST(GeographyCheck, ShippedDataCoversFortyFourStatesAndEveryLayer) {
  const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  const auto usage = read_observed_state_usage(ds, state_usage_file(ds.data_dir));
  ASSERT_EQ(usage.size(), 44u);
  const GeographyCheck check = check_geography(ds, build_cells(ds), usage);
  ASSERT_EQ(check.agreements.size(), 15u);  // 7 layers x (iceberg, surface), the wage reference
  for (const auto& a : check.agreements) {
    EXPECT_GE(a.spearman, -1.0);
    EXPECT_LE(a.spearman, 1.0);
    EXPECT_GT(a.spearman_p, 0.0);
    EXPECT_LE(a.spearman_p, 1.0);
  }
}

}  // namespace
}  // namespace floe
