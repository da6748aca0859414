#include "market/sector_split.h"

#include <algorithm>
#include <cmath>

namespace floe {
namespace {

// Rakes one state's (occupation x sector) table, stored per staffing-pattern entry, to its row
// totals (the state cells, met exactly) and to `target` per sector where target >= 0 (the
// state's CBP sector employment scaled to the covered sectors' part of the state). Returns the
// largest relative error left on the sector totals.
double rake_state(const Taxonomy& t, const double* cell, std::vector<double>& x,
                  const std::vector<double>& target) {
  const auto& rows = t.occupation_sectors;
  std::vector<double> col(target.size());
  double error = 0;
  for (int iteration = 0; iteration < 500; ++iteration) {
    std::fill(col.begin(), col.end(), 0.0);
    for (std::size_t e = 0; e < x.size(); ++e) col[rows.values[e].sector.index()] += x[e];
    for (std::size_t e = 0; e < x.size(); ++e) {
      const std::size_t k = rows.values[e].sector.index();
      if (target[k] >= 0 && col[k] > 0) x[e] *= target[k] / col[k];
    }
    for (std::size_t o = 0; o + 1 < rows.offsets.size(); ++o) {
      double sum = 0;
      for (std::uint32_t e = rows.offsets[o]; e < rows.offsets[o + 1]; ++e) sum += x[e];
      if (sum <= 0) continue;
      for (std::uint32_t e = rows.offsets[o]; e < rows.offsets[o + 1]; ++e) x[e] *= cell[o] / sum;
    }
    std::fill(col.begin(), col.end(), 0.0);
    for (std::size_t e = 0; e < x.size(); ++e) col[rows.values[e].sector.index()] += x[e];
    error = 0;
    for (std::size_t k = 0; k < target.size(); ++k) {
      if (target[k] > 0) error = std::max(error, std::abs(col[k] / target[k] - 1));
    }
    if (error <= 1e-10) break;
  }
  return error;
}

}  // namespace

void split_by_sector(const Dataset& ds, Cells& cells) {
  const Taxonomy& t = ds.taxonomy;
  const LaborData& l = ds.labor;
  const auto& rows = t.occupation_sectors;
  const std::size_t n_states = ds.geography.states.size(), n_occ = cells.occupations;
  const std::size_t entries = rows.values.size(), n_sectors = t.sectors.size();
  const bool cbp = !l.cbp_state_sector.empty();
  cells.sector_share.assign(n_states * entries, 0.0);
  std::vector<double> x(entries), target(n_sectors);
  for (std::size_t s = 0; s < n_states; ++s) {
    const double* cell = &cells.state_employment[s * n_occ];
    // The seed: the state cell times the national staffing pattern.
    std::vector<double> seed_col(n_sectors, 0.0);
    for (std::size_t o = 0; o < n_occ; ++o) {
      for (std::uint32_t e = rows.offsets[o]; e < rows.offsets[o + 1]; ++e) {
        x[e] = cell[o] * rows.values[e].share;
        seed_col[rows.values[e].sector.index()] += x[e];
      }
    }
    if (cbp) {
      // The covered sectors keep their part of the state; CBP sets the mix among them.
      double seed_covered = 0, cbp_covered = 0;
      for (std::size_t k = 0; k < n_sectors; ++k) {
        if (!l.cbp_covered[k]) continue;
        seed_covered += seed_col[k];
        cbp_covered += l.cbp_state_sector[s * n_sectors + k];
      }
      for (std::size_t k = 0; k < n_sectors; ++k) {
        target[k] = !l.cbp_covered[k] || cbp_covered <= 0
                        ? -1.0
                        : l.cbp_state_sector[s * n_sectors + k] * seed_covered / cbp_covered;
      }
      cells.max_sector_margin_error =
          std::max(cells.max_sector_margin_error, rake_state(t, cell, x, target));
    }
    for (std::size_t o = 0; o < n_occ; ++o) {
      for (std::uint32_t e = rows.offsets[o]; e < rows.offsets[o + 1]; ++e) {
        cells.sector_share[s * entries + e] = cell[o] > 0 ? x[e] / cell[o] : rows.values[e].share;
      }
    }
  }
}

void split_by_county(const Dataset& ds, Cells& cells) {
  const Geography& g = ds.geography;
  const LaborData& l = ds.labor;
  const auto& rows = ds.taxonomy.occupation_sectors;
  const std::size_t n_occ = cells.occupations, n_sectors = cells.sectors;
  const std::size_t entries = rows.values.size();
  const bool cbp = !l.cbp_county_sector.empty();
  cells.county_source = cbp ? CountySource::kIndustry : CountySource::kStateShares;
  cells.county_share.assign(g.counties.size(), 0.0);
  cells.county_sector_weight.assign(g.counties.size() * n_sectors, 0.0);
  cells.county_employment.assign(g.counties.size() * n_occ, 0.0);
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    const auto counties = g.state_counties.row(s);
    double people = 0;
    for (CountyId c : counties) people += static_cast<double>(g[c].population);
    std::vector<double> in_counties(n_sectors, 0.0);  // the state's CBP employment in counties
    if (cbp) {
      for (CountyId c : counties) {
        for (std::size_t k = 0; k < n_sectors; ++k)
          in_counties[k] += l.cbp_county_sector[c.index() * n_sectors + k];
      }
    }
    for (CountyId c : counties) {
      // A territory is one county-equivalent: it holds all of the territory's cells.
      const double share = g[c].territory_wide ? 1.0
                           : people > 0        ? static_cast<double>(g[c].population) / people
                                               : 0.0;
      cells.county_share[c.index()] = share;
      double* w = &cells.county_sector_weight[c.index() * n_sectors];
      for (std::size_t k = 0; k < n_sectors; ++k) {
        const bool by_cbp = cbp && l.cbp_covered[k] && in_counties[k] > 0;
        w[k] = by_cbp ? l.cbp_county_sector[c.index() * n_sectors + k] / in_counties[k] : share;
      }
      for (std::size_t o = 0; o < n_occ; ++o) {
        const double cell = cells.state_employment[s * n_occ + o];
        if (cell <= 0) continue;
        double sum = 0;
        for (std::uint32_t e = rows.offsets[o]; e < rows.offsets[o + 1]; ++e) {
          sum += cells.sector_share[s * entries + e] * w[rows.values[e].sector.index()];
        }
        cells.county_employment[c.index() * n_occ + o] = cell * sum;
      }
    }
  }
}

}  // namespace floe
