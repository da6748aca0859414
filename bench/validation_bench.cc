// Benchmark: the validations of issue 13, each in <= 5 s on the project's machine. Times `floe
// validate capability` (36 layers scored on both halves and 200 bootstrap resamples of the
// fit half) and `floe validate similarity` (the six similarity blocks, the recall table by tier
// and half, with the refit of the weights), the library calls the commands make, after the
// data is loaded (loading: load_bench).
//   build/release/bench/validation_bench [DATA_DIR] [REPEATS]
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "bench_util.h"
#include "floe/index.h"
#include "floe/layer_validation.h"
#include "floe/similarity_validation.h"

using namespace floe;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  DatasetOptions options;
  if (argc > 1) options.data_dir = argv[1];
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
  auto start = std::chrono::steady_clock::now();
  const Dataset ds = load_dataset(options);
  const double load = bench::seconds_since(start);
  const std::vector<double> weights = task_weights(ds.taxonomy, TaskWeighting::kOnetType);

  std::vector<double> t_capability, t_blocks, t_similarity, t_refit;
  std::size_t layers = 0, rows = 0;
  for (int i = 0; i < repeats; ++i) {
    start = std::chrono::steady_clock::now();
    const CapabilityValidation v = validate_capability(ds, build_cells(ds));
    t_capability.push_back(bench::seconds_since(start));
    layers = v.layers.size();
    start = std::chrono::steady_clock::now();
    const BlockSimilarities blocks = block_similarities(ds.taxonomy, weights);
    t_blocks.push_back(bench::seconds_since(start));
    start = std::chrono::steady_clock::now();
    rows = similarity_validation_table(ds.taxonomy, weights).rows.size();
    t_similarity.push_back(bench::seconds_since(start));
    start = std::chrono::steady_clock::now();
    fit_similarity_weights(ds.taxonomy, blocks);
    t_refit.push_back(bench::seconds_since(start));
  }
  fmt::print("Validations on {} (data loaded in {:.2f} s)\n", ds.data_dir.string(), load);
  fmt::print("  validate capability ({} layers, 200 resamples): median {:.2f} s\n", layers,
             median(t_capability));
  fmt::print("  similarity blocks (6 x {} x {}): median {:.2f} s\n", ds.taxonomy.occupations.size(),
             ds.taxonomy.occupations.size(), median(t_blocks));
  fmt::print("  validate similarity ({} rows, blocks included): median {:.2f} s\n", rows,
             median(t_similarity));
  fmt::print("  weight fit (grid 0.2 + moves of 0.1): median {:.2f} s\n", median(t_refit));
  fmt::print("  peak RSS: {}\n", bench::human_bytes(bench::peak_rss_bytes()));
  return 0;
}
