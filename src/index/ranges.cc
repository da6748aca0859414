// Intervals over the ensemble (docs/method.md §12).
#include "index/ranges.h"

#include <fmt/format.h>

#include <cmath>

namespace floe {

std::vector<LayerVariant> default_ensemble() {
  // `floe validate capability` on the shipped data: the default, then the layers the fit half
  // cannot tell apart from it (docs/method.md §11).
  return {{Labeler::kMean, 0.25, false},
          {Labeler::kHuman, 0.25, false},
          {Labeler::kMean, 0.25, true},
          {Labeler::kMean, 0.5, false},
          {Labeler::kMean, 0.5, true}};
}

void Interval::widen(double v) {
  if (std::isnan(v)) return;
  if (std::isnan(low) || v < low) low = v;
  if (std::isnan(high) || v > high) high = v;
}

double below_surface_ratio(const IndexFigures& f) {
  const double s = f.surface();
  return s > 0 ? (f.iceberg() - s) / s : std::numeric_limits<double>::quiet_NaN();
}

std::string below_surface_text(const IndexResult& r) {
  const double ratio = below_surface_ratio(r.nation);
  if (std::isnan(ratio)) return "n/a";
  std::string text = fmt::format("{:.1f}x", ratio);
  const Interval& i = r.ranges.below_surface;
  if (!std::isnan(i.low) && fmt::format("{:.1f}", i.low) != fmt::format("{:.1f}", i.high)) {
    text += fmt::format(" (range {:.1f}x-{:.1f}x)", i.low, i.high);
  }
  return text;
}

std::string interval_text(const Interval& i) {
  if (std::isnan(i.low)) return "";
  return fmt::format("{:.1f}-{:.1f}%", 100 * i.low, 100 * i.high);
}

namespace detail {
namespace {

// Numerators and denominators of the index of every unit under each of V exposure vectors
// ([unit * V + v]).
struct Sums {
  std::size_t variants;
  std::vector<double> num, den;
  Sums(std::size_t units, std::size_t v) : variants(v), num(units * v, 0.0), den(units * v, 0.0) {}
  // One cell of unit i with wage bill w: every variant with an exposure adds to its sums.
  void add(std::size_t i, double w, const double* exposure) {
    double* n = &num[i * variants];
    double* d = &den[i * variants];
    for (std::size_t v = 0; v < variants; ++v) {
      if (std::isnan(exposure[v])) continue;
      n[v] += w * exposure[v];
      d[v] += w;
    }
  }
  void widen(std::vector<Interval>& out) const {
    for (std::size_t i = 0; i < out.size(); ++i) {
      for (std::size_t v = 0; v < variants; ++v) {
        if (den[i * variants + v] > 0) out[i].widen(num[i * variants + v] / den[i * variants + v]);
      }
    }
  }
};

// The index of every unit under each exposure vector (exposure[o * V + v]), folded into the
// ranges: the formulas of docs/method.md §7 on the same cells as compute_index, every cell read
// once for all vectors.
void widen_with(const Dataset& ds, const Cells& cells, const std::vector<double>& exposure,
                std::size_t variants, const std::vector<bool>& surface, IndexRanges& ranges) {
  const Taxonomy& t = ds.taxonomy;
  const std::size_t n_occ = cells.occupations, n_states = ds.geography.states.size();
  const std::size_t entries = t.occupation_sectors.values.size();
  Sums states(n_states, variants), counties(ds.geography.counties.size(), variants),
      majors(t.major_groups.size(), variants), industries(t.sectors.size(), variants),
      surface_part(1, variants);
  for (std::size_t s = 0; s < n_states; ++s) {
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::size_t i = s * n_occ + o;
      const double emp = cells.state_employment[i];
      if (emp <= 0) continue;
      const double w = emp * cells.state_wage[i];
      const double* e = &exposure[o * variants];
      states.add(s, w, e);
      majors.add(t.occupations[o].major.index(), w, e);
      if (surface[o]) surface_part.add(0, w, e);
      const auto sectors = t.occupation_sectors.row(o);
      for (std::size_t k = 0; k < sectors.size(); ++k) {
        const double share = cells.sector_share[s * entries + t.occupation_sectors.offsets[o] + k];
        industries.add(sectors[k].sector.index(), w * share, e);
      }
    }
  }
  for (std::size_t c = 0; c < ds.geography.counties.size(); ++c) {
    const std::size_t s = ds.geography.counties[c].state.index();
    for (std::size_t o = 0; o < n_occ; ++o) {
      const double emp = cells.county_employment[c * n_occ + o];
      if (emp > 0) counties.add(c, emp * cells.state_wage[s * n_occ + o], &exposure[o * variants]);
    }
  }
  states.widen(ranges.states);
  counties.widen(ranges.counties);
  majors.widen(ranges.major_groups);
  industries.widen(ranges.industries);
  for (std::size_t o = 0; o < n_occ; ++o) {
    for (std::size_t v = 0; v < variants; ++v)
      ranges.occupations[o].widen(exposure[o * variants + v]);
  }
  for (std::size_t v = 0; v < variants; ++v) {
    double num = 0, den = 0;
    for (std::size_t s = 0; s < n_states; ++s) {
      num += states.num[s * variants + v];
      den += states.den[s * variants + v];
    }
    if (!(den > 0)) continue;
    ranges.nation.widen(num / den);
    const double visible = surface_part.num[v];
    if (visible > 0) ranges.below_surface.widen((num - visible) / visible);
  }
}

}  // namespace

void compute_ranges(const Dataset& ds, const Cells& cells, const IndexOptions& options,
                    const std::vector<double>& weights, IndexResult& r) {
  IndexRanges& ranges = r.ranges;
  ranges = {};
  ranges.states.resize(ds.geography.states.size());
  ranges.counties.resize(ds.geography.counties.size());
  ranges.occupations.resize(ds.taxonomy.occupations.size());
  ranges.major_groups.resize(ds.taxonomy.major_groups.size());
  ranges.industries.resize(ds.taxonomy.sectors.size());
  if (options.ensemble.empty()) return;
  // The chosen layer's exposure, then each ensemble layer's, side by side per occupation.
  const std::size_t n_occ = r.exposure.size(), variants = options.ensemble.size() + 1;
  std::vector<double> exposure(n_occ * variants);
  for (std::size_t o = 0; o < n_occ; ++o) exposure[o * variants] = r.exposure[o];
  for (std::size_t v = 1; v < variants; ++v) {
    const LayerVariant& layer = options.ensemble[v - 1];
    IndexOptions variant = options;
    variant.layer = LayerKind::kTechnical;
    variant.technical = {layer.labeler, layer.e2_weight};
    variant.transfer = layer.transfer;
    const auto e = occupation_exposure(ds.taxonomy, make_layer(ds, variant), weights);
    for (std::size_t o = 0; o < n_occ; ++o) exposure[o * variants + v] = e[o];
  }
  widen_with(ds, cells, exposure, variants, r.surface_occupation, ranges);
}

}  // namespace detail
}  // namespace floe
