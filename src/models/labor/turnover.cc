// Job-to-job moves and labor-force exits (docs/model.md §6): quits, some into another occupation
// (BLS occupational transfer rates); exits (BLS labor force exit rates), each replaced at once by
// a new worker in the same job.
#include <algorithm>
#include <functional>

#include "models/labor/county.h"
#include "models/labor/model.h"

namespace floe::labor {
namespace {

// The movers of subcell k: `events` distinct positions of its n employed (Floyd's algorithm),
// from the highest down, so that taking one out never moves one still to come. The second
// value is a uniform deciding exit (below the exit share: marked -1) or quit.
void choose_movers(const World& w, CountyScratch& s, std::size_t k, std::uint32_t n,
                   std::uint32_t events, double exit_share, std::uint32_t month) {
  s.chosen.clear();
  const bool many = events > 32;  // a bitmap of taken positions, else a scan of the few
  if (many && s.taken_bits.size() < (n + 63) / 64) s.taken_bits.resize((n + 63) / 64, 0);
  for (std::uint32_t j = n - events; j < n; ++j) {
    const auto r = w.rng.words(stream(Draw::kQuitPick), nth(k, j - (n - events)), month);
    const auto at = static_cast<std::uint32_t>((static_cast<std::uint64_t>(r[0]) * (j + 1)) >> 32);
    const bool taken = many ? (s.taken_bits[at / 64] >> (at % 64)) & 1
                            : std::any_of(s.chosen.begin(), s.chosen.end(),
                                          [&](const auto& c) { return c.first == at; });
    const std::uint32_t position = taken ? j : at;
    s.chosen.emplace_back(position, static_cast<float>(r[1] * kWord));
    if (many) s.taken_bits[position / 64] |= std::uint64_t{1} << (position % 64);
  }
  if (many) {
    for (const auto& c : s.chosen) s.taken_bits[c.first / 64] = 0;
  }
  std::sort(s.chosen.begin(), s.chosen.end(), std::greater<>());
  const std::uint64_t start = w.slots->start(k);
  for (const auto& [r, u] : s.chosen) {
    s.picks.push_back({static_cast<std::uint32_t>(k), start + r, u < exit_share ? -1.0f : u});
  }
}

}  // namespace

void turnover_step(World& w, int month, std::size_t county, int thread) {
  const CountyRange c = county_range(w, county);
  const Fixed& f = w.fixed;
  const Layout& l = f.layout;
  const MatchingSettings& matching = w.settings->matching;
  engine::Slots& slots = *w.slots;
  CountyScratch& s = w.scratch_of(thread);
  CountyEvents& out = w.events_of(thread);
  const std::size_t majors = w.output->majors;
  const auto t = static_cast<std::uint32_t>(month);

  s.picks.clear();
  for (const engine::GroupSlots& g : slots.open_groups(county)) {
    const std::size_t k = g.group;
    const std::uint32_t n = slots.employed(k);
    if (n == 0) continue;
    const std::uint16_t o = l.entry_occupation[k - c.first];
    const double turnover = std::min(0.999999, matching.quits + f.exit_rate[o]);
    const std::uint32_t events =
        engine::binomial(n, turnover, f.log_stay[o], w.rng.uniform(stream(Draw::kQuits), k, t));
    if (events > 0) choose_movers(w, s, k, n, events, f.exit_rate[o] / turnover, t);
  }
  auto& leaving = w.leaving[county];
  for (std::size_t i = 0; i < s.picks.size(); ++i) {
    prefetch_pick(w, s, i + kPrefetchAhead);
    const std::uint32_t k = s.picks[i].k;
    const std::uint64_t at = s.picks[i].position;
    const std::uint16_t o = l.entry_occupation[k - c.first];
    AgentRecord a = slots[at];
    const float before = a.wage;
    const std::size_t major = l.occupation_major[o];
    if (s.picks[i].u < 0) {  // an exit: a newcomer takes the job, at a wage of the cell's own
      const auto r = w.rng.words(stream(Draw::kMatchMore), a.id, t);
      const double u = Random::to_uniform(r[1], r[2]);
      a.wage = static_cast<float>(w.cells->state_wage[c.state * l.occupations + o] *
                                  w.tables.wage_factor[o] * f.wage_shapes[o].quantile(u));
      a.status = kEmployed;
      a.months = static_cast<std::uint16_t>(kMonthBase + month);
      slots[at] = a;
      slots.add_wages(k, a.wage - before);
      out.by_state_major[c.state * majors + major].exits += 1;
      continue;
    }
    const double change =
        matching.quits > 0 ? std::min(1.0, f.transfer_rate[o] / matching.quits) : 0.0;
    const std::uint32_t to = take_new_job(w, a, change, false, out);
    if (to == k) {
      slots[at] = a;  // same subcell: a new employer, wage and tenure
      slots.add_wages(k, a.wage - before);
    } else {
      slots.add_wages(k, -before);
      slots.take_out(k, at, engine::kEmployedBlock);
      (to / l.entries == county ? s.arrivals : leaving).push_back({to, a});
    }
  }
}

}  // namespace floe::labor
