// The index API over real HTTP on the tiny world; every expected number is worked out by hand
// from testdata/tiny/README.md and docs/method.md §9.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "serve/test_server.h"

namespace floe::serve {
namespace {

using nlohmann::json;
using testing::ServerTest;

class ApiTest : public ServerTest {};

TEST_F(ApiTest, NationIsTheSumOfTheStates) {
  const json t = get_json("/api/nation");
  ASSERT_EQ(t["rows"].size(), 1u);
  const json& n = t["rows"][0];
  // Wage bill 105.2M + 135.2M; exposed 51.0M + 62.0M.
  EXPECT_NEAR(n["wage_bill"].get<double>(), 240.4e6, 1);
  EXPECT_NEAR(n["exposed_wages"].get<double>(), 113.0e6, 1);
  EXPECT_NEAR(n["iceberg"].get<double>(), 113.0 / 240.4, 1e-9);
  EXPECT_NEAR(n["surface"].get<double>(), (24.0 + 40.0) / 240.4, 1e-9);
}

TEST_F(ApiTest, StatesCarryTheHandComputedIndex) {
  const json t = get_json("/api/states");
  ASSERT_EQ(t["rows"].size(), 2u);
  EXPECT_EQ(t["rows"][0]["name"], "Alabama");  // most exposed first: 48.5% > 45.9%
  const json al = row(t, "usps", "AL");
  EXPECT_NEAR(al["iceberg"].get<double>(), 51.0 / 105.2, 1e-9);
  EXPECT_NEAR(al["surface"].get<double>(), 24.0 / 105.2, 1e-9);
  // Across sectors: construction $7.8M, information $17.1M, finance $26.1M (docs/method.md §9).
  EXPECT_NEAR(al["hhi"].get<double>(), (7.8 * 7.8 + 17.1 * 17.1 + 26.1 * 26.1) / (51.0 * 51), 1e-9);
  EXPECT_NEAR(al["iceberg_low"].get<double>(), 51.0 / 105.2, 1e-9);
  EXPECT_NEAR(al["iceberg_high"].get<double>(), 78.0 / 105.2, 1e-9);  // human labels, E2 = 1
  const json ak = row(t, "usps", "AK");
  EXPECT_NEAR(ak["iceberg"].get<double>(), 62.0 / 135.2, 1e-9);
  // Columns carry their kind, so the front end formats them.
  bool share = false;
  for (const auto& c : t["columns"])
    share = share || (c["name"] == "iceberg" && c["kind"] == "share");
  EXPECT_TRUE(share);
}

TEST_F(ApiTest, StatesSortAndLimit) {
  const json t = get_json("/api/states?sort=iceberg&order=asc&limit=1");
  ASSERT_EQ(t["rows"].size(), 1u);
  EXPECT_EQ(t["rows"][0]["name"], "Alaska");
  EXPECT_EQ(t["total_rows"], 2);
  EXPECT_EQ(get_json("/api/states?sort=name")["rows"][0]["name"], "Alabama");
}

TEST_F(ApiTest, OneStateByUspsOrFips) {
  EXPECT_EQ(get_json("/api/states/AK")["rows"][0]["fips"], "02");
  EXPECT_EQ(get_json("/api/states/01")["rows"][0]["name"], "Alabama");
  const json missing = get_json("/api/states/ZZ", 404);
  EXPECT_NE(missing["error"].get<std::string>().find("ZZ"), std::string::npos);
}

TEST_F(ApiTest, StateOccupationsByExposedWages) {
  const json t = get_json("/api/states/AL/occupations");
  ASSERT_EQ(t["rows"].size(), 3u);
  // Clerks 1,200 x $45,000 x 1/2 = $27.0M; developers 400 x $90,000 x 2/3 = $24.0M; laborers 0.
  EXPECT_EQ(t["rows"][0]["soc_code"], "43-3031");
  EXPECT_NEAR(t["rows"][0]["exposed_wages"].get<double>(), 27.0e6, 1e-3);
  EXPECT_NEAR(t["rows"][0]["share_of_state"].get<double>(), 27.0 / 51.0, 1e-9);
  EXPECT_EQ(t["rows"][1]["soc_code"], "15-1252");
  EXPECT_NEAR(t["rows"][1]["exposed_wages"].get<double>(), 24.0e6, 1e-3);
  EXPECT_NEAR(t["rows"][1]["exposed_workers"].get<double>(), 400.0 * 2 / 3, 1e-9);
  EXPECT_EQ(t["rows"][2]["exposed_wages"], 0.0);
  // Alaska's developers have no state wage: the national $100,000, flagged.
  const json ak = get_json("/api/states/AK/occupations?major=15-0000");
  ASSERT_EQ(ak["rows"].size(), 1u);
  EXPECT_EQ(ak["rows"][0]["mean_wage"], 100000.0);
  EXPECT_EQ(ak["rows"][0]["wage_national"], true);
}

TEST_F(ApiTest, StateMajorGroups) {
  const json t = get_json("/api/states/AL/majors");
  ASSERT_EQ(t["rows"].size(), 3u);
  EXPECT_EQ(t["rows"][0]["soc_code"], "15-0000");
  EXPECT_NEAR(t["rows"][0]["iceberg"].get<double>(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(row(t, "soc_code", "43-0000")["iceberg"].get<double>(), 0.5, 1e-9);
  EXPECT_EQ(row(t, "soc_code", "47-0000")["iceberg"], 0.0);
}

TEST_F(ApiTest, CountiesOfOneStateOrAll) {
  const json al = get_json("/api/counties?state=AL");
  ASSERT_EQ(al["rows"].size(), 2u);
  // Population shares 60,000 / 300,000 and 240,000 / 300,000 of Alabama's 2,000 workers.
  EXPECT_NEAR(row(al, "fips", "01001")["employment"].get<double>(), 400, 1e-9);
  EXPECT_NEAR(row(al, "fips", "01003")["employment"].get<double>(), 1600, 1e-9);
  // A county's share is its state's.
  EXPECT_NEAR(row(al, "fips", "01001")["iceberg"].get<double>(), 51.0 / 105.2, 1e-9);
  EXPECT_EQ(get_json("/api/counties?state=02")["rows"].size(), 3u);
  EXPECT_EQ(get_json("/api/counties")["rows"].size(), 5u);
}

TEST_F(ApiTest, OccupationsWithOpenings) {
  const json t = get_json("/api/occupations");
  ASSERT_EQ(t["rows"].size(), 3u);
  // Openings a year = workers x (growth / 10 + exits + transfers), testdata/tiny/bls-ep:
  // developers 1,000 x (0.158 / 10 + 0.020 + 0.043) = 78.8;
  // clerks 2,000 x (-0.061 / 10 + 0.056 + 0.069) = 237.8;
  // laborers (no line item: group 47-0000) 1,000 x (0.04 / 10 + 0.03 + 0.06) = 94.
  EXPECT_NEAR(row(t, "soc_code", "15-1252")["openings"].get<double>(), 78.8, 1e-9);
  EXPECT_NEAR(row(t, "soc_code", "43-3031")["openings"].get<double>(), 237.8, 1e-9);
  EXPECT_NEAR(row(t, "soc_code", "47-2061")["openings"].get<double>(), 94.0, 1e-9);
  EXPECT_EQ(get_json("/api/occupations?q=clerk")["rows"].size(), 1u);
  EXPECT_EQ(get_json("/api/occupations?major=15-0000")["rows"][0]["soc_code"], "15-1252");
  EXPECT_EQ(get_json("/api/occupations?min_employment=1500")["rows"].size(), 1u);
  const json top = get_json("/api/occupations?sort=exposure&limit=1");
  EXPECT_NEAR(top["rows"][0]["exposure"].get<double>(), 2.0 / 3, 1e-9);
}

TEST_F(ApiTest, OccupationPageHasTasksCapabilityAndRetraining) {
  const json p = get_json("/api/occupations/43-3031");
  const json& profile = p["profile"]["rows"][0];
  EXPECT_EQ(profile["title"], "Bookkeeping, Accounting, and Auditing Clerks");
  EXPECT_NEAR(profile["exposure"].get<double>(), 0.5, 1e-12);  // (2*1 + 2*0) / 4
  EXPECT_EQ(profile["employment"], 2000.0);
  EXPECT_EQ(profile["mean_wage"], 50000.0);
  EXPECT_NEAR(profile["openings"].get<double>(), 237.8, 1e-9);
  // Tasks 103 (core, E1) and 104 (core, E2), most capable first, with their shared DWA.
  const json& tasks = p["tasks"]["rows"];
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0]["task_id"], 103.0);
  EXPECT_EQ(tasks[0]["human"], "E1");
  EXPECT_EQ(tasks[0]["capability"], 1.0);
  EXPECT_EQ(tasks[1]["task_id"], 104.0);
  EXPECT_EQ(tasks[1]["human"], "E2");
  EXPECT_EQ(tasks[1]["capability"], 0.0);
  EXPECT_NE(tasks[0]["dwas"].get<std::string>().find("Maintain financial records"),
            std::string::npos);
  // Retraining: the only less exposed occupation is construction laborers (E = 0 < 1/2), with
  // its wage and openings; developers (2/3) are more exposed.
  const json& moves = p["moves"]["rows"];
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0]["soc_code"], "47-2061");
  EXPECT_EQ(moves[0]["mean_wage"], 40000.0);
  EXPECT_NEAR(moves[0]["openings"].get<double>(), 94.0, 1e-9);
  EXPECT_FALSE(p["exposure"]["rows"].empty());
  // The same page by title words, and one of its tables alone.
  EXPECT_EQ(get_json("/api/occupations/bookkeeping")["profile"]["rows"][0]["soc_code"], "43-3031");
  EXPECT_EQ(get_json("/api/occupations/43-3031/moves")["rows"].size(), 1u);
  get_json("/api/occupations/99-9999", 404);
  get_json("/api/occupations/43-3031/salaries", 404);
}

TEST_F(ApiTest, MajorsAndIndustries) {
  const json m = get_json("/api/majors");
  EXPECT_EQ(m["rows"].size(), 3u);
  EXPECT_NEAR(row(m, "soc_code", "15-0000")["exposed_wages"].get<double>(), 24.0e6 + 40.0e6, 1e-3);
  EXPECT_FALSE(get_json("/api/industries")["rows"].empty());
}

TEST_F(ApiTest, CsvForTables) {
  auto res = server_->client().Get("/api/states?format=csv&sort=name");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Disposition"),
            "attachment; filename=\"floe-states.csv\"");
  const std::string& csv = res->body;
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "fips,usps,name,employment,wage_bill,exposed_wages,exposed_workers,iceberg,"
            "iceberg_low,iceberg_high,surface,gap,hhi,estimated");
  EXPECT_NE(csv.find("\n01,AL,Alabama,2000,105200000,51000000,"), std::string::npos) << csv;
  // Every table endpoint, the occupation page included.
  for (const char* path :
       {"/api/nation", "/api/counties?state=AL", "/api/occupations", "/api/majors",
        "/api/industries", "/api/states/AL/occupations", "/api/states/AL/majors",
        "/api/occupations/43-3031/tasks", "/api/occupations/43-3031"}) {
    auto r = server_->client().Get(
        std::string(path) +
        (std::string(path).find('?') == std::string::npos ? "?format=csv" : "&format=csv"));
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8") << path;
  }
}

TEST_F(ApiTest, MapShapes) {
  const json states = get_json("/api/map/states");
  EXPECT_EQ(states["shapes"].size(), 2u);
  EXPECT_EQ(states["bounds"], json::array({0.0, 0.0, 30.0, 10.0}));
  // Alaska's 2017 map: Anchorage, and Valdez-Cordova standing for Chugach + Copper River.
  const json ak = get_json("/api/map/counties?state=AK");
  ASSERT_EQ(ak["shapes"].size(), 2u);
  ASSERT_EQ(ak["groups"].size(), 2u);
  const json& vc = ak["shapes"][1];
  EXPECT_EQ(vc["id"], "02261");
  const json& group = ak["groups"][vc["group"].get<int>()];
  ASSERT_EQ(group["counties"].size(), 2u);
  EXPECT_EQ(group["counties"][0]["fips"], "02063");
  EXPECT_EQ(group["counties"][1]["fips"], "02066");
  // The centroid of the square 25..30 x 0..10.
  EXPECT_NEAR(group["center"][0].get<double>(), 27.5, 1e-9);
  EXPECT_NEAR(group["center"][1].get<double>(), 5.0, 1e-9);
  EXPECT_EQ(get_json("/api/map/counties")["shapes"].size(), 4u);
}

TEST_F(ApiTest, ColorScaleFromTheReportPalette) {
  const json s = get_json("/api/scale?lo=0.459&hi=0.485&classes=7");
  const auto& breaks = s["breaks"];
  ASSERT_GE(breaks.size(), 2u);
  EXPECT_EQ(s["colors"].size(), breaks.size() - 1);
  EXPECT_LE(breaks.front().get<double>(), 0.459);
  EXPECT_GE(breaks.back().get<double>(), 0.485);
  EXPECT_LE(s["colors"].size(), 7u);
  EXPECT_EQ(get_json("/api/scale?hi=1", 400)["parameter"], "lo");
  EXPECT_EQ(get_json("/api/scale?lo=0&hi=1&type=rainbow", 400)["parameter"], "type");
  // Differences: 0 is always a break, and the classes cover [-0.02, 0.05].
  const json d = get_json("/api/scale?lo=-0.02&hi=0.05&type=diverging");
  const auto& b = d["breaks"];
  EXPECT_LE(b.front().get<double>(), -0.02);
  EXPECT_GE(b.back().get<double>(), 0.05);
  EXPECT_EQ(d["colors"].size(), b.size() - 1);
  bool zero = false;
  for (const auto& x : b) zero = zero || std::abs(x.get<double>()) < 1e-12;
  EXPECT_TRUE(zero);
}

TEST_F(ApiTest, MetaDescribesTheIndexAndTheRuns) {
  const json m = get_json("/api/meta");
  EXPECT_EQ(m["states"], 2);
  EXPECT_EQ(m["counties"], 5);
  EXPECT_EQ(m["occupations"], 3);
  EXPECT_NEAR(m["nation"]["iceberg"].get<double>(), 113.0 / 240.4, 1e-9);
  ASSERT_EQ(m["runs"].size(), 3u);
  EXPECT_EQ(m["runs"][0]["id"], "baseline");
  EXPECT_EQ(m["runs"][1]["id"], "fast");
  EXPECT_EQ(m["runs"][2]["id"], "baseline-2");  // the same scenario again, another seed
  EXPECT_EQ(m["runs"][0]["county_months"], json::array({0, 2}));
}

// The dashboard shows the ratio below the surface as the library writes it (one function for
// the CLI, the report and the dashboard): with the fixture's ensemble (human labels, E2 = 1),
// (113 - 64) / 64 = 0.8x to (162 - 64) / 64 = 1.5x (docs/method.md §9).
TEST_F(ApiTest, BelowTheSurfaceIsTheLibrarysText) {
  const json m = get_json("/api/meta");
  const Dataset ds = testing::tiny_dataset();
  const IndexResult r = compute_index(ds, build_cells(ds), testing::tiny_options().index);
  EXPECT_EQ(m["nation"]["below_surface"], below_surface_text(r));
  EXPECT_EQ(m["nation"]["below_surface"], "0.8x (range 0.8x-1.5x)");
}

}  // namespace
}  // namespace floe::serve
