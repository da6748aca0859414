// Job search (docs/model.md §7): those unemployed since before this month find a job with
// probability f(t); a hire goes to a destination occupation, place and wage as in §6.
#include <algorithm>
#include <cmath>

#include "models/labor/county.h"
#include "models/labor/model.h"

namespace floe::labor {

void job_finding_step(World& w, int month, std::size_t county, int thread) {
  const CountyRange c = county_range(w, county);
  const Layout& l = w.fixed.layout;
  engine::Slots& slots = *w.slots;
  CountyScratch& s = w.scratch_of(thread);
  CountyEvents& out = w.events_of(thread);
  const double job_finding = w.tables.job_finding;
  const double log_finding = std::log1p(-std::min(job_finding, 0.999999));
  const auto t = static_cast<std::uint32_t>(month);

  s.picks.clear();
  for (const engine::GroupSlots& g : slots.open_groups(county)) {
    const std::size_t k = g.group;
    const std::uint32_t recent = s.fresh[k - c.first];
    const std::uint32_t n = slots.unemployed(k) - recent;
    if (n == 0) continue;
    const std::uint32_t hires =
        engine::binomial(n, job_finding, log_finding, w.rng.uniform(stream(Draw::kFinding), k, t));
    draw_without_replacement(w, s, static_cast<std::uint32_t>(k),
                             slots.block_begin(k, engine::kUnemployedBlock) + recent, n, hires,
                             Draw::kFindingPick, t);
  }
  auto& leaving = w.leaving[county];
  for (std::size_t i = 0; i < s.picks.size(); ++i) {
    prefetch_pick(w, s, i + kPrefetchAhead);
    AgentRecord a = slots.take_out(s.picks[i].k, s.picks[i].position, engine::kUnemployedBlock);
    const std::uint32_t to = take_new_job(w, a, 1.0, true, out);
    (to / l.entries == county ? s.arrivals : leaving).push_back({to, a});
  }
}

}  // namespace floe::labor
