// The simulation API over real HTTP, on hand-made run files (test_server.cc): month 2 of
// "baseline" has Alabama at 1,900 employed and 100 unemployed, Alaska at 1,800 and 200; "fast"
// has Alabama at 1,800 and 200, Alaska at 1,500 and 500.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "floe/error.h"
#include "serve/test_server.h"

namespace floe::serve {
namespace {

using nlohmann::json;
using testing::ServerTest;
using testing::TinyServer;

class RunsTest : public ServerTest {};

TEST_F(RunsTest, ListsTheRuns) {
  const json t = get_json("/api/runs");
  ASSERT_EQ(t["rows"].size(), 3u);
  EXPECT_EQ(t["rows"][1]["scenario"], "fast");
  EXPECT_EQ(t["rows"][1]["last_month"], 2.0);
  EXPECT_EQ(t["rows"][1]["county_months"], "0 2");
  const json run = get_json("/api/runs/baseline-2");
  EXPECT_EQ(run["seed"], "2");
  EXPECT_EQ(run["run"]["command"], "floe simulate");
  get_json("/api/runs/nope", 404);
}

TEST_F(RunsTest, NationalSeries) {
  const json t = get_json("/api/runs/baseline/series");
  ASSERT_EQ(t["rows"].size(), 3u);
  EXPECT_EQ(t["rows"][0]["month"], 0.0);
  // Month 2: 100 + 200 unemployed of 3,700 + 300.
  EXPECT_EQ(t["rows"][2]["unemployed"], 300.0);
  EXPECT_NEAR(t["rows"][2]["unemployment_rate"].get<double>(), 300.0 / 4000, 1e-6);
}

TEST_F(RunsTest, StateSeries) {
  const json t = get_json("/api/runs/fast/series?state=AL");
  ASSERT_EQ(t["rows"].size(), 3u);
  EXPECT_EQ(t["rows"][0]["unemployment_rate"], 0.0);
  EXPECT_NEAR(t["rows"][1]["unemployment_rate"].get<double>(), 50.0 / 2000, 1e-12);
  EXPECT_NEAR(t["rows"][2]["unemployment_rate"].get<double>(), 200.0 / 2000, 1e-12);
}

TEST_F(RunsTest, StatesAtAMonth) {
  const json t = get_json("/api/runs/baseline/states?month=2");
  ASSERT_EQ(t["rows"].size(), 2u);
  const json al = row(t, "usps", "AL");
  EXPECT_EQ(al["employed"], 1900.0);
  EXPECT_NEAR(al["unemployment_rate"].get<double>(), 0.05, 1e-12);
  // Wage bill 400 x 90,000 + 1,100 x 45,000 + 400 x 38,000 = 100.7M; exposed 24M + 24.75M.
  EXPECT_NEAR(al["wage_bill"].get<double>(), 100.7e6, 1e-3);
  EXPECT_NEAR(al["exposed_share"].get<double>(), 48.75 / 100.7, 1e-9);
  EXPECT_NEAR(row(t, "usps", "AK")["unemployment_rate"].get<double>(), 0.10, 1e-12);
  // One major group: Alaska's clerks, 600 employed and 200 unemployed.
  const json clerks = get_json("/api/runs/baseline/states?month=2&major=43-0000");
  EXPECT_NEAR(row(clerks, "usps", "AK")["unemployment_rate"].get<double>(), 0.25, 1e-12);
}

TEST_F(RunsTest, CountiesOnlyAtCountyMonths) {
  const json t = get_json("/api/runs/baseline/counties?month=2&state=AK");
  ASSERT_EQ(t["rows"].size(), 3u);
  // Chugach: 300 employed, 100 unemployed.
  EXPECT_NEAR(row(t, "fips", "02063")["unemployment_rate"].get<double>(), 0.25, 1e-12);
  EXPECT_EQ(row(t, "fips", "02066")["unemployment_rate"], 0.0);
  EXPECT_EQ(get_json("/api/runs/baseline/counties?month=0")["rows"].size(), 5u);
  const json e = get_json("/api/runs/baseline/counties?month=1", 400);
  EXPECT_EQ(e["parameter"], "month");
  EXPECT_NE(e["error"].get<std::string>().find("0, 2"), std::string::npos);
}

TEST_F(RunsTest, MajorsAndFlows) {
  const json m = get_json("/api/runs/baseline/majors?month=2&state=AK");
  ASSERT_EQ(m["rows"].size(), 3u);
  EXPECT_EQ(row(m, "major", "43-0000")["unemployed"], 200.0);
  const json f = get_json("/api/runs/baseline/flows?month=2");
  ASSERT_EQ(f["rows"].size(), 2u);
  EXPECT_EQ(f["rows"][0]["to_major"], "47-0000");
  EXPECT_EQ(f["rows"][0]["moves"], 30.0);
}

TEST_F(RunsTest, CompareTwoRunsByState) {
  const json t = get_json("/api/compare?a=baseline&b=fast&month=2");
  ASSERT_EQ(t["rows"].size(), 2u);
  // Largest increase first: Alaska 25% - 10%, then Alabama 10% - 5%.
  EXPECT_EQ(t["rows"][0]["usps"], "AK");
  EXPECT_NEAR(t["rows"][0]["value_a"].get<double>(), 0.10, 1e-12);
  EXPECT_NEAR(t["rows"][0]["value_b"].get<double>(), 0.25, 1e-12);
  EXPECT_NEAR(t["rows"][0]["difference"].get<double>(), 0.15, 1e-12);
  EXPECT_NEAR(t["rows"][1]["difference"].get<double>(), 0.05, 1e-12);
  const json employed = get_json("/api/compare?a=baseline&b=fast&month=2&metric=employed");
  EXPECT_EQ(row(employed, "usps", "AK")["difference"], -300.0);
  // Month 0 is the same start in both.
  EXPECT_EQ(get_json("/api/compare?a=baseline&b=fast&month=0")["rows"][0]["difference"], 0.0);
  auto csv = server_->client().Get("/api/compare?a=baseline&b=fast&month=2&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->body.substr(0, csv->body.find('\n')), "fips,usps,name,value_a,value_b,difference");
}

TEST_F(RunsTest, BadSimulationParameters) {
  EXPECT_EQ(get_json("/api/runs/baseline/states?month=3", 400)["parameter"], "month");
  EXPECT_EQ(get_json("/api/runs/baseline/states?month=two", 400)["parameter"], "month");
  EXPECT_EQ(get_json("/api/runs/baseline/states", 400)["parameter"], "month");
  EXPECT_EQ(get_json("/api/runs/baseline/states?month=2&major=99", 400)["parameter"], "major");
  EXPECT_EQ(get_json("/api/runs/baseline/series?state=XX", 400)["parameter"], "state");
  EXPECT_EQ(get_json("/api/compare?a=baseline&b=nope&month=2", 400)["parameter"], "b");
  EXPECT_EQ(get_json("/api/compare?b=fast&month=2", 400)["parameter"], "a");
  EXPECT_EQ(get_json("/api/compare?a=baseline&b=fast&month=2&metric=joy", 400)["parameter"],
            "metric");
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RunFiles, TheServerNeverWritesToThem) {
  std::vector<std::pair<std::string, struct stat>> before;
  {
    TinyServer server;
    for (const auto& f : server.run_files()) {
      struct stat st {};
      ASSERT_EQ(stat(f.c_str(), &st), 0);
      before.emplace_back(file_bytes(f), st);
    }
    auto c = server.client();
    for (const char* path :
         {"/api/runs/baseline/states?month=2", "/api/compare?a=baseline&b=fast&month=2",
          "/api/runs/fast/counties?month=2", "/api/runs/baseline/series"}) {
      auto r = c.Get(path);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200);
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
      const auto& f = server.run_files()[i];
      struct stat st {};
      ASSERT_EQ(stat(f.c_str(), &st), 0);
      EXPECT_EQ(file_bytes(f), before[i].first) << f;
      EXPECT_EQ(st.st_mtim.tv_sec, before[i].second.st_mtim.tv_sec) << f;
      EXPECT_EQ(st.st_mtim.tv_nsec, before[i].second.st_mtim.tv_nsec) << f;
      // No journal or WAL file next to it either.
      EXPECT_FALSE(std::filesystem::exists(f.string() + "-journal"));
      EXPECT_FALSE(std::filesystem::exists(f.string() + "-wal"));
    }
  }
}

TEST(RunFiles, AFileThatIsNoSimulationRunIsAnError) {
  testing::TempDir dir;
  auto run = testing::fixture_runs()[0];
  run.command = "floe index";
  testing::write_run_file(dir.path / "index.db", run);
  ServeOptions o = testing::tiny_options();
  o.runs = {dir.path / "index.db"};
  EXPECT_THROW(DashboardServer(testing::tiny_dataset(), o), Error);
  o.runs = {dir.path / "missing.db"};
  EXPECT_THROW(DashboardServer(testing::tiny_dataset(), o), Error);
  std::ofstream(dir.path / "junk.db") << "not a database";
  o.runs = {dir.path / "junk.db"};
  EXPECT_THROW(DashboardServer(testing::tiny_dataset(), o), Error);
}

}  // namespace
}  // namespace floe::serve
