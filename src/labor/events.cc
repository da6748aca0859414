#include "labor/events.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "engine/sampling.h"
#include "labor/blocks.h"

namespace floe::labor {
namespace {

constexpr double kWord = 0x1.0p-32;  // a 32-bit random word as a uniform in [0, 1)

// An alias-table draw from one 32-bit word: the high half picks the slot, the low half tosses
// the coin (tables here have at most a few hundred entries).
std::uint32_t alias_draw(const engine::AliasTable& table, std::uint32_t word) {
  return table.draw((word >> 16) * 0x1.0p-16, (word & 0xffff) * 0x1.0p-16);
}
constexpr auto kEmployed = static_cast<std::uint8_t>(AgentStatus::kEmployed);
constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);

// The j-th draw of a subcell (or county) in a stream: distinct counters for every draw.
std::uint64_t nth(std::uint64_t subject, std::uint32_t j) {
  return subject | (static_cast<std::uint64_t>(j) << 32);
}

}  // namespace

void CountyEvents::reset(std::size_t states, std::size_t counties, std::size_t majors,
                         std::size_t occupations) {
  by_state_major.assign(states * majors, {});
  if (by_county_major.size() != counties * majors) by_county_major.assign(counties * majors, {});
  flows.assign(majors * majors, 0.0);
  retraining.clear();
  ai_displaced.assign(occupations, 0.0);
}

std::uint32_t take_new_job(const World& w, const MonthTables& m, AgentRecord& a,
                           double change_occupation, bool from_unemployment, CountyEvents& out) {
  const Fixed& f = w.fixed;
  const Layout& l = f.layout;
  const Scenario& sc = *w.scenario;
  const std::size_t n_occ = l.occupations;
  const std::size_t entries = l.entries;
  const auto month = static_cast<std::uint32_t>(m.month);
  const auto r1 = w.rng.words(stream(Draw::kMatch), a.id, month);
  const auto r2 = w.rng.words(stream(Draw::kMatchMore), a.id, month);

  // Occupation: the origin's candidates, by similarity and openings.
  const std::uint16_t origin = a.occupation;
  std::uint16_t target = origin;
  double similarity = 1.0;
  if (r2[3] * kWord < change_occupation && !m.destination[origin].empty()) {
    const std::uint32_t j = alias_draw(m.destination[origin], r1[0]);
    target = f.candidates[origin][j];
    similarity = f.candidate_similarity[origin][j];
  }
  // County: the own county if it has such jobs, else the own state, else the nation.
  const std::size_t county = a.county;
  const std::size_t state = l.county_state[county];
  std::size_t to_county = county;
  const double where = r1[1] * kWord;
  const auto& in_state = f.county_of_state_occupation[state * n_occ + target];
  if (where < sc.own_county && f.county_has[county * n_occ + target]) {
    to_county = county;
  } else if (where < sc.own_county + sc.own_state && !in_state.empty()) {
    to_county = f.state_counties[state][alias_draw(in_state, r1[2])];
  } else if (!f.state_of_occupation[target].empty()) {
    const std::size_t s2 = alias_draw(f.state_of_occupation[target], r1[2]);
    const auto& counties = f.county_of_state_occupation[s2 * n_occ + target];
    if (!counties.empty()) {
      to_county = f.state_counties[s2][alias_draw(counties, r1[3])];
    }
  }
  const std::size_t to_state = l.county_state[to_county];
  // Sector: the target occupation's sectors, in the new state's proportions.
  const std::uint32_t first = l.entry_offset[target], last = l.entry_offset[target + 1];
  std::uint32_t entry = first;
  double u = r2[0] * kWord;
  for (std::uint32_t e = first; e < last; ++e) {
    const double share = w.cells->sector_share[to_state * entries + e];
    entry = e;
    if (u < share) break;
    u -= share;
  }
  // Wage: the new cell's distribution, less a penalty for moving to dissimilar work (§6).
  const double mean = w.cells->state_wage[to_state * n_occ + target];
  const double draw = Random::to_uniform(r2[1], r2[2]);
  const double wage =
      mean * f.wage_shapes[target].quantile(draw) * (1.0 - sc.wage_penalty * (1.0 - similarity));

  a.occupation = target;
  a.county = static_cast<std::uint16_t>(to_county);
  a.industry = l.entry_group[entry];
  a.wage = static_cast<float>(wage);
  a.status = static_cast<std::uint8_t>((a.status & kRetrained) | kEmployed);
  a.months = static_cast<std::uint16_t>(kMonthBase + m.month);

  const std::size_t majors = w.output->majors;
  MonthFigures& fig = out.by_state_major[state * majors + l.occupation_major[origin]];
  (from_unemployment ? fig.hires : fig.quits) += 1;
  if (target != origin) {
    fig.occupation_changes += 1;
    out.flows[l.occupation_major[origin] * majors + l.occupation_major[target]] += 1;
  }
  return static_cast<std::uint32_t>(to_county * entries + entry);
}

void county_events(World& w, const MonthTables& m, std::size_t c, CountyEvents& out) {
  const Fixed& f = w.fixed;
  const Layout& l = f.layout;
  const Scenario& sc = *w.scenario;
  AgentRecords& p = w.agents;
  Subcells& s = w.sub;
  const std::size_t majors = w.output->majors;
  const std::size_t state = l.county_state[c];
  const auto t = static_cast<std::uint32_t>(m.month);
  const auto started = static_cast<std::uint16_t>(kMonthBase + m.month);
  const std::size_t first = c * l.entries, last = first + l.entries;

  // Each phase first draws who is affected (positions in the subcells' blocks, computed from
  // the draws alone), then applies the changes while prefetching a few picks ahead: the picked
  // records lie at random places in 2.5 GiB, and loads in flight together hide their latency.
  struct Pick {
    std::uint32_t k;
    std::uint64_t position;
    float u;  // a second uniform: whether AI caused a separation
  };
  std::vector<Pick> picks;
  constexpr std::size_t kAhead = 12;
  auto prefetch = [&](std::size_t next) {
    if (next < picks.size()) __builtin_prefetch(&p[picks[next].position], 1);
  };
  // Agents taking new jobs are placed after all counties are done (so that nobody is drawn
  // twice in a month, and no county writes another's slots).
  std::vector<Arrival> arrivals;  // to this county's subcells
  auto& leaving = (*out.pending)[c];
  leaving.clear();
  // Made unemployed this month, per subcell: they sit at the front of the unemployed block and
  // start searching next month.
  std::vector<std::uint32_t> fresh(l.entries, 0);
  auto separate = [&](const Pick& pick, std::uint8_t flag) {
    AgentRecord& a = p[pick.position];
    s.wages[pick.k] -= a.wage;
    a.status = static_cast<std::uint8_t>((a.status & kRetrained) | kUnemployed | flag);
    a.months = started;
    change_block(w, pick.k, pick.position, 0, 1);
    ++fresh[pick.k - first];
  };
  // `count` distinct uniform draws from the first `size` agents of a block, one after another
  // (the block shrinks by one after each as the agent leaves it).
  auto draw_without_replacement = [&](std::uint32_t k, std::uint64_t begin, std::uint32_t size,
                                      std::uint32_t count, Draw pick_stream) {
    for (std::uint32_t j = 0; j < count; ++j) {
      const auto r = w.rng.words(stream(pick_stream), nth(k, j), t);
      picks.push_back({k, begin + ((static_cast<std::uint64_t>(r[0]) * (size - j)) >> 32),
                       static_cast<float>(r[1] * kWord)});
    }
  };

  // 1. Separations into unemployment: baseline layoffs plus AI displacement (§4).
  picks.clear();
  const double* hazards = &m.separation[state * l.entries];
  const double* log_stay = &m.separation_log_stay[state * l.entries];
  const float* ai_share = &m.separation_ai_share[state * l.entries];  // of the hazard
  const double log_finding = std::log1p(-std::min(m.job_finding, 0.999999));
  for (std::size_t k = first; k < last; ++k) {
    const std::uint32_t n = s.employed[k];
    const double hazard = hazards[k - first];
    if (n == 0 || hazard <= 0) continue;
    const std::uint32_t events = engine::binomial(n, hazard, log_stay[k - first],
                                                  w.rng.uniform(stream(Draw::kSeparations), k, t));
    draw_without_replacement(static_cast<std::uint32_t>(k), s.start[k], n, events,
                             Draw::kSeparationPick);
  }
  double tradable_displaced = 0;
  for (std::size_t i = 0; i < picks.size(); ++i) {
    prefetch(i + kAhead);
    const Pick& pick = picks[i];
    const std::size_t e = pick.k - first;
    const std::uint16_t o = l.entry_occupation[e];
    const std::uint8_t g = l.entry_group[e];
    const bool by_ai = pick.u < ai_share[e];
    separate(pick, by_ai ? kDisplacedDirect : 0);
    const std::size_t major = l.occupation_major[o];
    MonthFigures& fig = out.by_state_major[state * majors + major];
    MonthFigures& local = out.by_county_major[c * majors + major];
    if (by_ai) {
      fig.displaced_direct += 1;
      local.displaced_direct += 1;
      out.ai_displaced[o] += 1;
      if (f.tradable[g]) tradable_displaced += 1;
    } else {
      fig.layoffs += 1;
      local.layoffs += 1;
    }
  }

  // 2. The local cascade (§8): each tradable job lost to AI takes m(t) of the county's
  // non-tradable jobs with it; the losses are split over its non-tradable subcells
  // multinomially (conditional binomials in subcell order).
  if (tradable_displaced > 0 && m.multiplier > 0) {
    double local = 0;
    for (std::size_t k = first; k < last; ++k) {
      if (!f.tradable[l.entry_group[k - first]]) local += s.employed[k];
    }
    picks.clear();
    if (local > 0) {
      const double hazard = std::min(0.5, m.multiplier * tradable_displaced / local);
      std::uint32_t events = engine::binomial(static_cast<std::uint32_t>(local), hazard,
                                              w.rng.uniform(stream(Draw::kCascade), c, t));
      for (std::size_t k = first; k < last && events > 0; ++k) {
        const std::size_t e = k - first;
        if (f.tradable[l.entry_group[e]] || s.employed[k] == 0) continue;
        const double share = s.employed[k] / local;
        local -= s.employed[k];
        const std::uint32_t here = std::min(
            s.employed[k],
            local <= 0 ? events
                       : engine::binomial(events, share,
                                          w.rng.uniform(stream(Draw::kCascade), nth(c, 1 + e), t)));
        draw_without_replacement(static_cast<std::uint32_t>(k), s.start[k], s.employed[k], here,
                                 Draw::kCascadePick);
        events -= here;
      }
    }
    for (std::size_t i = 0; i < picks.size(); ++i) {
      prefetch(i + kAhead);
      separate(picks[i], kDisplacedIndirect);
      const std::size_t major = l.occupation_major[l.entry_occupation[picks[i].k - first]];
      out.by_state_major[state * majors + major].displaced_indirect += 1;
      out.by_county_major[c * majors + major].displaced_indirect += 1;
    }
  }

  // 3. Job-to-job moves (§6) and labor-force exits: quits, some into another occupation (BLS
  // occupational transfer rates); exits (BLS labor force exit rates), each replaced at once by a
  // new worker in the same job. The movers of a subcell are `events` distinct positions of its
  // employed block (Floyd's algorithm), handled from the highest down, so that taking one out
  // never moves one still to come.
  picks.clear();
  std::vector<std::pair<std::uint32_t, float>> chosen;
  std::vector<std::uint64_t> taken_bits;  // positions already chosen, when there are many
  for (std::size_t k = first; k < last; ++k) {
    const std::uint32_t n = s.employed[k];
    if (n == 0) continue;
    const std::uint16_t o = l.entry_occupation[k - first];
    const double turnover = std::min(0.999999, sc.quits + f.exit_rate[o]);
    const std::uint32_t events =
        engine::binomial(n, turnover, f.log_stay[o], w.rng.uniform(stream(Draw::kQuits), k, t));
    if (events == 0) continue;
    chosen.clear();
    const bool many = events > 32;
    if (many && taken_bits.size() < (n + 63) / 64) taken_bits.resize((n + 63) / 64, 0);
    for (std::uint32_t j = n - events; j < n; ++j) {
      const auto r = w.rng.words(stream(Draw::kQuitPick), nth(k, j - (n - events)), t);
      const auto at =
          static_cast<std::uint32_t>((static_cast<std::uint64_t>(r[0]) * (j + 1)) >> 32);
      const bool taken = many ? (taken_bits[at / 64] >> (at % 64)) & 1
                              : std::any_of(chosen.begin(), chosen.end(),
                                            [&](const auto& c) { return c.first == at; });
      const std::uint32_t position = taken ? j : at;
      chosen.emplace_back(position, static_cast<float>(r[1] * kWord));
      if (many) taken_bits[position / 64] |= std::uint64_t{1} << (position % 64);
    }
    if (many) {
      for (const auto& c : chosen) taken_bits[c.first / 64] = 0;
    }
    std::sort(chosen.begin(), chosen.end(), std::greater<>());
    for (const auto& [r, u] : chosen) {
      // u < exit share: an exit; else a quit.
      picks.push_back({static_cast<std::uint32_t>(k), s.start[k] + r,
                       u < f.exit_rate[o] / turnover ? -1.0f : u});
    }
  }
  for (std::size_t i = 0; i < picks.size(); ++i) {
    prefetch(i + kAhead);
    const std::uint32_t k = picks[i].k;
    const std::uint64_t at = picks[i].position;
    const std::uint16_t o = l.entry_occupation[k - first];
    AgentRecord a = p[at];
    const float before = a.wage;
    const std::size_t major = l.occupation_major[o];
    if (picks[i].u < 0) {  // an exit: a newcomer takes the job, at a wage of the cell's own
      const auto r = w.rng.words(stream(Draw::kMatchMore), a.id, t);
      const double u = Random::to_uniform(r[1], r[2]);
      a.wage = static_cast<float>(w.cells->state_wage[state * l.occupations + o] *
                                  f.wage_shapes[o].quantile(u));
      a.status = kEmployed;
      a.months = started;
      p[at] = a;
      s.wages[k] += a.wage - before;
      out.by_state_major[state * majors + major].exits += 1;
      continue;
    }
    const double change = sc.quits > 0 ? std::min(1.0, f.transfer_rate[o] / sc.quits) : 0.0;
    const std::uint32_t to = take_new_job(w, m, a, change, false, out);
    if (to == k) {
      p[at] = a;  // same subcell: a new employer, wage and tenure
      s.wages[k] += a.wage - before;
    } else {
      s.wages[k] -= before;
      take_out(w, k, at, 0);
      (to / l.entries == c ? arrivals : leaving).push_back({to, a});
    }
  }

  // 4. Job search of those unemployed since before this month (§7).
  picks.clear();
  for (std::size_t k = first; k < last; ++k) {
    const std::uint32_t recent = fresh[k - first];
    const std::uint32_t n = s.unemployed[k] - recent;
    if (n == 0) continue;
    const std::uint32_t hires = engine::binomial(n, m.job_finding, log_finding,
                                                 w.rng.uniform(stream(Draw::kFinding), k, t));
    draw_without_replacement(static_cast<std::uint32_t>(k), s.block_begin(k, 1) + recent, n, hires,
                             Draw::kFindingPick);
  }
  for (std::size_t i = 0; i < picks.size(); ++i) {
    prefetch(i + kAhead);
    AgentRecord a = take_out(w, picks[i].k, picks[i].position, 1);
    const std::uint32_t to = take_new_job(w, m, a, 1.0, true, out);
    (to / l.entries == c ? arrivals : leaving).push_back({to, a});
  }

  // New jobs in this county: those waiting for a slot since earlier months first, then this
  // month's, in order; whoever still finds no free slot keeps waiting.
  auto& unplaced = (*out.unplaced)[c];
  unplaced.clear();
  const auto waiting_begin = std::partition_point(
      w.waiting.begin(), w.waiting.end(), [&](const Arrival& x) { return x.subcell < first; });
  for (auto it = waiting_begin; it != w.waiting.end() && it->subcell < last; ++it) {
    if (!put_in(w, it->subcell, 0, it->agent)) unplaced.push_back(*it);
  }
  for (const Arrival& x : arrivals) {
    s.wages[x.subcell] += x.agent.wage;  // employed here, placed or not
    if (!put_in(w, x.subcell, 0, x.agent)) unplaced.push_back(x);
  }

  // Displaced job seekers still looking may be offered retraining (§9).
  if (sc.retraining_budget <= 0 && sc.state_budget.empty()) return;
  for (std::size_t k = first; k < last; ++k) {
    const std::uint64_t begin = s.block_begin(k, 1);
    for (std::uint64_t i = begin; i < begin + s.unemployed[k]; ++i) {
      const std::uint8_t st = p[i].status;
      if (!(st & (kDisplacedDirect | kDisplacedIndirect)) || (st & kRetrained)) continue;
      const std::uint16_t o = l.entry_occupation[k - first];
      out.retraining.push_back({m.exposure[o], p[i].id, static_cast<std::uint32_t>(k), o,
                                static_cast<std::uint16_t>(state)});
    }
  }
}

}  // namespace floe::labor
