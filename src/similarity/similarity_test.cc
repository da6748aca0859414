// Occupation similarity: each block on the tiny world worked out by hand, the weighting of the
// blocks, Related Occupations recall, and the fitted weights on the shipped data.
#include "floe/similarity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "dataset/tiny_world.h"
#include "floe/dataset.h"
#include "floe/error.h"
#include "similarity/blocks.h"

namespace floe {
namespace {

const Dataset& shipped() {
  static const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  return ds;
}

// Core 2, supplemental and unrated 1 (the default task weights of index.h).
std::vector<double> onet_weights(const Taxonomy& t) {
  std::vector<double> w;
  for (const Task& task : t.tasks) w.push_back(task.type == TaskType::kCore ? 2.0 : 1.0);
  return w;
}

OccupationId occ(const Taxonomy& t, const char* soc) { return *t.find_occupation(soc); }

BlockWeights only(SimilarityBlock b, double w = 1.0) {
  BlockWeights a{};
  a[static_cast<std::size_t>(b)] = w;
  return a;
}

constexpr double kTol = 1e-6;  // s is stored as float
const double kSqrtHalf = std::sqrt(0.5);

// The tiny taxonomy with one knowledge area whose importance is 1, 3, 5 and level 2, 6, 4 for
// developers, clerks and laborers. Both columns have mean 3 (4) and standard deviation
// sqrt(8/3), so with a = sqrt(3/2) the z-vectors are developers (-a, -a), clerks (0, a),
// laborers (a, 0).
Taxonomy with_one_knowledge_area() {
  Taxonomy t = tiny().taxonomy;
  t.descriptors = {{"2.C.1.c", "Economics and Accounting", DescriptorKind::kKnowledge}};
  t.descriptor_importance.assign(t.occupations.size(), 0.0f);
  t.descriptor_level.assign(t.occupations.size(), 0.0f);
  const float importance[] = {1, 3, 5}, level[] = {2, 6, 4};
  const char* codes[] = {"15-1252", "43-3031", "47-2061"};
  for (int i = 0; i < 3; ++i) {
    const std::size_t o = occ(t, codes[i]).index();
    t.descriptor_importance[o] = importance[i];
    t.descriptor_level[o] = level[i];
  }
  return t;
}

// cos(dev, clerk) = -a^2 / (a sqrt 2 · a) = -1/sqrt 2, likewise (dev, laborers); clerks and
// laborers are orthogonal. The block maps cos to (1 + cos) / 2.
TEST(SimilarityTiny, StandardizedRatingsByHand) {
  const Taxonomy t = with_one_knowledge_area();
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const BlockSimilarities b = block_similarities(t, onet_weights(t));
  const auto k = SimilarityBlock::kKnowledge;
  EXPECT_NEAR(b(k, dev, clerk), (1 - kSqrtHalf) / 2, kTol);
  EXPECT_NEAR(b(k, dev, lab), (1 - kSqrtHalf) / 2, kTol);
  EXPECT_NEAR(b(k, clerk, lab), 0.5, kTol);
  EXPECT_EQ(b(k, dev, dev), 1.0f);
  EXPECT_FALSE(b.has(SimilarityBlock::kSkills, dev));  // no skill is rated any more

  // Raw importances (the earlier measure): one positive number each, so every cosine is 1 and
  // the block cannot tell the occupations apart. This is why the ratings are standardized.
  const BlockSimilarities raw = similarity_blocks(t, onet_weights(t), {false, false, false});
  EXPECT_NEAR(raw(k, dev, clerk), 1.0, kTol);
  EXPECT_NEAR(raw(k, clerk, lab), 1.0, kTol);
}

// The tiny taxonomy with task 102 (developers, supplemental) also linked to "maintain
// financial records", the clerks' DWA.
Taxonomy with_shared_dwa() {
  Taxonomy t = tiny().taxonomy;
  const TaskId t102 = *t.find_task(102);
  const DwaId records = *t.find_dwa("4.A.3.b.6.I07.D01");
  Csr<DwaId> task_dwas;
  for (std::size_t i = 0; i < t.tasks.size(); ++i) {
    std::vector<DwaId> row(t.task_dwas.row(i).begin(), t.task_dwas.row(i).end());
    if (TaskId(i) == t102) row.push_back(records);
    task_dwas.add_row(row);
  }
  t.task_dwas = task_dwas;
  return t;
}

// DWA vectors, task weights times ln(3 / n_d): developers (write code 2 ln 3, discuss 1 ln 3,
// records 1 ln 1.5), clerks (records (2 + 2) ln 1.5), laborers (dig ln 3). Each DWA has its own
// IWA in the tiny world, so the IWA block is the same.
TEST(SimilarityTiny, ActivitiesWeightedByRarity) {
  const Taxonomy t = with_shared_dwa();
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const BlockSimilarities b = block_similarities(t, onet_weights(t));
  const double l3 = std::log(3.0), l15 = std::log(1.5);
  const double expected = l15 / std::sqrt(5 * l3 * l3 + l15 * l15);
  EXPECT_NEAR(b(SimilarityBlock::kDwas, dev, clerk), expected, kTol);
  EXPECT_NEAR(b(SimilarityBlock::kIwas, dev, clerk), expected, kTol);
  EXPECT_EQ(b(SimilarityBlock::kDwas, dev, lab), 0.0f);
  // Without the rarity weight: 1 * 4 / (sqrt 6 * 4).
  const BlockSimilarities flat = similarity_blocks(t, onet_weights(t), {true, true, false});
  EXPECT_NEAR(flat(SimilarityBlock::kDwas, dev, clerk), 1 / std::sqrt(6.0), kTol);
}

// Title words (testdata/tiny: O*NET and alternate titles). Clerks: bookkeeping, accounting (x2),
// auditing, clerks, worker, bookkeeper; laborers: construction (x2), laborers, laborer, worker.
// Only "worker" is shared (2 of 3 occupations: ln 1.5); every other word ln 3. Values
// ln(1 + count) times the rarity weight.
TEST(SimilarityTiny, TitleWordsByHand) {
  const Taxonomy& t = tiny().taxonomy;
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const BlockSimilarities b = block_similarities(t, onet_weights(t));
  const double l2 = std::log(2.0), l3 = std::log(3.0), l15 = std::log(1.5);
  const double worker = l2 * l15, once = l2 * l3, twice = l3 * l3;
  const double clerks = 5 * once * once + twice * twice - once * once + worker * worker;
  const double laborers = twice * twice + 2 * once * once + worker * worker;
  EXPECT_NEAR(b(SimilarityBlock::kTitles, clerk, lab),
              worker * worker / std::sqrt(clerks * laborers), kTol);
  EXPECT_EQ(b(SimilarityBlock::kTitles, dev, clerk), 0.0f);
  // Task statements share no word: every pair 0.
  EXPECT_EQ(b(SimilarityBlock::kTasks, clerk, lab), 0.0f);
  EXPECT_EQ(b(SimilarityBlock::kTasks, dev, dev), 1.0f);
}

// s = sum a_b s_b / sum a_b over the blocks both occupations have.
TEST(SimilarityTiny, WeightedOverTheBlocksBothHave) {
  Taxonomy t = with_one_knowledge_area();
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  BlockWeights a{};
  a[static_cast<std::size_t>(SimilarityBlock::kKnowledge)] = 0.3;
  a[static_cast<std::size_t>(SimilarityBlock::kTitles)] = 0.1;
  const BlockSimilarities b = block_similarities(t, onet_weights(t));
  const double titles = b(SimilarityBlock::kTitles, clerk, lab);
  EXPECT_NEAR(b.combined(a, clerk, lab), (0.3 * 0.5 + 0.1 * titles) / 0.4, 1e-12);
  const SimilarityMatrix s = occupation_similarity(t, onet_weights(t), {a});
  EXPECT_NEAR(s(clerk, lab), (0.3 * 0.5 + 0.1 * titles) / 0.4, kTol);
  EXPECT_EQ(s(lab, lab), 1.0f);

  // Clerks unrated: knowledge is standardized over developers (1, 2) and laborers (5, 4) alone,
  // and pairs with clerks use the title block only.
  t.descriptor_importance[clerk.index()] = 0;
  const SimilarityMatrix unrated = occupation_similarity(t, onet_weights(t), {a});
  EXPECT_NEAR(unrated(clerk, lab), titles, kTol);
  EXPECT_NEAR(unrated(dev, lab), 0.3 * 0.0 / 0.4, kTol);  // z = (-1, -1) and (1, 1): cos -1
}

TEST(SimilarityTiny, MostSimilarAndFilter) {
  const Taxonomy t = with_one_knowledge_area();
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const SimilarityMatrix s =
      occupation_similarity(t, onet_weights(t), {only(SimilarityBlock::kKnowledge)});
  // Clerks: laborers 0.5 > developers 0.146. Developers: a tie (0.146 each) goes to the lower
  // index, clerks.
  EXPECT_EQ(s.most_similar(clerk, 5), (std::vector<OccupationId>{lab, dev}));
  EXPECT_EQ(s.most_similar(dev, 1), (std::vector<OccupationId>{clerk}));
  EXPECT_EQ(s.most_similar(clerk, 5, [&](OccupationId o) { return o != lab; }),
            (std::vector<OccupationId>{dev}));
  EXPECT_TRUE(s.most_similar(dev, 0).empty());
}

// Related (testdata/tiny): developers -> clerks and clerks -> developers (Primary-Short),
// laborers -> clerks (Supplemental). With the knowledge block above, the nearest neighbour of
// developers is clerks (hit), of clerks laborers (miss), of laborers clerks (hit).
TEST(SimilarityTiny, RelatedOccupationsRecallByTierAndHalf) {
  const Taxonomy t = with_one_knowledge_area();
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const auto related = related_occupations(t);
  EXPECT_EQ(related[lab.index()],
            (std::vector<RelatedOccupation>{{clerk, RelatedTier::kSupplemental}}));
  EXPECT_EQ(related[dev.index()],
            (std::vector<RelatedOccupation>{{clerk, RelatedTier::kPrimaryShort}}));
  const SimilarityMatrix s =
      occupation_similarity(t, onet_weights(t), {only(SimilarityBlock::kKnowledge)});
  const RelatedRecall at1 = related_recall(t, s, {.k = 1});
  EXPECT_EQ(at1.occupations, 3u);
  EXPECT_EQ(at1.related_pairs, 3u);
  EXPECT_EQ(at1.recovered_pairs, 2u);
  EXPECT_DOUBLE_EQ(at1.mean_recall, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(at1.ceiling, 1.0);  // one related occupation each
  EXPECT_DOUBLE_EQ(at1.hit_rate, 2.0 / 3.0);

  const RelatedRecall ps = related_recall(t, s, {.k = 1, .tier = RelatedTier::kPrimaryShort});
  EXPECT_EQ(ps.occupations, 2u);  // developers (hit) and clerks (miss)
  EXPECT_DOUBLE_EQ(ps.mean_recall, 0.5);
  const RelatedRecall sup = related_recall(t, s, {.k = 1, .tier = RelatedTier::kSupplemental});
  EXPECT_EQ(sup.occupations, 1u);
  EXPECT_DOUBLE_EQ(sup.mean_recall, 1.0);
  EXPECT_EQ(related_recall(t, s, {.k = 1, .tier = RelatedTier::kPrimaryLong}).occupations, 0u);

  // The halves split the occupations between them.
  const RelatedRecall fit = related_recall(t, s, {.k = 1, .half = Half::kFit});
  const RelatedRecall held = related_recall(t, s, {.k = 1, .half = Half::kHeldOut});
  EXPECT_EQ(fit.occupations + held.occupations, 3u);
  EXPECT_EQ(fit.recovered_pairs + held.recovered_pairs, 2u);
}

TEST(SimilarityTiny, RejectsBadOptions) {
  const Taxonomy& t = tiny().taxonomy;
  EXPECT_THROW(occupation_similarity(t, onet_weights(t), {only(SimilarityBlock::kDwas, -1)}),
               Error);
  EXPECT_THROW(occupation_similarity(t, onet_weights(t), {BlockWeights{}}), Error);  // all 0
  EXPECT_THROW(occupation_similarity(t, {1.0}), Error);  // one weight for five tasks
}

// Quartiles of the off-diagonal entries of one block, over pairs that both have it.
std::array<double, 3> quartiles(const BlockSimilarities& b, SimilarityBlock block) {
  std::vector<float> v;
  for (std::size_t x = 0; x < b.size(); ++x) {
    for (std::size_t y = x + 1; y < b.size(); ++y) {
      if (b.has(block, OccupationId(x)) && b.has(block, OccupationId(y)))
        v.push_back(b(block, OccupationId(x), OccupationId(y)));
    }
  }
  std::sort(v.begin(), v.end());
  return {v[v.size() / 4], v[v.size() / 2], v[3 * v.size() / 4]};
}

// The issue with raw ratings: their cosines are nearly all the same (median about 0.97);
// standardized, the same ratings spread over the range.
TEST(SimilarityShipped, StandardizedRatingsCarryInformation) {
  const Taxonomy& t = shipped().taxonomy;
  const BlockSimilarities standardized = block_similarities(t, onet_weights(t));
  const BlockSimilarities raw = similarity_blocks(t, onet_weights(t), {false, false, false});
  const auto r = quartiles(raw, SimilarityBlock::kSkills);
  const auto z = quartiles(standardized, SimilarityBlock::kSkills);
  std::printf("skills block quartiles: raw %.3f %.3f %.3f, standardized %.3f %.3f %.3f\n", r[0],
              r[1], r[2], z[0], z[1], z[2]);
  EXPECT_GT(r[1], 0.95);
  EXPECT_LT(r[2] - r[0], 0.05);
  EXPECT_GT(z[2] - z[0], 0.2);
}

TEST(SimilarityShipped, SymmetricUnitDiagonalInRange) {
  const Taxonomy& t = shipped().taxonomy;
  const SimilarityMatrix s = occupation_similarity(t, onet_weights(t));
  ASSERT_EQ(s.size(), t.occupations.size());
  for (std::size_t a = 0; a < s.size(); ++a) {
    EXPECT_EQ(s(OccupationId(a), OccupationId(a)), 1.0f);
    for (std::size_t b = 0; b < s.size(); ++b) {
      const float v = s(OccupationId(a), OccupationId(b));
      ASSERT_EQ(v, s(OccupationId(b), OccupationId(a)));
      ASSERT_GE(v, 0.0f);
      ASSERT_LE(v, 1.0f);
    }
  }
}

// The default weights are what the fit on the fit half chooses (docs/method.md §13), and on the
// held-out half they meet the targets: recall@10 of at least 60% for Primary-Short and 40% over
// all tiers.
TEST(SimilarityShipped, DefaultWeightsAreTheFitAndMeetTheTargetsHeldOut) {
  const Taxonomy& t = shipped().taxonomy;
  const BlockSimilarities blocks = block_similarities(t, onet_weights(t));
  const SimilarityFit fit = fit_similarity_weights(t, blocks);
  const BlockWeights defaults = SimilarityOptions{}.weights;
  for (std::size_t b = 0; b < kSimilarityBlocks; ++b) {
    EXPECT_NEAR(fit.weights[b], defaults[b], 1e-9) << to_string(static_cast<SimilarityBlock>(b));
  }
  const SimilarityMatrix s = blocks.combine(defaults);
  const RelatedRecall ps =
      related_recall(t, s, {.tier = RelatedTier::kPrimaryShort, .half = Half::kHeldOut});
  const RelatedRecall all = related_recall(t, s, {.half = Half::kHeldOut});
  std::printf("fit recall@10 %.4f (%zu weight vectors); held out: Primary-Short %.4f, all %.4f\n",
              fit.fit_recall, fit.candidates, ps.mean_recall, all.mean_recall);
  EXPECT_GE(ps.mean_recall, 0.60);
  EXPECT_GE(all.mean_recall, 0.40);
  EXPECT_LE(all.mean_recall, all.ceiling);
}

}  // namespace
}  // namespace floe
