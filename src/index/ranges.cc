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

// Numerators and denominators of the index of every unit.
struct Sums {
  std::vector<double> num, den;
  explicit Sums(std::size_t n) : num(n, 0.0), den(n, 0.0) {}
  void add(std::size_t i, double wage_bill, double exposure) {
    num[i] += wage_bill * exposure;
    den[i] += wage_bill;
  }
  void widen(std::vector<Interval>& out) const {
    for (std::size_t i = 0; i < num.size(); ++i) {
      if (den[i] > 0) out[i].widen(num[i] / den[i]);
    }
  }
};

// The index of every unit under one exposure vector, folded into the ranges (the formulas of
// docs/method.md §7 on the same cells as compute_index).
void widen_with(const Dataset& ds, const Cells& cells, const std::vector<double>& exposure,
                const std::vector<bool>& surface, IndexRanges& ranges) {
  const Taxonomy& t = ds.taxonomy;
  const std::size_t n_occ = cells.occupations, n_states = ds.geography.states.size();
  const std::size_t entries = t.occupation_groups.values.size();
  Sums states(n_states), counties(ds.geography.counties.size()), majors(t.major_groups.size()),
      industries(t.industry_groups.size());
  double surface_num = 0;
  for (std::size_t s = 0; s < n_states; ++s) {
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::size_t i = s * n_occ + o;
      const double emp = cells.state_employment[i];
      if (emp <= 0 || std::isnan(exposure[o])) continue;
      const double w = emp * cells.state_wage[i];
      states.add(s, w, exposure[o]);
      majors.add(t.occupations[o].major.index(), w, exposure[o]);
      if (surface[o]) surface_num += w * exposure[o];
      const auto groups = t.occupation_groups.row(o);
      for (std::size_t k = 0; k < groups.size(); ++k) {
        const double share = cells.group_share[s * entries + t.occupation_groups.offsets[o] + k];
        industries.add(groups[k].group.index(), w * share, exposure[o]);
      }
    }
  }
  for (std::size_t c = 0; c < ds.geography.counties.size(); ++c) {
    const std::size_t s = ds.geography.counties[c].state.index();
    for (std::size_t o = 0; o < n_occ; ++o) {
      const double emp = cells.county_employment[c * n_occ + o];
      if (emp <= 0 || std::isnan(exposure[o])) continue;
      counties.add(c, emp * cells.state_wage[s * n_occ + o], exposure[o]);
    }
  }
  states.widen(ranges.states);
  counties.widen(ranges.counties);
  majors.widen(ranges.major_groups);
  industries.widen(ranges.industries);
  for (std::size_t o = 0; o < n_occ; ++o) ranges.occupations[o].widen(exposure[o]);
  double num = 0, den = 0;
  for (std::size_t s = 0; s < n_states; ++s) {
    num += states.num[s];
    den += states.den[s];
  }
  if (den > 0) {
    ranges.nation.widen(num / den);
    if (surface_num > 0) ranges.below_surface.widen((num - surface_num) / surface_num);
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
  ranges.industries.resize(ds.taxonomy.industry_groups.size());
  if (options.ensemble.empty()) return;
  widen_with(ds, cells, r.exposure, r.surface_occupation, ranges);
  for (const LayerVariant& v : options.ensemble) {
    IndexOptions variant = options;
    variant.layer = LayerKind::kTechnical;
    variant.technical = {v.labeler, v.e2_weight};
    variant.transfer = v.transfer;
    const auto exposure = occupation_exposure(ds.taxonomy, make_layer(ds, variant), weights);
    widen_with(ds, cells, exposure, r.surface_occupation, ranges);
  }
}

}  // namespace detail
}  // namespace floe
