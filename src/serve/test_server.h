// Test support (private to the serve tests): hand-made simulation runs on the tiny world, and a
// dashboard server on testdata/tiny on a free port of 127.0.0.1, asked over real HTTP.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <memory>
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

struct FixtureRun {
  std::string scenario;
  std::string seed;
  int months = 2;
  std::vector<FixtureRow> states, counties;  // counties only at months 0 and 2
  std::string command = "floe simulate";     // the run table's command
};

// "baseline" and "fast" (both 2 months), and a second "baseline" with seed 2. The numbers of
// month 2 are chosen so that rates come out round (see runs_test.cc).
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

// The tiny world's dataset.
Dataset tiny_dataset();
ServeOptions tiny_options();

// Sends `request` as it is (no encoding, no normalization) and returns the status code.
int raw_status(int port, const std::string& request_target);

}  // namespace floe::serve::testing
