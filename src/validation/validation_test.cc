// The weighted AUC on examples worked out by hand, and the fixed held-out split.
#include "floe/validation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "floe/random.h"

namespace floe {
namespace {

using V = std::vector<double>;
using L = std::vector<std::uint8_t>;

// Positives 0.35 and 0.8, negatives 0.1 and 0.4: 0.35 beats 0.1 only, 0.8 beats both: 3 of 4.
TEST(ValidationAuc, ClassicExample) {
  EXPECT_DOUBLE_EQ(weighted_auc(V{0.1, 0.4, 0.35, 0.8}, L{0, 0, 1, 1}, V{1, 1, 1, 1}), 0.75);
}

// Weights (1, 2, 1, 3): positive weight 1 + 3 = 4, negative 1 + 2 = 3. Winning pairs:
// 0.35 (1) over 0.1 (1): 1; 0.8 (3) over 0.1 (1): 3 and over 0.4 (2): 6. AUC = 10 / 12.
TEST(ValidationAuc, WeightedPairs) {
  EXPECT_DOUBLE_EQ(weighted_auc(V{0.1, 0.4, 0.35, 0.8}, L{0, 0, 1, 1}, V{1, 2, 1, 3}), 10.0 / 12);
  // A zero weight removes a point: without 0.4 every positive wins.
  EXPECT_DOUBLE_EQ(weighted_auc(V{0.1, 0.4, 0.35, 0.8}, L{0, 0, 1, 1}, V{1, 0, 1, 3}), 1.0);
}

// Ties count one half: positive 1 (weight 2) ties negative 1 (weight 1) and beats negative 0
// (weight 1): (2 * 0.5 + 2 * 1) / (2 * 2) = 3/4.
TEST(ValidationAuc, TiesCountHalf) {
  EXPECT_DOUBLE_EQ(weighted_auc(V{1, 1}, L{1, 0}, V{1, 1}), 0.5);
  EXPECT_DOUBLE_EQ(weighted_auc(V{1, 1, 0}, L{1, 0, 0}, V{2, 1, 1}), 0.75);
  // A perfect inversion.
  EXPECT_DOUBLE_EQ(weighted_auc(V{0, 1}, L{1, 0}, V{1, 1}), 0.0);
}

TEST(ValidationAuc, ReusedOrderGivesTheSameAnswer) {
  const V scores{0.1, 0.4, 0.35, 0.8};
  const RankedScores ranked(scores);
  EXPECT_DOUBLE_EQ(ranked.auc(L{0, 0, 1, 1}, V{1, 2, 1, 3}), 10.0 / 12);
  EXPECT_DOUBLE_EQ(ranked.auc(L{0, 0, 1, 1}, V{1, 1, 1, 1}), 0.75);
}

TEST(ValidationAuc, UndefinedAndBadInput) {
  EXPECT_TRUE(std::isnan(weighted_auc(V{1, 2}, L{1, 1}, V{1, 1})));  // no negatives
  EXPECT_TRUE(std::isnan(weighted_auc(V{1, 2}, L{1, 0}, V{1, 0})));  // no negative weight
  EXPECT_TRUE(std::isnan(weighted_auc(V{}, L{}, V{})));
  EXPECT_THROW(weighted_auc(V{1, std::nan("")}, L{1, 0}, V{1, 1}), Error);
  EXPECT_THROW(weighted_auc(V{1, 2}, L{1}, V{1, 1}), Error);
  EXPECT_THROW(weighted_auc(V{1, 2}, L{1, 0}, V{1, -1}), Error);
}

// The split is the definition in validation.h: a Philox uniform of the code's digits.
TEST(ValidationSplit, IsTheDocumentedFunctionOfTheCode) {
  for (const char* code : {"15-1252", "43-3031", "47-2061", "13-1020", "29-1141"}) {
    std::uint64_t digits = 0;
    for (const char* c = code; *c; ++c) {
      if (*c != '-') digits = digits * 10 + static_cast<std::uint64_t>(*c - '0');
    }
    const bool fit = Random(0).uniform(Stream::kValidationSplit, digits) < 0.5;
    EXPECT_EQ(occupation_half(code), fit ? Half::kFit : Half::kHeldOut) << code;
  }
  EXPECT_THROW(occupation_half("15-12X2"), Error);
  EXPECT_THROW(occupation_half("151252"), Error);
  EXPECT_THROW(occupation_half(""), Error);
}

// Fixed and disjoint: every occupation of the shipped data is in exactly one half, whatever
// the order the occupations come in, and the halves are close to equal.
TEST(ValidationSplit, FixedDisjointAndBalancedOnTheShippedData) {
  static const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  const Taxonomy& t = ds.taxonomy;
  const std::vector<Half> halves = occupation_halves(t);
  ASSERT_EQ(halves.size(), t.occupations.size());
  std::size_t fit = 0, held = 0;
  for (std::size_t o = t.occupations.size(); o-- > 0;) {  // the other order
    const Half h = occupation_half(t.occupations[o].soc_code);
    EXPECT_EQ(h, halves[o]);
    (h == Half::kFit ? fit : held) += 1;
  }
  EXPECT_EQ(fit + held, t.occupations.size());
  EXPECT_GT(fit, t.occupations.size() * 2 / 5);
  EXPECT_GT(held, t.occupations.size() * 2 / 5);
  EXPECT_EQ(occupation_halves(t), halves);  // the same again
}

}  // namespace
}  // namespace floe
