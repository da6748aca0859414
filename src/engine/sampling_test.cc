#include "engine/sampling.h"

#include <gtest/gtest.h>

#include <cmath>

#include "floe/random.h"

namespace floe::engine {
namespace {

TEST(NormalQuantile, MatchesKnownValues) {
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-12);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-9);
  EXPECT_NEAR(normal_quantile(0.025), -1.959963984540054, 1e-9);
  EXPECT_NEAR(normal_quantile(1e-6), -4.753424308822899, 1e-8);
}

TEST(Binomial, SmallCasesByHand) {
  // n = 2, p = 0.5: P(0) = 0.25, P(1) = 0.5, P(2) = 0.25.
  EXPECT_EQ(binomial(2, 0.5, 0.2), 0u);
  EXPECT_EQ(binomial(2, 0.5, 0.3), 1u);
  EXPECT_EQ(binomial(2, 0.5, 0.74), 1u);
  EXPECT_EQ(binomial(2, 0.5, 0.76), 2u);
  EXPECT_EQ(binomial(0, 0.5, 0.9), 0u);
  EXPECT_EQ(binomial(10, 0.0, 0.9), 0u);
  EXPECT_EQ(binomial(10, 1.0, 0.1), 10u);
}

// Mean and variance of many draws against n p and n p (1 - p), within 5 standard errors.
void check_moments(std::uint32_t n, double p) {
  const Random rng(42);
  const int draws = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < draws; ++i) {
    const double k = binomial(n, p, rng.uniform(Stream::kSimulation, i));
    sum += k;
    sum2 += k * k;
  }
  const double mean = sum / draws, var = sum2 / draws - mean * mean;
  const double sd = std::sqrt(n * p * (1 - p));
  EXPECT_NEAR(mean, n * p, 5 * sd / std::sqrt(draws)) << n << " " << p;
  EXPECT_NEAR(var, n * p * (1 - p), 0.05 * n * p * (1 - p)) << n << " " << p;
}

TEST(Binomial, MomentsByInversionAndByNormalApproximation) {
  check_moments(50, 0.04);      // inversion
  check_moments(1000, 0.011);   // inversion, mean 11
  check_moments(100000, 0.02);  // normal approximation, mean 2000
}

TEST(AliasTable, DrawsInProportionToWeights) {
  const std::vector<double> w = {1, 0, 3, 6};
  const AliasTable table(w);
  const Random rng(7);
  std::vector<int> counts(4, 0);
  const int draws = 100000;
  for (int i = 0; i < draws; ++i) {
    const auto words = rng.words(Stream::kSimulation, i);
    ++counts[table.draw(words[0] * 0x1.0p-32, words[1] * 0x1.0p-32)];
  }
  EXPECT_EQ(counts[1], 0);
  EXPECT_NEAR(counts[0] / double(draws), 0.1, 0.005);
  EXPECT_NEAR(counts[2] / double(draws), 0.3, 0.005);
  EXPECT_NEAR(counts[3] / double(draws), 0.6, 0.005);
  EXPECT_TRUE(AliasTable(std::vector<double>{0, 0}).empty());
}

// The packed tables must draw exactly what a table of doubles draws from the same word split in
// two 16-bit uniforms, for every word: checked for all 2^16 slot halves and coin halves through
// a stride that visits every residue of both, on tables of awkward sizes and weights.
TEST(AliasTables, DrawExactlyWhatTheTableOfDoublesDraws) {
  const std::vector<std::vector<double>> weights = {
      {1, 0, 3, 6}, {1}, {0.1, 0.2, 0.7}, {1e-9, 1, 1e9, 0, 5}, std::vector<double>(254, 1.0)};
  AliasTables tables;
  std::vector<double> ramp(1000);
  for (std::size_t i = 0; i < ramp.size(); ++i) ramp[i] = std::sqrt(double(i) + 0.3);
  std::vector<std::vector<double>> all = weights;
  all.push_back(ramp);
  for (const auto& w : all) tables.add(w);
  EXPECT_EQ(tables.add(std::vector<double>{0, 0}), all.size());
  EXPECT_TRUE(tables.empty(all.size()));
  for (std::size_t t = 0; t < all.size(); ++t) {
    const AliasTable one(all[t]);
    for (std::uint64_t i = 0; i < (1u << 22); ++i) {
      const auto word = static_cast<std::uint32_t>(i * 2654435761u);
      ASSERT_EQ(tables.draw(t, word),
                one.draw((word >> 16) * 0x1.0p-16, (word & 0xffff) * 0x1.0p-16))
          << "table " << t << ", word " << word;
    }
  }
  EXPECT_THROW(tables.add(std::vector<double>(AliasTables::kMaxEntries + 1, 1.0)),
               std::length_error);
}

}  // namespace
}  // namespace floe::engine
