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
#include "job.h"

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

// The ensemble as set up on one rank, from its arguments and its node's files.
struct Setup {
  std::vector<EnsembleScenario> scenarios;
  EnsembleOptions options;
  std::size_t runs = 0;
  int months = 0;
  std::optional<Dataset> dataset;
  std::optional<Cells> cells;
};

// Thrown once a setup failure has been reported: every rank exits 1, nothing more to print.

void set_up(const Args& a, const Ranks& ranks, Setup& s) {
  if (a.replicates < 1) throw Error(fmt::format("--replicates {}: give at least 1", a.replicates));
  if (a.scenarios.empty()) throw Error("give at least one --scenario");
  s.scenarios = read_scenarios(a);
  s.months = s.scenarios.front().scenario.run.months;
  for (const EnsembleScenario& e : s.scenarios) {
    if (e.scenario.run.months != s.months) {
      throw Error(fmt::format(
          "--scenario {}: {} months where {} has {}; give --months to run them all as long", e.file,
          e.scenario.run.months, s.scenarios.front().file, s.months));
    }
  }
  s.options = {.replicates = a.replicates,
               .scale = a.scale,
               .first_seed = a.seed >= 0 ? static_cast<std::uint64_t>(a.seed)
                                         : s.scenarios.front().scenario.run.seed,
               .twin = !a.no_twin};
  s.runs = s.scenarios.size() * static_cast<std::size_t>(a.replicates);
  if (static_cast<std::size_t>(ranks.size()) > s.runs) {
    throw Error(fmt::format("{} ranks for {} runs: use at most {} (mpirun -np {})", ranks.size(),
                            s.runs, s.runs, s.runs));
  }
  // Each rank reads the data itself (on a cluster, from its own node); rank 0 also makes sure it
  // can write --out before hours of runs.
  s.dataset = load_with_progress(a.data);  // the bar only on a terminal
  s.cells = build_cells(*s.dataset);
  if (ranks.rank() == 0) check_writable(a.out);
}

void run(const Args& a) {
  Ranks ranks;  // starts MPI under mpirun
  const bool root = ranks.rank() == 0;
  const auto start = std::chrono::steady_clock::now();
  Setup setup;
  std::string problem;
  try {
    set_up(a, ranks, setup);
  } catch (const Error& e) {
    problem = e.what();
  }
  // Every rank sets up alike, so a mistake in the arguments is every rank's: rank 0 says it.
  // A rank that alone fails (the data missing on its node) says why itself.
  agree_on_setup(ranks, problem);
  const std::vector<EnsembleScenario>& scenarios = setup.scenarios;
  const EnsembleOptions& options = setup.options;
  const std::size_t total = setup.runs;
  const int months = setup.months;
  if (root) {
    fmt::print(stderr, "{} runs ({} scenarios x {} replicates, seeds {} to {}) on {} rank{}\n",
               total, scenarios.size(), a.replicates, options.first_seed,
               options.first_seed + static_cast<std::uint64_t>(a.replicates) - 1, ranks.size(),
               ranks.size() == 1 ? "" : "s");
  }
  const auto runs = ensemble_runs(scenarios.size(), a.replicates, options.first_seed);
  const std::vector<Replicate> results = run_ensemble(
      *setup.dataset, *setup.cells, scenarios, options, ranks,
      [&](std::size_t j, std::size_t done) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        fmt::print(stderr, "[{}/{}] {} replicate {} (seed {}) from rank {}, {:.1f} s\n", done,
                   total, scenarios[runs[j].scenario].scenario.name, runs[j].replicate,
                   runs[j].seed, rank_of_run(j, ranks.size()), seconds);
      });
  if (!root) return;
  write_ensemble_db(a.out, *setup.dataset, scenarios, options, results);
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
  c->callback([] { run_job([] { run(args); }); });
}

}  // namespace floe::cli
