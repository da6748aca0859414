// Benchmark: replicates (`floe simulate --replicates N`, issue 14) one after another and side by
// side. Runs N replicates of the scenario at SCALE for MONTHS months with the no-AI twin, first
// one at a time (each with every thread), then as many at once as the threads and the memory
// allow (replicates_at_once), and checks that both give the same national series.
//   build/release/bench/replicates_bench [SCENARIO] [N] [SCALE] [MONTHS]
#include <fmt/format.h>
#include <omp.h>

#include <cstdlib>

#include "bench_util.h"
#include "floe/simulation.h"

using namespace floe;

int main(int argc, char** argv) {
  const std::string scenario_file = argc > 1 ? argv[1] : "scenarios/baseline.toml";
  const int count = argc > 2 ? std::atoi(argv[2]) : 4;
  const double scale = argc > 3 ? std::atof(argv[3]) : 0.002;
  Scenario sc = read_scenario(scenario_file);
  sc.run.months = argc > 4 ? std::atoi(argv[4]) : 24;
  sc.run.checkpoint_every = 600;  // replicates keep no checkpoints; the run's own is not timed
  const Dataset ds = load_dataset({});
  const Cells cells = build_cells(ds);
  const int at_once = replicates_at_once(ds, count, scale, true);
  fmt::print("Replicates benchmark: {} replicates of {} at scale {:g}, {} months, {} threads\n",
             count, sc.name, scale, sc.run.months, omp_get_max_threads());
  auto start = std::chrono::steady_clock::now();
  const auto apart = run_replicates(ds, cells, sc, scale, count, true, {}, nullptr, 1);
  const double t_apart = bench::seconds_since(start);
  start = std::chrono::steady_clock::now();
  const auto together = run_replicates(ds, cells, sc, scale, count, true, {}, nullptr, at_once);
  const double t_together = bench::seconds_since(start);
  bool same = apart.size() == together.size();
  for (std::size_t r = 0; same && r < apart.size(); ++r) {
    for (std::size_t m = 0; m < apart[r].national.size(); ++m) {
      same = same && apart[r].national[m].wage_bill == together[r].national[m].wage_bill &&
             apart[r].twin_national[m].unemployed == together[r].twin_national[m].unemployed;
    }
  }
  fmt::print("  one at a time: {:.1f} s ({:.1f} s a replicate)\n", t_apart, t_apart / count);
  fmt::print("  {} at once:     {:.1f} s ({:.1f} s a replicate), {:.2f}x\n", at_once, t_together,
             t_together / count, t_apart / t_together);
  fmt::print("  same national series both ways: {}\n", same ? "yes" : "NO");
  fmt::print("  peak RSS: {}\n", bench::human_bytes(static_cast<double>(bench::peak_rss_bytes())));
  return same ? 0 : 1;
}
