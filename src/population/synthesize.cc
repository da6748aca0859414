// Synthesis of the agents from the cells (docs/population.md §1-2).
#include <omp.h>

#include <algorithm>
#include <atomic>
#include <cmath>

#include "floe/error.h"
#include "floe/population.h"
#include "floe/random.h"
#include "population/apportion.h"
#include "population/wage_shape.h"

namespace floe {
namespace {

// Job tenure: geometric with a median of 3.9 years, BLS "Employee Tenure in 2024"
// (USDL-24-1847, median years with the current employer, wage and salary workers).
constexpr double kMedianTenureMonths = 3.9 * 12;
constexpr double kMaxTenureMonths = 50 * 12;

std::uint16_t tenure_months(double u) {
  static const double log_keep = std::log(0.5) / kMedianTenureMonths;  // ln(1 - p)
  return static_cast<std::uint16_t>(std::min(std::floor(std::log(u) / log_keep), kMaxTenureMonths));
}

}  // namespace

std::vector<std::uint32_t> cell_counts(const Dataset& ds, const Cells& cells, double scale) {
  if (!(scale > 0) || scale > 1.0) throw Error("--scale must be in (0, 1]");
  const Geography& g = ds.geography;
  const std::size_t n_occ = cells.occupations;
  std::vector<std::uint32_t> counts(g.counties.size() * n_occ, 0);
  std::vector<double> real(n_occ);
  std::vector<std::uint32_t> state_counts(n_occ);
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    double total = 0;
    for (std::size_t o = 0; o < n_occ; ++o) {
      real[o] = scale * cells.state_employment[s * n_occ + o];
      total += real[o];
    }
    population::apportion(static_cast<std::uint64_t>(std::llround(total)), real, state_counts);
    const auto counties = g.state_counties.row(s);
    std::vector<double> shares(counties.size());
    std::vector<std::uint32_t> split(counties.size());
    for (std::size_t o = 0; o < n_occ; ++o) {
      // The county cells' parts of the state cell (population shares without county industry
      // data, docs/method.md §5).
      for (std::size_t k = 0; k < counties.size(); ++k) {
        shares[k] = cells.county_employment[counties[k].index() * n_occ + o];
      }
      population::apportion(state_counts[o], shares, split);
      for (std::size_t k = 0; k < counties.size(); ++k) {
        counts[counties[k].index() * n_occ + o] = split[k];
      }
    }
  }
  return counts;
}

Population synthesize(const Dataset& ds, const Cells& cells, const SynthesisOptions& options,
                      const Progress& progress) {
  const Geography& g = ds.geography;
  const Taxonomy& t = ds.taxonomy;
  const std::size_t n_occ = cells.occupations;
  const std::size_t n_counties = g.counties.size();
  if (n_counties > 65535 || n_occ > 65535 || t.sectors.size() > 255) {
    throw Error("too many counties, occupations or sectors for the agent columns");
  }
  const std::vector<std::uint32_t> counts = cell_counts(ds, cells, options.scale);
  const std::size_t first = std::min(options.first_county, n_counties);
  const std::size_t last = std::min(options.last_county, n_counties);

  Population p;
  p.counties = n_counties;
  p.occupations = n_occ;
  p.seed = options.seed;
  p.scale = options.scale;
  // The whole population's offsets (each agent's id and the key of its draws), and this one's:
  // the cells of counties outside [first, last) are empty.
  std::vector<std::uint64_t> whole(counts.size() + 1, 0);
  p.cell_offsets.assign(counts.size() + 1, 0);
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const bool here = k / n_occ >= first && k / n_occ < last;
    whole[k + 1] = whole[k] + counts[k];
    p.cell_offsets[k + 1] = p.cell_offsets[k] + (here ? counts[k] : 0);
  }
  if (whole.back() > UINT32_MAX) throw Error("more agents than 32-bit ids allow");
  if (first > 0 || last < n_counties) {
    p.county_agents.assign(n_counties, 0);
    for (std::size_t k = 0; k < counts.size(); ++k) p.county_agents[k / n_occ] += counts[k];
  }
  const std::uint64_t n = p.cell_offsets.back();
  p.allocate(n);

  std::vector<population::WageShape> shapes(n_occ);
  for (std::size_t o = 0; o < n_occ; ++o) {
    shapes[o] = population::WageShape::from_oews(ds.labor.national[o]);
  }
  const Random rng(options.seed);
  const auto& sectors = t.occupation_sectors;
  const std::size_t entries = sectors.values.size();
  std::atomic<std::uint64_t> done{0};

  // Each county's cells are one contiguous range written by one thread: the result does not
  // depend on the number of threads, and every random number is keyed by the agent's index.
#pragma omp parallel for schedule(dynamic, 4)
  for (std::size_t c = 0; c < n_counties; ++c) {
    const std::size_t s = g.counties[c].state.index();
    const double* county_weight = &cells.county_sector_weight[c * cells.sectors];
    std::vector<double> sector_weights;
    std::vector<std::uint32_t> sector_counts;
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::uint64_t begin = p.cell_offsets[c * n_occ + o];
      const std::uint64_t end = p.cell_offsets[c * n_occ + o + 1];
      if (begin == end) continue;
      // Sectors: contiguous blocks sized by the county cell's sector split, x[s,o,k] w[c,k]
      // (docs/method.md §5; the state's split when county weights are population shares).
      const auto row = sectors.row(o);
      sector_weights.resize(row.size());
      sector_counts.resize(row.size());
      for (std::size_t k = 0; k < row.size(); ++k) {
        sector_weights[k] = cells.sector_share[s * entries + sectors.offsets[o] + k] *
                            county_weight[row[k].sector.index()];
      }
      population::apportion(end - begin, sector_weights, sector_counts);
      std::uint64_t i = begin;
      const std::uint64_t to_whole = whole[c * n_occ + o] - begin;  // agent i is whole's i + this
      const double mean_wage = cells.state_wage[s * n_occ + o];
      for (std::size_t k = 0; k < row.size(); ++k) {
        const auto industry = static_cast<std::uint8_t>(row[k].sector.index());
        for (std::uint32_t j = 0; j < sector_counts[k]; ++j, ++i) {
          p.county[i] = static_cast<std::uint16_t>(c);
          p.occupation[i] = static_cast<std::uint16_t>(o);
          p.industry[i] = industry;
          p.status[i] = static_cast<std::uint8_t>(AgentStatus::kEmployed);
          const std::uint64_t agent = i + to_whole;
          p.wage[i] =
              static_cast<float>(mean_wage * shapes[o].quantile(rng.uniform(Stream::kWage, agent)));
          p.months[i] = tenure_months(rng.uniform(Stream::kTenure, agent));
          p.id[i] = static_cast<std::uint32_t>(agent);
        }
      }
    }
    const std::uint64_t so_far =
        done.fetch_add(p.cell_offsets[(c + 1) * n_occ] - p.cell_offsets[c * n_occ]) +
        (p.cell_offsets[(c + 1) * n_occ] - p.cell_offsets[c * n_occ]);
    if (progress && omp_get_thread_num() == 0) progress(so_far, n);
  }
  if (progress) progress(n, n);
  return p;
}

AgentIndex aggregate_index(const Population& p, const Geography& g,
                           const std::vector<double>& exposure) {
  AgentIndex out;
  const std::size_t n_occ = p.occupations;
  out.counties.assign(p.counties, {});
  // Within a cell the exposure is one number: sum the cell's wages, then weight once.
#pragma omp parallel for schedule(dynamic, 8)
  for (std::size_t c = 0; c < p.counties; ++c) {
    IndexFigures f;
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::uint64_t begin = p.cell_offsets[c * n_occ + o];
      const std::uint64_t end = p.cell_offsets[c * n_occ + o + 1];
      if (begin == end) continue;
      const double workers = static_cast<double>(end - begin);
      const double e = exposure[o];
      if (std::isnan(e)) {
        f.uncovered_employment += workers;
        continue;
      }
      double wages = 0;
      const float* w = p.wage.data();
#pragma omp simd reduction(+ : wages)
      for (std::uint64_t i = begin; i < end; ++i) wages += w[i];
      f.employment += workers;
      f.wage_bill += wages;
      f.exposed_wages += wages * e;
      f.exposed_workers += workers * e;
    }
    out.counties[c] = f;
  }
  out.states.assign(g.states.size(), {});
  for (std::size_t c = 0; c < p.counties; ++c)
    out.states[g.counties[c].state.index()].add(out.counties[c]);
  for (const auto& s : out.states) out.nation.add(s);
  return out;
}

}  // namespace floe
