// An ensemble's parts that need no MPI: the packed form of a Replicate (pack.h), the runs and
// their ranks, and the results file's tables, each checked against values worked out by hand.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>

#include "ensemble/pack.h"
#include "floe/ensemble.h"
#include "floe/error.h"
#include "store/statement.h"

namespace floe {
namespace {

MonthFigures numbered(double first) {  // every field distinct: first, first + 1, ...
  MonthFigures f;
  double v = first;
  for (double* field : {&f.employed, &f.unemployed, &f.training, &f.layoffs, &f.displaced_direct,
                        &f.displaced_indirect, &f.quits, &f.exits, &f.hires, &f.occupation_changes,
                        &f.wage_bill, &f.exposed_wages}) {
    *field = v++;
  }
  return f;
}

TEST(Pack, LayoutByHand) {
  Replicate r;
  r.seed = (std::uint64_t{3} << 32) + 7;  // needs both halves
  r.national = {numbered(100), numbered(200)};
  r.twin_national = {numbered(300), numbered(400)};
  const std::vector<double> p = ensemble::pack(9, r);
  ASSERT_EQ(p.size(), 5u + 4 * 12);
  EXPECT_EQ(p[0], 9);              // run
  EXPECT_EQ(p[1], 3);              // seed / 2^32
  EXPECT_EQ(p[2], 7);              // seed mod 2^32
  EXPECT_EQ(p[3], 2);              // months of the run
  EXPECT_EQ(p[4], 2);              // months of the twin
  EXPECT_EQ(p[5], 100);            // month 0 employed
  EXPECT_EQ(p[5 + 7], 107);        // exits come eighth, in MonthFigures' declared order
  EXPECT_EQ(p[5 + 12], 200);       // month 1 employed
  EXPECT_EQ(p[5 + 24 + 11], 311);  // the twin's month 0 exposed_wages
}

TEST(Pack, RoundTrip) {
  Replicate r;
  r.seed = 0xfedcba9876543210ull;
  r.national = {numbered(1.5), numbered(-2.25), numbered(1e12)};
  r.twin_national = {numbered(0.1), numbered(0.2), numbered(0.3)};
  std::size_t run = 0;
  const Replicate back = ensemble::unpack(ensemble::pack(41, r), &run);
  EXPECT_EQ(run, 41u);
  EXPECT_EQ(back.seed, r.seed);
  ASSERT_EQ(back.national.size(), 3u);
  ASSERT_EQ(back.twin_national.size(), 3u);
  EXPECT_EQ(ensemble::pack(41, back), ensemble::pack(41, r));  // every field, bit for bit
}

TEST(Pack, WithoutTwin) {
  Replicate r{.seed = 1, .national = {numbered(5)}};
  const std::vector<double> p = ensemble::pack(0, r);
  EXPECT_EQ(p.size(), 5u + 12);
  const Replicate back = ensemble::unpack(p);
  EXPECT_TRUE(back.twin_national.empty());
  EXPECT_EQ(back.national[0].exposed_wages, 16);
}

TEST(Pack, RefusesWhatIsNotAReplicate) {
  Replicate r{.seed = 1, .national = {numbered(5), numbered(6)}};
  std::vector<double> p = ensemble::pack(0, r);
  EXPECT_THROW(ensemble::unpack(std::span(p).first(p.size() - 1)), Error);  // truncated
  EXPECT_THROW(ensemble::unpack(std::span(p).first(3)), Error);             // no header
  p[3] = 1.5;                                                               // months not whole
  EXPECT_THROW(ensemble::unpack(p), Error);
}

// 2 scenarios x 3 replicates from seed 5: run j = scenario * 3 + replicate, seed 5 + replicate.
TEST(EnsembleRuns, OrderSeedsAndRanks) {
  const auto runs = ensemble_runs(2, 3, 5);
  ASSERT_EQ(runs.size(), 6u);
  EXPECT_EQ(runs[4].scenario, 1u);
  EXPECT_EQ(runs[4].replicate, 1);
  EXPECT_EQ(runs[4].seed, 6u);
  EXPECT_EQ(runs[3].seed, 5u);  // each scenario's replicate r has the same seed
  // Round robin over 4 ranks: 0 1 2 3 0 1, so ranks 0 and 1 run two, 2 and 3 one.
  int count[4] = {};
  for (std::size_t j = 0; j < runs.size(); ++j) ++count[rank_of_run(j, 4)];
  EXPECT_EQ(count[0], 2);
  EXPECT_EQ(count[1], 2);
  EXPECT_EQ(count[2], 1);
  EXPECT_EQ(count[3], 1);
}

TEST(Ranks, LaunchRankFromMpirunsEnvironment) {
  ::setenv("OMPI_COMM_WORLD_RANK", "3", 1);
  EXPECT_EQ(Ranks::launch_rank(), 3);
  ::unsetenv("OMPI_COMM_WORLD_RANK");
  EXPECT_EQ(Ranks::launch_rank(), 0);
}

MonthFigures force(double employed, double unemployed) {
  MonthFigures f;
  f.employed = employed;
  f.unemployed = unemployed;
  return f;
}

// Two scenarios x two replicates, one month (month 0), at scale 0.5. Unemployment of a: 10/100
// and 20/100; of b with the same seeds: 15/100 and 30/100. Paired effects of b: 5 and 10 points,
// employment (85 - 90) / 0.5 = -10 and (70 - 80) / 0.5 = -20 workers. Type-7 quantiles of two
// values x0 <= x1: x0 + 0.05 (x1 - x0) and x0 + 0.95 (x1 - x0).
TEST(EnsembleStore, TablesByHand) {
  const auto path = std::filesystem::temp_directory_path() / "floe_ensemble_store_test.db";
  std::vector<EnsembleScenario> scenarios(2);
  scenarios[0].file = "a.toml";
  scenarios[0].scenario.name = "a";
  scenarios[1].file = "b.toml";
  scenarios[1].scenario.name = "b";
  const EnsembleOptions options{.replicates = 2, .scale = 0.5, .first_seed = 3, .twin = false};
  std::vector<Replicate> runs = {{.seed = 3, .national = {force(90, 10)}},
                                 {.seed = 4, .national = {force(80, 20)}},
                                 {.seed = 3, .national = {force(85, 15)}},
                                 {.seed = 4, .national = {force(70, 30)}}};
  write_ensemble_db(path, Dataset{}, scenarios, options, runs);

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  {
    store::Statement q(db, path.string(),
                       "SELECT scenario, replicate, seed FROM ensemble_runs ORDER BY run");
    const char* expected[][3] = {
        {"a", "0", "3"}, {"a", "1", "4"}, {"b", "0", "3"}, {"b", "1", "4"}};
    for (const auto& row : expected) {
      ASSERT_TRUE(q.step());
      EXPECT_EQ(q.text(0), row[0]);
      EXPECT_EQ(q.text(1), row[1]);
      EXPECT_EQ(q.text(2), row[2]);
    }
    EXPECT_FALSE(q.step());
  }
  {
    store::Statement q(db, path.string(),
                       "SELECT unemployed FROM replicate_national WHERE scenario = 'b' AND "
                       "replicate = 1 AND month = 0");
    ASSERT_TRUE(q.step());
    EXPECT_DOUBLE_EQ(q.real(0), 60);  // 30 agents at scale 0.5
  }
  {
    store::Statement q(db, path.string(),
                       "SELECT mean, low, high FROM replicate_intervals WHERE scenario = 'a' AND "
                       "measure = 'unemployment_rate'");
    ASSERT_TRUE(q.step());
    EXPECT_NEAR(q.real(0), 0.15, 1e-12);
    EXPECT_NEAR(q.real(1), 0.105, 1e-12);
    EXPECT_NEAR(q.real(2), 0.195, 1e-12);
  }
  {
    store::Statement q(db, path.string(),
                       "SELECT scenario, versus, measure, mean, low, high FROM scenario_effect "
                       "ORDER BY measure");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.text(0), "b");
    EXPECT_EQ(q.text(1), "a");
    EXPECT_EQ(q.text(2), "effect_employed");
    EXPECT_DOUBLE_EQ(q.real(3), -15);
    EXPECT_DOUBLE_EQ(q.real(4), -19.5);
    EXPECT_DOUBLE_EQ(q.real(5), -10.5);
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.text(2), "effect_points");
    EXPECT_DOUBLE_EQ(q.real(3), 7.5);
    EXPECT_DOUBLE_EQ(q.real(4), 5.25);
    EXPECT_DOUBLE_EQ(q.real(5), 9.75);
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.text(2), "effect_wage_bill");
    EXPECT_FALSE(q.step());
  }
  sqlite3_close(db);
  std::filesystem::remove(path);
}

TEST(EnsembleStore, RefusesMissingRuns) {
  std::vector<EnsembleScenario> scenarios(1);
  const EnsembleOptions options{.replicates = 2, .scale = 1, .first_seed = 1, .twin = false};
  const auto path = std::filesystem::temp_directory_path() / "floe_ensemble_missing_test.db";
  EXPECT_THROW(write_ensemble_db(path, Dataset{}, scenarios, options,
                                 {{.seed = 1, .national = {force(1, 1)}}}),
               Error);
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace floe
