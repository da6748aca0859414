// Occupation similarity on the tiny world, worked out by hand, and its properties on the
// shipped data.
#include "floe/similarity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "dataset/tiny_world.h"
#include "floe/dataset.h"
#include "floe/error.h"

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

constexpr double kTol = 1e-6;  // s is stored as float

// Skills.txt importances (Reading Comprehension, Programming): developers (4, 5), clerks (3, 1),
// laborers (2, 1). No DWA is shared, so every DWA cosine between different occupations is 0.
TEST(SimilarityTiny, SkillCosinesByHand) {
  const Taxonomy& t = tiny().taxonomy;
  ASSERT_EQ(t.skill_names.size(), 2u);
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const double dev_clerk = 17 / std::sqrt(410.0);  // (12 + 5) / (sqrt 41 sqrt 10)
  const double dev_lab = 13 / std::sqrt(205.0);    // (8 + 5) / (sqrt 41 sqrt 5)
  const double clerk_lab = 7 / std::sqrt(50.0);    // (6 + 1) / (sqrt 10 sqrt 5)

  const SimilarityMatrix skills_only = occupation_similarity(t, onet_weights(t), {1.0});
  EXPECT_NEAR(skills_only(dev, clerk), dev_clerk, kTol);
  EXPECT_NEAR(skills_only(dev, lab), dev_lab, kTol);
  EXPECT_NEAR(skills_only(clerk, lab), clerk_lab, kTol);

  const SimilarityMatrix half = occupation_similarity(t, onet_weights(t));  // a = 0.5
  EXPECT_NEAR(half(dev, clerk), 0.5 * dev_clerk, kTol);
  EXPECT_NEAR(half(lab, clerk), 0.5 * clerk_lab, kTol);

  const SimilarityMatrix dwas_only = occupation_similarity(t, onet_weights(t), {0.0});
  EXPECT_EQ(dwas_only(dev, clerk), 0.0f);
  EXPECT_EQ(dwas_only(dev, lab), 0.0f);
  EXPECT_EQ(dwas_only(dev, dev), 1.0f);
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

// DWA vectors: developers (write code 2, discuss requirements 1, records 1), clerks (records
// 2 + 2 = 4), laborers (dig trenches 1).
TEST(SimilarityTiny, DwaCosinesByHand) {
  const Taxonomy t = with_shared_dwa();
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const SimilarityMatrix dwas_only = occupation_similarity(t, onet_weights(t), {0.0});
  EXPECT_NEAR(dwas_only(dev, clerk), 1 / std::sqrt(6.0), kTol);  // 1*4 / (sqrt 6 * 4)
  EXPECT_EQ(dwas_only(dev, lab), 0.0f);

  // Equal weights: developers (1, 1, 1), clerks (2): 2 / (sqrt 3 * 2).
  const std::vector<double> equal(t.tasks.size(), 1.0);
  EXPECT_NEAR(occupation_similarity(t, equal, {0.0})(dev, clerk), 1 / std::sqrt(3.0), kTol);

  const SimilarityMatrix half = occupation_similarity(t, onet_weights(t), {0.5});
  EXPECT_NEAR(half(dev, clerk), 0.5 * 17 / std::sqrt(410.0) + 0.5 / std::sqrt(6.0), kTol);
}

TEST(SimilarityTiny, OccupationWithoutSkillRatingsUsesDwasAlone) {
  Taxonomy t = with_shared_dwa();
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const std::size_t k = t.skill_names.size();
  for (std::size_t j = 0; j < k; ++j) t.skill_importance[clerk.index() * k + j] = 0;
  const SimilarityMatrix s = occupation_similarity(t, onet_weights(t), {0.5});
  EXPECT_NEAR(s(dev, clerk), 1 / std::sqrt(6.0), kTol);  // not halved
  EXPECT_EQ(s(clerk, lab), 0.0f);
  EXPECT_NEAR(s(dev, lab), 0.5 * 13 / std::sqrt(205.0), kTol);  // both rated: the mix
  EXPECT_EQ(s(clerk, clerk), 1.0f);
}

TEST(SimilarityTiny, MostSimilarAndFilter) {
  const Taxonomy& t = tiny().taxonomy;
  const OccupationId dev = occ(t, "15-1252"), clerk = occ(t, "43-3031"), lab = occ(t, "47-2061");
  const SimilarityMatrix s = occupation_similarity(t, onet_weights(t), {1.0});
  // Developers: laborers 0.908 > clerks 0.840.
  EXPECT_EQ(s.most_similar(dev, 5), (std::vector<OccupationId>{lab, clerk}));
  EXPECT_EQ(s.most_similar(dev, 1), (std::vector<OccupationId>{lab}));
  EXPECT_EQ(s.most_similar(dev, 5, [&](OccupationId o) { return o != lab; }),
            (std::vector<OccupationId>{clerk}));
  EXPECT_TRUE(s.most_similar(dev, 0).empty());
}

// Related: developers -> clerks, clerks -> developers, laborers -> clerks. With a = 1 the
// nearest neighbour of developers is laborers (miss), of clerks laborers (miss), of laborers
// clerks (hit): recall@1 = (0 + 0 + 1) / 3; recall@2 = 1.
TEST(SimilarityTiny, RelatedOccupationsRecall) {
  const Taxonomy& t = tiny().taxonomy;
  const auto related = related_occupations(t);
  EXPECT_EQ(related[occ(t, "47-2061").index()], (std::vector<OccupationId>{occ(t, "43-3031")}));
  const SimilarityMatrix s = occupation_similarity(t, onet_weights(t), {1.0});
  const RelatedRecall at1 = related_recall(t, s, 1);
  EXPECT_EQ(at1.occupations, 3u);
  EXPECT_EQ(at1.related_pairs, 3u);
  EXPECT_EQ(at1.recovered_pairs, 1u);
  EXPECT_DOUBLE_EQ(at1.mean_recall, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(at1.ceiling, 1.0);  // one related occupation each
  EXPECT_DOUBLE_EQ(at1.hit_rate, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(related_recall(t, s, 2).mean_recall, 1.0);
}

TEST(SimilarityTiny, RejectsBadOptions) {
  const Taxonomy& t = tiny().taxonomy;
  EXPECT_THROW(occupation_similarity(t, onet_weights(t), {1.5}), Error);
  EXPECT_THROW(occupation_similarity(t, {1.0}, {0.5}), Error);
}

TEST(SimilarityShipped, SymmetricUnitDiagonalInRange) {
  const Taxonomy& t = shipped().taxonomy;
  const SimilarityMatrix s = occupation_similarity(t, onet_weights(t));
  ASSERT_EQ(s.size(), t.occupations.size());
  std::size_t positive = 0;
  for (std::size_t a = 0; a < s.size(); ++a) {
    EXPECT_EQ(s(OccupationId(a), OccupationId(a)), 1.0f);
    for (std::size_t b = 0; b < s.size(); ++b) {
      const float v = s(OccupationId(a), OccupationId(b));
      ASSERT_EQ(v, s(OccupationId(b), OccupationId(a)));
      ASSERT_GE(v, 0.0f);
      ASSERT_LE(v, 1.0f);
      positive += v > 0;
    }
  }
  EXPECT_GT(positive, s.size() * s.size() / 2);  // skills overlap almost everywhere
}

// Recall of O*NET Related Occupations among the 10 most similar, for a = 0, 0.5, 1. Chance
// would find about 10 / 830 of them; the values are printed for docs/method.md.
TEST(SimilarityShipped, RecoversRelatedOccupations) {
  const Taxonomy& t = shipped().taxonomy;
  for (double a : {0.0, 0.5, 1.0}) {
    const RelatedRecall r = related_recall(t, occupation_similarity(t, onet_weights(t), {a}));
    std::printf(
        "a = %.1f: recall@10 = %.4f (ceiling %.4f), hit rate %.4f, over %zu occupations "
        "(%zu of %zu related pairs)\n",
        a, r.mean_recall, r.ceiling, r.hit_rate, r.occupations, r.recovered_pairs, r.related_pairs);
    EXPECT_GT(r.mean_recall, 0.15);  // > 10x chance
    EXPECT_LE(r.mean_recall, r.ceiling);
    EXPECT_GT(r.occupations, 700u);
  }
}

}  // namespace
}  // namespace floe
