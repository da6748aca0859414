// Benchmark: the full US workforce as agents (issue 4). Synthesizes every OEWS worker
// (~151.8M agents), saves and reloads the snapshot, and aggregates the Iceberg Index over all
// agents; reports times, bytes per agent, snapshot size, peak RSS, and the aggregation's ratio to
// a bandwidth pass over the same bytes measured in the same run. Targets: <= 16 B/agent, peak RSS
// <= 4 GB, synthesis <= 30 s, aggregation <= 5x the bandwidth pass.
//   build/release/bench/population_bench [SCALE] [SNAPSHOT_PATH]
#include <fmt/format.h>
#include <omp.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "bench_util.h"
#include "floe/population.h"

using namespace floe;

namespace {

std::uint64_t digest(const Population& p) {
  // Order-independent within columns is not needed: a fixed-order FNV over sampled words is
  // enough to tell two populations apart (every 97th agent of every column).
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < p.size(); i += 97) {
    for (std::uint64_t v :
         {std::uint64_t{p.county[i]}, std::uint64_t{p.occupation[i]}, std::uint64_t{p.industry[i]},
          std::uint64_t{p.status[i]}, std::uint64_t{p.months[i]}, std::uint64_t{p.id[i]}}) {
      h = (h ^ v) * 1099511628211ull;
    }
    std::uint32_t w;
    std::memcpy(&w, &p.wage[i], 4);
    h = (h ^ w) * 1099511628211ull;
  }
  return h;
}

// A bandwidth pass: read the wage column once with all threads (the bytes the aggregation reads).
double wage_pass_seconds(const Population& p, double* sink) {
  const float* w = p.wage.data();
  const std::size_t n = p.size();
  double best = 1e30;
  for (int r = 0; r < 3; ++r) {
    double sum = 0;
    const auto start = std::chrono::steady_clock::now();
#pragma omp parallel for simd reduction(+ : sum) schedule(static)
    for (std::size_t i = 0; i < n; ++i) sum += w[i];
    best = std::min(best, bench::seconds_since(start));
    *sink += sum;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const double scale = argc > 1 ? std::atof(argv[1]) : 1.0;
  const std::filesystem::path path = argc > 2 ? argv[2] : "out/bench-us.pop";
  const Dataset ds = load_dataset({});
  const Cells cells = build_cells(ds);
  const IndexResult r = compute_index(ds, cells, {});
  fmt::print("Population benchmark: scale {:g}, {} threads\n", scale, omp_get_max_threads());

  auto start = std::chrono::steady_clock::now();
  Population p = synthesize(ds, cells, {.scale = scale, .seed = 1});
  const double t_synth = bench::seconds_since(start);
  const std::size_t n = p.size();
  fmt::print("  agents: {} ({:.1f}M)\n", n, n / 1e6);
  fmt::print("  synthesis: {:.2f} s ({:.0f} M agents/s; target <= 30 s)\n", t_synth,
             n / t_synth / 1e6);
  fmt::print("  hot state: {} bytes/agent = {} for all agents (target <= 16 B/agent)\n",
             Population::kHotBytesPerAgent,
             bench::human_bytes(double(n) * Population::kHotBytesPerAgent));

  // Aggregation over all agents vs a bandwidth pass over the same bytes.
  double sink = 0;
  const double t_pass = wage_pass_seconds(p, &sink);
  double t_agg = 1e30;
  AgentIndex a;
  for (int rep = 0; rep < 3; ++rep) {
    start = std::chrono::steady_clock::now();
    a = aggregate_index(p, ds.geography, r.exposure);
    t_agg = std::min(t_agg, bench::seconds_since(start));
  }
  const double bandwidth = bench::copy_bandwidth(512 << 20);
  const std::size_t wage_bytes = n * sizeof(float);
  fmt::print(
      "  index aggregation over all agents: {:.4f} s; bandwidth pass over the same {} "
      "(the wage column): {:.4f} s; ratio {:.2f}x (target <= 5x)\n",
      t_agg, bench::human_bytes(wage_bytes), t_pass, t_agg / t_pass);
  fmt::print(
      "  (STREAM copy bandwidth {:.1f} GB/s: one read of the wage column takes >= {:.4f} s)\n",
      bandwidth / 1e9, bench::bandwidth_bound_seconds(wage_bytes, bandwidth));
  fmt::print(
      "  agent iceberg {:.5f} vs cell iceberg {:.5f}: difference {:.4f} points (check <= 0.1)\n",
      a.nation.iceberg(), r.nation.iceberg(),
      100 * std::abs(a.nation.iceberg() - r.nation.iceberg()));

  const std::uint64_t before = digest(p);
  start = std::chrono::steady_clock::now();
  save_population(p, path, ds.data_dir.string());
  const double t_save = bench::seconds_since(start);
  const auto file_bytes = std::filesystem::file_size(path);
  fmt::print("  save: {:.2f} s, snapshot {} ({:.2f} bytes/agent)\n", t_save,
             bench::human_bytes(file_bytes), double(file_bytes) / n);
  p = Population();  // free before loading: peak memory is one population
  start = std::chrono::steady_clock::now();
  const Population q = load_population(path);
  const double t_load = bench::seconds_since(start);
  fmt::print("  load (decompress, verify checksums and cell order): {:.2f} s; identical: {}\n",
             t_load, digest(q) == before ? "yes" : "NO");
  fmt::print("  peak RSS: {} (target <= 4 GB)\n", bench::human_bytes(bench::peak_rss_bytes()));
  fmt::print("  (checksum {:.3g})\n", sink);
  std::filesystem::remove(path);
  return digest(q) == before ? 0 : 1;
}
