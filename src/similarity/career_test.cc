// Career moves: the rule and the score on the tiny world by hand, what to learn, and the
// constraints on every occupation of the shipped data.
#include "floe/career.h"

#include <gtest/gtest.h>

#include <cmath>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "floe/index.h"

namespace floe {
namespace {

OccupationId occupation(const Taxonomy& t, const char* soc) { return *t.find_occupation(soc); }

// A similarity by hand over the tiny world's developers (0), clerks (1) and laborers (2):
// s(dev, clerk) = 0.3, s(dev, lab) = 0.2, s(clerk, lab) = 0.5.
SimilarityMatrix tiny_similarity() {
  return SimilarityMatrix(3, {1.0f, 0.3f, 0.2f, 0.3f, 1.0f, 0.5f, 0.2f, 0.5f, 1.0f});
}

// Per occupation (dev, clerk, lab): job zones 4, 3, 2 (testdata/tiny Job Zones.txt), exposure
// 2/3, 1/2, 0 (docs/method.md §9), openings 100, 300, 200, wages $100,000, $50,000, $40,000.
struct Fixture {
  std::vector<double> exposure{2.0 / 3, 0.5, 0.0}, openings{100, 300, 200},
      wage{100000, 50000, 40000};
  MoveInputs inputs() const { return {exposure, openings, wage}; }
};

TEST(CareerTiny, CandidatesCarrySimilarityAndPreparationGap) {
  const Taxonomy& t = tiny().taxonomy;
  const CareerCandidates c(t, tiny_similarity(), 5);
  const auto dev = c.of(occupation(t, "15-1252"));
  ASSERT_EQ(dev.size(), 2u);
  EXPECT_EQ(dev[0].occupation, occupation(t, "43-3031"));  // 0.3 before 0.2
  EXPECT_FLOAT_EQ(dev[0].similarity, 0.3f);
  EXPECT_FLOAT_EQ(dev[0].preparation_gap, -1.0f);  // zone 3 - zone 4
  EXPECT_FLOAT_EQ(dev[1].preparation_gap, -2.0f);
  EXPECT_DOUBLE_EQ(c.job_zone(occupation(t, "47-2061")), 2.0);
}

// From developers (E = 2/3): both others are less exposed and within reach (gaps -1, -2).
// V̄ = (300 + 200) / 2 = 250.
//   clerks:   0.3 · (2/3 - 1/2) · (50/100) · 300/550 = 0.3 · 1/6 · 1/2 · 6/11 = 0.3 / 22
//   laborers: 0.2 · (2/3 - 0) · (40/100) · 200/450 = 0.2 · 2/3 · 2/5 · 4/9 = 0.2 · 16/135
// Laborers rank first. From clerks (E = 1/2): developers are more exposed, so laborers only:
// V̄ = (100 + 200) / 2 = 150, score 0.5 · 1/2 · 4/5 · 200/350 = 4/35.
TEST(CareerTiny, ScoreByHand) {
  const Taxonomy& t = tiny().taxonomy;
  const OccupationId dev = occupation(t, "15-1252"), clerk = occupation(t, "43-3031"),
                     lab = occupation(t, "47-2061");
  const CareerCandidates c(t, tiny_similarity());
  const Fixture f;
  const auto from_dev = career_moves(c, dev, f.inputs());
  ASSERT_EQ(from_dev.size(), 2u);
  EXPECT_EQ(from_dev[0].occupation, lab);
  EXPECT_NEAR(from_dev[0].score, 0.2 * 16.0 / 135, 1e-7);
  EXPECT_NEAR(from_dev[0].pay_kept, 0.4, 1e-12);
  EXPECT_NEAR(from_dev[0].openings_factor, 4.0 / 9, 1e-12);
  EXPECT_EQ(from_dev[1].occupation, clerk);
  EXPECT_NEAR(from_dev[1].score, 0.3 / 22, 1e-7);
  EXPECT_TRUE(from_dev[0].suggested && from_dev[1].suggested);

  const auto from_clerk = career_moves(c, clerk, f.inputs());
  ASSERT_EQ(from_clerk.size(), 1u);
  EXPECT_EQ(from_clerk[0].occupation, lab);
  EXPECT_NEAR(from_clerk[0].score, 4.0 / 35, 1e-7);
  EXPECT_NEAR(from_clerk[0].exposure_drop, 0.5, 1e-12);

  EXPECT_TRUE(career_moves(c, lab, f.inputs()).empty());  // nothing is less exposed

  std::vector<OccupationId> best(3);
  best_career_moves(c, f.inputs(), best);
  EXPECT_EQ(best[dev.index()], lab);
  EXPECT_EQ(best[clerk.index()], lab);
  EXPECT_FALSE(best[lab.index()].valid());
}

// From laborers, now the most exposed (0.9): clerks are one Job Zone up (suggested), developers
// two (flagged, after the suggestions, and never the best move). Without openings, no move.
TEST(CareerTiny, LargerPreparationGapsAreFlaggedNotSuggested) {
  const Taxonomy& t = tiny().taxonomy;
  const OccupationId dev = occupation(t, "15-1252"), clerk = occupation(t, "43-3031"),
                     lab = occupation(t, "47-2061");
  const CareerCandidates c(t, tiny_similarity());
  Fixture f;
  f.exposure[lab.index()] = 0.9;
  const auto moves = career_moves(c, lab, f.inputs());
  ASSERT_EQ(moves.size(), 2u);
  EXPECT_EQ(moves[0].occupation, clerk);
  EXPECT_TRUE(moves[0].suggested);
  EXPECT_EQ(moves[1].occupation, dev);
  EXPECT_FALSE(moves[1].suggested);
  EXPECT_FLOAT_EQ(moves[1].preparation_gap, 2.0f);
  EXPECT_EQ(career_moves(c, lab, f.inputs(), false).size(), 1u);
  EXPECT_EQ(preparation_time(c.job_zone(dev)), "2 to 4 years");

  f.exposure[clerk.index()] = 0.95;  // clerks no longer less exposed: only the flagged move
  std::vector<OccupationId> best(3);
  best_career_moves(c, f.inputs(), best);
  EXPECT_FALSE(best[lab.index()].valid());

  f.exposure[clerk.index()] = 0.5;
  f.openings[clerk.index()] = 0;  // no openings: not a move
  EXPECT_EQ(career_moves(c, lab, f.inputs(), false).size(), 0u);
}

TEST(CareerTiny, UnknownPreparationIsNeverSuggested) {
  Taxonomy t = tiny().taxonomy;
  t.onet_occupations[t.find_onet("47-2061.00")->index()].job_zone = 0;
  const CareerCandidates c(t, tiny_similarity());
  EXPECT_TRUE(std::isnan(c.job_zone(occupation(t, "47-2061"))));
  const Fixture f;
  const auto from_dev = career_moves(c, occupation(t, "15-1252"), f.inputs());
  ASSERT_EQ(from_dev.size(), 1u);
  EXPECT_EQ(from_dev[0].occupation, occupation(t, "43-3031"));
}

TEST(CareerTiny, BadInputs) {
  const Taxonomy& t = tiny().taxonomy;
  const CareerCandidates c(t, tiny_similarity());
  const std::vector<double> two{1, 1};
  const Fixture f;
  EXPECT_THROW(career_moves(c, occupation(t, "15-1252"), {two, f.openings, f.wage}), Error);
  std::vector<OccupationId> best(2);
  EXPECT_THROW(best_career_moves(c, f.inputs(), best), Error);
  EXPECT_THROW(CareerCandidates(t, SimilarityMatrix(2, {1, 0, 0, 1})), Error);
}

// Levels (testdata/tiny Skills.txt, Knowledge.txt). Laborers -> clerks: clerks rate Reading
// (importance 3, level 3.5 vs 2), Economics and Accounting (4; 5 vs 0) and Computers (3; 3.5 vs
// 0.5) important; Programming (importance 1) is not. Developers -> clerks: only Economics and
// Accounting is higher (5 vs 2).
TEST(CareerTiny, WhatToLearnByHand) {
  const Taxonomy& t = tiny().taxonomy;
  const OccupationId dev = occupation(t, "15-1252"), clerk = occupation(t, "43-3031"),
                     lab = occupation(t, "47-2061");
  auto names = [&](const std::vector<LearningGap>& gaps) {
    std::vector<std::string> out;
    for (const LearningGap& g : gaps) out.push_back(t.descriptors[g.descriptor].name);
    return out;
  };
  EXPECT_EQ(names(what_to_learn(t, lab, clerk)),
            (std::vector<std::string>{"Economics and Accounting", "Computers and Electronics",
                                      "Reading Comprehension"}));
  EXPECT_EQ(names(what_to_learn(t, lab, clerk, 2)).size(), 2u);
  const auto gaps = what_to_learn(t, dev, clerk);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].from_level, 2.0);
  EXPECT_EQ(gaps[0].to_level, 5.0);
}

// 1,000 developers x (0.158 / 10 + 0.020 + 0.043) (testdata/tiny Table 1.10).
TEST(CareerTiny, AnnualOpenings) {
  const Dataset& ds = tiny();
  EXPECT_NEAR(annual_openings(ds, occupation(ds.taxonomy, "15-1252")), 78.8, 1e-9);
  EXPECT_EQ(preparation_time(1), "up to 3 months");
  EXPECT_EQ(preparation_time(4.6), "4 years or more");
  EXPECT_EQ(preparation_time(std::nan("")), "unknown");
}

// On the shipped data, under the default index: every suggested move lowers exposure and needs
// at most one more Job Zone; every flagged one needs more; the best move is the first suggestion.
TEST(CareerShipped, SuggestionsKeepTheRule) {
  static const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  const Taxonomy& t = ds.taxonomy;
  const auto weights = task_weights(t, TaskWeighting::kOnetType);
  const auto exposure = occupation_exposure(t, make_layer(ds, IndexOptions{}), weights);
  std::vector<double> openings, wage;
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    openings.push_back(annual_openings(ds, OccupationId(o)));
    wage.push_back(ds.labor.national[o].mean.annual);
  }
  const CareerCandidates c(t, occupation_similarity(t, weights));
  const MoveInputs in{exposure, openings, wage};
  std::vector<OccupationId> best(t.occupations.size());
  best_career_moves(c, in, best);
  std::size_t suggested = 0, flagged = 0;
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    const auto moves = career_moves(c, OccupationId(o), in);
    for (const CareerMove& m : moves) {
      EXPECT_LT(exposure[m.occupation.index()], exposure[o]);
      EXPECT_GT(openings[m.occupation.index()], 0);
      if (m.suggested) {
        EXPECT_LE(m.preparation_gap, 1.0 + 1e-6);
        ++suggested;
      } else {
        EXPECT_GT(m.preparation_gap, 1.0);
        ++flagged;
      }
    }
    const bool any = !moves.empty() && moves[0].suggested;
    EXPECT_EQ(best[o].valid(), any);
    if (any) {
      EXPECT_EQ(best[o], moves[0].occupation);
    }
  }
  EXPECT_GT(suggested, 1000u);
  EXPECT_GT(flagged, 0u);
}

}  // namespace
}  // namespace floe
