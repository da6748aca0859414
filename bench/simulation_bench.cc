// Benchmark: the workforce simulation on the full population (issue 5). Synthesizes every OEWS
// worker (~151.8M agents), runs the baseline scenario for 120 months without checkpoints, and
// reports wall time, time per month and where it went, the ratio of a month to one
// bandwidth-bound pass over the agent state (measured in the same run), peak RSS; then the cost
// of one checkpoint (write) and of resuming from it. Target (issue 11): a full-scale month without
// the twin in <= 0.35 s and <= 5 bandwidth-bound passes.
//   build/release/bench/simulation_bench [SCENARIO] [MONTHS] [SCALE] [twin|no-twin] [months-only]
// (the no-AI twin, on by default as in `floe simulate`, doubles the work and the agent records;
// `months-only` skips the checkpoint and resume, for comparing two builds' months back to back).
#include <fmt/format.h>
#include <omp.h>

#include <cstdlib>
#include <string_view>
#include <vector>

#include "bench_util.h"
#include "floe/simulation.h"

using namespace floe;

int main(int argc, char** argv) {
  const std::string scenario_file = argc > 1 ? argv[1] : "scenarios/baseline.toml";
  const int months = argc > 2 ? std::atoi(argv[2]) : 120;
  const double scale = argc > 3 ? std::atof(argv[3]) : 1.0;
  const SimulationOptions options{.twin = !(argc > 4 && std::string_view(argv[4]) == "no-twin")};
  const bool months_only = argc > 5 && std::string_view(argv[5]) == "months-only";
  Scenario sc = read_scenario(scenario_file);
  sc.run.months = months;
  sc.run.checkpoint_every = 600;  // never within the run: timed separately below
  const Dataset ds = load_dataset({});
  const Cells cells = build_cells(ds);
  auto start = std::chrono::steady_clock::now();
  Population p = synthesize(ds, cells, {.scale = scale, .seed = sc.run.seed});
  const double t_synth = bench::seconds_since(start);
  const std::size_t agents = p.size();
  fmt::print("Simulation benchmark: {} ({} months), {} agents, {} threads, {}\n", sc.name, months,
             agents, omp_get_max_threads(), options.twin ? "with the no-AI twin" : "no twin");
  fmt::print("  synthesis: {:.2f} s\n", t_synth);
  start = std::chrono::steady_clock::now();
  const std::uint64_t faults_before = bench::page_faults();
  const SimulationResult r = simulate(ds, cells, std::move(p), sc, options);
  const double wall = bench::seconds_since(start);
  const std::uint64_t faults = bench::page_faults() - faults_before;
  const auto& t = r.seconds;
  fmt::print(
      "  simulate: {:.1f} s wall (incl. setup {:.1f} s); {:.3f} s per month (target <= 0.35)\n",
      wall, wall - r.seconds_per_month * months, r.seconds_per_month);
  fmt::print("    page faults: {} (setup and months)\n", faults);
  fmt::print("    per month, by substep (docs/engine.md):\n");
  for (const SubstepSeconds& s : t) {
    fmt::print("      {:<7} {:<20} {:.4f} s\n", s.model, s.substep, s.seconds / months);
  }
  const std::uint64_t state_bytes = r.slots * 16;
  const double bandwidth = bench::copy_bandwidth(512 << 20);
  const double pass = bench::bandwidth_bound_seconds(state_bytes, bandwidth);
  fmt::print(
      "  agent state: {} records ({} with free slots); one bandwidth-bound pass over it "
      "({:.1f} GB/s copy): {:.3f} s; a month is {:.1f} such passes (target <= 5)\n",
      r.slots, bench::human_bytes(static_cast<double>(state_bytes)), bandwidth / 1e9, pass,
      r.seconds_per_month / pass);
  const auto& last = r.output.state_major.back();
  double employed = 0, unemployed = 0;
  for (const auto& f : last) {
    employed += f.employed;
    unemployed += f.unemployed;
  }
  fmt::print("  month {}: unemployment {:.2f}%\n", r.last_month,
             100 * unemployed / (employed + unemployed));
  fmt::print("  peak RSS: {}\n", bench::human_bytes(static_cast<double>(bench::peak_rss_bytes())));
  if (months_only) return 0;

  // One checkpoint and a resume from it, at a short horizon, through the step API.
  const std::filesystem::path checkpoint = "out/bench-checkpoint.ckpt";
  std::filesystem::create_directories("out");
  Scenario two = sc;
  two.run.months = 2;
  {
    Simulation sim(ds, cells, synthesize(ds, cells, {.scale = scale, .seed = sc.run.seed}), two,
                   options.twin);
    sim.step();
    start = std::chrono::steady_clock::now();
    sim.checkpoint(checkpoint);
    fmt::print("  checkpoint: {:.2f} s to write one ({:.2f} GB on disk)\n",
               bench::seconds_since(start), std::filesystem::file_size(checkpoint) / 1e9);
  }
  start = std::chrono::steady_clock::now();
  Simulation resumed = Simulation::resume(ds, cells, checkpoint);
  resumed.step();
  fmt::print("  resume from it and run one month: {:.2f} s\n", bench::seconds_since(start));
  std::filesystem::remove(checkpoint);
  return 0;
}
