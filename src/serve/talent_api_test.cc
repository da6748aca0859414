// The AI-talent API over real HTTP, on the hand-made talent tables of test_server.cc
// (fixture_talent): months 2022-11 .. 2023-02, classes big_tech, ai_labs, stealth, academia.
// Every expected number below is summed by hand from the fixture's move list:
//
//   2022-11  big_tech -> ai_labs 2, ai_labs -> big_tech 5, academia -> big_tech 3
//   2022-12  big_tech -> ai_labs 6, big_tech -> stealth 4, ai_labs -> big_tech 1,
//            academia -> ai_labs 2
//   2023-01  big_tech -> stealth 3, big_tech -> ai_labs 2, stealth -> big_tech 1,
//            academia -> stealth 1
//   2023-02  big_tech -> ai_labs 1, ai_labs -> big_tech 2
//
// so big tech's net flow is +6, -9, -4, +1. "fast" has every move into stealth doubled. The run
// "baseline-2" has no talent tables.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "floe/error.h"
#include "serve/test_server.h"

namespace floe::serve {
namespace {

using nlohmann::json;
using testing::ServerTest;

class TalentApiTest : public ServerTest {
 protected:
  // The parameter a 400 answer names.
  static std::string bad(const std::string& path) {
    return get_json(path, 400).value("parameter", std::string("(none)"));
  }
};

TEST_F(TalentApiTest, WhatTheRunCovers) {
  const json t = get_json("/api/runs/baseline/talent");
  EXPECT_EQ(t["run"], "baseline");
  EXPECT_EQ(t["first_date"], "2022-11");
  EXPECT_EQ(t["last_date"], "2023-02");
  EXPECT_EQ(t["months"], 4);
  EXPECT_EQ(t["start"], "2023-01");
  EXPECT_EQ(t["launch"], "2022-12");
  EXPECT_DOUBLE_EQ(t["scale"].get<double>(), 0.01);
  EXPECT_EQ(t["parameters_from"], "a hand-made fixture");
  ASSERT_EQ(t["employers"].size(), 4u);
  EXPECT_EQ(t["employers"][2]["key"], "stealth");
  EXPECT_EQ(t["employers"][2]["label"], "Stealth startups");
  ASSERT_EQ(t["segments"].size(), 3u);
  EXPECT_EQ(t["segments"][0]["key"], "researchers");
  // The run list and the page say which runs have talent tables.
  EXPECT_EQ(get_json("/api/runs")["rows"][2]["talent"], false);
  EXPECT_EQ(get_json("/api/runs")["rows"][0]["talent"], true);
  EXPECT_EQ(get_json("/api/runs/fast")["talent"]["last_date"], "2023-02");
  EXPECT_TRUE(get_json("/api/meta")["runs"][2]["talent"].is_null());
}

TEST_F(TalentApiTest, ARunWithoutTalentTablesIs404) {
  for (const char* path :
       {"/api/runs/baseline-2/talent", "/api/runs/baseline-2/talent/series",
        "/api/runs/baseline-2/talent/moves?from=2022-12", "/api/runs/baseline-2/talent/targets"}) {
    const json e = get_json(path, 404);
    EXPECT_NE(e["error"].get<std::string>().find("has no AI-talent tables"), std::string::npos)
        << path;
    EXPECT_NE(e["error"].get<std::string>().find("talent.enabled = false"), std::string::npos);
  }
  get_json("/api/runs/nope/talent", 404);
  get_json("/api/runs/baseline/talent/nope", 404);
}

TEST_F(TalentApiTest, SeriesCarriesBigTechsNetFlow) {
  const json t = get_json("/api/runs/baseline/talent/series");
  ASSERT_EQ(t["rows"].size(), 4u);
  double sum = 0;
  for (const auto& r : t["rows"]) sum += r["big_tech_net_flow"].get<double>();
  EXPECT_EQ(sum, 6 - 9 - 4 + 1);
  EXPECT_EQ(t["rows"][0]["month"], -1.0);  // 2022-11: two months before 2023-01, month 1
  EXPECT_EQ(t["rows"][1]["big_tech_net_flow_expected"], -8.0);
  // PhDs: none in 2022-11 (no share); 2022-12 one of four into industry.
  EXPECT_TRUE(t["rows"][0]["phd_industry_share"].is_null());
  EXPECT_DOUBLE_EQ(t["rows"][1]["phd_industry_share"].get<double>(), 0.25);
  // The months after the launch only: -9 and -4.
  const json after = get_json("/api/runs/baseline/talent/series?from=2022-12&to=2023-01");
  ASSERT_EQ(after["rows"].size(), 2u);
  EXPECT_EQ(after["rows"][0]["big_tech_net_flow"], -9.0);
  EXPECT_EQ(after["rows"][1]["big_tech_net_flow"], -4.0);
  const json fast = get_json("/api/runs/fast/talent/series?from=2022-12&to=2022-12");
  EXPECT_EQ(fast["rows"][0]["big_tech_net_flow"], -13.0);  // 1 in, 6 + 8 out
  const json sorted = get_json("/api/runs/baseline/talent/series?sort=big_tech_net_flow&limit=1");
  EXPECT_EQ(sorted["rows"][0]["date"], "2022-11");
  EXPECT_EQ(sorted["total_rows"], 4);
}

TEST_F(TalentApiTest, EmployersInOneMonth) {
  const json t = get_json("/api/runs/baseline/talent/employers?date=2022-12");
  ASSERT_EQ(t["rows"].size(), 4u);
  // The second month: researchers 40 + 1, ML engineers 30, AI engineers 30 + 2.
  const json big = t["rows"][0];
  EXPECT_EQ(big["employer"], "big_tech");
  EXPECT_EQ(big["label"], "Big tech");
  EXPECT_EQ(big["researchers"], 41.0);
  EXPECT_EQ(big["ai_engineers"], 32.0);
  EXPECT_EQ(big["headcount"], 103.0);
  // All classes: 103 + 43 + 13 + 43.
  EXPECT_NEAR(big["share"].get<double>(), 103.0 / 202, 1e-12);  // 12 significant digits
  EXPECT_EQ(big["moved_in"], 1.0);
  EXPECT_EQ(big["moved_out"], 10.0);
  EXPECT_EQ(big["net_flow"], -9.0);
  EXPECT_EQ(row(t, "employer", "ai_labs")["net_flow"], 7.0);
  EXPECT_EQ(row(t, "employer", "stealth")["moved_in"], 4.0);
  const json by_net = get_json("/api/runs/baseline/talent/employers?date=2022-12&sort=net_flow");
  EXPECT_EQ(by_net["rows"][0]["employer"], "ai_labs");
  EXPECT_EQ(get_csv("/api/runs/baseline/talent/employers?date=2022-12&format=csv&limit=1"),
            "employer,label,researchers,ml_engineers,ai_engineers,headcount,share,entrants,exits,"
            "moved_in,moved_out,net_flow\nbig_tech,Big tech,41,30,32,103,0.509900990099,2,1,1,"
            "10,-9\n");  // 103 / 202 = 0.50990099009900990..., to 12 significant digits
}

TEST_F(TalentApiTest, HeadcountByClassOverTime) {
  const json t = get_json("/api/runs/baseline/talent/headcount");
  ASSERT_EQ(t["rows"].size(), 4u);
  // Every class grows by 1 + 0 + 2 a month; the four start at 100, 40, 10 and 40.
  EXPECT_EQ(t["rows"][0]["big_tech"], 100.0);
  EXPECT_EQ(t["rows"][3]["big_tech"], 109.0);
  EXPECT_EQ(t["rows"][3]["total"], 190.0 + 4 * 3 * 3);
  const json r = get_json("/api/runs/baseline/talent/headcount?segment=researchers&from=2023-02");
  ASSERT_EQ(r["rows"].size(), 1u);
  EXPECT_EQ(r["rows"][0]["academia"], 33.0);
  EXPECT_EQ(r["rows"][0]["total"], 40.0 + 20 + 5 + 30 + 4 * 3);
}

TEST_F(TalentApiTest, MovesMatrixOverTwoMonths) {
  const json t = get_json("/api/runs/baseline/talent/moves?from=2022-12&to=2023-01");
  ASSERT_EQ(t["rows"].size(), 4u);
  ASSERT_EQ(t["columns"].size(), 2u + 4 + 1);
  const json big = row(t, "origin", "big_tech");
  EXPECT_TRUE(big["to_big_tech"].is_null());  // no moves from a class to itself
  EXPECT_EQ(big["to_ai_labs"], 8.0);          // 6 + 2
  EXPECT_EQ(big["to_stealth"], 7.0);          // 4 + 3
  EXPECT_EQ(big["to_academia"], 0.0);
  EXPECT_EQ(big["moved_out"], 15.0);
  const json academia = row(t, "origin", "academia");
  EXPECT_EQ(academia["to_ai_labs"], 2.0);
  EXPECT_EQ(academia["to_stealth"], 1.0);
  EXPECT_EQ(academia["moved_out"], 3.0);
  EXPECT_EQ(row(t, "origin", "stealth")["to_big_tech"], 1.0);
  // The whole run: big tech -> ai_labs 2 + 6 + 2 + 1.
  EXPECT_EQ(row(get_json("/api/runs/baseline/talent/moves"), "origin", "big_tech")["to_ai_labs"],
            11.0);
  // Into stealth, most first: big tech 7, academia 1, ai_labs 0, stealth itself empty: last.
  const json s =
      get_json("/api/runs/baseline/talent/moves?from=2022-12&to=2023-01&sort=to_stealth");
  EXPECT_EQ(s["rows"][0]["origin"], "big_tech");
  EXPECT_EQ(s["rows"][3]["origin"], "stealth");
  const std::string csv = get_csv("/api/runs/fast/talent/moves?from=2022-12&to=2023-01&format=csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n', csv.find('\n') + 1)),
            "origin,label,to_big_tech,to_ai_labs,to_stealth,to_academia,moved_out\n"
            "big_tech,Big tech,,8,14,0,22");
}

TEST_F(TalentApiTest, NewPhdsOverAPeriod) {
  const json t = get_json("/api/runs/baseline/talent/phd?from=2022-12&to=2023-01");
  ASSERT_EQ(t["rows"].size(), 5u);  // four classes and outside
  EXPECT_EQ(t["rows"][4]["destination"], "outside");
  EXPECT_EQ(row(t, "destination", "academia")["graduates"], 3.0);
  EXPECT_DOUBLE_EQ(row(t, "destination", "academia")["share"].get<double>(), 3.0 / 8);
  EXPECT_EQ(row(t, "destination", "stealth")["graduates"], 0.0);
}

TEST_F(TalentApiTest, TargetsAndParameters) {
  const json t = get_json("/api/runs/baseline/talent/targets");
  ASSERT_EQ(t["rows"].size(), 3u);
  EXPECT_EQ(t["rows"][0]["target"], "big_tech_inflow");
  EXPECT_EQ(t["rows"][0]["expected_within"], true);
  EXPECT_EQ(t["rows"][2]["agents_within"], false);
  EXPECT_TRUE(t["rows"][1]["agents"].is_null());
  EXPECT_TRUE(t["rows"][1]["agents_within"].is_null());
  EXPECT_EQ(t["columns"][8]["name"], "agents_within");
  EXPECT_EQ(t["columns"][8]["kind"], "flag");
  // What each target asks for, in words; the statistics' kind says "three significant digits".
  EXPECT_EQ(t["rows"][0]["goal"], "168 ± 50");
  EXPECT_EQ(t["rows"][1]["goal"], "≤ 0 every month");
  EXPECT_EQ(t["columns"][5]["kind"], "statistic");
  // The fixture's scale 0.01: one agent for about 100 workers, said in a note.
  EXPECT_NE(t["notes"][1].get<std::string>().find("about 100 workers"), std::string::npos);
  const json p = get_json("/api/runs/baseline/talent/parameters");
  ASSERT_EQ(p["rows"].size(), 2u);
  EXPECT_EQ(p["rows"][1]["value"], 5.5);
  EXPECT_NE(p["notes"][0].get<std::string>().find("a hand-made fixture"), std::string::npos);
}

TEST_F(TalentApiTest, CompareTwoRuns) {
  const json t = get_json("/api/compare/talent?a=baseline&b=fast&from=2022-12&to=2023-01");
  ASSERT_EQ(t["rows"].size(), 4u);
  // Into stealth: 4 + 3 + 1 in baseline, twice that in fast.
  const json stealth = row(t, "employer", "stealth");
  EXPECT_EQ(stealth["moved_in_a"], 8.0);
  EXPECT_EQ(stealth["moved_in_b"], 16.0);
  EXPECT_EQ(stealth["moved_in_difference"], 8.0);
  const json labs = row(t, "employer", "ai_labs");
  EXPECT_EQ(labs["moved_in_a"], 10.0);  // 6 + 2 + 2
  EXPECT_EQ(labs["moved_in_difference"], 0.0);
  // Big tech's net flow: -9 - 4 in baseline; -13 - 7 in fast.
  const json big = row(t, "employer", "big_tech");
  EXPECT_EQ(big["net_flow_a"], -13.0);
  EXPECT_EQ(big["net_flow_b"], -20.0);
  EXPECT_EQ(big["net_flow_difference"], -7.0);
}

TEST_F(TalentApiTest, BadParametersAre400) {
  EXPECT_EQ(bad("/api/runs/baseline/talent/employers"), "date");
  EXPECT_EQ(bad("/api/runs/baseline/talent/employers?date=2022-13"), "date");
  EXPECT_EQ(bad("/api/runs/baseline/talent/employers?date=2022-1"), "date");
  EXPECT_EQ(bad("/api/runs/baseline/talent/employers?date=2022-12x"), "date");
  EXPECT_EQ(bad("/api/runs/baseline/talent/employers?date=%2B022-12"), "date");
  const json out = get_json("/api/runs/baseline/talent/employers?date=2030-01", 400);
  EXPECT_EQ(out["parameter"], "date");
  EXPECT_NE(out["error"].get<std::string>().find("2022-11..2023-02"), std::string::npos);
  EXPECT_EQ(bad("/api/runs/baseline/talent/employers?date=2022-10"), "date");
  EXPECT_EQ(bad("/api/runs/baseline/talent/moves?from=2023-01&to=2022-12"), "from");
  EXPECT_EQ(bad("/api/runs/baseline/talent/moves?from=december"), "from");
  EXPECT_EQ(bad("/api/runs/baseline/talent/moves?to=2023-03"), "to");
  EXPECT_EQ(bad("/api/runs/baseline/talent/moves?date=2022-12"), "date");  // not accepted here
  EXPECT_EQ(bad("/api/runs/baseline/talent/series?from=2022-12&from=2023-01"), "from");
  EXPECT_EQ(bad("/api/runs/baseline/talent/headcount?segment=cooks"), "segment");
  EXPECT_EQ(bad("/api/runs/baseline/talent/targets?sort=nope"), "sort");
  EXPECT_EQ(bad("/api/runs/baseline/talent/parameters?limit=0"), "limit");
  EXPECT_EQ(bad("/api/runs/baseline/talent/series?format=xml"), "format");
  EXPECT_EQ(bad("/api/runs/baseline/talent?month=1"), "month");
  EXPECT_EQ(bad("/api/compare/talent?b=fast"), "a");
  EXPECT_EQ(bad("/api/compare/talent?a=baseline&b=baseline-2"), "b");
  EXPECT_EQ(bad("/api/compare/talent?a=baseline&b=fast&to=2021-01"), "to");
}

// A file whose talent tables are incomplete is refused at start, like any incomplete run.
TEST(TalentRunFiles, IncompleteTalentTablesAreAnError) {
  testing::TempDir dir;
  const auto path = dir.path / "broken.db";
  testing::write_run_file(path, testing::fixture_runs()[0]);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DROP TABLE talent_phd", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  ServeOptions o = testing::tiny_options();
  o.runs = {path};
  try {
    DashboardServer server(testing::tiny_dataset(), o);
    ADD_FAILURE() << "no error for a run without talent_phd";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("talent_phd is missing"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace floe::serve
