#include "labor/events.h"

#include <algorithm>
#include <cmath>

#include "engine/sampling.h"

namespace floe::labor {
namespace {

constexpr double kWord = 0x1.0p-32;  // a 32-bit random word as a uniform in [0, 1)

std::uint8_t status_of(std::uint8_t s) { return s & kStatusMask; }
constexpr auto kEmployed = static_cast<std::uint8_t>(AgentStatus::kEmployed);
constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);

// The union of some subcells' blocks (e.g. the employed of one occupation and group in every
// county of a state), addressable as one range 0 .. total.
struct Blocks {
  std::vector<std::uint64_t> start;
  std::vector<std::uint64_t> prefix{0};

  void clear() {
    start.clear();
    prefix.assign(1, 0);
  }
  void add(std::uint64_t begin, std::uint64_t size) {
    if (size == 0) return;
    start.push_back(begin);
    prefix.push_back(prefix.back() + size);
  }
  std::uint64_t total() const { return prefix.back(); }
  std::uint64_t position(std::uint64_t r) const {
    const auto j = static_cast<std::size_t>(
        std::upper_bound(prefix.begin(), prefix.end(), r) - prefix.begin() - 1);
    return start[j] + (r - prefix[j]);
  }
};

// Picks up to `count` distinct agents of `blocks` for which `eligible` holds and hands each to
// `take` (which must make it ineligible). Positions come from the counter-based stream
// (stream, subject + draw << 32, month); after too many misses the eligible agents are listed
// and drawn without replacement, so the result never depends on luck or thread count.
template <typename Eligible, typename Take>
std::uint32_t pick(const Random& rng, Stream stream, std::uint64_t subject, int month,
                   const Blocks& blocks, std::uint32_t count, Eligible eligible, Take take) {
  const std::uint64_t total = blocks.total();
  if (count == 0 || total == 0) return 0;
  std::uint32_t taken = 0, draw = 0;
  const std::uint32_t limit = count + count / 4 + 16;  // Philox calls (4 tries each)
  while (taken < count && draw < limit) {
    const auto words = rng.words(stream, subject | (static_cast<std::uint64_t>(draw) << 32),
                                 static_cast<std::uint32_t>(month));
    ++draw;
    for (int j = 0; j < 4 && taken < count; ++j) {
      const std::uint64_t i = blocks.position((static_cast<std::uint64_t>(words[j]) * total) >> 32);
      if (eligible(i)) {
        take(i);
        ++taken;
      }
    }
  }
  if (taken == count) return taken;
  std::vector<std::uint64_t> left;
  for (std::size_t b = 0; b < blocks.start.size(); ++b) {
    for (std::uint64_t i = blocks.start[b]; i < blocks.start[b] + (blocks.prefix[b + 1] - blocks.prefix[b]); ++i) {
      if (eligible(i)) left.push_back(i);
    }
  }
  for (std::size_t k = 0; taken < count && k < left.size(); ++k, ++taken) {
    const auto words = rng.words(stream, subject | (static_cast<std::uint64_t>(limit + k) << 32),
                                 static_cast<std::uint32_t>(month));
    const std::size_t j = k + ((static_cast<std::uint64_t>(words[0]) * (left.size() - k)) >> 32);
    std::swap(left[k], left[j]);
    take(left[k]);
  }
  return taken;
}

}  // namespace

void CountyEvents::reset(std::size_t states, std::size_t counties, std::size_t majors,
                         std::size_t occupations) {
  by_state_major.assign(states * majors, {});
  if (by_county_major.size() != counties * majors) by_county_major.assign(counties * majors, {});
  flows.assign(majors * majors, 0.0);
  movers.clear();
  retraining.clear();
  ai_displaced.assign(occupations, 0.0);
}

void take_new_job(World& w, const MonthTables& m, std::uint64_t i, bool change_occupation,
                  bool from_unemployment, CountyEvents& out) {
  const Fixed& f = w.fixed;
  const Layout& l = f.layout;
  const Scenario& sc = *w.scenario;
  Population& p = w.agents;
  const std::size_t n_occ = l.occupations;
  const std::size_t entries = w.dataset->taxonomy.occupation_groups.values.size();
  const std::uint32_t id = p.id[i];
  const auto month = static_cast<std::uint32_t>(m.month);
  const auto a = w.rng.words(stream(Draw::kMatch), id, month);
  const auto b = w.rng.words(stream(Draw::kMatchMore), id, month);

  // Occupation: the origin's candidates, by similarity and openings.
  const std::uint16_t origin = p.occupation[i];
  std::uint16_t target = origin;
  double similarity = 1.0;
  if (change_occupation && !m.destination[origin].empty()) {
    const std::uint32_t j = m.destination[origin].draw(a[0] * kWord, a[1] * kWord);
    target = f.candidates[origin][j];
    similarity = f.candidate_similarity[origin][j];
  }
  // County: the own county if it has such jobs, else the own state, else the nation.
  const std::size_t county = p.county[i];
  const std::size_t state = l.county_state[county];
  std::size_t new_county = county;
  const double where = a[2] * kWord;
  const auto& in_state = f.county_of_state_occupation[state * n_occ + target];
  if (where < sc.own_county && f.county_has[county * n_occ + target]) {
    new_county = county;
  } else if (where < sc.own_county + sc.own_state && !in_state.empty()) {
    new_county = f.state_counties[state][in_state.draw(a[3] * kWord, b[0] * kWord)];
  } else if (!f.state_of_occupation[target].empty()) {
    const std::size_t s2 = f.state_of_occupation[target].draw(a[3] * kWord, b[0] * kWord);
    const auto& counties = f.county_of_state_occupation[s2 * n_occ + target];
    if (!counties.empty()) new_county = f.state_counties[s2][counties.draw(b[1] * kWord, b[2] * kWord)];
  }
  const std::size_t new_state = l.county_state[new_county];
  // Industry group: the target occupation's groups in the new state's proportions.
  const std::uint32_t first = l.entry_offset[target], last = l.entry_offset[target + 1];
  std::uint32_t entry = first;
  double u = b[3] * kWord;
  for (std::uint32_t e = first; e < last; ++e) {
    const double share = w.cells->group_share[new_state * entries + e];
    entry = e;
    if (u < share) break;
    u -= share;
  }
  // Wage: the new cell's distribution, less a penalty for moving to dissimilar work (§6).
  const double mean = w.cells->state_wage[new_state * n_occ + target];
  const double draw = w.rng.uniform(stream(Draw::kMatchWage), id, month);
  const double wage = mean * f.wage_shapes[target].quantile(draw) *
                      (1.0 - sc.wage_penalty * (1.0 - similarity));

  const std::uint32_t before = l.subcell(county, origin, p.industry[i]);
  p.occupation[i] = target;
  p.county[i] = static_cast<std::uint16_t>(new_county);
  p.industry[i] = l.entry_group[entry];
  p.wage[i] = static_cast<float>(wage);
  p.status[i] = static_cast<std::uint8_t>((p.status[i] & kRetrained) | kEmployed | kTouched);
  p.months[i] = 0;
  if (static_cast<std::uint32_t>(new_county * l.entries + entry) != before) out.movers.push_back(i);

  const std::size_t majors = w.output->majors;
  MonthFigures& fig = out.by_state_major[state * majors + l.occupation_major[origin]];
  (from_unemployment ? fig.hires : fig.quits) += 1;
  if (target != origin) {
    fig.occupation_changes += 1;
    out.flows[l.occupation_major[origin] * majors + l.occupation_major[target]] += 1;
  }
}

void state_events(World& w, const MonthTables& m, std::size_t state, CountyEvents& out) {
  const Fixed& f = w.fixed;
  const Layout& l = f.layout;
  const Scenario& sc = *w.scenario;
  Population& p = w.agents;
  const Stocks& st = w.stocks;
  const std::size_t n_groups = w.dataset->taxonomy.industry_groups.size();
  const std::size_t majors = w.output->majors;
  const int month = m.month;
  const auto t = static_cast<std::uint32_t>(month);
  const auto& counties = f.state_counties[state];
  Blocks blocks;
  auto employed_untouched = [&](std::uint64_t i) {
    return status_of(p.status[i]) == kEmployed && !(p.status[i] & kTouched);
  };
  auto employed_blocks = [&](std::size_t e) {
    blocks.clear();
    for (std::uint32_t c : counties) {
      const std::size_t k = c * l.entries + e;
      blocks.add(st.offsets[k], st.employed[k]);
    }
  };
  // Employed agents of this state left untouched, per entry (they may quit).
  std::vector<std::uint64_t> left(l.entries, 0);
  std::vector<double> tradable_displaced(counties.size(), 0.0);
  std::vector<std::uint32_t> county_index(l.counties, 0);  // county -> its index in `counties`
  for (std::size_t j = 0; j < counties.size(); ++j) county_index[counties[j]] = static_cast<std::uint32_t>(j);

  // 1. Separations into unemployment: baseline layoffs plus AI displacement (§4).
  for (std::size_t e = 0; e < l.entries; ++e) {
    employed_blocks(e);
    const std::uint64_t n = blocks.total();
    left[e] = n;
    if (n == 0) continue;
    const std::uint16_t o = l.entry_occupation[e];
    const std::uint8_t g = l.entry_group[e];
    const double ai = sc.displacement_rate * m.exposure[o] *
                      m.adoption[state * n_groups + g] * f.automation[o];
    const double hazard = std::min(1.0, sc.layoffs + ai);
    const std::uint64_t cell = state * l.entries + e;
    const std::uint32_t events = engine::binomial(
        static_cast<std::uint32_t>(n), hazard, w.rng.uniform(stream(Draw::kSeparations), cell, t));
    const std::size_t major = l.occupation_major[o];
    MonthFigures& fig = out.by_state_major[state * majors + major];
    left[e] -= pick(w.rng, stream(Draw::kSeparationPick), cell, month, blocks, events,
                    employed_untouched, [&](std::uint64_t i) {
      const bool by_ai = w.rng.uniform(stream(Draw::kSeparationCause), p.id[i], t) * hazard < ai;
      p.status[i] = (p.status[i] & kRetrained) | kUnemployed | kTouched |
                    (by_ai ? kDisplacedDirect : 0);
      p.months[i] = 0;
      MonthFigures& local = out.by_county_major[p.county[i] * majors + major];
      if (by_ai) {
        fig.displaced_direct += 1;
        local.displaced_direct += 1;
        out.ai_displaced[o] += 1;
        if (f.tradable[g]) tradable_displaced[county_index[p.county[i]]] += 1;
      } else {
        fig.layoffs += 1;
        local.layoffs += 1;
      }
    });
  }

  // 2. The local cascade (§8): each tradable job lost to AI in a county takes m(t) of its
  // non-tradable jobs with it, drawn from the county's non-tradable employed.
  for (std::size_t j = 0; j < counties.size() && m.multiplier > 0; ++j) {
    if (tradable_displaced[j] == 0) continue;
    const std::size_t c = counties[j];
    blocks.clear();
    for (std::size_t e = 0; e < l.entries; ++e) {
      if (f.tradable[l.entry_group[e]]) continue;
      const std::size_t k = c * l.entries + e;
      blocks.add(st.offsets[k], st.employed[k]);
    }
    const double local = static_cast<double>(blocks.total());
    if (local == 0) continue;
    const double hazard = std::min(0.5, m.multiplier * tradable_displaced[j] / local);
    const std::uint32_t events = engine::binomial(
        static_cast<std::uint32_t>(local), hazard, w.rng.uniform(stream(Draw::kCascade), c, t));
    pick(w.rng, stream(Draw::kCascadePick), c, month, blocks, events, employed_untouched,
         [&](std::uint64_t i) {
           p.status[i] = (p.status[i] & kRetrained) | kUnemployed | kTouched | kDisplacedIndirect;
           p.months[i] = 0;
           const std::uint16_t o = p.occupation[i];
           const std::size_t major = l.occupation_major[o];
           out.by_state_major[state * majors + major].displaced_indirect += 1;
           out.by_county_major[c * majors + major].displaced_indirect += 1;
           --left[l.subcell(c, o, p.industry[i]) % l.entries];
         });
  }

  // 3. Job-to-job moves (§6): quits; some change occupation (BLS occupational transfer rates).
  for (std::size_t e = 0; e < l.entries; ++e) {
    if (left[e] == 0) continue;
    employed_blocks(e);
    const std::uint16_t o = l.entry_occupation[e];
    const std::uint64_t cell = state * l.entries + e;
    const std::uint32_t events = engine::binomial(
        static_cast<std::uint32_t>(left[e]), sc.quits, w.rng.uniform(stream(Draw::kQuits), cell, t));
    const double change = sc.quits > 0 ? std::min(1.0, f.transfer_rate[o] / sc.quits) : 0.0;
    pick(w.rng, stream(Draw::kQuitPick), cell, month, blocks, events, employed_untouched,
         [&](std::uint64_t i) {
           const bool changes = w.rng.uniform(stream(Draw::kQuitChange), p.id[i], t) < change;
           take_new_job(w, m, i, changes, false, out);
         });
  }

  // 4. Job search of the unemployed (§7), and who is left for retraining.
  auto unemployed_untouched = [&](std::uint64_t i) {
    return status_of(p.status[i]) == kUnemployed && !(p.status[i] & kTouched);
  };
  for (std::size_t e = 0; e < l.entries; ++e) {
    blocks.clear();
    for (std::uint32_t c : counties) {
      const std::size_t k = c * l.entries + e;
      blocks.add(st.offsets[k] + st.employed[k], st.unemployed[k]);
    }
    if (blocks.total() == 0) continue;
    const std::uint64_t cell = state * l.entries + e;
    const std::uint32_t hires = engine::binomial(static_cast<std::uint32_t>(blocks.total()),
                                                 m.job_finding,
                                                 w.rng.uniform(stream(Draw::kFinding), cell, t));
    pick(w.rng, stream(Draw::kFindingPick), cell, month, blocks, hires, unemployed_untouched,
         [&](std::uint64_t i) { take_new_job(w, m, i, true, true, out); });
    // Displaced job seekers still looking may be offered retraining.
    for (std::size_t b = 0; b < blocks.start.size(); ++b) {
      const std::uint64_t end = blocks.start[b] + (blocks.prefix[b + 1] - blocks.prefix[b]);
      for (std::uint64_t i = blocks.start[b]; i < end; ++i) {
        const std::uint8_t s = p.status[i];
        if (!unemployed_untouched(i) || !(s & (kDisplacedDirect | kDisplacedIndirect)) ||
            (s & kRetrained)) {
          continue;
        }
        const std::uint16_t o = p.occupation[i];
        out.retraining.push_back({m.exposure[o], p.id[i], i, o, static_cast<std::uint16_t>(state)});
      }
    }
  }
}

}  // namespace floe::labor
