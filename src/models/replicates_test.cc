// Replicates (docs/model.md §16): each is the scenario run with the next seed, exactly as a run
// with that seed alone; the intervals are the 5th and 95th percentiles, worked out by hand here.
#include <gtest/gtest.h>

#include <omp.h>

#include <cmath>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "floe/simulation.h"

namespace floe {
namespace {

MonthFigures figures(double employed, double unemployed, double wage_bill) {
  MonthFigures f;
  f.employed = employed;
  f.unemployed = unemployed;
  f.wage_bill = wage_bill;
  return f;
}

const ReplicateInterval& find(const std::vector<ReplicateInterval>& all, int month,
                              const std::string& measure) {
  for (const auto& x : all) {
    if (x.month == month && x.measure == measure) return x;
  }
  throw std::runtime_error("no interval " + measure);
}

// Three replicates, one month; at scale 0.5 counts double. Unemployment 10/100, 20/100, 40/100;
// twins 10/100 each, so AI effects 0, 10 and 30 points. Type-7 quantiles of three sorted values
// x0 <= x1 <= x2: h = 0.05 * 2 = 0.1 -> x0 + 0.1 (x1 - x0); h = 0.95 * 2 = 1.9 -> x1 + 0.9 (x2 -
// x1).
TEST(ReplicateIntervals, MeanAndPercentilesByHand) {
  std::vector<Replicate> reps(3);
  const double unemployed[] = {20, 10, 40};  // not in order: the quantiles sort
  for (int r = 0; r < 3; ++r) {
    reps[r].seed = 7 + r;
    reps[r].national = {figures(100 - unemployed[r], unemployed[r], 1000 * (100 - unemployed[r]))};
    reps[r].twin_national = {figures(90, 10, 90000)};
  }
  const auto all = replicate_intervals(reps, 0.5);
  EXPECT_EQ(all.size(), 7u);
  const auto& rate = find(all, 0, "unemployment_rate");
  EXPECT_EQ(rate.replicates, 3);
  EXPECT_NEAR(rate.mean, (0.1 + 0.2 + 0.4) / 3, 1e-12);
  EXPECT_NEAR(rate.low, 0.1 + 0.1 * 0.1, 1e-12);
  EXPECT_NEAR(rate.high, 0.2 + 0.9 * 0.2, 1e-12);
  const auto& effect = find(all, 0, "ai_effect_points");
  EXPECT_NEAR(effect.mean, 40.0 / 3, 1e-9);
  EXPECT_NEAR(effect.low, 1.0, 1e-9);
  EXPECT_NEAR(effect.high, 10 + 0.9 * 20, 1e-9);
  // Employed 80, 90, 60 agents -> 160, 180, 120 workers; minus the twin's 180: -20, 0, -60.
  const auto& employed = find(all, 0, "ai_effect_employed");
  EXPECT_NEAR(employed.low, -60 + 0.1 * 40, 1e-9);
  EXPECT_NEAR(employed.high, -20 + 0.9 * 20, 1e-9);
  EXPECT_NEAR(find(all, 0, "wage_bill").mean, 2000.0 * 230 / 3, 1e-6);

  reps[1].twin_national.clear();  // not every replicate has a twin: no effects
  EXPECT_EQ(replicate_intervals(reps, 0.5).size(), 3u);
  EXPECT_TRUE(replicate_intervals({reps[0]}, 0.5).empty());
  reps[2].national.push_back(reps[2].national[0]);
  EXPECT_THROW(replicate_intervals(reps, 0.5), Error);
}

TEST(Replicates, EachIsTheRunWithTheNextSeed) {
  const Cells cells = build_cells(tiny());
  Scenario sc = parse_scenario(R"(
[run]
months = 3
seed = 11
[adoption]
initial = 0.5
[talent]
enabled = false
)",
                               "replicates.toml");
  const auto reps = run_replicates(tiny(), cells, sc, 1.0, 2, true);
  ASSERT_EQ(reps.size(), 2u);
  for (int r = 0; r < 2; ++r) {
    Scenario alone = sc;
    alone.run.seed = 12 + r;
    const Replicate expected = replicate_of(simulate(
        tiny(), cells, synthesize(tiny(), cells, {.scale = 1.0, .seed = alone.run.seed}), alone));
    EXPECT_EQ(reps[r].seed, alone.run.seed);
    ASSERT_EQ(reps[r].national.size(), 4u);  // months 0..3
    ASSERT_EQ(reps[r].twin_national.size(), 4u);
    for (std::size_t m = 0; m < 4; ++m) {
      EXPECT_EQ(reps[r].national[m].employed, expected.national[m].employed);
      EXPECT_EQ(reps[r].national[m].wage_bill, expected.national[m].wage_bill);
      EXPECT_EQ(reps[r].twin_national[m].unemployed, expected.twin_national[m].unemployed);
    }
  }
  // Different seeds, different runs.
  EXPECT_NE(reps[0].national[3].wage_bill, reps[1].national[3].wage_bill);
}

// Replicates run side by side, sharing the threads, hold what they hold one after another.
TEST(Replicates, SideBySideAsOneAfterAnother) {
  const Cells cells = build_cells(tiny());
  Scenario sc =
      parse_scenario("[run]\nmonths = 2\nseed = 3\n[talent]\nenabled = false\n", "replicates.toml");
  int calls = 0;
  const auto count = [&](int, int, int) { ++calls; };
  const auto apart = run_replicates(tiny(), cells, sc, 1.0, 3, false, count, nullptr, 1);
  EXPECT_EQ(calls, 3 * 2);  // one call per month of each replicate
  const auto together = run_replicates(tiny(), cells, sc, 1.0, 3, false, count, nullptr, 3);
  EXPECT_EQ(calls, 2 * 3 * 2);
  ASSERT_EQ(apart.size(), 3u);
  ASSERT_EQ(together.size(), 3u);
  for (std::size_t r = 0; r < 3; ++r) {
    EXPECT_EQ(together[r].seed, 4 + r);
    ASSERT_EQ(together[r].national.size(), apart[r].national.size());
    for (std::size_t m = 0; m < apart[r].national.size(); ++m) {
      EXPECT_EQ(together[r].national[m].employed, apart[r].national[m].employed);
      EXPECT_EQ(together[r].national[m].unemployed, apart[r].national[m].unemployed);
      EXPECT_EQ(together[r].national[m].wage_bill, apart[r].national[m].wage_bill);
    }
  }
}

// Four fifths of the memory available, one replicate per thread at most, never none: a whole-US
// replicate with its twin needs gigabytes, a tiny one next to nothing.
TEST(Replicates, AtOnceAsMemoryAndThreadsAllow) {
  EXPECT_EQ(replicates_at_once(tiny(), 1, 1.0, true), 1);
  EXPECT_GE(replicates_at_once(tiny(), 8, 1.0, true), 1);
  EXPECT_LE(replicates_at_once(tiny(), 8, 1.0, true), omp_get_max_threads());
}

}  // namespace
}  // namespace floe
