// Benchmark: load and join every input of the shipped data (what every floe run does first).
// Target (issue 2): under 2 s. Reports the median of N loads, the text bytes parsed, and the
// ratio to one bandwidth-bound pass over those bytes measured in the same run.
//   build/release/bench/load_bench [DATA_DIR] [REPEATS]
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "bench_util.h"
#include "data/text_file.h"
#include "floe/dataset.h"

using namespace floe;

int main(int argc, char** argv) {
  DatasetOptions options;
  if (argc > 1) options.data_dir = argv[1];
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  const auto dir = options.data_dir.empty() ? default_data_dir() : options.data_dir;

  std::size_t text_bytes = 0;
  for (const auto& f : dataset_files()) {
    text_bytes += data::read_text_file(data::find_data_file(dir, f)).size();
  }
  std::vector<double> times;
  std::size_t tasks = 0;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const Dataset ds = load_dataset(options);
    const Atlas atlas = load_atlas(ds.data_dir);
    times.push_back(bench::seconds_since(start));
    tasks = ds.taxonomy.tasks.size() + atlas.counties.size();
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  const double bandwidth = bench::copy_bandwidth(256 << 20);
  const double bound = bench::bandwidth_bound_seconds(text_bytes, bandwidth);
  fmt::print("load_dataset + load_atlas on {} ({} files)\n", dir.string(), dataset_files().size());
  fmt::print("  text parsed (uncompressed): {}\n", bench::human_bytes(text_bytes));
  fmt::print("  time: median {:.3f} s, min {:.3f} s, max {:.3f} s over {} loads\n", median,
             times.front(), times.back(), repeats);
  fmt::print("  parse rate: {:.0f} MB/s\n", text_bytes / median / 1e6);
  fmt::print(
      "  memory bandwidth (copy, all threads): {:.1f} GB/s; one pass over the text: "
      "{:.4f} s; ratio {:.0f}x\n",
      bandwidth / 1e9, bound, median / bound);
  fmt::print("  peak RSS: {}\n", bench::human_bytes(bench::peak_rss_bytes()));
  fmt::print("  (joined {} tasks and map shapes)\n", tasks);
  return 0;
}
