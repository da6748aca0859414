// Benchmark: reading BLS workbooks as published (issue 12: the state workbook, ~36k rows, in
// under 1 s). Times the workbook -> CSV text step (unzip + XML) and the whole OEWS read (that plus
// the delimited reader), median of REPEATS, and compares the XML bytes inflated with a
// bandwidth-bound pass over them.
//   build/release/bench/xlsx_bench WORKBOOK.xlsx [REPEATS]
// The real state workbook is not in the offline data; bench/make_state_size_workbook.py builds
// one of its size from the real natsector_M2023_dl.xlsx (its rows repeated, its shared strings,
// styles and number formats kept). BENCHMARKS.md has both runs.
#include <fmt/format.h>

#include <time.h>

#include <algorithm>
#include <vector>

#include "bench_util.h"
#include "data/oews.h"
#include "data/xlsx.h"

using namespace floe;

namespace {

// CPU seconds of this process: on a machine shared with other jobs, wall time also counts the
// time the scheduler gave to them.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: xlsx_bench WORKBOOK.xlsx [REPEATS]\n");
    return 2;
  }
  const std::filesystem::path path = argv[1];
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<double> t_text, t_read, cpu_read;
  std::size_t text_bytes = 0, rows = 0;
  for (int i = 0; i < repeats; ++i) {
    auto start = std::chrono::steady_clock::now();
    const std::string text = data::xlsx_sheet_as_csv(path);
    t_text.push_back(bench::seconds_since(start));
    text_bytes = text.size();
    start = std::chrono::steady_clock::now();
    const double cpu = cpu_seconds();
    const data::OewsTable table = data::read_oews(path, data::OewsScope::kSectors);
    t_read.push_back(bench::seconds_since(start));
    cpu_read.push_back(cpu_seconds() - cpu);
    rows = table.rows.size();
  }
  const double bandwidth = bench::copy_bandwidth(256 << 20);
  const double bound = bench::bandwidth_bound_seconds(text_bytes, bandwidth);
  fmt::print("xlsx read of {} ({} on disk; {} of CSV text, {} data rows)\n", path.string(),
             bench::human_bytes(static_cast<double>(std::filesystem::file_size(path))),
             bench::human_bytes(static_cast<double>(text_bytes)), rows);
  fmt::print("  workbook -> CSV text (libzip + expat): median {:.3f} s\n", median(t_text));
  fmt::print(
      "  whole OEWS read (text + delimited reader): median {:.3f} s wall, {:.3f} s CPU (target "
      "< 1 s)\n",
      median(t_read), median(cpu_read));
  fmt::print("  bandwidth {:.1f} GB/s; one pass over the text {:.5f} s; ratio {:.0f}x\n",
             bandwidth / 1e9, bound, median(t_read) / bound);
  fmt::print("  peak RSS: {}\n", bench::human_bytes(static_cast<double>(bench::peak_rss_bytes())));
  return 0;
}
