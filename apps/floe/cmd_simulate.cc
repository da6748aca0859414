// floe simulate: run a scenario month by month on the synthetic workforce.
#include <fmt/format.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>

#include "commands.h"
#include "floe/error.h"
#include "floe/install.h"
#include "floe/simulation.h"
#include "job.h"
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
  bool no_twin = false;
  int replicates = 1;
  // The options given on the command line, by name ("--seed"), to check a resume against.
  std::map<std::string, const CLI::Option*> options;
  bool given(const std::string& name) const { return options.at(name)->count() > 0; }
};

// The settings that define a run beyond its scenario, as kept in its checkpoints.
std::map<std::string, std::string> run_settings(const Args& a, const Dataset& ds,
                                                const std::string& population_source) {
  return {{"data", std::filesystem::absolute(ds.data_dir).lexically_normal().string()},
          {"oews_year", std::to_string(a.data.oews_year)},
          {"oews_state", a.data.oews_state_file.string()},
          {"oews_msa", a.data.oews_msa_file.string()},
          {"cbp", a.data.cbp_file.string()},
          {"population", population_source},
          {"scale", fmt::format("{}", a.scale)},
          {"twin", a.no_twin ? "no" : "yes"}};
}

std::string absolute_path(const std::filesystem::path& p) {
  return std::filesystem::absolute(p).lexically_normal().string();
}

// A resumed run keeps every setting it started with: a flag that says otherwise is refused
// before anything is loaded or removed, in one line naming the flag and the run's value.
void check_resume(Args& a, const CheckpointSummary& run, const std::filesystem::path& checkpoint) {
  const auto conflict = [&](const std::string& flag, const std::string& given,
                            const std::string& recorded) {
    if (given == recorded) return;
    throw Error(flag + " " + given + " conflicts with the run in " + checkpoint.string() + " (" +
                (recorded.empty() ? "not given" : recorded) +
                "): a resumed run keeps the settings it started with; leave " + flag + " out");
  };
  const auto setting = [&](const std::string& key) {
    const auto it = run.settings.find(key);
    return it == run.settings.end() ? std::string() : it->second;
  };
  if (a.given("--months")) {
    conflict("--months", std::to_string(a.months), std::to_string(run.scenario.run.months));
  }
  if (a.given("--seed")) {
    conflict("--seed", std::to_string(a.seed), std::to_string(run.scenario.run.seed));
  }
  if (a.given("--scenario")) {
    conflict("--scenario", absolute_path(a.scenario), absolute_path(run.scenario.file));
  }
  if (a.given("--scale")) conflict("--scale", fmt::format("{}", a.scale), setting("scale"));
  if (a.given("--population"))
    conflict("--population", a.population.string(), setting("population"));
  if (a.given("--no-twin")) conflict("--no-twin", "yes", setting("twin") == "no" ? "yes" : "no");
  if (a.given("--data")) conflict("--data", absolute_path(a.data.data_dir), setting("data"));
  if (a.given("--oews-year")) {
    conflict("--oews-year", std::to_string(a.data.oews_year), setting("oews_year"));
  }
  if (a.given("--oews-state")) {
    conflict("--oews-state", a.data.oews_state_file.string(), setting("oews_state"));
  }
  if (a.given("--oews-msa"))
    conflict("--oews-msa", a.data.oews_msa_file.string(), setting("oews_msa"));
  if (a.given("--cbp")) conflict("--cbp", a.data.cbp_file.string(), setting("cbp"));
  // The data as the run started with it.
  if (!setting("data").empty()) a.data.data_dir = setting("data");
  if (!setting("oews_year").empty()) a.data.oews_year = std::stoi(setting("oews_year"));
  a.data.oews_state_file = setting("oews_state");
  a.data.oews_msa_file = setting("oews_msa");
  a.data.cbp_file = setting("cbp");
}

// Holds "<out>.lock" for the run: a second floe simulate on the same --out fails at once
// instead of mixing its checkpoint and results with this one's.
class OutLock {
 public:
  explicit OutLock(const std::filesystem::path& out) : path_(out) {
    path_ += ".lock";
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    fd_ = ::open(path_.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error("cannot create " + path_.string() + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      throw Error("another floe simulate is writing " + out.string() + " (it holds " +
                  path_.string() + "): wait for it to finish, or choose another --out");
    }
  }
  ~OutLock() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);  // while still held: the next run makes a new one
    ::close(fd_);
  }
  OutLock(const OutLock&) = delete;
  OutLock& operator=(const OutLock&) = delete;

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

double sum_of(const std::vector<MonthFigures>& month, double MonthFigures::*field) {
  double s = 0;
  for (const auto& f : month) s += f.*field;
  return s;
}

// How many processes wrote the checkpoint: 1 for `checkpoint` itself, N for its per-rank files
// "<checkpoint>.r-of-N" (checkpoint_of_rank), 0 when there is none.
int checkpoint_writers(const std::filesystem::path& checkpoint) {
  if (std::filesystem::exists(checkpoint)) return 1;
  const std::filesystem::path dir =
      checkpoint.has_parent_path() ? checkpoint.parent_path() : std::filesystem::path(".");
  const std::string first = checkpoint.filename().string() + ".0-of-";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(first, 0) == 0) return std::atoi(name.c_str() + first.size());
  }
  return 0;
}

// What a run needs before its first month, made alike by every rank.
struct Setup {
  std::optional<OutLock> lock;  // rank 0's
  Scenario scenario;
  std::optional<Dataset> dataset;
  std::optional<Cells> cells;
  Population population;
  std::string source;  // of the population
  int month = 0;       // of the checkpoint resumed
};

void set_up(Args& a, const Ranks& ranks, const std::filesystem::path& checkpoint, Setup& s) {
  if (ranks.rank() == 0) s.lock.emplace(a.out);
  if (a.replicates > 1 && (a.resume || !a.population.empty())) {
    throw Error(std::string("--replicates synthesizes a population for each seed: it cannot be "
                            "used with ") +
                (a.resume ? "--resume" : "--population"));
  }
  if (a.replicates > 1 && ranks.size() > 1) {
    throw Error(
        "--replicates runs in one process; to spread replicates over ranks, use floe "
        "ensemble --replicates (docs/scaling.md)");
  }
  if (a.resume) {
    const int writers = checkpoint_writers(checkpoint);
    if (writers == 0) {
      throw Error("--resume: no checkpoint " + checkpoint.string() +
                  " (a run leaves one when interrupted, and every output.checkpoint_every "
                  "months)");
    }
    if (writers != ranks.size()) {
      throw Error(
          writers == 1
              ? "the checkpoint " + checkpoint.string() +
                    " was written by one process: resume it without mpirun (or with -np 1)"
              : fmt::format("the checkpoint {} was written by {} ranks: resume it with mpirun -np "
                            "{}",
                            checkpoint.string(), writers, writers));
    }
    const CheckpointSummary summary =
        read_checkpoint_summary(checkpoint_of_rank(checkpoint, ranks.rank(), ranks.size()));
    check_resume(a, summary, checkpoint);
    s.scenario = summary.scenario;
    s.month = summary.month;
  } else {
    s.scenario = read_scenario(find_scenario(a.scenario));
    if (a.months > 0) s.scenario.run.months = a.months;
    if (a.seed >= 0) s.scenario.run.seed = static_cast<std::uint64_t>(a.seed);
  }
  s.dataset.emplace(load_with_progress(a.data));
  s.cells.emplace(build_cells(*s.dataset));
  const std::size_t counties = s.dataset->geography.counties.size();
  if (static_cast<std::size_t>(ranks.size()) > counties) {
    throw Error(
        fmt::format("{} ranks for {} counties: a rank owns at least one county; use at "
                    "most {} (mpirun -np {})",
                    ranks.size(), counties, counties, counties));
  }
  if (a.resume) {
    // the population's source comes back with the run's settings
  } else if (!a.population.empty()) {
    ProgressBar bar("loading population", 1000);
    s.population = load_population(a.population, [&](std::uint64_t d, std::uint64_t t) {
      bar.update(d * 1000 / std::max<std::uint64_t>(t, 1));
    });
    s.source = a.population.string();
  } else {
    ProgressBar bar("synthesizing agents", 1000);
    // Under mpirun, this rank's counties only.
    s.population =
        synthesize_for_rank(*s.dataset, *s.cells, {.scale = a.scale, .seed = s.scenario.run.seed},
                            ranks, [&](std::uint64_t d, std::uint64_t t) {
                              bar.update(d * 1000 / std::max<std::uint64_t>(t, 1));
                            });
    s.source = fmt::format("synthesized at scale {:g}, seed {}", a.scale, s.scenario.run.seed);
  }
}

void run(Args a) {
  // SIGUSR1 stops the run after the current month, as Ctrl-C does: mpirun passes it on to every
  // rank (`kill -USR1 <mpirun's pid>`; Ctrl-C on mpirun ends the job at once). Caught from the
  // start, so that a rank still setting up when it comes does not die of it.
  std::signal(SIGUSR1, on_sigint);
  Ranks ranks;  // starts MPI under mpirun: the run's counties spread over the ranks
  const bool root = ranks.rank() == 0;
  std::filesystem::path checkpoint = a.checkpoint;
  if (checkpoint.empty()) {
    checkpoint = a.out;
    checkpoint += ".ckpt";
  }
  Setup setup;
  std::string problem;
  try {
    set_up(a, ranks, checkpoint, setup);
  } catch (const Error& e) {
    problem = e.what();
  }
  agree_on_setup(ranks, problem);
  if (a.resume && ranks.size() > 1) {  // the ranks' files must hold the same month
    const std::vector<int> months = ranks.gather_all(std::span<const int>(&setup.month, 1));
    const auto [low, high] = std::minmax_element(months.begin(), months.end());
    agree_on_setup(
        ranks, *low == *high
                   ? ""
                   : fmt::format("the ranks' checkpoint files {}.*-of-{} hold different months "
                                 "({} to {}): the job stopped while writing them; start the run "
                                 "again without --resume",
                                 checkpoint.string(), ranks.size(), *low, *high));
  }
  const Scenario& sc = setup.scenario;
  const Dataset& ds = *setup.dataset;
  const Cells& cells = *setup.cells;
  std::string source = setup.source;
  if (root && ranks.size() > 1) {
    fmt::print(stderr, "{} months of {} on {} ranks, each with its share of the counties\n",
               sc.run.months, sc.name, ranks.size());
  }
  SimulationOptions options;
  options.twin = !a.no_twin;
  options.checkpoint = checkpoint;
  options.resume = a.resume;
  options.interrupt = &g_interrupt;
  options.ranks = &ranks;
  if (!a.resume) options.settings = run_settings(a, ds, source);
  std::signal(SIGINT, on_sigint);  // Ctrl-C stops after the month (SIGUSR1 too: see run())
  SimulationResult result;
  together(ranks, [&] {
    std::optional<ProgressBar> bar;  // rank 0's
    if (root) bar.emplace(fmt::format("simulating {}", sc.name), sc.run.months);
    options.progress = [&](int month, int months) {
      if (bar)
        bar->update(static_cast<std::uint64_t>(month),
                    fmt::format("month {} of {}", month, months));
    };
    result = simulate(ds, cells, std::move(setup.population), sc, options);
  });
  // What the ranks exchanged and held (docs/scaling.md §7): bytes sent per rank per month run,
  // peak memory per rank.
  std::string ranks_line;
  if (ranks.size() > 1) {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const int months_run = std::max(1, result.last_month - setup.month);
    const double mine[2] = {static_cast<double>(ranks.bytes_sent()) / months_run,
                            static_cast<double>(usage.ru_maxrss) * 1024.0};
    const std::vector<double> all = ranks.gather_all(std::span<const double>(mine, 2));
    double sent = 0, sent_max = 0, rss_max = 0;
    for (std::size_t r = 0; r < all.size(); r += 2) {
      sent += all[r] / ranks.size();
      sent_max = std::max(sent_max, all[r]);
      rss_max = std::max(rss_max, all[r + 1]);
    }
    ranks_line = fmt::format(
        "  ranks: {} ({} counties each on average); sent {:.2f} MB per rank per month (at most "
        "{:.2f}); peak memory per rank up to {:.2f} GiB\n",
        ranks.size(), ds.geography.counties.size() / ranks.size(), sent / 1e6, sent_max / 1e6,
        rss_max / (1024.0 * 1024 * 1024));
  }
  // Rank 0 writes the results; once it has, a complete run's checkpoints have served. (When
  // rank 0 fails to write, it exits and mpirun ends the others at the barrier: the checkpoints
  // stay.)
  const auto checkpoints_served = [&] {
    ranks.barrier();
    if (result.interrupted) return;
    std::error_code ec;
    std::filesystem::remove(checkpoint_of_rank(checkpoint, ranks.rank(), ranks.size()), ec);
  };
  if (!root) {
    checkpoints_served();
    if (result.interrupted) throw Reported{};
    return;
  }
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGUSR1, SIG_DFL);
  source = result.settings.count("population") ? result.settings.at("population") : source;
  if (result.interrupted) {
    // Exactly the command that continues: every other setting comes from the checkpoint.
    fmt::print(stderr,
               "Interrupted after month {}; the checkpoint {} holds the run. Continue with:\n"
               "  {}floe simulate --out {}{} --resume\n",
               result.last_month, checkpoint.string(),
               ranks.size() > 1 ? fmt::format("mpirun -np {} ", ranks.size()) : "", a.out.string(),
               a.checkpoint.empty() ? "" : " --checkpoint " + a.checkpoint.string());
  }
  if (a.replicates > 1 && !result.interrupted) {
    ProgressBar bar("replicates", static_cast<std::uint64_t>((a.replicates - 1) * sc.run.months));
    result.replicates = {replicate_of(result)};
    std::signal(SIGINT, on_sigint);
    std::uint64_t months_done = 0;  // over all replicates, which may run side by side
    for (Replicate& r : run_replicates(
             ds, cells, result.scenario, result.scale, a.replicates - 1, result.twin.has_value(),
             [&](int replicate, int month, int) {
               bar.update(++months_done, fmt::format("replicate {} of {}, month {}", replicate + 1,
                                                     a.replicates, month));
             },
             &g_interrupt)) {
      result.replicates.push_back(std::move(r));
    }
    std::signal(SIGINT, SIG_DFL);
    if (result.replicates.size() < static_cast<std::size_t>(a.replicates)) {
      fmt::print(stderr, "Interrupted: {} of {} replicates complete; the results keep those.\n",
                 result.replicates.size(), a.replicates);
    }
    if (result.replicates.size() < 2) result.replicates.clear();
  }
  write_simulation_db(a.out, ds, result, source);
  checkpoints_served();
  // The headline, in workers of the economy simulated (agents / scale).
  const double per_agent = 1.0 / result.scale;
  const auto& last = result.output.state_major.back();
  double direct = 0, indirect = 0;
  for (const auto& month : result.output.state_major) {
    direct += sum_of(month, &MonthFigures::displaced_direct);
    indirect += sum_of(month, &MonthFigures::displaced_indirect);
  }
  const auto rate = [](const std::vector<MonthFigures>& month) {
    const double seeking =
        sum_of(month, &MonthFigures::unemployed) + sum_of(month, &MonthFigures::training);
    return seeking / std::max(1.0, seeking + sum_of(month, &MonthFigures::employed));
  };
  const double force = sum_of(last, &MonthFigures::employed) +
                       sum_of(last, &MonthFigures::unemployed) +
                       sum_of(last, &MonthFigures::training);
  fmt::print(
      "Scenario {}: {} months; {:.1f}M workers in the labor force, {:.0f} agents at scale "
      "{:g} ({:.3f} s per month).\n",
      sc.name, result.last_month, force * per_agent / 1e6, force, result.scale,
      result.seconds_per_month);
  std::string effect;
  if (result.twin) {
    const double twin_rate = rate(result.twin->state_major.back());
    effect = fmt::format(" (no-AI twin {:.2f}%: AI effect {:+.2f} points)", 100 * twin_rate,
                         100 * (rate(last) - twin_rate));
  }
  fmt::print(
      "  month {}: unemployment {:.2f}%{}; displaced by AI so far {:.0f} workers directly and "
      "{:.0f} through local cascades\n",
      result.last_month, 100 * rate(last), effect, direct * per_agent, indirect * per_agent);
  const TalentRun& talent = result.output.talent;
  if (talent.enabled && !talent.months.empty()) {
    double workers = 0;
    for (double h : talent.months.back().headcount) workers += h;
    fmt::print("  AI talent: {:.0f} AI-skilled agents in {}; parameters {}\n", workers,
               talent_date(static_cast<int>(talent.months.size()) - 1), talent.parameters_from);
  }
  // Where the time went, by substep (docs/engine.md), largest first.
  std::vector<SubstepSeconds> times = result.seconds;
  std::sort(times.begin(), times.end(),
            [](const auto& x, const auto& y) { return x.seconds > y.seconds; });
  std::string line;
  for (const SubstepSeconds& t : times) {
    if (t.seconds < 0.005) continue;
    line += fmt::format("{}{}{} {:.2f} s", line.empty() ? "" : ", ",
                        t.model == "twin" ? "twin " : "", t.substep, t.seconds);
  }
  fmt::print("  time: {}\n", line.empty() ? "negligible" : line);
  fmt::print("{}", ranks_line);
  if (!result.replicates.empty()) {
    const auto intervals = replicate_intervals(result.replicates, result.scale);
    for (const ReplicateInterval& x : intervals) {
      if (x.month != result.last_month) continue;
      if (x.measure == "unemployment_rate") {
        fmt::print(
            "  {} replicates (seeds {} to {}): unemployment at month {} between {:.2f}% and "
            "{:.2f}% in 90% of them",
            x.replicates, sc.run.seed, sc.run.seed + x.replicates - 1, x.month, 100 * x.low,
            100 * x.high);
      } else if (x.measure == "ai_effect_points") {
        fmt::print("; AI effect between {:+.2f} and {:+.2f} points", x.low, x.high);
      }
    }
    fmt::print("\n");
  }
  fmt::print("Results in {} (tables national, state_major, county_major, flows{}{}{}).\n",
             a.out.string(), result.twin ? ", twin_*" : "", talent.enabled ? ", talent_*" : "",
             result.replicates.empty() ? "" : ", replicate_national, replicate_intervals");
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
      "Ctrl-C stops after the current month and leaves a checkpoint; --resume continues it.\n"
      "Under mpirun the counties and their agents spread over the ranks, with a checkpoint file "
      "per rank, and the results file is the same for any number of ranks (docs/scaling.md): "
      "mpirun -np 4 -x OMP_NUM_THREADS=1 floe simulate --scale 0.1; kill -USR1 <mpirun's pid> "
      "stops it after the current month.");
  add_data_options(*c, args.data);
  args.options["--scenario"] =
      c->add_option("--scenario", args.scenario,
                    "Scenario: a TOML file, or the name of a shipped one (baseline, fast-adoption, "
                    "slow-adoption, retraining, talent-levers)")
          ->transform(scenario_file())
          ->capture_default_str();
  args.options["--population"] =
      c->add_option("--population", args.population,
                    "Population snapshot from `floe population build` (default: synthesize one)")
          ->check(CLI::ExistingFile);
  args.options["--scale"] =
      c->add_option("--scale", args.scale,
                    "Share of the workforce to synthesize when no --population is given")
          ->check(CLI::Range(1e-9, 1.0))
          ->capture_default_str();
  args.options["--months"] =
      c->add_option("--months", args.months, "Override the scenario's horizon")
          ->check(CLI::Range(1, 600));
  args.options["--seed"] = c->add_option("--seed", args.seed, "Override the scenario's seed")
                               ->check(CLI::NonNegativeNumber);
  c->add_option("--out", args.out, "Results file (SQLite)")->capture_default_str();
  c->add_option("--checkpoint", args.checkpoint, "Checkpoint file (default: <out>.ckpt)");
  c->add_flag("--resume", args.resume,
              "Continue the run saved in the checkpoint, with the settings it started with (a "
              "flag that contradicts them is refused)");
  args.options["--no-twin"] = c->add_flag(
      "--no-twin", args.no_twin,
      "Skip the no-AI twin (the same run with AI capability and adoption held at the start, "
      "which every AI effect is measured against; docs/model.md §16)");
  c->add_option(
       "--replicates", args.replicates,
       "Run the scenario with this many seeds (the seed and the next ones, each with "
       "its own population and twin; after the first, as many at once as threads and memory "
       "allow) and store each one's national "
       "series and the range holding 90% of them (tables replicate_national, "
       "replicate_intervals; docs/model.md §16). The other tables are the first seed's.")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  for (const char* name : {"--data", "--oews-year", "--oews-state", "--oews-msa", "--cbp"}) {
    args.options[name] = c->get_option(name);
  }
  static bool list_keys = false;
  c->add_flag("--list-keys", list_keys,
              "Print every scenario key with its range, default and meaning (markdown), and exit");
  c->callback([] {
    if (!list_keys) {
      run_job([] { run(args); });
      return;
    }
    {
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
    }
  });
}

}  // namespace floe::cli
