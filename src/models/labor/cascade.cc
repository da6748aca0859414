// Cascades (docs/model.md §8): each tradable job lost to AI takes m(t) of the county's
// non-tradable jobs with it; automating support work lowers the multiplier itself.
#include <algorithm>

#include "models/labor/county.h"
#include "models/labor/model.h"

namespace floe::labor {

void declare_cascade_keys(CascadeSettings& s, engine::Schema& schema) {
  using engine::When;
  schema.number("cascade.multiplier", s.multiplier, 0, 10,
                "Local non-tradable jobs per tradable job (Moretti 2010: 1.6)", When::kAnyMonth);
  schema.number("cascade.support_automation", s.support_automation, 0, 1,
                "How much automating support functions lowers the multiplier", When::kAnyMonth);
}

// m(t) = m_0 (1 − ρ Ē_43(t) Ā(t)).
void multiplier_step(World& w, int) {
  const CascadeSettings& s = w.settings->cascade;
  MonthTables& m = w.tables;
  m.multiplier = s.multiplier * (1.0 - s.support_automation * m.support_exposure * m.mean_adoption);
}

// The county's non-tradable employed separate with hazard min(0.5, m(t) D_c / E_c^nt), split
// over its non-tradable subcells multinomially (conditional binomials in subcell order).
void cascade_step(World& w, int month, std::size_t county, int thread) {
  CountyScratch& s = w.scratch_of(thread);
  const MonthTables& m = w.tables;
  if (s.tradable_displaced <= 0 || m.multiplier <= 0) return;
  const CountyRange c = county_range(w, county);
  const Layout& l = w.fixed.layout;
  const std::vector<std::uint8_t>& tradable = w.fixed.tradable;
  const engine::Slots& slots = *w.slots;
  const auto t = static_cast<std::uint32_t>(month);
  double local = 0;
  for (const engine::GroupSlots& g : slots.open_groups(county)) {
    const std::size_t k = g.group;
    if (!tradable[l.entry_group[k - c.first]]) local += slots.employed(k);
  }
  s.picks.clear();
  if (local > 0) {
    const double hazard = std::min(0.5, m.multiplier * s.tradable_displaced / local);
    std::uint32_t events = engine::binomial(static_cast<std::uint32_t>(local), hazard,
                                            w.rng.uniform(stream(Draw::kCascade), county, t));
    for (const engine::GroupSlots& g : slots.open_groups(county)) {
      const std::size_t k = g.group;
      if (events == 0) break;
      const std::size_t e = k - c.first;
      if (tradable[l.entry_group[e]] || slots.employed(k) == 0) continue;
      const double share = slots.employed(k) / local;
      local -= slots.employed(k);
      const std::uint32_t here = std::min(
          slots.employed(k), local <= 0 ? events
                                        : engine::binomial(events, share,
                                                           w.rng.uniform(stream(Draw::kCascade),
                                                                         nth(county, 1 + e), t)));
      draw_without_replacement(w, s, static_cast<std::uint32_t>(k), slots.start(k),
                               slots.employed(k), here, Draw::kCascadePick, t);
      events -= here;
    }
  }
  CountyEvents& out = w.events_of(thread);
  const std::size_t majors = w.output->majors;
  for (std::size_t i = 0; i < s.picks.size(); ++i) {
    prefetch_pick(w, s, i + kPrefetchAhead);
    separate(w, s, s.picks[i], kDisplacedIndirect, month, c.first);
    const std::size_t major = l.occupation_major[l.entry_occupation[s.picks[i].k - c.first]];
    out.by_state_major[c.state * majors + major].displaced_indirect += 1;
    out.by_county_major[county * majors + major].displaced_indirect += 1;
  }
}

}  // namespace floe::labor
