// floe ensemble: several scenarios, each with several seeds, in one job and one results file;
// under mpirun the runs spread over the ranks (docs/scaling.md).
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include "commands.h"
#include "floe/ensemble.h"
#include "floe/error.h"
#include "floe/install.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  std::vector<std::string> scenarios;
  int replicates = 2;
  double scale = 0.01;
  int months = 0;
  long long seed = -1;
  bool no_twin = false;
  std::filesystem::path out = "out/ensemble.db";
};

// Creates --out's folder and a file beside --out, and removes it: a results file that cannot be
// written is found before the runs, not after.
void check_writable(const std::filesystem::path& out) {
  std::filesystem::path probe = out;
  probe += ".partial";
  std::error_code ec;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path(), ec);
  std::FILE* f = std::fopen(probe.c_str(), "wb");
  if (!f) throw Error("--out " + out.string() + ": cannot write " + probe.string());
  std::fclose(f);
  std::filesystem::remove(probe, ec);
}

std::vector<EnsembleScenario> read_scenarios(const Args& a) {
  std::vector<EnsembleScenario> out;
  std::set<std::string> names;
  for (const std::string& given : a.scenarios) {
    std::string file = given;
    if (const std::string problem = scenario_file()(file); !problem.empty()) {
      throw Error("--scenario: " + problem);
    }
    EnsembleScenario s{.file = given, .scenario = read_scenario(file)};
    if (a.months > 0) s.scenario.run.months = a.months;
    if (!names.insert(s.scenario.name).second) {
      throw Error(
          "--scenario " + given + ": a second scenario named '" + s.scenario.name +
          "' (the name = line of its file): each scenario of an ensemble needs its own name");
    }
    out.push_back(std::move(s));
  }
  return out;
}

void run(const Args& a) {
  if (a.scenarios.empty()) throw Error("give at least one --scenario");
  std::vector<EnsembleScenario> scenarios = read_scenarios(a);
  const int months = scenarios.front().scenario.run.months;
  for (const EnsembleScenario& s : scenarios) {
    if (s.scenario.run.months != months) {
      throw Error(fmt::format(
          "--scenario {}: {} months where {} has {}; give --months to run them all as long", s.file,
          s.scenario.run.months, scenarios.front().file, months));
    }
  }
  EnsembleOptions options{.replicates = a.replicates,
                          .scale = a.scale,
                          .first_seed = a.seed >= 0 ? static_cast<std::uint64_t>(a.seed)
                                                    : scenarios.front().scenario.run.seed,
                          .twin = !a.no_twin};
  const std::size_t total = scenarios.size() * static_cast<std::size_t>(a.replicates);
  Ranks ranks;  // starts MPI under mpirun
  if (static_cast<std::size_t>(ranks.size()) > total) {
    throw Error(fmt::format("{} ranks for {} runs: use at most {} (mpirun -np {})", ranks.size(),
                            total, total, total));
  }
  const bool root = ranks.rank() == 0;
  const auto start = std::chrono::steady_clock::now();
  // Each rank reads the data itself (on a cluster, from its own node); rank 0 also makes sure
  // it can write --out before hours of runs.
  std::optional<Dataset> ds;
  std::optional<Cells> cells;
  std::string problem;
  try {
    ds = load_with_progress(a.data);  // the bar only on a terminal
    cells = build_cells(*ds);
    if (root) check_writable(a.out);
  } catch (const Error& e) {
    problem = e.what();
  }
  if (const Ranks::Agreement setup = ranks.agree(!problem.empty()); setup.failed > 0) {
    if (root && !problem.empty()) throw Error(problem);
    if (!root && !problem.empty() && !setup.root_failed) {
      fmt::print(stderr, "floe: error on rank {} of {}: {}\n", ranks.rank(), ranks.size(), problem);
    }
    throw Error(fmt::format("{} of {} ranks could not start (their errors above)", setup.failed,
                            ranks.size()));
  }
  if (root) {
    fmt::print(stderr, "{} runs ({} scenarios x {} replicates, seeds {} to {}) on {} rank{}\n",
               total, scenarios.size(), a.replicates, options.first_seed,
               options.first_seed + static_cast<std::uint64_t>(a.replicates) - 1, ranks.size(),
               ranks.size() == 1 ? "" : "s");
  }
  const auto runs = ensemble_runs(scenarios.size(), a.replicates, options.first_seed);
  const std::vector<Replicate> results =
      run_ensemble(*ds, *cells, scenarios, options, ranks, [&](std::size_t j, std::size_t done) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        fmt::print(stderr, "[{}/{}] {} replicate {} (seed {}) from rank {}, {:.1f} s\n", done,
                   total, scenarios[runs[j].scenario].scenario.name, runs[j].replicate,
                   runs[j].seed, rank_of_run(j, ranks.size()), seconds);
      });
  if (!root) return;
  write_ensemble_db(a.out, *ds, scenarios, options, results);
  fmt::print(
      "{} runs of {} months at scale {:g} in {:.1f} s on {} rank{}. Results in {} "
      "(tables ensemble_scenarios, ensemble_runs, replicate_national, "
      "replicate_intervals, scenario_effect).\n",
      total, months, a.scale,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), ranks.size(),
      ranks.size() == 1 ? "" : "s", a.out.string());
}

}  // namespace

void add_ensemble_command(CLI::App& app) {
  static Args args;
  CLI::App* c = app.add_subcommand(
      "ensemble",
      "Run several scenarios, each with several seeds, and store every run's national series, "
      "each scenario's 90% range over its seeds, and each scenario's difference from the first "
      "(seed by seed) in one SQLite file (docs/scaling.md). Replicate r of every scenario uses "
      "seed S0 + r and synthesizes its own population at --scale.\n"
      "On one machine the runs go one after another, each using every core; under mpirun they "
      "spread over the ranks (run j on rank j mod N), and the results are identical for any "
      "number of ranks. Give each rank its cores' worth of threads: mpirun -x "
      "OMP_NUM_THREADS=<cores per rank>.\n"
      "Examples:\n"
      "  floe ensemble --scenario baseline --scenario fast-adoption --replicates 10 "
      "--scale 0.01 --out out/ens.db\n"
      "  mpirun -np 4 floe ensemble --scenario baseline --scenario retraining --replicates 8 "
      "--out out/ens.db\n"
      "  sqlite3 out/ens.db \"SELECT * FROM scenario_effect WHERE measure = 'effect_points'\"");
  add_data_options(*c, args.data);
  c->add_option("--scenario", args.scenarios,
                "A scenario: a TOML file or a shipped one's name (baseline, fast-adoption, "
                "slow-adoption, retraining, talent-levers); repeat for each. The first is the "
                "one the others are compared with (table scenario_effect)")
      ->required();
  c->add_option(
       "--replicates", args.replicates,
       "Seeds per scenario: at least 2 for the ranges (tables replicate_intervals, "
       "scenario_effect); with few, the 5th and 95th percentiles are about the smallest and "
       "largest")
      ->capture_default_str();
  c->add_option("--scale", args.scale, "Share of the workforce each run synthesizes as agents")
      ->check(CLI::Range(1e-9, 1.0))
      ->capture_default_str();
  c->add_option("--months", args.months,
                "Override the scenarios' horizon (they must agree without it)")
      ->check(CLI::Range(1, 600));
  c->add_option("--seed", args.seed,
                "First seed S0 (default: the first scenario's run.seed); replicate r uses S0 + r "
                "in every scenario, so that scenarios are compared on the same draws")
      ->check(CLI::NonNegativeNumber);
  c->add_flag("--no-twin", args.no_twin,
              "Skip each run's no-AI twin (then no ai_effect_* ranges; about half the time)");
  c->add_option("--out", args.out, "Results file (SQLite), written by rank 0 alone")
      ->capture_default_str();
  c->callback([] {
    try {
      if (args.replicates < 1) {
        throw Error(fmt::format("--replicates {}: give at least 1", args.replicates));
      }
      run(args);
    } catch (const Error& e) {
      // Every rank finds the same mistake in the same arguments: rank 0 alone says so.
      if (Ranks::launch_rank() != 0) std::exit(1);
      throw;
    }
  });
}

}  // namespace floe::cli
