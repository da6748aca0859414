#include <algorithm>
#include <cmath>

#include "floe/error.h"
#include "floe/market.h"
#include "market/sector_split.h"

namespace floe {
namespace {

// The seed of docs/method.md §5: seed[s,o] = sum_c E[s,c] * N[o] w[o,c] / sum_o' N[o'] w[o',c]
// over the occupation's clusters c.
std::vector<double> seed_by_cluster(const Dataset& ds, const std::vector<bool>& has_margins) {
  const Taxonomy& t = ds.taxonomy;
  const LaborData& l = ds.labor;
  const std::size_t n_clusters = t.clusters.size(), n_occ = t.occupations.size();
  std::vector<double> cluster_national(n_clusters, 0.0);  // sum_o N[o] w[o,c]
  for (std::size_t o = 0; o < n_occ; ++o) {
    for (const ClusterShare& cs : t.occupation_clusters.row(o)) {
      cluster_national[cs.cluster.index()] += l.national[o].employment * cs.share;
    }
  }
  std::vector<double> seed(ds.geography.states.size() * n_occ, 0.0);
  for (std::size_t s = 0; s < ds.geography.states.size(); ++s) {
    if (!has_margins[s]) continue;
    for (std::size_t o = 0; o < n_occ; ++o) {
      for (const ClusterShare& cs : t.occupation_clusters.row(o)) {
        const std::size_t c = cs.cluster.index();
        double e = l.state_cluster_employment[s * n_clusters + c];
        if (std::isnan(e) || cluster_national[c] <= 0) e = 0;  // cluster absent in the state
        seed[s * n_occ + o] += e * l.national[o].employment * cs.share / cluster_national[c];
      }
    }
  }
  return seed;
}

// Iterative proportional fitting of x (states x occupations) to row totals `rows` and column
// totals `cols` (scaled to the same grand total). Returns iterations used and the largest
// relative margin error left.
std::pair<int, double> rake(std::vector<double>& x, std::size_t n_rows, std::size_t n_cols,
                            const std::vector<double>& rows, std::vector<double> cols,
                            const CellOptions& options) {
  double row_total = 0, col_total = 0;
  for (double r : rows) row_total += r;
  for (double c : cols) col_total += c;
  if (col_total > 0) {
    for (double& c : cols) c *= row_total / col_total;
  }
  std::vector<double> sums(std::max(n_rows, n_cols));
  double error = 0;
  int it = 0;
  for (; it < options.max_iterations; ++it) {
    // Columns.
    std::fill(sums.begin(), sums.begin() + n_cols, 0.0);
    for (std::size_t r = 0; r < n_rows; ++r) {
      for (std::size_t c = 0; c < n_cols; ++c) sums[c] += x[r * n_cols + c];
    }
    for (std::size_t r = 0; r < n_rows; ++r) {
      for (std::size_t c = 0; c < n_cols; ++c) {
        if (sums[c] > 0) x[r * n_cols + c] *= cols[c] / sums[c];
      }
    }
    // Rows, then the error on both margins.
    error = 0;
    for (std::size_t r = 0; r < n_rows; ++r) {
      double sum = 0;
      for (std::size_t c = 0; c < n_cols; ++c) sum += x[r * n_cols + c];
      if (sum > 0) {
        const double f = rows[r] / sum;
        for (std::size_t c = 0; c < n_cols; ++c) x[r * n_cols + c] *= f;
      }
    }
    std::fill(sums.begin(), sums.begin() + n_cols, 0.0);
    for (std::size_t r = 0; r < n_rows; ++r) {
      for (std::size_t c = 0; c < n_cols; ++c) sums[c] += x[r * n_cols + c];
    }
    for (std::size_t c = 0; c < n_cols; ++c) {
      if (cols[c] > 0) error = std::max(error, std::abs(sums[c] - cols[c]) / cols[c]);
    }
    if (error <= options.tolerance) break;
  }
  return {it + 1, error};
}

std::uint8_t wage_flags(WageSource source) {
  switch (source) {
    case WageSource::kFromHourly:
      return kWageFromHourly;
    case WageSource::kTopCoded:
      return kWageTopCoded;
    default:
      return 0;
  }
}

}  // namespace

Cells build_cells(const Dataset& ds, const CellOptions& options) {
  const Taxonomy& t = ds.taxonomy;
  const LaborData& l = ds.labor;
  const Geography& g = ds.geography;
  const std::size_t n_states = g.states.size();
  const std::size_t n_occ = t.occupations.size();

  std::vector<bool> has_margins(n_states);
  std::vector<double> state_totals(n_states, 0.0);
  for (std::size_t s = 0; s < n_states; ++s) {
    has_margins[s] = !std::isnan(l.state_total_employment[s]);
    if (!has_margins[s] && !g.states[s].territory) {
      throw DataError(l.totals_file, 0, "state", "no employment margins for " + g.states[s].name);
    }
    if (has_margins[s]) state_totals[s] = l.state_total_employment[s];
  }

  Cells cells;
  cells.occupations = n_occ;
  cells.sectors = t.sectors.size();
  cells.state_employment = seed_by_cluster(ds, has_margins);
  if (options.method == CellMethod::kRaked) {
    std::vector<double> national(n_occ);
    for (std::size_t o = 0; o < n_occ; ++o) national[o] = l.national[o].employment;
    std::tie(cells.iterations, cells.max_margin_error) =
        rake(cells.state_employment, n_states, n_occ, state_totals, national, options);
  }

  cells.state_wage.assign(n_states * n_occ, 0.0);
  cells.state_flags.assign(n_states * n_occ, kEmploymentEstimated);
  const bool published = !l.state_employment.empty();
  for (std::size_t s = 0; s < n_states; ++s) {
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::size_t i = s * n_occ + o;
      std::uint8_t& flags = cells.state_flags[i];
      if (published && l.state_employment[i] >= 0 && has_margins[s]) {
        cells.state_employment[i] = l.state_employment[i];
        flags = 0;
      }
      const Wage& w = l.state_wages[i];
      if (w.source != WageSource::kMissing) {
        cells.state_wage[i] = w.annual;
        flags |= wage_flags(w.source);
      } else {
        cells.state_wage[i] = l.national[o].mean.annual;
        flags |= kWageNational | wage_flags(l.national[o].mean.source);
      }
      if (t.occupations[o].task_source == TaskSource::kImputed) flags |= kTasksImputed;
    }
  }

  split_by_sector(ds, cells);
  split_by_county(ds, cells);
  return cells;
}

}  // namespace floe
