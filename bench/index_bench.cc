// Benchmark: the full Iceberg Index on the shipped data (issue 3: all ~3,100 counties x ~800
// occupations in under 1 s; issue 12: with NAICS sectors, every breakdown still under 1 s).
// Times the cell estimation (seed + IPF, the sector split of every state cell by the staffing
// pattern, county cells), the index at every level (nation, states, counties, occupations, SOC
// groups, sectors, state x sector, metro areas, with every figure's range over the
// ensemble of docs/method.md §12), the tables
// of every breakdown, and the county pass alone, whose cell bytes are compared with a
// bandwidth-bound pass.
//   build/release/bench/index_bench [DATA_DIR] [REPEATS]
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "bench_util.h"
#include "floe/index.h"

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
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 7;
  const Dataset ds = load_dataset(options);

  std::vector<double> t_cells, t_index, t_tables, t_counties;
  Cells cells;
  IndexResult r;
  double sink = 0;
  for (int i = 0; i < repeats; ++i) {
    auto start = std::chrono::steady_clock::now();
    cells = build_cells(ds);
    t_cells.push_back(bench::seconds_since(start));
    start = std::chrono::steady_clock::now();
    r = compute_index(ds, cells, {});
    t_index.push_back(bench::seconds_since(start));
    start = std::chrono::steady_clock::now();
    for (Breakdown b :
         {Breakdown::kNation, Breakdown::kState, Breakdown::kCounty, Breakdown::kOccupation,
          Breakdown::kMajor, Breakdown::kIndustry, Breakdown::kStateIndustry, Breakdown::kMetro}) {
      sink += static_cast<double>(index_table(ds, r, b).rows.size());
    }
    t_tables.push_back(bench::seconds_since(start));
    // The county pass alone: sum emp * wage * E over every county x occupation cell.
    start = std::chrono::steady_clock::now();
    const std::size_t n_occ = cells.occupations;
    for (std::size_t c = 0; c < ds.geography.counties.size(); ++c) {
      const std::size_t s = ds.geography.counties[c].state.index();
      const double* emp = &cells.county_employment[c * n_occ];
      const double* wage = &cells.state_wage[s * n_occ];
      double exposed = 0;
      for (std::size_t o = 0; o < n_occ; ++o) {
        const double e = r.exposure[o];
        if (e == e) exposed += emp[o] * wage[o] * e;
      }
      sink += exposed;
    }
    t_counties.push_back(bench::seconds_since(start));
  }
  const std::size_t county_cells = ds.geography.counties.size() * cells.occupations;
  const std::size_t bytes = county_cells * sizeof(double);  // county employment read once
  const double bandwidth = bench::copy_bandwidth(256 << 20);
  const double bound = bench::bandwidth_bound_seconds(bytes, bandwidth);
  fmt::print("Iceberg Index on {} ({} states, {} counties, {} occupations; {} county cells)\n",
             ds.data_dir.string(), ds.geography.states.size(), ds.geography.counties.size(),
             cells.occupations, county_cells);
  fmt::print("  {} sectors; {} occupation x sector entries; {} state x sector cells\n",
             ds.taxonomy.sectors.size(), ds.taxonomy.occupation_sectors.values.size(),
             ds.geography.states.size() * ds.taxonomy.occupation_sectors.values.size());
  fmt::print("  cells (seed + IPF, {} iterations; sector and county splits): median {:.4f} s\n",
             cells.iterations, median(t_cells));
  fmt::print("  index at every level incl. sectors and the ensemble ranges: median {:.4f} s\n",
             median(t_index));
  fmt::print("  tables of all 8 breakdowns: median {:.4f} s\n", median(t_tables));
  fmt::print("  total cells + index + tables: {:.4f} s (target < 1 s)\n",
             median(t_cells) + median(t_index) + median(t_tables));
  fmt::print(
      "  county pass: median {:.5f} s over {} of county employment; bandwidth {:.1f} GB/s; "
      "bound {:.5f} s; ratio {:.1f}x\n",
      median(t_counties), bench::human_bytes(bytes), bandwidth / 1e9, bound,
      median(t_counties) / bound);
  fmt::print("  national iceberg {:.4f} (check {:.3g})\n", r.nation.iceberg(), sink);
  fmt::print("  peak RSS: {}\n", bench::human_bytes(bench::peak_rss_bytes()));
  return 0;
}
