// The backtest's scores on fixtures worked out by hand, the occupation join, and bad input
// (include/floe/backtest.h; docs/model.md §14).
#include "floe/backtest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>

#include "floe/error.h"

namespace floe {
namespace {

using ::testing::HasSubstr;

TEST(BacktestScores, PearsonOfLogChangesByHand) {
  // Log changes x = 0.1, 0.2, 0.3 and y = 0.2, 0.4, 0.7: deviations (-1, 0, 1) and (-7/3, -1/3,
  // 8/3) tenths; Sxy = 5, Sxx = 2, Syy = 114/9: r = 5 / sqrt(2 * 114/9) = 0.993399.
  std::vector<double> predicted, observed;
  for (double x : {0.1, 0.2, 0.3}) predicted.push_back(std::expm1(x));
  for (double y : {0.2, 0.4, 0.7}) observed.push_back(std::expm1(y));
  // Weights 1, 2, 1: means 2 and 4.25 tenths, Sxy = 5, Sxx = 2, Syy = 12.75: r = 5 / sqrt(25.5),
  // as if the middle occupation were counted twice.
  const ChangeScores s = score_changes(predicted, observed, std::vector<double>{1, 2, 1});
  EXPECT_NEAR(s.pearson, 0.993399, 1e-6);
  EXPECT_NEAR(s.weighted_pearson, 0.990148, 1e-6);
}

TEST(BacktestScores, MeanAbsoluteErrorsInPointsAndSkill) {
  // Errors 5, 5 and 15 points: unweighted 25/3; weights 1, 2, 1: (5 + 10 + 15) / 4 = 7.5.
  const std::vector<double> predicted = {0.10, 0.00, -0.20}, observed = {0.05, 0.05, -0.05};
  const std::vector<double> weights = {1, 2, 1};
  const ChangeScores s = score_changes(predicted, observed, weights);
  EXPECT_EQ(s.occupations, 3u);
  EXPECT_NEAR(s.mae, 25.0 / 3, 1e-12);
  EXPECT_NEAR(s.weighted_mae, 7.5, 1e-12);
  // Relative to the weighted means (-2.5% predicted, +2.5% observed): 12.5, 2.5, -17.5 against
  // 2.5, 2.5, -7.5 points, errors 10, 0, 10: (10 + 0 + 10) / 4 = 5.
  EXPECT_NEAR(s.weighted_mae_relative, 5, 1e-12);
  // No change misses by 5 points everywhere: skill 1 - (25/3)/5 = -2/3 (worse than no change).
  const ChangeScores none = score_changes(std::vector<double>(3, 0.0), observed, weights);
  EXPECT_NEAR(none.mae, 5, 1e-12);
  EXPECT_NEAR(none.weighted_mae, 5, 1e-12);
  EXPECT_TRUE(std::isnan(none.pearson));
  EXPECT_NEAR(skill_score(s.mae, none.mae), -2.0 / 3, 1e-12);
  EXPECT_NEAR(skill_score(2.5, 5), 0.5, 1e-12);
  EXPECT_NEAR(skill_score(0, 5), 1.0, 1e-12);
}

TEST(BacktestScores, CorrelationsAreOfLogChanges) {
  // Log changes 0.2, 0, -0.2 against 0.1, 0, -0.1 lie on a line: r = 1.
  const std::vector<double> predicted = {std::expm1(0.2), 0.0, std::expm1(-0.2)};
  const std::vector<double> observed = {std::expm1(0.1), 0.0, std::expm1(-0.1)};
  const std::vector<double> weights = {3, 1, 7};
  const ChangeScores s = score_changes(predicted, observed, weights);
  EXPECT_NEAR(s.pearson, 1.0, 1e-12);
  EXPECT_NEAR(s.weighted_pearson, 1.0, 1e-12);
  const std::vector<double> reversed = {std::expm1(-0.2), 0.0, std::expm1(0.2)};
  EXPECT_NEAR(score_changes(reversed, observed, weights).pearson, -1.0, 1e-12);
}

TEST(BacktestScores, LengthsMustAgree) {
  const std::vector<double> two = {0, 0}, three = {0, 0, 0};
  EXPECT_THROW(score_changes(two, three, three), Error);
}

TEST(BacktestScores, ProratedGrowth) {
  // +21% over ten years is 1.21^(1/10) - 1 a year; two years of it compound to 1.21^(1/5) - 1.
  EXPECT_NEAR(prorated_growth(0.21, 10), 0.21, 1e-12);
  EXPECT_NEAR(prorated_growth(0.21, 5), 0.1, 1e-12);    // 1.1^2 = 1.21
  EXPECT_NEAR(prorated_growth(-0.19, 5), -0.1, 1e-12);  // 0.9^2 = 0.81
  EXPECT_NEAR(prorated_growth(0.5, 0), 0.0, 1e-12);
}

TEST(BacktestScores, BassShareFromRelease) {
  // Without imitation Bass is 1 - e^{-p t}: p = 0.01 a month, ten months: 1 - e^{-0.1}.
  EXPECT_NEAR(bass_share_since_release(10, 0.01, 0), 0.0951626, 1e-7);
  // With p = q = 0.1, t = 10: (1 - e^{-2}) / (1 + e^{-2}) = tanh(1).
  EXPECT_NEAR(bass_share_since_release(10, 0.1, 0.1), std::tanh(1.0), 1e-12);
  EXPECT_EQ(bass_share_since_release(-3, 0.1, 0.1), 0.0);  // before the release
}

TEST(BacktestJoin, CodesMissingInEitherYearAreLeftOutAndCounted) {
  ObservedYear start{2023, "start.csv", {{"11-1011", 100}, {"13-1020", 50}, {"15-1252", 0}}};
  ObservedYear end{2024, "end.csv", {{"11-1011", 110}, {"15-1252", 5}, {"29-1210", 20}}};
  const std::vector<std::string> model = {"29-1210", "11-1011", "13-1020", "15-1252", "99-9999"};
  const ChangeJoin j = join_observed(model, start, end);
  ASSERT_EQ(j.joined.size(), 1u);
  EXPECT_EQ(j.joined[0].code, "11-1011");
  EXPECT_EQ(j.joined[0].model_index, 1u);
  EXPECT_NEAR(j.joined[0].observed(), 0.10, 1e-12);
  // 29-1210 and 99-9999 lack a start, 15-1252 starts at zero (no relative change).
  EXPECT_EQ(j.missing_start, (std::vector<std::string>{"29-1210", "15-1252", "99-9999"}));
  // 13-1020 and 99-9999 lack an end.
  EXPECT_EQ(j.missing_end, (std::vector<std::string>{"13-1020", "99-9999"}));
}

class BacktestFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("floe_backtest_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_ / "bls-oews/national");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(int year, const std::string& rows) {
    std::ofstream(dir_ / ("bls-oews/national/national_M" + std::to_string(year) + "_dl.csv"))
        << "OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP\n"
        << rows;
  }
  std::filesystem::path dir_;
};

TEST_F(BacktestFiles, UnreleasedEmploymentIsLeftOut) {
  write(2024,
        "00-0000,All Occupations,total,1000\n"
        "11-1011,Chief Executives,detailed,600\n"
        "13-1020,Buyers and Purchasing Agents,detailed,**\n");
  const ObservedYear y = read_observed_year(dir_, 2024);
  EXPECT_EQ(y.year, 2024);
  EXPECT_EQ(y.employment.size(), 2u);
  EXPECT_EQ(y.employment.at("11-1011"), 600);
  EXPECT_EQ(y.employment.count("13-1020"), 0u);
}

TEST_F(BacktestFiles, AYearTheDataLacksIsOneClearError) {
  write(2024, "11-1011,Chief Executives,detailed,600\n");
  try {
    read_observed_year(dir_, 2022);
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("national_M2022_dl.csv"));
    EXPECT_THAT(e.what(), HasSubstr("no OEWS national file for May 2022"));
  }
}

TEST_F(BacktestFiles, ANegativeCountNamesFileLineAndField) {
  write(2024, "11-1011,Chief Executives,detailed,-5\n");
  try {
    read_observed_year(dir_, 2024);
    FAIL() << "no error";
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("national_M2024_dl.csv:2"));
    EXPECT_THAT(e.what(), HasSubstr("TOT_EMP"));
  }
}

TEST(BacktestShippedData, BothYearsOfTheDefaultBacktestAreShipped) {
  // The shipped data holds May 2023 and May 2024; OEWS releases most detailed occupations in both.
  const ObservedYear a = read_observed_year(FLOE_DEFAULT_DATA_DIR, 2023);
  const ObservedYear b = read_observed_year(FLOE_DEFAULT_DATA_DIR, 2024);
  EXPECT_GT(a.employment.at("00-0000"), 1.4e8);
  EXPECT_GT(b.employment.at("00-0000"), a.employment.at("00-0000"));
}

}  // namespace
}  // namespace floe
