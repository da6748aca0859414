// Weighted correlations on small examples worked out by hand, and the join of the tiny world's
// published measures (testdata/tiny/ai-exposure).
#include "floe/compare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "index/hand_worked.h"

namespace floe {
namespace {

using V = std::vector<double>;

TEST(CompareCorrelation, MonotoneButNonlinear) {
  const V x{1, 2, 3, 4}, y{1, 8, 27, 64}, w{1, 1, 1, 1};
  // dx = (-1.5, -.5, .5, 1.5), dy = (-24, -17, 2, 39): 104 / sqrt(5 * 2390).
  EXPECT_NEAR(weighted_pearson(x, y, w), 104 / std::sqrt(11950.0), 1e-12);
  EXPECT_DOUBLE_EQ(weighted_spearman(x, y, w), 1.0);
  EXPECT_LT(weighted_pearson(x, y, w), 1.0);
}

TEST(CompareCorrelation, ZeroWeightDropsAPoint) {
  const V x{1, 2, 3, 100}, y{1, 2, 3, -50};
  EXPECT_LT(weighted_pearson(x, y, V{1, 1, 1, 1}), 0.0);
  EXPECT_NEAR(weighted_pearson(x, y, V{1, 1, 1, 0}), 1.0, 1e-12);
  EXPECT_NEAR(weighted_spearman(x, y, V{1, 1, 1, 0}), 1.0, 1e-12);
}

// Weights (1, 2, 1), W = 4. x = (0, 1, 2): mean 1; y = (0, 2, 1): mean 5/4.
// cov = (1.25 - 0.25) / 4 = 1/4, var x = 2/4, var y = (1.5625 + 2 * 0.5625 + 0.0625) / 4.
// Midranks: x -> (0.5, 2, 3.5) / 4; y -> (0.5, 3, 1.5) / 4; their weighted Pearson is 1/3.
TEST(CompareCorrelation, WeightedByHand) {
  const V x{0, 1, 2}, y{0, 2, 1}, w{1, 2, 1};
  EXPECT_NEAR(weighted_pearson(x, y, w), 0.25 / std::sqrt(0.5 * 0.6875), 1e-12);
  EXPECT_EQ(weighted_ranks(x, w), (V{0.125, 0.5, 0.875}));
  EXPECT_EQ(weighted_ranks(y, w), (V{0.125, 0.75, 0.375}));
  EXPECT_NEAR(weighted_spearman(x, y, w), 1.0 / 3.0, 1e-12);
  // Only relative weights matter.
  EXPECT_NEAR(weighted_spearman(x, y, V{10, 20, 10}), 1.0 / 3.0, 1e-12);
}

TEST(CompareCorrelation, TiesShareTheirMidrank) {
  EXPECT_EQ(weighted_ranks(V{1, 1, 2}, V{1, 1, 1}), (V{1.0 / 3, 1.0 / 3, 2.5 / 3}));
  EXPECT_EQ(weighted_ranks(V{5, 5}, V{1, 3}), (V{0.5, 0.5}));
  // Rounding noise is not an order: 0.1 + 0.2 and 0.3 tie.
  EXPECT_EQ(weighted_ranks(V{0.1 + 0.2, 0.3}, V{1, 1}), (V{0.5, 0.5}));
}

TEST(CompareCorrelation, UndefinedCasesAndBadInput) {
  EXPECT_TRUE(std::isnan(weighted_pearson(V{1, 2, 3}, V{4, 4, 4}, V{1, 1, 1})));  // constant
  EXPECT_TRUE(std::isnan(weighted_pearson(V{1, 2}, V{3, 4}, V{1, 0})));  // one weighted point
  EXPECT_TRUE(std::isnan(weighted_spearman(V{}, V{}, V{})));
  EXPECT_THROW(weighted_pearson(V{1, 2}, V{1}, V{1, 1}), Error);
  EXPECT_THROW(weighted_pearson(V{1, 2}, V{1, 2}, V{1, -1}), Error);
}

const Comparison& tiny_comparison() {
  static const Comparison c = [] {
    const Cells cells = build_cells(tiny());
    return compare_with_published(tiny(), compute_index(tiny(), cells, by_hand()));
  }();
  return c;
}

const MeasureComparison& measure(const std::string& key) {
  for (const auto& m : tiny_comparison().measures) {
    if (m.key == key) return m;
  }
  throw std::out_of_range(key);
}

// floe (human labels, E2 = 0): developers 2/3, clerks 1/2, laborers 0, weights 1000, 2000,
// 1000 (normalized 1/4, 1/2, 1/4); weighted mean 5/12, deviations (1/4, 1/12, -5/12), weighted
// variance 1/16.
TEST(CompareTiny, AioeJoinedThroughTheCrosswalk) {
  const MeasureComparison& m = measure("aioe");
  // AIOE: developers 0.9 (mean of 15-1132 and 15-1133), clerks 1.2, laborers -1.5; mean 0.45,
  // deviations (0.45, 0.75, -1.95); cov = (0.1125 + 0.125 + 0.8125) / 4; var = 5.13 / 4.
  EXPECT_EQ(m.joined, 3u);
  EXPECT_EQ(m.employment, 4000.0);
  EXPECT_DOUBLE_EQ(m.employment_share, 1.0);
  EXPECT_NEAR(m.pearson, 0.2625 / std::sqrt(0.0625 * 1.2825), 1e-12);
  // Ranks: floe laborers < clerks < developers; AIOE laborers < developers < clerks: 1/3.
  EXPECT_NEAR(m.spearman, 1.0 / 3.0, 1e-12);
}

TEST(CompareTiny, MicrosoftAndEloundou) {
  // Microsoft 0.30, 0.25, 0.02: mean 0.205, deviations (0.095, 0.045, -0.185).
  const MeasureComparison& ms = measure("microsoft");
  const double cov = (0.25 * 0.095 + 2 * 0.045 / 12 + 5 * 0.185 / 12) / 4;
  const double var_y = (0.095 * 0.095 + 2 * 0.045 * 0.045 + 0.185 * 0.185) / 4;
  EXPECT_NEAR(ms.pearson, cov / std::sqrt(0.0625 * var_y), 1e-12);
  EXPECT_NEAR(ms.spearman, 1.0, 1e-12);  // same order as floe
  // Human beta 0.5, 0.75, 0: mean 1/2, deviations (0, 1/4, -1/2); cov 1/16, var 3/32.
  const MeasureComparison& human = measure("eloundou_human");
  EXPECT_EQ(human.joined, 3u);
  EXPECT_NEAR(human.pearson, 0.0625 / std::sqrt(0.0625 * 0.09375), 1e-12);
  EXPECT_NEAR(human.spearman, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(measure("eloundou_gpt4").spearman, 1.0, 1e-12);  // 0.75, 0.5, 0
}

// Webb's occ1990dd codes cannot be joined (no crosswalk in the data): not shown at all.
TEST(CompareTiny, AMeasureThatMatchesNothingIsNotShown) {
  for (const auto& m : tiny_comparison().measures) {
    EXPECT_NE(m.key, "webb");
    EXPECT_GT(m.joined, 0u) << m.key;
  }
  EXPECT_THROW(measure("webb"), std::out_of_range);
  Dataset without_aioe = tiny();
  without_aioe.peers.aioe_occupation.clear();
  const Comparison c = compare_with_published(
      without_aioe, compute_index(without_aioe, build_cells(without_aioe), by_hand()));
  for (const auto& m : c.measures) EXPECT_NE(m.key, "aioe");
}

TEST(CompareTiny, PublishedScoresByOccupation) {
  const std::vector<double> aioe = published_by_occupation(tiny(), "aioe");
  ASSERT_EQ(aioe.size(), 3u);
  EXPECT_NEAR(aioe[tiny().taxonomy.find_occupation("15-1252")->index()], 0.9, 1e-12);
  EXPECT_THROW(published_by_occupation(tiny(), "webb"), Error);
}

// AIGE: Autauga -0.7, Baldwin -0.6, Anchorage 0.3, Valdez-Cordova (02261 -> Chugach + Copper
// River) -0.4. floe: Alabama's index 51.0/105.2 in Alabama's counties, Alaska's 62.0/135.2 in
// Alaska's; weights = county employment 400, 1,600, 1,333.3, 666.7 (shares 0.1, 0.4, 1/3, 1/6).
// x takes two values with weight 1/2 each, so r = (mean y in AL - mean y in AK) * 1/2 / sd(y).
TEST(CompareTiny, CountiesThroughTheOldMap) {
  const MeasureComparison& m = measure("aige_county");
  EXPECT_EQ(m.joined, 4u);
  EXPECT_NEAR(m.employment, 4000.0, 1e-9);
  const double w[] = {0.1, 0.4, 1.0 / 3, 1.0 / 6}, y[] = {-0.7, -0.6, 0.3, -0.4};
  double mean = 0, square = 0;
  for (int i = 0; i < 4; ++i) {
    mean += w[i] * y[i];
    square += w[i] * y[i] * y[i];
  }
  const double al = (0.1 * -0.7 + 0.4 * -0.6) / 0.5, ak = (0.3 / 3 - 0.4 / 6) / 0.5;
  EXPECT_NEAR(m.pearson, (al - ak) * 0.5 / std::sqrt(square - mean * mean), 1e-9);
  // Ranks of y: 0.05, 0.3, 0.8333, 0.5833; mean rank in AL 0.25, in AK 0.75.
  const double r[] = {0.05, 0.3, 5.0 / 6, 7.0 / 12};
  double r_square = 0;
  for (int i = 0; i < 4; ++i) r_square += w[i] * r[i] * r[i];
  EXPECT_NEAR(m.spearman, (0.25 - 0.75) * 0.5 / std::sqrt(r_square - 0.25), 1e-9);
}

TEST(CompareTiny, TablesAndFormats) {
  const auto tables = comparison_tables(tiny(), tiny_comparison(), 1);
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[0].first, "compare_measures");
  EXPECT_EQ(tables[0].second.rows.size(), 5u);  // 4 occupation measures, counties
  // One occupation each way for each of the 4 joinable occupation measures.
  EXPECT_EQ(tables[1].second.rows.size(), 8u);
  // AIOE: floe ranks developers at 87.5, AIOE at 37.5: floe higher by 50 points.
  const Table& d = tables[1].second;
  EXPECT_EQ(std::get<std::string>(d.rows[0][d.column("soc_code")]), "15-1252");
  EXPECT_DOUBLE_EQ(std::get<double>(d.rows[0][d.column("difference")]), 50.0);
  EXPECT_EQ(tables[2].second.rows.size(), 3u);

  std::ostringstream text, csv, json;
  write_comparison(text, tiny(), tiny_comparison(), "table");
  EXPECT_EQ(text.str().find("Webb"), std::string::npos);
  write_comparison(csv, tiny(), tiny_comparison(), "csv");
  EXPECT_EQ(csv.str().rfind("# compare_measures\nmeasure,level,", 0), 0u);
  write_comparison(json, tiny(), tiny_comparison(), "json");
  EXPECT_EQ(json.str().rfind("{\n\"compare_measures\": {", 0), 0u);
  EXPECT_THROW(write_comparison(text, tiny(), tiny_comparison(), "xml"), Error);
}

}  // namespace
}  // namespace floe
