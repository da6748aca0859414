// Aggregating cells into the index at every level (docs/method.md §7).
#include <algorithm>
#include <cmath>

#include "floe/index.h"
#include "index/ranges.h"

namespace floe {

void IndexFigures::add(const IndexFigures& o) {
  employment += o.employment;
  wage_bill += o.wage_bill;
  exposed_wages += o.exposed_wages;
  exposed_workers += o.exposed_workers;
  surface_wages += o.surface_wages;
  uncovered_employment += o.uncovered_employment;
  estimated = estimated || o.estimated;
}

namespace {

// One cell's contribution.
IndexFigures cell_figures(double emp, double wage, double exposure, bool surface, bool estimated) {
  IndexFigures f;
  if (emp <= 0) return f;
  f.estimated = estimated;
  if (std::isnan(exposure)) {
    f.uncovered_employment = emp;
    return f;
  }
  f.employment = emp;
  f.wage_bill = emp * wage;
  f.exposed_wages = emp * wage * exposure;
  f.exposed_workers = emp * exposure;
  if (surface) f.surface_wages = f.exposed_wages;
  return f;
}

}  // namespace

IndexResult compute_index(const Dataset& ds, const Cells& cells, const IndexOptions& options) {
  const Taxonomy& t = ds.taxonomy;
  const Geography& g = ds.geography;
  const std::size_t n_occ = cells.occupations;
  const std::size_t n_states = g.states.size();
  const std::size_t n_groups = t.industry_groups.size();
  const std::size_t entries = t.occupation_groups.values.size();

  IndexResult r;
  const CapabilityLayer layer = make_layer(ds, options);
  r.layer = layer.name;
  r.provenance = layer.provenance;
  const std::vector<double> weights = task_weights(t, options.weighting, options.weights_file);
  r.exposure = occupation_exposure(t, layer, weights);
  r.surface_occupation = surface_occupations(t, options.surface);

  r.states.assign(n_states, {});
  r.state_extras.assign(n_states, {});
  r.occupations.assign(n_occ, {});
  r.major_groups.assign(t.major_groups.size(), {});
  r.industries.assign(n_groups, {});
  std::vector<double> state_group_exposed(n_states * n_groups, 0.0);
  for (std::size_t s = 0; s < n_states; ++s) {
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::size_t i = s * n_occ + o;
      const IndexFigures f =
          cell_figures(cells.state_employment[i], cells.state_wage[i], r.exposure[o],
                       r.surface_occupation[o], cells.state_flags[i] & kEmploymentEstimated);
      r.states[s].add(f);
      r.occupations[o].add(f);
      // Industry groups: the cell's group split (docs/method.md §5).
      const auto groups = t.occupation_groups.row(o);
      for (std::size_t k = 0; k < groups.size(); ++k) {
        const double share = cells.group_share[s * entries + t.occupation_groups.offsets[o] + k];
        IndexFigures part = f;
        part.employment *= share;
        part.wage_bill *= share;
        part.exposed_wages *= share;
        part.exposed_workers *= share;
        part.surface_wages *= share;
        part.uncovered_employment *= share;
        r.industries[groups[k].group.index()].add(part);
        state_group_exposed[s * n_groups + groups[k].group.index()] += part.exposed_wages;
      }
    }
    r.nation.add(r.states[s]);
  }
  for (std::size_t o = 0; o < n_occ; ++o)
    r.major_groups[t.occupations[o].major.index()].add(r.occupations[o]);

  // Counties: the county's cells, with its state's wages.
  r.counties.assign(g.counties.size(), {});
  for (std::size_t c = 0; c < g.counties.size(); ++c) {
    const std::size_t s = g.counties[c].state.index();
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::size_t si = s * n_occ + o;
      r.counties[c].add(cell_figures(cells.county_employment[c * n_occ + o], cells.state_wage[si],
                                     r.exposure[o], r.surface_occupation[o],
                                     cells.state_flags[si] & kEmploymentEstimated));
    }
  }

  // Per state: gap and concentration across industry groups (docs/method.md §8).
  for (std::size_t s = 0; s < n_states; ++s) {
    StateExtras& x = r.state_extras[s];
    x.gap = r.states[s].iceberg() - r.states[s].surface();
    const double total = r.states[s].exposed_wages;
    for (std::size_t gi = 0; gi < n_groups; ++gi) {
      const double share = total > 0 ? state_group_exposed[s * n_groups + gi] / total : 0.0;
      x.hhi += share * share;
    }
  }
  // Every figure's interval over the ensemble (docs/method.md §12).
  detail::compute_ranges(ds, cells, options, weights, r);
  return r;
}

}  // namespace floe
