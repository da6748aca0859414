// Test support (private to the serve tests): hand-made simulation runs on the tiny world, and a
// dashboard server on testdata/tiny on a free port of 127.0.0.1, asked over real HTTP.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <array>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "floe/serve.h"

namespace floe::serve::testing {

// One (month, region, major) row of a run file: the stocks, and the wage bill and exposed wages;
// every flow column is set to `events`.
struct FixtureRow {
  int month;
  std::string fips;  // state FIPS (state_major) or county FIPS (county_major)
  std::string major;
  double employed, unemployed, wage_bill, exposed_wages, events = 0;
};

// A hand-made AI-talent segment (the tables of src/models/talent/db.cc), small enough to check by
// hand: four classes over four months. The headcount of segment s at class k in the t-th month is
// base[k][s] + t * growth[s]; every (month, class) has 2 entrants and 1 exit; talent_month's
// moves in and out, talent_series' net flow into big tech and its PhD shares are computed from
// `moves` and `phd` as floe simulate does.
struct FixtureTalent {
  struct Move {
    std::string date, origin, destination;
    double movers;
  };
  struct Phd {
    std::string date, destination;
    double graduates;
  };
  std::vector<std::string> dates;  // consecutive months; none: no talent tables
  std::string start;               // the run's month 1 (talent_start): one of `dates`
  std::vector<std::string> employers;
  std::vector<std::array<double, 3>> base;  // [class][segment]
  std::array<double, 3> growth{};
  std::vector<Move> moves;
  std::vector<Phd> phd;
  std::vector<double> genai, expected_net_flow;  // per month
};

// dates 2022-11 .. 2023-02 (run months -1 .. 2), classes big_tech, ai_labs, stealth, academia.
// `stealth_factor` multiplies every move into stealth (the "fast" run has 2).
FixtureTalent fixture_talent(double stealth_factor);

struct FixtureRun {
  std::string scenario;
  std::string seed;
  int months = 2;
  std::vector<FixtureRow> states, counties;  // counties only at months 0 and 2
  std::string command = "floe simulate";     // the run table's command
  FixtureTalent talent;
  // The no-AI twin's rows (twin_state_major, twin_county_major; twin_national their sums):
  // none, and no twin tables, when twin is false.
  bool twin = false;
  std::vector<FixtureRow> twin_states, twin_counties;
  // replicate_intervals rows (docs/model.md §16): month, measure, mean, low, high, replicates.
  std::vector<std::string> replicate_intervals;
};

// "baseline" and "fast" (both 2 months, with talent tables: fixture_talent(1) and (2)), and a
// second "baseline" with seed 2 and no talent tables. "fast" has a no-AI twin whose figures are
// baseline's (effect_api_test.cc) and the AI effect's spread over 10 replicates at month 2; the
// baselines have neither. The numbers of month 2 are chosen so
// that rates come out round (see runs_test.cc).
std::vector<FixtureRun> fixture_runs();

// Writes a run file with the schema of write_simulation_db (include/floe/simulation.h).
void write_run_file(const std::filesystem::path& path, const FixtureRun& run);

// A temporary folder, removed with the object.
struct TempDir {
  TempDir();
  ~TempDir();
  std::filesystem::path path;
};

// A server on the tiny world with the fixture runs, running on its own thread.
class TinyServer {
 public:
  explicit TinyServer(std::filesystem::path web_dir = {});
  ~TinyServer();

  int port() const { return server_->port(); }
  httplib::Client client() const;
  const std::vector<std::filesystem::path>& run_files() const { return run_files_; }

 private:
  TempDir dir_;
  std::vector<std::filesystem::path> run_files_;
  std::unique_ptr<DashboardServer> server_;
  std::thread thread_;
};

// A test suite sharing one TinyServer, asked for JSON and CSV over real HTTP.
class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  // GET `path`: expects `status` and a JSON body.
  static nlohmann::json get_json(const std::string& path, int status = 200);
  // GET `path`: expects 200 and a CSV body.
  static std::string get_csv(const std::string& path);
  // The row of a table whose column `key` is `value`.
  static nlohmann::json row(const nlohmann::json& table, const std::string& key,
                            const std::string& value);
  static TinyServer* server_;
};

// The tiny world's dataset.
Dataset tiny_dataset();
ServeOptions tiny_options();

// Sends `request` as it is (no encoding, no normalization) and returns the status code.
int raw_status(int port, const std::string& request_target);

}  // namespace floe::serve::testing
