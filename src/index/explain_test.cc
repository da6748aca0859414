// floe explain on the tiny world, worked out by hand (testdata/tiny/README.md).
#include "floe/explain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "floe/similarity.h"
#include "index/hand_worked.h"

namespace floe {
namespace {

std::string error_of(std::string_view query) {
  try {
    find_occupation_query(tiny(), query);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

template <typename T>
T get(const Table& t, const char* column, std::size_t row = 0) {
  return std::get<T>(t.rows[row][t.column(column)]);
}

TEST(ExplainQuery, CodesAndTitleWords) {
  EXPECT_EQ(find_occupation_query(tiny(), "43-3031").occupation, occ("43-3031"));
  EXPECT_EQ(find_occupation_query(tiny(), " 43-3031.00 ").occupation, occ("43-3031"));
  EXPECT_EQ(find_occupation_query(tiny(), "bookkeeping").occupation, occ("43-3031"));
  EXPECT_EQ(find_occupation_query(tiny(), "BOOKKEEPING clerk").occupation, occ("43-3031"));
  EXPECT_EQ(find_occupation_query(tiny(), "laborers construction").occupation, occ("47-2061"));
  EXPECT_EQ(find_occupation_query(tiny(), "Software Developers").matched_by, "title words");
}

// "c" begins "Clerks" and "Construction": clerks have more employment (2,000 vs 1,000).
TEST(ExplainQuery, SeveralMatchesMostEmploymentFirst) {
  const OccupationMatch m = find_occupation_query(tiny(), "c");
  EXPECT_EQ(m.occupation, occ("43-3031"));
  EXPECT_EQ(m.also_matching, (std::vector<OccupationId>{occ("47-2061")}));
}

TEST(ExplainQuery, NoMatchIsOneClearError) {
  EXPECT_NE(error_of("zzz").find("no occupation matches 'zzz'"), std::string::npos);
  EXPECT_EQ(error_of("zzz").find("closest"), std::string::npos);
  // A misspelling suggests the near title.
  EXPECT_NE(error_of("bookeeping").find("closest: 43-3031"), std::string::npos);
  EXPECT_NE(error_of("43-3099").find("closest: 43-3031"), std::string::npos);  // same group
  EXPECT_NE(error_of("").find("no occupation matches"), std::string::npos);
  EXPECT_EQ(error_of("zzz").find('\n'), std::string::npos);
}

// Clerks: tasks 103 (core, E1/E1) and 104 (core, E2/E0), weight 2 each: exposure (2 + 0) / 4.
TEST(ExplainTiny, ProfileAndTasks) {
  const Explanation e =
      explain_occupation(tiny(), find_occupation_query(tiny(), "43-3031"), {.index = by_hand()});
  EXPECT_EQ(get<std::string>(e.profile, "title"), "Bookkeeping, Accounting, and Auditing Clerks");
  EXPECT_EQ(get<double>(e.profile, "employment"), 2000.0);
  EXPECT_EQ(get<double>(e.profile, "mean_wage"), 50000.0);
  EXPECT_EQ(get<std::string>(e.profile, "job_zone"), "3");
  EXPECT_DOUBLE_EQ(get<double>(e.profile, "exposure"), 0.5);
  // Developers 2/3 > clerks 1/2 > laborers 0: second of 3; laborers' 1,000 of 4,000 below.
  EXPECT_EQ(get<double>(e.profile, "rank"), 2.0);
  EXPECT_EQ(get<double>(e.profile, "ranked"), 3.0);
  EXPECT_DOUBLE_EQ(get<double>(e.profile, "workers_less_exposed"), 0.25);

  ASSERT_EQ(e.tasks.rows.size(), 2u);
  EXPECT_EQ(get<double>(e.tasks, "task_id", 0), 103.0);  // capable first
  EXPECT_EQ(get<double>(e.tasks, "capability", 0), 1.0);
  EXPECT_EQ(get<std::string>(e.tasks, "human", 1), "E2");
  EXPECT_EQ(get<std::string>(e.tasks, "gpt4", 1), "E0");
  EXPECT_EQ(get<double>(e.tasks, "capability", 1), 0.0);
  EXPECT_EQ(get<std::string>(e.tasks, "dwas", 1), "Maintain financial records");  // no final period
  EXPECT_FALSE(get<bool>(e.tasks, "imputed", 0));
}

// Exposure of clerks by option, E2 weight w. Task 103 is E1 for both labelers (capability 1);
// 104 is E2 for humans (w), E0 for GPT-4 (0), w/2 for their mean. So human (2 + 2w) / 4, GPT-4
// 1/2, mean (2 + w) / 4. Transfer: 104 shares its DWA with 103, so every technical variant gives
// 1. Observed: 103 is in the usage data, 104 is not: 1/2; with transfer 1.
TEST(ExplainTiny, ExposureUnderEachOption) {
  const Explanation e =
      explain_occupation(tiny(), find_occupation_query(tiny(), "43-3031"), {.index = by_hand()});
  const Table& x = e.exposure;
  ASSERT_EQ(x.rows.size(), 20u);  // 2 transfer x 3 labelers x 3 E2 weights + 2 observed
  auto exposure = [&](std::size_t row) { return get<double>(x, "exposure", row); };
  EXPECT_DOUBLE_EQ(exposure(0), 0.5);  // human, E2 = 0 (chosen)
  EXPECT_TRUE(get<bool>(x, "chosen", 0));
  EXPECT_DOUBLE_EQ(exposure(1), 0.75);  // human, E2 = 0.5
  EXPECT_DOUBLE_EQ(exposure(2), 1.0);   // human, E2 = 1
  EXPECT_DOUBLE_EQ(exposure(5), 0.5);   // GPT-4, E2 = 1
  EXPECT_DOUBLE_EQ(exposure(6), 0.5);   // mean, E2 = 0
  EXPECT_DOUBLE_EQ(exposure(7), 0.625);
  EXPECT_DOUBLE_EQ(exposure(8), 0.75);
  for (std::size_t r = 9; r < 18; ++r) EXPECT_DOUBLE_EQ(exposure(r), 1.0) << r;
  EXPECT_EQ(get<std::string>(x, "layer", 18), "observed");
  EXPECT_DOUBLE_EQ(exposure(18), 0.5);
  EXPECT_DOUBLE_EQ(exposure(19), 1.0);
  EXPECT_EQ(std::count_if(x.rows.begin(), x.rows.end(),
                          [&](const auto& row) { return std::get<bool>(row[x.column("chosen")]); }),
            1);
}

// Similarity (a = 0.5, no shared DWAs): half the skill cosine. Developers' less exposed
// occupations: laborers 0.5 * 13/sqrt(205) before clerks 0.5 * 17/sqrt(410).
// From developers (exposure 2/3, Job Zone 4): clerks (1/2, zone 3) and laborers (0, zone 2) are
// both less exposed and within reach. Openings (testdata/tiny Table 1.10): clerks 2,000 x
// (-0.061 / 10 + 0.056 + 0.069) = 237.8, laborers 1,000 x (0.04 / 10 + 0.03 + 0.06) = 94 (their
// major group's rates); V̄ = 165.9. Pay kept: 50/100 and 40/100.
TEST(ExplainTiny, WhereWorkersCouldMove) {
  const Explanation dev =
      explain_occupation(tiny(), find_occupation_query(tiny(), "15-1252"), {.index = by_hand()});
  const Table& m = dev.moves;
  ASSERT_EQ(m.rows.size(), 2u);
  const SimilarityMatrix s = occupation_similarity(
      tiny().taxonomy, task_weights(tiny().taxonomy, TaskWeighting::kOnetType));
  for (std::size_t r = 0; r < 2; ++r) {
    const bool clerk = get<std::string>(m, "soc_code", r) == "43-3031";
    const double similarity = s(occ("15-1252"), occ(clerk ? "43-3031" : "47-2061"));
    const double drop = clerk ? 2.0 / 3 - 0.5 : 2.0 / 3, pay = clerk ? 0.5 : 0.4;
    const double openings = clerk ? 237.8 : 94.0;
    EXPECT_NEAR(get<double>(m, "similarity", r), similarity, 1e-12);
    EXPECT_NEAR(get<double>(m, "exposure_drop", r), drop, 1e-12);
    EXPECT_NEAR(get<double>(m, "pay_kept", r), pay, 1e-12);
    EXPECT_NEAR(get<double>(m, "openings", r), openings, 1e-9);
    EXPECT_NEAR(get<double>(m, "score", r), similarity * drop * pay * openings / (openings + 165.9),
                1e-9);
    EXPECT_DOUBLE_EQ(get<double>(m, "preparation_gap", r), clerk ? -1.0 : -2.0);
    EXPECT_TRUE(get<bool>(m, "suggested", r));
  }
  EXPECT_GE(get<double>(m, "score", 0), get<double>(m, "score", 1));
  // Developers -> clerks: only Economics and Accounting is important and higher (5 vs 2).
  const std::size_t clerk_row = get<std::string>(m, "soc_code", 0) == "43-3031" ? 0 : 1;
  EXPECT_EQ(get<std::string>(m, "learn", clerk_row), "Economics and Accounting 2.0 -> 5.0");
  // Laborers have exposure 0: no occupation is less exposed.
  const Explanation lab =
      explain_occupation(tiny(), find_occupation_query(tiny(), "47-2061"), {.index = by_hand()});
  EXPECT_TRUE(lab.moves.rows.empty());
}

TEST(ExplainTiny, Formats) {
  const Explanation e = explain_occupation(tiny(), find_occupation_query(tiny(), "bookkeeping"),
                                           {.index = by_hand()});
  std::ostringstream text, csv, json;
  write_explanation(text, e, "table");
  EXPECT_NE(text.str().find("Bookkeeping, Accounting, and Auditing Clerks (SOC 43-3031)"),
            std::string::npos);
  EXPECT_NE(text.str().find("Where its workers could move"), std::string::npos);
  write_explanation(csv, e, "csv");
  EXPECT_EQ(csv.str().rfind("# profile\nsoc_code,title,", 0), 0u);
  write_explanation(json, e, "json");
  const auto doc = nlohmann::json::parse(json.str());
  EXPECT_EQ(doc["profile"]["rows"][0]["soc_code"], "43-3031");
  EXPECT_EQ(doc["tasks"]["rows"].size(), 2u);
  EXPECT_EQ(doc["moves"]["rows"][0]["soc_code"], "47-2061");
}

// Laborers' task 105 has no O*NET rating ("n/a" in Task Statements.txt): "not rated", and a
// note says how it is weighed; clerks' tasks are all core, so no such note.
TEST(ExplainTiny, UnratedTasksAreNamedAndExplained) {
  const Explanation laborers =
      explain_occupation(tiny(), find_occupation_query(tiny(), "47-2061"), {});
  ASSERT_EQ(laborers.tasks.rows.size(), 1u);
  EXPECT_EQ(get<std::string>(laborers.tasks, "type"), "not rated");
  const auto mentions = [](const Table& t) {
    return std::any_of(t.notes.begin(), t.notes.end(), [](const std::string& n) {
      return n.find("'not rated'") != std::string::npos;
    });
  };
  EXPECT_TRUE(mentions(laborers.tasks));
  const Explanation clerks =
      explain_occupation(tiny(), find_occupation_query(tiny(), "43-3031"), {});
  EXPECT_EQ(get<std::string>(clerks.tasks, "type"), "Core");
  EXPECT_FALSE(mentions(clerks.tasks));
}

}  // namespace
}  // namespace floe
