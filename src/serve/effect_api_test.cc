// The AI effect over real HTTP (effect_tables.h): "fast" against its no-AI twin, whose figures
// are baseline's (test_server.cc), worked out by hand from the fixture. Month 2:
//   fast     Alabama 1,800 employed / 200 unemployed (10%), Alaska 1,500 / 500 (25%)
//   twin     Alabama 1,900 / 100 (5%),                      Alaska 1,800 / 200 (10%)
//   nation   3,300 / 700 (17.5%) against 3,700 / 300 (7.5%): +10 points, 4,000 agents each.
// Wage bills (employed x wage of the group, 15-, 43-, 47-0000): Alabama $90k, $45k, $38k;
// Alaska $100k, $55k, $52k.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "serve/test_server.h"

namespace floe::serve {
namespace {

using nlohmann::json;
using testing::ServerTest;

class EffectTest : public ServerTest {};

// The 90% margin of docs/model.md §16, in points, for two labor forces of n agents.
double margin(double r, double t, double n) {
  return 164.5 * std::sqrt(r * (1 - r) / n + t * (1 - t) / n);
}

TEST_F(EffectTest, TheRunSaysWhetherItHasATwin) {
  EXPECT_EQ(get_json("/api/runs/fast")["twin"], true);
  EXPECT_EQ(get_json("/api/runs/baseline")["twin"], false);
}

TEST_F(EffectTest, NationalSeriesAgainstTheTwin) {
  const json t = get_json("/api/runs/fast/effect");
  ASSERT_EQ(t["rows"].size(), 3u);
  const json& m2 = t["rows"][2];
  EXPECT_NEAR(m2["unemployment_rate"].get<double>(), 0.175, 1e-12);
  EXPECT_NEAR(m2["twin_unemployment_rate"].get<double>(), 0.075, 1e-12);
  EXPECT_NEAR(m2["ai_effect_points"].get<double>(), 10.0, 1e-9);
  EXPECT_NEAR(m2["ai_effect_margin"].get<double>(), margin(0.175, 0.075, 4000), 1e-9);
  EXPECT_EQ(m2["employed_effect"], 3300.0 - 3700.0);
  // Alabama 350 x 90k + 1,050 x 45k + 400 x 38k = 93.95M against 100.7M; Alaska 500 x 100k +
  // 400 x 55k + 600 x 52k = 103.2M against 124.2M: -27.75M in all.
  EXPECT_NEAR(m2["wage_bill_effect"].get<double>(), -27.75e6, 1e-3);
  EXPECT_EQ(m2["agents"], 4000.0);
  // The fixture's replicates: 10 seeds, the effect between +8.25 and +10.75 points at month 2;
  // none stored for months 0 and 1.
  EXPECT_EQ(m2["ai_effect_low"], 8.25);
  EXPECT_EQ(m2["ai_effect_high"], 10.75);
  EXPECT_EQ(m2["replicates"], 10.0);
  EXPECT_TRUE(t["rows"][1]["ai_effect_low"].is_null());
  // Months 0 and 1 are the same in both: no effect, and a margin from 0% (month 0) to 2.5%.
  EXPECT_EQ(t["rows"][0]["ai_effect_points"], 0.0);
  EXPECT_EQ(t["rows"][0]["ai_effect_margin"], 0.0);
  EXPECT_NEAR(t["rows"][1]["ai_effect_margin"].get<double>(), margin(0.025, 0.025, 4000), 1e-9);
}

TEST_F(EffectTest, StatesRankedByTheEffect) {
  const json t = get_json("/api/runs/fast/effect/states?month=2");
  ASSERT_EQ(t["rows"].size(), 2u);
  // Alaska +15 points (25% against 10%) before Alabama +5 (10% against 5%); 2,000 agents each.
  EXPECT_EQ(t["rows"][0]["usps"], "AK");
  EXPECT_NEAR(t["rows"][0]["ai_effect_points"].get<double>(), 15.0, 1e-9);
  EXPECT_NEAR(t["rows"][0]["ai_effect_margin"].get<double>(), margin(0.25, 0.10, 2000), 1e-9);
  EXPECT_EQ(t["rows"][0]["rank"], 1.0);
  EXPECT_EQ(t["rows"][0]["few_agents"], false);
  EXPECT_EQ(t["rows"][1]["usps"], "AL");
  EXPECT_NEAR(t["rows"][1]["ai_effect_points"].get<double>(), 5.0, 1e-9);
  EXPECT_EQ(t["rows"][1]["employed_effect"], -100.0);
  EXPECT_NEAR(t["rows"][1]["wage_bill_effect"].get<double>(), -6.75e6, 1e-3);
  EXPECT_EQ(t["rows"][1]["agents"], 2000.0);
  EXPECT_EQ(t["rows"][1]["rank"], 2.0);
}

// Alaska's counties at month 2 (the same in run and twin): 02020 rests on 1,300 agents;
// 02063 (400) and 02066 (300) on fewer than 1,000: marked, listed last, given no rank.
TEST_F(EffectTest, CountiesWithFewAgentsAreMarkedLastAndUnranked) {
  const json t = get_json("/api/runs/fast/effect/counties?month=2&state=AK");
  ASSERT_EQ(t["rows"].size(), 3u);
  EXPECT_EQ(t["rows"][0]["fips"], "02020");
  EXPECT_EQ(t["rows"][0]["agents"], 1300.0);
  EXPECT_EQ(t["rows"][0]["ai_effect_points"], 0.0);
  EXPECT_EQ(t["rows"][0]["rank"], 1.0);
  for (int i : {1, 2}) {
    EXPECT_EQ(t["rows"][i]["few_agents"], true);
    EXPECT_TRUE(t["rows"][i]["rank"].is_null());
  }
  EXPECT_EQ(t["rows"][1]["fips"], "02063");
  EXPECT_EQ(t["rows"][1]["agents"], 400.0);
  EXPECT_EQ(get_json("/api/runs/fast/effect/counties?month=1", 400)["parameter"], "month");
}

TEST_F(EffectTest, OccupationGroupsInTheNationAndAState) {
  const json t = get_json("/api/runs/fast/effect/majors?month=2");
  ASSERT_EQ(t["rows"].size(), 3u);
  // 15-0000: 850 / 150 (15%) against 1,000 / 0; 43-0000: 1,450 / 550 (27.5%) against 1,700 /
  // 300 (15%); 47-0000: 1,000 / 0 in both.
  EXPECT_EQ(t["rows"][0]["major"], "15-0000");
  EXPECT_NEAR(t["rows"][0]["ai_effect_points"].get<double>(), 15.0, 1e-9);
  EXPECT_EQ(t["rows"][0]["agents"], 1000.0);
  EXPECT_EQ(t["rows"][1]["major"], "43-0000");
  EXPECT_NEAR(t["rows"][1]["ai_effect_points"].get<double>(), 12.5, 1e-9);
  EXPECT_NEAR(t["rows"][1]["ai_effect_margin"].get<double>(), margin(0.275, 0.15, 2000), 1e-9);
  EXPECT_EQ(t["rows"][2]["rank"], 3.0);
  // Alaska's clerks: 400 / 400 (50%) against 600 / 200 (25%), on 800 agents: few.
  const json ak = get_json("/api/runs/fast/effect/majors?month=2&state=02");
  const json& clerks = row(ak, "major", "43-0000");
  EXPECT_NEAR(clerks["ai_effect_points"].get<double>(), 25.0, 1e-9);
  EXPECT_EQ(clerks["few_agents"], true);
  EXPECT_TRUE(clerks["rank"].is_null());
}

TEST_F(EffectTest, ARunWithoutItsTwinSaysSo) {
  const json n = get_json("/api/runs/baseline/effect");
  ASSERT_EQ(n["rows"].size(), 3u);
  EXPECT_NEAR(n["rows"][2]["unemployment_rate"].get<double>(), 0.075, 1e-12);
  EXPECT_TRUE(n["rows"][2]["ai_effect_points"].is_null());
  EXPECT_NE(n["notes"][0].get<std::string>().find("--no-twin"), std::string::npos);
  const json s = get_json("/api/runs/baseline/effect/states?month=2");
  ASSERT_EQ(s["rows"].size(), 2u);
  EXPECT_TRUE(s["rows"][0]["ai_effect_points"].is_null());
  EXPECT_TRUE(s["rows"][0]["rank"].is_null());
  EXPECT_EQ(s["rows"][0]["agents"], 2000.0);
}

}  // namespace
}  // namespace floe::serve
