#include "dataset/consistency.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "floe/error.h"

namespace floe::dataset {
namespace {

// The year of the derived state margins (shared/data/derived/*_M2023.csv).
constexpr int kMarginsYear = 2023;

}  // namespace

double SumCheck::relative() const {
  if (expected == 0) return sum == 0 ? 0.0 : std::numeric_limits<double>::infinity();
  return (sum - expected) / expected;
}

bool SumCheck::within(double tol) const { return std::abs(relative()) <= tol; }

std::vector<SumCheck> sum_checks(const Dataset& ds) {
  const LaborData& l = ds.labor;
  const Geography& g = ds.geography;
  std::vector<SumCheck> out;

  double occupations = 0, national_wages = 0;
  for (const NationalOccupation& n : l.national) {
    occupations += n.employment;
    national_wages += n.employment * n.mean.annual;
  }
  out.push_back({"employment of the detailed occupations", "the all-occupations row (00-0000)",
                 l.national_file, occupations, l.national_total_employment, kEmploymentTolerance});

  double states = 0, state_wages = 0;
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    if (std::isnan(l.state_total_employment[s])) continue;
    states += l.state_total_employment[s];
    state_wages += l.state_total_wage_bill[s];
  }
  if (l.margins_national_employment > 0) {
    out.push_back({"employment of the states and territories", "the file's National row",
                   l.totals_file, states, l.margins_national_employment, kEmploymentTolerance});
  }
  if (l.year == kMarginsYear) {
    out.push_back({"employment of the states and territories", "OEWS national employment (00-0000)",
                   l.totals_file, states, l.national_total_employment, kEmploymentTolerance});
    out.push_back({"wage bills of the states and territories",
                   "the OEWS national wage bill (employment x mean wage, summed over occupations)",
                   l.totals_file, state_wages, national_wages, kWageBillTolerance});
  }

  const std::size_t n_clusters = ds.taxonomy.clusters.size();
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    if (std::isnan(l.state_total_employment[s])) continue;
    double clusters = 0;
    for (std::size_t k = 0; k < n_clusters; ++k) {
      const double e = l.state_cluster_employment[s * n_clusters + k];
      if (!std::isnan(e)) clusters += e;
    }
    out.push_back({"employment of " + g.states[s].name + "'s occupation clusters",
                   g.states[s].name + "'s total in " + l.totals_file, l.margins_file, clusters,
                   l.state_total_employment[s], kEmploymentTolerance});
  }
  return out;
}

void refuse_gross_inconsistency(const Dataset& ds) {
  for (const SumCheck& c : sum_checks(ds)) {
    if (c.within(kGrossTolerance)) continue;
    throw DataError(c.file, 0, "",
                    fmt::format("{} is {:.0f}, {:+.1f}% off {} ({:.0f}); more than {:.0f}% apart "
                                "means a wrong row or file (floe data check lists every sum)",
                                c.parts, c.sum, 100 * c.relative(), c.total, c.expected,
                                100 * kGrossTolerance));
  }
}

}  // namespace floe::dataset
