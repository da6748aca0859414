// Reading run files: the hand-made runs of test_runs.h, whose figures are worked out there, and
// files that are not runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>

#include "floe/error.h"
#include "floe/runs.h"
#include "runs/test_runs.h"
#include "store/run_schema.h"

namespace floe {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::temp;

// The message of the Error that opening `path` throws ("" if none).
std::string open_error(const std::filesystem::path& path) {
  try {
    SimulationRun run(path);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(RunFile, ReadsTheRunTable) {
  const auto path = temp("baseline.db");
  testing::write_baseline_run(path);
  const SimulationRun run(path);
  EXPECT_EQ(run.info().scenario, "baseline");
  EXPECT_EQ(run.info().description, "hand-made");
  EXPECT_EQ(run.info().seed, "1");
  EXPECT_EQ(run.info().months, 2);
  EXPECT_TRUE(run.info().complete);
  EXPECT_EQ(run.info().county_months, (std::vector<int>{0, 2}));
  EXPECT_THAT(run.info().scenario_text, HasSubstr("imitation = 0.032"));
  EXPECT_EQ(run.info().keys.at("data_dir"), "testdata/tiny");
}

TEST(RunFile, NationalSeriesWithDisplacementSoFar) {
  const auto path = temp("baseline.db");
  testing::write_baseline_run(path);
  const SimulationRun run(path);
  const auto& n = run.national();
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[2].month, 2);
  EXPECT_EQ(n[2].figures.employed, 3700);
  EXPECT_EQ(n[2].figures.unemployed, 300);
  EXPECT_DOUBLE_EQ(n[2].unemployment_rate, 0.075);  // 300 / 4,000
  EXPECT_DOUBLE_EQ(n[2].figures.unemployment_rate(), 0.075);
  EXPECT_DOUBLE_EQ(n[2].figures.wage_bill, 185e6);  // 3,700 x $50,000
  EXPECT_DOUBLE_EQ(n[1].adoption, 0.10);
  EXPECT_DOUBLE_EQ(n[2].job_finding, 0.22);
  EXPECT_DOUBLE_EQ(n[2].multiplier, 1.6);
  // Displaced so far: 0 + 10 + 20 directly, 0 + 4 + 6 through cascades.
  EXPECT_EQ(n[1].displaced_direct_cumulative, 10);
  EXPECT_EQ(n[2].displaced_direct_cumulative, 30);
  EXPECT_EQ(n[2].displaced_indirect_cumulative, 10);
}

TEST(RunFile, StatesSumTheirOccupationGroups) {
  const auto path = temp("baseline.db");
  testing::write_baseline_run(path);
  const SimulationRun run(path);
  const auto states = run.states(2);
  ASSERT_EQ(states.size(), 2u);
  // Alabama: 960 + 880 employed, 90 + 70 unemployed: 160 / 2,000 = 8%.
  EXPECT_EQ(states[0].fips, "01");
  EXPECT_EQ(states[0].figures.employed, 1840);
  EXPECT_EQ(states[0].figures.unemployed, 160);
  EXPECT_DOUBLE_EQ(states[0].figures.unemployment_rate(), 0.08);
  EXPECT_DOUBLE_EQ(states[0].figures.wage_bill, 92e6);
  // Displaced so far: 6 + 2 + 10 + 4 directly, 2 + 1 + 3 + 1 through cascades.
  EXPECT_EQ(states[0].displaced_direct_cumulative, 22);
  EXPECT_EQ(states[0].displaced_indirect_cumulative, 7);
  EXPECT_EQ(states[1].fips, "02");
  EXPECT_DOUBLE_EQ(states[1].figures.unemployment_rate(), 0.07);  // 140 / 2,000
  EXPECT_EQ(states[1].displaced_direct_cumulative, 8);
  EXPECT_EQ(states[1].displaced_indirect_cumulative, 3);
  // Month 0 has no events yet.
  EXPECT_EQ(run.states(0)[0].displaced_direct_cumulative, 0);
}

TEST(RunFile, CountiesOnlyInTheirMonths) {
  const auto path = temp("baseline.db");
  testing::write_baseline_run(path);
  const SimulationRun run(path);
  const auto counties = run.counties(2);
  ASSERT_EQ(counties.size(), 3u);
  EXPECT_EQ(counties[0].fips, "01001");
  EXPECT_EQ(counties[0].figures.employed, 300);
  EXPECT_DOUBLE_EQ(counties[0].figures.unemployment_rate(), 30.0 / 330);
  EXPECT_TRUE(std::isnan(counties[0].displaced_direct_cumulative));
  try {
    run.counties(1);
    FAIL() << "month 1 has no county figures";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("baseline.db: no county figures for month 1 (months with "
                                    "county figures: 0, 2)"));
  }
  EXPECT_THROW(run.states(3), Error);
  EXPECT_THROW(run.states(-1), Error);
}

TEST(RunFile, FlowsSummedOverMonths) {
  const auto path = temp("baseline.db");
  testing::write_baseline_run(path);
  const SimulationRun run(path);
  const auto all = run.flows(0, 2);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].from_major, "15-0000");
  EXPECT_EQ(all[0].to_major, "43-0000");
  EXPECT_EQ(all[0].moves, 8);  // 3 + 5
  EXPECT_EQ(all[1].from_major, "43-0000");
  EXPECT_EQ(all[1].moves, 2);
  EXPECT_EQ(run.flows(1, 1).size(), 1u);
  EXPECT_EQ(run.flows(1, 1)[0].moves, 3);
}

TEST(RunFile, StatesTableWithChangesSinceMonthZero) {
  const auto path = temp("baseline.db");
  testing::write_baseline_run(path);
  const Table t = run_states_table(SimulationRun(path), 2);
  ASSERT_EQ(t.rows.size(), 2u);
  // Alabama: 8% at month 2, 100 / 2,000 = 5% at month 0; 1,840 employed of 1,900.
  const auto& al = t.rows[0];
  EXPECT_EQ(std::get<std::string>(al[t.column("name")]), "Alabama");
  EXPECT_EQ(std::get<std::string>(al[t.column("usps")]), "AL");
  EXPECT_DOUBLE_EQ(std::get<double>(al[t.column("unemployment_rate")]), 0.08);
  EXPECT_NEAR(std::get<double>(al[t.column("unemployment_points")]), 3.0, 1e-9);
  EXPECT_DOUBLE_EQ(std::get<double>(al[t.column("employment_change")]), 1840.0 / 1900 - 1);
  EXPECT_EQ(std::get<double>(al[t.column("displaced_direct")]), 22);
  EXPECT_EQ(std::get<double>(al[t.column("displaced_indirect")]), 7);
  // Alaska: 7% against 5%.
  EXPECT_NEAR(std::get<double>(t.rows[1][t.column("unemployment_points")]), 2.0, 1e-9);
}

TEST(RunFile, EmptyLaborForceHasNoRate) {
  EXPECT_TRUE(std::isnan(RunFigures{}.unemployment_rate()));
  RunFigures a{.employed = 90, .unemployed = 10}, b{.employed = 10, .unemployed = 90};
  a.add(b);
  EXPECT_EQ(a.labor_force(), 200);
  EXPECT_DOUBLE_EQ(a.unemployment_rate(), 0.5);
}

// Replicates' spread (docs/model.md §16): read for a month and measure when the file has it.
TEST(RunFile, ReplicateRangesWhenTheRunHasThem) {
  const auto path = temp("replicates.db");
  testing::write_baseline_run(path);
  EXPECT_EQ(SimulationRun(path).info().replicates, 0);
  EXPECT_FALSE(SimulationRun(path).replicate_range(2, "unemployment_rate"));
  testing::exec_file_sql(path, std::string(run_schema::kReplicateIntervalsCreate) +
                                   ";INSERT INTO replicate_intervals VALUES "
                                   "(2, 'unemployment_rate', 0.075, 0.0705, 0.0812, 5);");
  const SimulationRun run(path);
  EXPECT_EQ(run.info().replicates, 5);
  const auto r = run.replicate_range(2, "unemployment_rate");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->mean, 0.075);
  EXPECT_EQ(r->low, 0.0705);
  EXPECT_EQ(r->high, 0.0812);
  EXPECT_EQ(r->replicates, 5);
  EXPECT_FALSE(run.replicate_range(1, "unemployment_rate"));
  EXPECT_FALSE(run.replicate_range(2, "ai_effect_points"));
  EXPECT_THROW(run.replicate_range(3, "unemployment_rate"), Error);
  // A range whose low end is above its high end is no range.
  testing::exec_file_sql(path, "UPDATE replicate_intervals SET low = 0.09;");
  try {
    SimulationRun(path).replicate_range(2, "unemployment_rate");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("replicate_intervals: month 2, measure 'unemployment_rate': "
                                    "not a range of replicates"));
  }
}

TEST(RunFile, MissingFile) {
  const std::string message = open_error(temp("nowhere.db"));
  EXPECT_THAT(message, HasSubstr("nowhere.db"));
  EXPECT_THAT(message, HasSubstr("no such results file"));
}

TEST(RunFile, NotADatabase) {
  const auto path = temp("text.db");
  std::ofstream(path) << "month,employed\n0,1\n";
  const std::string message = open_error(path);
  EXPECT_THAT(message, HasSubstr("text.db"));
  EXPECT_THAT(message, Not(HasSubstr("\n")));
}

TEST(RunFile, ResultsOfAnotherCommand) {
  const auto path = temp("index.db");
  testing::write_run_file(path, "INSERT INTO run VALUES ('command', 'floe index');", false);
  EXPECT_THAT(open_error(path),
              HasSubstr("index.db: not a floe simulation run (its run table says command "
                        "'floe index'"));
}

TEST(RunFile, NoNationalTable) {
  const auto path = temp("no-national.db");
  testing::write_run_file(path, "INSERT INTO run VALUES ('command', 'floe simulate');", false);
  EXPECT_EQ(open_error(path), path.string() + ": not a floe simulation run (no national table)");
}

TEST(RunFile, MissingColumn) {
  const auto path = temp("old.db");
  testing::write_run_file(
      path, testing::run_keys("baseline", "") + "ALTER TABLE national DROP COLUMN adoption;");
  EXPECT_EQ(open_error(path),
            path.string() + ": not a floe simulation run (table national has no column adoption)");
}

TEST(RunFile, NationalMonthsMustFollowEachOther) {
  const auto path = temp("gap.db");
  testing::write_run_file(path, testing::run_keys("baseline", "") +
                                    testing::national_row(0, 90, 10, 0, 0, 0.1, 0.2) +
                                    testing::national_row(2, 90, 10, 0, 0, 0.1, 0.2));
  EXPECT_EQ(open_error(path),
            path.string() + ": the national table has month 2 where month 1 should be");
  testing::write_run_file(path, testing::run_keys("baseline", ""));
  EXPECT_EQ(open_error(path), path.string() + ": the national table has no months");
}

// Trainees stay in the labor force and are not employed (docs/model.md §9): 90 employed, 5
// unemployed and 5 in training are a labor force of 100 with 10% not working.
TEST(RunFigures, TraineesCountInTheLaborForceAsNotEmployed) {
  RunFigures f;
  f.employed = 90;
  f.unemployed = 5;
  f.training = 5;
  EXPECT_DOUBLE_EQ(f.labor_force(), 100.0);
  EXPECT_DOUBLE_EQ(f.unemployment_rate(), 0.10);
}

// The AI effect and its 90% margin, by hand: the run 100 of 1,000 agents unemployed (10%), the
// twin 50 of 1,000 (5%): +5 points, 1.645 * 100 * sqrt(0.1 * 0.9 / 1000 + 0.05 * 0.95 / 1000)
// = 1.645 * 100 * 0.0117260 = 1.92893 points.
TEST(RunFigures, AIEffectOnUnemploymentWithItsMargin) {
  RunFigures run, twin;
  run.employed = 900;
  run.unemployed = 100;
  run.agents = 1000;
  twin.employed = 950;
  twin.unemployed = 50;
  twin.agents = 1000;
  const UnemploymentEffect e = unemployment_effect(run, twin);
  EXPECT_NEAR(e.points, 5.0, 1e-12);
  EXPECT_NEAR(e.margin, 1.645 * 100 * std::sqrt(0.09 / 1000 + 0.0475 / 1000), 1e-12);
  EXPECT_NEAR(e.margin, 1.92893, 1e-5);
  run.agents = 0;  // no agents, no margin
  EXPECT_TRUE(std::isnan(unemployment_effect(run, twin).margin));
}

}  // namespace
}  // namespace floe
