// Two hand-made runs compared (test_runs.h has their figures): at month 2, Alabama's
// unemployment is 160 / 2,000 = 8% in baseline and 240 / 2,000 = 12% in fast-adoption (+4
// points), Alaska's 140 / 2,000 = 7% and 166 / 2,000 = 8.3% (+1.3 points); the nation's 7.5%
// and 406 / 4,000 = 10.15% (+2.65 points).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "floe/error.h"
#include "floe/runs.h"
#include "runs/test_runs.h"

namespace floe {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using testing::temp;

class RunComparisonTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    testing::write_baseline_run(temp("cmp-baseline.db"));
    testing::write_fast_run(temp("cmp-fast.db"));
  }
  SimulationRun a_{temp("cmp-baseline.db")};
  SimulationRun b_{temp("cmp-fast.db")};
};

std::string compare_error(const SimulationRun& a, const SimulationRun& b) {
  try {
    compare_runs(a, b);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ScenarioDifferences, FlattenedKeysComparedByValue) {
  const auto d = scenario_differences(testing::kBaselineText, testing::kFastText);
  // run.months is 2 and 2.0: the same; matching.job_finding is set to its default 0.25 in one
  // and left out of the other: the same; name and description are left out.
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].key, "adoption.industry_speed.CONSTRUCTION");
  EXPECT_EQ(d[0].a, "0.7");
  EXPECT_EQ(d[0].b, "0.9");
  EXPECT_EQ(d[1].key, "adoption.industry_speed.FINANCE_AND_INSURANCE");
  EXPECT_EQ(d[1].a, "");
  EXPECT_EQ(d[1].b, "1.3");
  EXPECT_EQ(d[2].key, "adoption.innovation");
  EXPECT_EQ(d[2].a, "0.0025");
  EXPECT_EQ(d[2].b, "0.005");
  EXPECT_EQ(d[3].key, "capability.midpoint_months");
  EXPECT_EQ(d[3].a, "60 (default)");
  EXPECT_EQ(d[3].b, "36");
  EXPECT_TRUE(scenario_differences(testing::kFastText, testing::kFastText).empty());
}

TEST(ScenarioDifferences, LinesWhenNotToml) {
  const auto d = scenario_differences("a = 1\n# note\nb = [\n", "a = 1\nc = 2\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].key, "line 2 of A");
  EXPECT_EQ(d[0].a, "b = [");
  EXPECT_EQ(d[1].key, "line 2 of B");
  EXPECT_EQ(d[1].b, "c = 2");
}

TEST(ComparisonMonths, TwelveSixtyOneTwentyAndTheLast) {
  EXPECT_EQ(comparison_months(120), (std::vector<int>{12, 60, 120}));
  EXPECT_EQ(comparison_months(24), (std::vector<int>{12, 24}));
  EXPECT_EQ(comparison_months(6), (std::vector<int>{6}));
  EXPECT_EQ(comparison_months(24, 3), (std::vector<int>{3, 12, 24}));
  EXPECT_EQ(comparison_months(150, 60), (std::vector<int>{12, 60, 120, 150}));
}

TEST_F(RunComparisonTest, StatesRankedByTheirDifference) {
  const RunComparison c = compare_runs(a_, b_);
  EXPECT_EQ(c.month, 2);
  EXPECT_EQ(c.a_label, "baseline");
  EXPECT_EQ(c.b_label, "fast-adoption");
  ASSERT_EQ(c.states.size(), 2u);
  const StateComparison& al = c.states[0];
  EXPECT_EQ(al.name, "Alabama");
  EXPECT_EQ(al.usps, "AL");
  EXPECT_NEAR(al.unemployment_points(), 4.0, 1e-9);
  EXPECT_NEAR(al.employment_change(), 1760.0 / 1840 - 1, 1e-12);
  EXPECT_EQ(al.a_start.figures.employed, 1900);
  // Fast adoption displaced 30 + 5 + 40 + 8 in Alabama directly, 8 + 2 + 10 + 2 indirectly.
  EXPECT_EQ(al.b.displaced_direct_cumulative, 83);
  EXPECT_EQ(al.b.displaced_indirect_cumulative, 22);
  EXPECT_EQ(c.states[1].name, "Alaska");
  EXPECT_NEAR(c.states[1].unemployment_points(), 1.3, 1e-9);
  ASSERT_EQ(c.national.size(), 1u);
  EXPECT_EQ(c.national[0].first.month, 2);
  EXPECT_EQ(c.national[0].second.displaced_direct_cumulative, 95);  // 0 + 39 + 56
  EXPECT_EQ(c.scenario.size(), 4u);
}

TEST_F(RunComparisonTest, AnEarlierMonth) {
  const RunComparison c = compare_runs(a_, b_, 1);
  // Month 1: Alabama 130 / 2,000 against 170 / 2,000 (+2 points), Alaska 120 / 2,000 against
  // 130 / 2,000 (+0.5 points).
  EXPECT_EQ(c.month, 1);
  EXPECT_NEAR(c.states[0].unemployment_points(), 2.0, 1e-9);
  EXPECT_NEAR(c.states[1].unemployment_points(), 0.5, 1e-9);
  ASSERT_EQ(c.national.size(), 2u);
  EXPECT_EQ(c.national[0].first.month, 1);
  EXPECT_EQ(c.national[1].first.month, 2);
  try {
    compare_runs(a_, b_, 3);
    FAIL() << "month 3 is outside the runs";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "month 3 is outside the runs (months 0 to 2)");
  }
}

TEST_F(RunComparisonTest, TheSameScenarioTwiceIsToldApartByFile) {
  const RunComparison c = compare_runs(a_, a_);
  EXPECT_EQ(c.a_label, "baseline (" + a_.path().string() + ")");
  EXPECT_TRUE(c.scenario.empty());
  EXPECT_EQ(c.states[0].unemployment_points(), 0);
}

TEST_F(RunComparisonTest, RunsOfDifferentLengthsOrPlaces) {
  const auto short_run = temp("cmp-short.db");
  testing::write_run_file(short_run, testing::run_keys("short", "") +
                                         testing::national_row(0, 90, 10, 0, 0, 0.1, 0.2) +
                                         testing::national_row(1, 90, 10, 0, 0, 0.1, 0.2));
  EXPECT_EQ(compare_error(a_, SimulationRun(short_run)),
            "cannot compare " + a_.path().string() + " with " + short_run.string() +
                ": they cover different months (0 to 2 and 0 to 1)");

  const auto elsewhere = temp("cmp-elsewhere.db");
  testing::write_run_file(elsewhere,
                          testing::run_keys("elsewhere", "") +
                              testing::national_row(0, 90, 10, 0, 0, 0.1, 0.2) +
                              testing::national_row(1, 90, 10, 0, 0, 0.1, 0.2) +
                              testing::national_row(2, 90, 10, 0, 0, 0.1, 0.2) +
                              testing::cell_row("state_major", 0, "01", "15-0000", 50, 5) +
                              testing::cell_row("state_major", 0, "04", "15-0000", 40, 5) +
                              testing::cell_row("county_major", 0, "01001", "15-0000", 50, 5) +
                              testing::cell_row("county_major", 2, "01001", "15-0000", 50, 5));
  EXPECT_EQ(compare_error(a_, SimulationRun(elsewhere)),
            "cannot compare " + a_.path().string() + " with " + elsewhere.string() +
                ": they cover different places (state 02 is in " + a_.path().string() + " only)");
}

TEST_F(RunComparisonTest, NationalTablesInPointsAndRelativeChange) {
  const auto tables = run_comparison_tables(compare_runs(a_, b_));
  std::map<std::string, Table> by_name(tables.begin(), tables.end());
  ASSERT_EQ(tables.size(), 10u);  // runs, scenario, 6 national measures, AI effect, states
  const Table& rate = by_name.at("national_unemployment_rate");
  ASSERT_EQ(rate.rows.size(), 1u);
  EXPECT_EQ(std::get<double>(rate.rows[0][rate.column("month")]), 2);
  EXPECT_DOUBLE_EQ(std::get<double>(rate.rows[0][rate.column("a")]), 0.075);
  EXPECT_DOUBLE_EQ(std::get<double>(rate.rows[0][rate.column("b")]), 0.1015);
  EXPECT_NEAR(std::get<double>(rate.rows[0][rate.column("difference")]), 2.65, 1e-9);
  const Table& direct = by_name.at("national_displaced_direct");
  EXPECT_EQ(std::get<double>(direct.rows[0][direct.column("a")]), 30);
  EXPECT_EQ(std::get<double>(direct.rows[0][direct.column("difference")]), 65);
  EXPECT_DOUBLE_EQ(std::get<double>(direct.rows[0][direct.column("relative")]), 95.0 / 30 - 1);
  const Table& wages = by_name.at("national_wage_bill");
  // -106 employed x $50,000.
  EXPECT_DOUBLE_EQ(std::get<double>(wages.rows[0][wages.column("difference")]), -5.3e6);

  const Table& states = by_name.at("states");
  ASSERT_EQ(states.rows.size(), 2u);
  const auto& al = states.rows[0];
  EXPECT_EQ(std::get<std::string>(al[states.column("usps")]), "AL");
  EXPECT_DOUBLE_EQ(std::get<double>(al[states.column("a_unemployment_rate")]), 0.08);
  EXPECT_DOUBLE_EQ(std::get<double>(al[states.column("b_unemployment_rate")]), 0.12);
  EXPECT_DOUBLE_EQ(std::get<double>(al[states.column("a_employment_change")]), 1840.0 / 1900 - 1);
  EXPECT_EQ(std::get<double>(al[states.column("a_displaced")]), 29);   // 22 + 7
  EXPECT_EQ(std::get<double>(al[states.column("b_displaced")]), 105);  // 83 + 22

  const Table& scenario = by_name.at("scenario");
  ASSERT_EQ(scenario.rows.size(), 4u);
  EXPECT_EQ(std::get<std::string>(scenario.rows[1][1]), "(not set)");
}

// B with a no-AI twin that stays at month 0's 3,800 employed / 200 unemployed (5%); A without.
TEST_F(RunComparisonTest, EachRunsAIEffectAgainstItsOwnTwin) {
  const auto path = temp("cmp-fast-twin.db");
  testing::write_fast_run(path);
  testing::exec_file_sql(path,
                         "CREATE TABLE twin_national AS SELECT * FROM national;"
                         "CREATE TABLE twin_state_major AS SELECT * FROM state_major;"
                         "CREATE TABLE twin_county_major AS SELECT * FROM county_major;"
                         "UPDATE twin_national SET employed = 3800, unemployed = 200, "
                         "wage_bill = 3800 * 50000.0 WHERE month = 2;");
  const SimulationRun b(path);
  const auto tables = run_comparison_tables(compare_runs(a_, b));
  const Table& t = std::find_if(tables.begin(), tables.end(), [](const auto& x) {
                     return x.first == "national_ai_effect";
                   })->second;
  ASSERT_EQ(t.rows.size(), 1u);
  const auto at = [&](const char* column) { return std::get<double>(t.rows[0][t.column(column)]); };
  // B: 406 / 4,000 = 10.15% against 5%; 90% margin from 4,000 agents in each.
  EXPECT_NEAR(at("b_unemployment_points"), 5.15, 1e-9);
  EXPECT_NEAR(at("b_margin"), 164.5 * std::sqrt(0.1015 * 0.8985 / 4000 + 0.05 * 0.95 / 4000), 1e-9);
  EXPECT_DOUBLE_EQ(at("b_employed"), 3594 - 3800);
  EXPECT_DOUBLE_EQ(at("b_wage_bill"), (3594 - 3800) * 50000.0);
  EXPECT_TRUE(std::isnan(at("a_unemployment_points")));
  EXPECT_TRUE(std::isnan(at("difference")));
  EXPECT_THAT(t.notes.back(), HasSubstr("A was run without its no-AI twin"));
}

TEST_F(RunComparisonTest, WrittenAsTextCsvAndJson) {
  const RunComparison c = compare_runs(a_, b_);
  std::ostringstream text, csv, json;
  write_run_comparison(text, c, "table");
  EXPECT_THAT(text.str(), HasSubstr("A: baseline, " + a_.path().string() + "\n"));
  EXPECT_THAT(text.str(), HasSubstr("Scenario keys that differ"));
  EXPECT_THAT(text.str(), ContainsRegex("capability.midpoint_months +60 \\(default\\) +36\n"));
  EXPECT_THAT(text.str(), HasSubstr("National: Unemployment rate"));
  EXPECT_THAT(text.str(), HasSubstr("States at month 2, largest difference in unemployment"));
  EXPECT_THAT(text.str(), ContainsRegex("Alabama +8.0% +12.0% +4.00 +\u22124.3% +29 +105\n"));

  write_run_comparison(csv, c, "csv");
  EXPECT_THAT(csv.str(), HasSubstr("# national_employed\nmonth,a,b,difference,relative\n"
                                   "2,3700,3594,-106,"));

  write_run_comparison(json, c, "json");
  const auto doc = nlohmann::json::parse(json.str());
  EXPECT_EQ(doc["states"]["rows"][0]["name"], "Alabama");
  EXPECT_EQ(doc["runs"]["rows"][1]["scenario"], "fast-adoption");

  std::ostringstream ignored;
  EXPECT_THROW(write_run_comparison(ignored, c, "xml"), Error);
}

}  // namespace
}  // namespace floe
