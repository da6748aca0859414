// Labor supply (docs/model.md §17): the labor force grows as BLS projects employment to grow, so
// that a run without AI progress neither tightens nor slackens by itself. Entrants join the
// unemployed of a subcell of their county, in proportion to the county's labor force at the
// start (another sector of the same occupation when that one is full), and search from the next
// month.
#include <algorithm>
#include <cmath>

#include "models/labor/county.h"
#include "models/labor/model.h"

namespace floe::labor {

void declare_supply_keys(SupplySettings& s, engine::Schema& schema) {
  schema.number("supply.growth", s.growth, -0.5, 1,
                "Growth of the labor force over ten years (BLS Employment Projections 2024-34, "
                "Table 1.1: total employment +3.1%)",
                engine::When::kAnyMonth);
}

// How many join in each county this month: Binomial(L_c(0), r), r = (1 + G)^(1/120) - 1; and
// the first id of each county's entrants, counties in order, so ids do not depend on threads.
void entrants_step(World& w, int month) {
  MonthTables& m = w.tables;
  const std::size_t counties = w.fixed.layout.counties;
  m.entrants.assign(counties, 0);
  m.entrant_id.assign(counties, 0);
  const double rate = std::pow(1.0 + w.settings->supply.growth, 1.0 / 120.0) - 1.0;
  const auto t = static_cast<std::uint32_t>(month);
  for (std::size_t c = 0; c < counties && rate > 0; ++c) {
    const std::uint32_t n = w.fixed.start_county_agents[c];
    m.entrants[c] = engine::binomial(n, rate, w.rng.uniform(stream(Draw::kEntrants), c, t));
    m.entrant_id[c] = w.next_id;
    w.next_id += m.entrants[c];
  }
}

// Each entrant picks a subcell of the county in proportion to its labor force at the start.
void entrants_county_step(World& w, int month, std::size_t county, int thread) {
  const std::uint32_t n = w.tables.entrants[county];
  if (n == 0) return;
  const CountyRange c = county_range(w, county);
  const Layout& l = w.fixed.layout;
  engine::Slots& slots = *w.slots;
  CountyEvents& out = w.events_of(thread);
  const auto t = static_cast<std::uint32_t>(month);
  const double total = w.fixed.start_county_agents[county];
  const auto begin = w.fixed.start_cumulative.begin();
  for (std::uint32_t j = 0; j < n; ++j) {
    const auto pick = static_cast<std::uint32_t>(
        w.rng.uniform(stream(Draw::kEntrantPick), nth(county, j), t) * total);
    const std::size_t k = static_cast<std::size_t>(
        std::upper_bound(begin + static_cast<std::ptrdiff_t>(c.first),
                         begin + static_cast<std::ptrdiff_t>(c.last - 1), pick) -
        begin);
    const std::uint32_t e = static_cast<std::uint32_t>(k - c.first);
    const std::uint16_t o = l.entry_occupation[e];
    AgentRecord a{static_cast<std::uint16_t>(county),
                  o,
                  l.entry_group[e],
                  kUnemployed,
                  static_cast<std::uint16_t>(kMonthBase + month),
                  static_cast<float>(w.cells->state_wage[c.state * l.occupations + o]),
                  w.tables.entrant_id[county] + j};
    if (slots.put_in(k, engine::kUnemployedBlock, a)) continue;
    // A full subcell: another sector of the same occupation in the county, in entry order, so
    // that an entrant rarely forces a repack of every slot.
    bool placed = false;
    for (std::size_t j = c.first + l.entry_offset[o]; j < c.first + l.entry_offset[o + 1]; ++j) {
      if (j == k) continue;
      AgentRecord there = a;
      there.industry = l.entry_group[j - c.first];
      if ((placed = slots.put_in(j, engine::kUnemployedBlock, there))) break;
    }
    if (!placed) out.seekers.push_back({static_cast<std::uint32_t>(k), a});
  }
}

// Entrants whose subcell was full, placed when every county is done (by every rank: a repack is
// decided together).
void seekers_step(World& w, int) {
  std::vector<Arrival> seekers;
  for (CountyEvents& e : w.events)
    seekers.insert(seekers.end(), e.seekers.begin(), e.seekers.end());
  w.slots->place_seekers(std::move(seekers));
}

}  // namespace floe::labor
