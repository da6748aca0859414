// Aggregating cells into the index at every level (docs/method.md §7).
#include <algorithm>
#include <cmath>
#include <map>

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

// A share of a cell's figures.
IndexFigures scaled(IndexFigures f, double share) {
  f.employment *= share;
  f.wage_bill *= share;
  f.exposed_wages *= share;
  f.exposed_workers *= share;
  f.surface_wages *= share;
  f.uncovered_employment *= share;
  return f;
}

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

std::string states_of(const Geography& g, const std::vector<CountyId>& counties) {
  std::string out;
  for (CountyId c : counties) {
    const std::string& usps = g.states[g[c].state.index()].usps;
    if (out.find(usps) == std::string::npos) out += (out.empty() ? "" : "-") + usps;
  }
  return out;
}

// Metropolitan areas (docs/method.md §5): published ones from the OEWS MSA file, with the
// national mean wage where the area's is not released; otherwise the metropolitan CBSAs of the
// delineation, each the sum of its counties.
std::vector<MetroFigures> metro_figures(const Dataset& ds, const IndexResult& r) {
  const Geography& g = ds.geography;
  const LaborData& l = ds.labor;
  std::vector<MetroFigures> out;
  if (!l.metros.empty()) {
    const std::size_t n_occ = l.national.size();
    for (std::size_t m = 0; m < l.metros.size(); ++m) {
      MetroFigures f{
          l.metros[m].code, l.metros[m].title, states_of(g, l.metros[m].counties), {}, true};
      for (std::size_t o = 0; o < n_occ; ++o) {
        const double emp = l.metro_employment[m * n_occ + o];
        if (emp <= 0) continue;
        const Wage& w = l.metro_wages[m * n_occ + o];
        const double wage = w.source == WageSource::kMissing ? l.national[o].mean.annual : w.annual;
        f.figures.add(cell_figures(emp, wage, r.exposure[o], r.surface_occupation[o], false));
      }
      out.push_back(std::move(f));
    }
    return out;
  }
  std::map<std::string, std::size_t> index;  // CBSA code -> position in `out`
  for (std::size_t c = 0; c < g.counties.size(); ++c) {
    const County& county = g.counties[c];
    if (county.cbsa_kind != CbsaKind::kMetropolitan) continue;
    auto [it, added] = index.emplace(county.cbsa_code, out.size());
    if (added) out.push_back({county.cbsa_code, county.cbsa_title, "", {}, false});
    MetroFigures& f = out[it->second];
    f.figures.add(r.counties[c]);
    const std::string& usps = g.states[county.state.index()].usps;
    if (f.states.find(usps) == std::string::npos) f.states += (f.states.empty() ? "" : "-") + usps;
  }
  std::sort(out.begin(), out.end(),
            [](const MetroFigures& a, const MetroFigures& b) { return a.code < b.code; });
  return out;
}

}  // namespace

IndexResult compute_index(const Dataset& ds, const Cells& cells, const IndexOptions& options) {
  const Taxonomy& t = ds.taxonomy;
  const Geography& g = ds.geography;
  const std::size_t n_occ = cells.occupations;
  const std::size_t n_states = g.states.size();
  const std::size_t n_sectors = t.sectors.size();
  const std::size_t entries = t.occupation_sectors.values.size();

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
  r.industries.assign(n_sectors, {});
  r.state_industries.assign(n_states * n_sectors, {});
  r.county_source = cells.county_source;
  for (std::size_t s = 0; s < n_states; ++s) {
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::size_t i = s * n_occ + o;
      const IndexFigures f =
          cell_figures(cells.state_employment[i], cells.state_wage[i], r.exposure[o],
                       r.surface_occupation[o], cells.state_flags[i] & kEmploymentEstimated);
      r.states[s].add(f);
      r.occupations[o].add(f);
      // Sectors: the cell's sector split (docs/method.md §5), estimated in every state; a
      // national sector figure is estimated where BLS suppressed a cell of it.
      for (std::uint32_t e = t.occupation_sectors.offsets[o];
           e < t.occupation_sectors.offsets[o + 1]; ++e) {
        const SectorShare& entry = t.occupation_sectors.values[e];
        IndexFigures part = scaled(f, cells.sector_share[s * entries + e]);
        part.estimated = part.estimated || entry.estimated;
        r.industries[entry.sector.index()].add(part);
        part.estimated = true;
        r.state_industries[s * n_sectors + entry.sector.index()].add(part);
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

  r.metros = metro_figures(ds, r);

  // Per state: gap and concentration across sectors (docs/method.md §8).
  for (std::size_t s = 0; s < n_states; ++s) {
    StateExtras& x = r.state_extras[s];
    x.gap = r.states[s].iceberg() - r.states[s].surface();
    const double total = r.states[s].exposed_wages;
    for (std::size_t k = 0; k < n_sectors; ++k) {
      const double exposed = r.state_industries[s * n_sectors + k].exposed_wages;
      const double share = total > 0 ? exposed / total : 0.0;
      x.hhi += share * share;
    }
  }
  // Every figure's interval over the ensemble (docs/method.md §12).
  detail::compute_ranges(ds, cells, options, weights, r);
  return r;
}

}  // namespace floe
