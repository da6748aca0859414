// An ensemble's results file (docs/scaling.md §3), written by rank 0 alone.
#include <fmt/format.h>
#include <sqlite3.h>

#include <ctime>

#include "floe/ensemble.h"
#include "floe/error.h"
#include "floe/store.h"
#include "models/replicate_tables.h"
#include "store/statement.h"

namespace floe {
namespace {

using store::Statement;

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// Scenario i minus the first, replicate by replicate with the same seed (common random
// numbers): replicate_intervals' twin measures of a "run" that is scenario i's replicate with
// the first scenario's in its twin's place (docs/scaling.md §3).
void write_scenario_effects(Store& store, const std::string& file,
                            const std::vector<EnsembleScenario>& scenarios, int replicates,
                            const std::vector<Replicate>& runs, double scale) {
  store.exec(
      "CREATE TABLE scenario_effect (scenario TEXT, versus TEXT, month INTEGER, measure TEXT, "
      "mean REAL, low REAL, high REAL, replicates INTEGER, PRIMARY KEY (scenario, month, "
      "measure))");
  if (replicates < 2) return;  // an interval needs two runs at least
  Statement insert(store.handle(), file, "INSERT INTO scenario_effect VALUES (?,?,?,?,?,?,?,?)");
  const auto k = static_cast<std::size_t>(replicates);
  for (std::size_t i = 1; i < scenarios.size(); ++i) {
    std::vector<Replicate> paired;
    for (std::size_t r = 0; r < k; ++r) {
      paired.push_back({.seed = runs[i * k + r].seed,
                        .national = runs[i * k + r].national,
                        .twin_national = runs[r].national});
    }
    for (const ReplicateInterval& x : replicate_intervals(paired, scale)) {
      // ai_effect_points -> effect_points: the difference of the two scenarios' runs
      if (x.measure.rfind("ai_effect_", 0) != 0) continue;
      insert.bind(1, scenarios[i].scenario.name)
          .bind(2, scenarios[0].scenario.name)
          .bind(3, static_cast<std::int64_t>(x.month))
          .bind(4, x.measure.substr(3))
          .bind(5, x.mean)
          .bind(6, x.low)
          .bind(7, x.high)
          .bind(8, static_cast<std::int64_t>(x.replicates));
      insert.run();
    }
  }
}

}  // namespace

void write_ensemble_db(const std::filesystem::path& path, const Dataset& ds,
                       const std::vector<EnsembleScenario>& scenarios,
                       const EnsembleOptions& options, const std::vector<Replicate>& replicates) {
  const std::vector<EnsembleRun> runs =
      ensemble_runs(scenarios.size(), options.replicates, options.first_seed);
  if (replicates.size() != runs.size()) {
    throw Error(fmt::format("ensemble: {} results for {} runs", replicates.size(), runs.size()));
  }
  const std::string file = path.string();
  Store store(path);
  store.write_run_info("command", "floe ensemble");
  store.write_run_info("scenarios", std::to_string(scenarios.size()));
  store.write_run_info("replicates", std::to_string(options.replicates));
  store.write_run_info("first_seed", std::to_string(options.first_seed));
  store.write_run_info("months", std::to_string(replicates.front().national.size() - 1));
  store.write_run_info("scale", fmt::format("{}", options.scale));  // exact
  store.write_run_info("units", "workers");
  store.write_run_info("twin", options.twin ? "yes" : "no");
  store.write_run_info("data_dir", ds.data_dir.string());
  store.write_run_info("created", now_utc());
  store.exec(
      "CREATE TABLE ensemble_scenarios (scenario TEXT PRIMARY KEY, position INTEGER, file TEXT, "
      "description TEXT, scenario_text TEXT)");
  store.exec(
      "CREATE TABLE ensemble_runs (run INTEGER PRIMARY KEY, scenario TEXT, replicate INTEGER, "
      "seed INTEGER)");
  {  // statements are finalized before the file is committed
    Statement scenario(store.handle(), file, "INSERT INTO ensemble_scenarios VALUES (?,?,?,?,?)");
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      const Scenario& sc = scenarios[i].scenario;
      scenario.bind(1, sc.name)
          .bind(2, static_cast<std::int64_t>(i))
          .bind(3, scenarios[i].file)
          .bind(4, sc.description)
          .bind(5, sc.text);
      scenario.run();
    }
    Statement run(store.handle(), file, "INSERT INTO ensemble_runs VALUES (?,?,?,?)");
    for (std::size_t j = 0; j < runs.size(); ++j) {
      run.bind(1, static_cast<std::int64_t>(j))
          .bind(2, scenarios[runs[j].scenario].scenario.name)
          .bind(3, runs[j].replicate)
          .bind(4, static_cast<std::int64_t>(runs[j].seed));
      run.run();
    }
  }
  const auto k = static_cast<std::size_t>(options.replicates);
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const std::vector<Replicate> own(replicates.begin() + static_cast<std::ptrdiff_t>(i * k),
                                     replicates.begin() + static_cast<std::ptrdiff_t>(i * k + k));
    write_replicate_tables(store, file, own, options.scale, scenarios[i].scenario.name);
  }
  write_scenario_effects(store, file, scenarios, options.replicates, replicates, options.scale);
  store.commit();
}

}  // namespace floe
