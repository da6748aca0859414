// Separations and displacement (docs/model.md §4): each month an employed agent separates into
// unemployment with hazard h = λ_layoff + κ E_o(t) A_{s,g}(t) a_o; a separation is AI's with
// probability (h − λ)/h.
#include <algorithm>
#include <cmath>

#include "models/labor/county.h"
#include "models/labor/model.h"

namespace floe::labor {

void declare_displacement_keys(DisplacementSettings& s, engine::Schema& schema) {
  using engine::When;
  schema.number("displacement.rate_at_full", s.rate_at_full, 0, 0.2,
                "Monthly displacement hazard at full exposure, adoption and automation",
                When::kAnyMonth);
  schema.number("displacement.layoffs", s.layoffs, 0, 0.2,
                "Baseline monthly layoffs and discharges (JOLTS 2023: 1.0%)", When::kAnyMonth);
}

// The hazard depends only on a subcell's state and entry: a table [state * entries + entry].
void separation_hazards_step(World& w, int) {
  const DisplacementSettings& s = w.settings->displacement;
  const Layout& l = w.fixed.layout;
  const std::size_t n_states = w.dataset->geography.states.size();
  MonthTables& m = w.tables;
  m.separation.assign(n_states * l.entries, 0.0);
  m.separation_log_stay.assign(n_states * l.entries, 0.0);
  m.separation_ai_share.assign(n_states * l.entries, 0.0f);
  for (std::size_t st = 0; st < n_states; ++st) {
    for (std::size_t e = 0; e < l.entries; ++e) {
      const std::uint16_t o = l.entry_occupation[e];
      const double ai = s.rate_at_full * m.exposure[o] *
                        m.adoption[st * l.groups + l.entry_group[e]] * w.fixed.automation[o];
      const double hazard = std::min(1.0, s.layoffs + ai);
      if (hazard <= 0) continue;
      const std::size_t i = st * l.entries + e;
      m.separation[i] = hazard;
      m.separation_log_stay[i] = hazard < 1 ? std::log1p(-hazard) : 0.0;
      m.separation_ai_share[i] = static_cast<float>(ai / hazard);
    }
  }
}

// The number of separations in a subcell is Binomial(n, h); who they are is drawn without
// replacement from its employed block.
void separations_step(World& w, int month, std::size_t county, int thread) {
  const CountyRange c = county_range(w, county);
  const Layout& l = w.fixed.layout;
  const engine::Slots& slots = *w.slots;
  const MonthTables& m = w.tables;
  const auto t = static_cast<std::uint32_t>(month);
  CountyScratch& s = w.begin_county(county, thread);
  CountyEvents& out = w.events_of(thread);
  const std::size_t majors = w.output->majors;

  const double* hazards = &m.separation[c.state * l.entries];
  const double* log_stay = &m.separation_log_stay[c.state * l.entries];
  const float* ai_share = &m.separation_ai_share[c.state * l.entries];
  s.picks.clear();
  for (const engine::GroupSlots& g : slots.open_groups(county)) {
    const std::size_t k = g.group;
    const std::uint32_t n = slots.employed(k);
    const double hazard = hazards[k - c.first];
    if (n == 0 || hazard <= 0) continue;
    const std::uint32_t events = engine::binomial(n, hazard, log_stay[k - c.first],
                                                  w.rng.uniform(stream(Draw::kSeparations), k, t));
    draw_without_replacement(w, s, static_cast<std::uint32_t>(k), slots.start(k), n, events,
                             Draw::kSeparationPick, t);
  }
  for (std::size_t i = 0; i < s.picks.size(); ++i) {
    prefetch_pick(w, s, i + kPrefetchAhead);
    const CountyScratch::Pick& pick = s.picks[i];
    const std::size_t e = pick.k - c.first;
    const std::uint16_t o = l.entry_occupation[e];
    const bool by_ai = pick.u < ai_share[e];
    separate(w, s, pick, by_ai ? kDisplacedDirect : 0, month, c.first);
    const std::size_t major = l.occupation_major[o];
    MonthFigures& fig = out.by_state_major[c.state * majors + major];
    MonthFigures& local = out.by_county_major[county * majors + major];
    if (by_ai) {
      fig.displaced_direct += 1;
      local.displaced_direct += 1;
      out.ai_displaced[o] += 1;
      if (w.fixed.tradable[l.entry_group[e]]) s.tradable_displaced += 1;
    } else {
      fig.layoffs += 1;
      local.layoffs += 1;
    }
  }
}

}  // namespace floe::labor
