// floe simulate: run a scenario month by month on the synthetic workforce.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>

#include "commands.h"
#include "floe/error.h"
#include "floe/install.h"
#include "floe/simulation.h"
#include "progress.h"

namespace floe::cli {
namespace {

std::atomic<bool> g_interrupt{false};

extern "C" void on_sigint(int) {
  if (g_interrupt.exchange(true)) std::_Exit(130);  // a second Ctrl-C: stop now
}

struct Args {
  DataOptions data;
  std::filesystem::path scenario = "baseline";
  std::filesystem::path population;
  double scale = 0.01;
  int months = 0;
  long long seed = -1;
  std::filesystem::path out = "out/run.db";
  std::filesystem::path checkpoint;
  bool resume = false;
};

void run(const Args& a) {
  Scenario sc = read_scenario(find_scenario(a.scenario));
  if (a.months > 0) sc.run.months = a.months;
  if (a.seed >= 0) sc.run.seed = static_cast<std::uint64_t>(a.seed);
  const Dataset ds = load_with_progress(a.data);
  const Cells cells = build_cells(ds);
  Population population;
  std::string source;
  if (a.resume) {
    source = "resumed from " + a.checkpoint.string();
  } else if (!a.population.empty()) {
    ProgressBar bar("loading population", 1000);
    population = load_population(a.population, [&](std::uint64_t d, std::uint64_t t) {
      bar.update(d * 1000 / std::max<std::uint64_t>(t, 1));
    });
    source = a.population.string();
  } else {
    ProgressBar bar("synthesizing agents", 1000);
    population = synthesize(ds, cells, {.scale = a.scale, .seed = sc.run.seed},
                            [&](std::uint64_t d, std::uint64_t t) {
                              bar.update(d * 1000 / std::max<std::uint64_t>(t, 1));
                            });
    source = fmt::format("synthesized at scale {:g}, seed {}", a.scale, sc.run.seed);
  }
  const std::size_t agents = population.size();
  std::filesystem::path checkpoint = a.checkpoint;
  if (checkpoint.empty()) {
    checkpoint = a.out;
    checkpoint += ".ckpt";
  }
  SimulationOptions options;
  options.checkpoint = checkpoint;
  options.resume = a.resume;
  options.interrupt = &g_interrupt;
  std::signal(SIGINT, on_sigint);
  SimulationResult result;
  {
    ProgressBar bar(fmt::format("simulating {}", sc.name),
                    static_cast<std::uint64_t>(sc.run.months));
    options.progress = [&](int month, int months) {
      bar.update(static_cast<std::uint64_t>(month), fmt::format("month {} of {}", month, months));
    };
    result = simulate(ds, cells, std::move(population), sc, options);
  }
  std::signal(SIGINT, SIG_DFL);
  if (result.interrupted) {
    fmt::print(stderr,
               "Interrupted after month {}; the checkpoint {} holds the run. Continue with:\n"
               "  floe simulate --scenario {} --out {} --resume\n",
               result.last_month, checkpoint.string(), a.scenario.string(), a.out.string());
  }
  write_simulation_db(a.out, ds, result, source);
  if (!result.interrupted) {  // the run is complete: its checkpoint has served
    std::error_code ec;
    std::filesystem::remove(checkpoint, ec);
  }
  const auto& last = result.output.state_major.back();
  double employed = 0, unemployed = 0, direct = 0, indirect = 0;
  for (const auto& month : result.output.state_major) {
    for (const auto& f : month) {
      direct += f.displaced_direct;
      indirect += f.displaced_indirect;
    }
  }
  for (const auto& f : last) {
    employed += f.employed;
    unemployed += f.unemployed;
  }
  fmt::print("Scenario {}: {} months on {} agents ({:.3f} s per month).\n", sc.name,
             result.last_month, agents ? agents : static_cast<std::size_t>(employed + unemployed),
             result.seconds_per_month);
  fmt::print(
      "  month {}: unemployment {:.1f}%; displaced by AI so far {:.0f} directly and {:.0f} "
      "through local cascades\n",
      result.last_month, 100 * unemployed / std::max(1.0, employed + unemployed), direct, indirect);
  const auto& t = result.seconds;
  const TalentRun& talent = result.output.talent;
  if (talent.enabled && !talent.months.empty()) {
    double workers = 0;
    for (double h : talent.months.back().headcount) workers += h;
    fmt::print("  AI talent: {:.0f} AI-skilled agents in {}; parameters {}\n", workers,
               talent_date(static_cast<int>(talent.months.size()) - 1), talent.parameters_from);
  }
  // Where the time went, by substep (docs/engine.md), largest first.
  std::vector<SubstepSeconds> times = t;
  std::sort(times.begin(), times.end(),
            [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  std::string line;
  for (const SubstepSeconds& s : times) {
    if (s.seconds < 0.005) continue;
    line += fmt::format("{}{} {:.2f} s", line.empty() ? "" : ", ", s.substep, s.seconds);
  }
  fmt::print("  time: {}\n", line.empty() ? "negligible" : line);
  fmt::print("Results in {} (tables national, state_major, county_major, flows{}).\n",
             a.out.string(), talent.enabled ? ", talent_*" : "");
  if (result.interrupted) throw Error("interrupted");
}

}  // namespace

void add_simulate_command(CLI::App& app) {
  static Args args;
  CLI::App* c = app.add_subcommand(
      "simulate",
      "Run a scenario month by month on the synthetic workforce: AI capability and adoption grow, "
      "exposed work is displaced, workers move between jobs, occupations and places, local "
      "economies feel the loss, retraining budgets help (model: docs/model.md).\n"
      "Examples:\n"
      "  floe simulate --scale 0.01 --months 24\n"
      "  floe simulate --scenario scenarios/fast-adoption.toml --population out/us.pop "
      "--out out/fast.db\n"
      "Ctrl-C stops after the current month and leaves a checkpoint; --resume continues it.");
  add_data_options(*c, args.data);
  c->add_option("--scenario", args.scenario,
                "Scenario: a TOML file, or the name of a shipped one (baseline, fast-adoption, "
                "slow-adoption, retraining, talent-levers)")
      ->transform(scenario_file())
      ->capture_default_str();
  c->add_option("--population", args.population,
                "Population snapshot from `floe population build` (default: synthesize one)")
      ->check(CLI::ExistingFile);
  c->add_option("--scale", args.scale,
                "Share of the workforce to synthesize when no --population is given")
      ->check(CLI::Range(1e-9, 1.0))
      ->capture_default_str();
  c->add_option("--months", args.months, "Override the scenario's horizon")
      ->check(CLI::Range(1, 600));
  c->add_option("--seed", args.seed, "Override the scenario's seed")->check(CLI::NonNegativeNumber);
  c->add_option("--out", args.out, "Results file (SQLite)")->capture_default_str();
  c->add_option("--checkpoint", args.checkpoint, "Checkpoint file (default: <out>.ckpt)");
  c->add_flag("--resume", args.resume, "Continue the run saved in the checkpoint");
  static bool list_keys = false;
  c->add_flag("--list-keys", list_keys,
              "Print every scenario key with its range, default and meaning (markdown), and exit");
  c->callback([] {
    if (list_keys) {
      fmt::print("| key | range | default | meaning and source |\n|---|---|---|---|\n");
      // A '|' in a range ("human | gpt4") would end the markdown cell.
      auto cell = [](const std::string& s) {
        std::string out;
        for (char ch : s) {
          if (ch == '|') out += '\\';
          out += ch;
        }
        return out;
      };
      for (const auto& k : scenario_keys()) {
        fmt::print("| `{}` | {} | {} | {} |\n", k.key, cell(k.range), cell(k.value),
                   cell(k.meaning));
      }
      return;
    }
    run(args);
  });
}

}  // namespace floe::cli
