// The monthly loop (docs/model.md §1): tables, county events in parallel, retraining, the
// month's end, outputs, checkpoints.
#include <omp.h>

#include <chrono>
#include <cmath>

#include "floe/error.h"
#include "floe/simulation.h"
#include "labor/checkpoint.h"
#include "labor/events.h"
#include "labor/resort.h"
#include "labor/retraining.h"
#include "labor/setup.h"

namespace floe {

void MonthFigures::add(const MonthFigures& o) {
  employed += o.employed;
  unemployed += o.unemployed;
  training += o.training;
  layoffs += o.layoffs;
  displaced_direct += o.displaced_direct;
  displaced_indirect += o.displaced_indirect;
  quits += o.quits;
  hires += o.hires;
  occupation_changes += o.occupation_changes;
  wage_bill += o.wage_bill;
  exposed_wages += o.exposed_wages;
}

namespace labor {
namespace {

constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);

// Subcell offsets of a freshly synthesized (or loaded) population: within each (county,
// occupation) cell, agents come in blocks by industry group, in the taxonomy's group order.
void subcell_offsets(World& w) {
  const Layout& l = w.fixed.layout;
  const Population& p = w.agents;
  std::vector<std::uint64_t>& off = w.stocks.offsets;
  off.assign(l.subcells() + 1, 0);
  for (std::size_t c = 0; c < l.counties; ++c) {
    for (std::size_t o = 0; o < l.occupations; ++o) {
      std::uint64_t i = p.cell_offsets[c * l.occupations + o];
      const std::uint64_t end = p.cell_offsets[c * l.occupations + o + 1];
      for (std::uint32_t e = l.entry_offset[o]; e < l.entry_offset[o + 1]; ++e) {
        off[c * l.entries + e] = i;
        while (i < end && p.industry[i] == l.entry_group[e]) ++i;
      }
      if (i != end) {
        throw Error("population: agents of a cell are not grouped by industry group in order");
      }
    }
  }
  off.back() = p.size();
}

// Starting unemployment: a share of each subcell's workers, searching from the first month.
void initial_unemployment(World& w) {
  const double rate = w.scenario->initial_unemployment;
  const Stocks& st = w.stocks;
  Population& p = w.agents;
#pragma omp parallel for schedule(dynamic, 16)
  for (std::size_t k = 0; k < w.fixed.layout.subcells(); ++k) {
    const std::uint32_t n = st.employed[k];
    if (n == 0) continue;
    const std::uint32_t want = engine::binomial(
        n, rate, w.rng.uniform(stream(Draw::kInitialUnemployed), k, 0));
    // The first `want` agents of a uniformly random rotation of the subcell.
    const std::uint64_t begin = st.offsets[k], span = st.offsets[k + 1] - begin;
    const std::uint64_t shift = (static_cast<std::uint64_t>(
                                     w.rng.words(stream(Draw::kInitialUnemployed), k, 1)[0]) *
                                 span) >> 32;
    for (std::uint32_t j = 0; j < want; ++j) {
      const std::uint64_t i = begin + (shift + j * (span / want)) % span;
      p.status[i] = kUnemployed;
      p.months[i] = 1;
    }
  }
}

void record(World& w, const MonthTables& m, std::vector<CountyEvents>& events,
            const MonthIndicators& indicators, SimulationOutput& out, bool county_month) {
  const Layout& l = w.fixed.layout;
  const std::size_t majors = out.majors;
  std::vector<MonthFigures> figures(out.states * majors);
  std::vector<double> flows(majors * majors, 0.0);
  for (const CountyEvents& e : events) {
    for (std::size_t i = 0; i < figures.size(); ++i) figures[i].add(e.by_state_major[i]);
    for (std::size_t i = 0; i < flows.size(); ++i) flows[i] += e.flows[i];
  }
  std::vector<MonthFigures> county;
  if (county_month) {
    county.assign(out.counties * majors, {});
    for (CountyEvents& e : events) {
      for (std::size_t i = 0; i < county.size(); ++i) county[i].add(e.by_county_major[i]);
      e.by_county_major.assign(county.size(), {});  // events accumulate until the next record
    }
  }
  for (std::size_t k = 0; k < l.subcells(); ++k) {
    const std::size_t c = k / l.entries, e = k % l.entries;
    const std::uint16_t o = l.entry_occupation[e];
    const std::size_t major = l.occupation_major[o];
    for (MonthFigures* f : {&figures[l.county_state[c] * majors + major],
                            county_month ? &county[c * majors + major] : nullptr}) {
      if (!f) continue;
      f->employed += w.stocks.employed[k];
      f->unemployed += w.stocks.unemployed[k];
      f->training += w.stocks.training[k];
      f->wage_bill += w.stocks.wages[k];
      f->exposed_wages += w.stocks.wages[k] * m.exposure[o];
    }
  }
  out.state_major.push_back(std::move(figures));
  out.flows.push_back(std::move(flows));
  out.indicators.push_back(indicators);
  if (county_month) {
    out.county_months.push_back(m.month);
    out.county_major.push_back(std::move(county));
  }
}

MonthIndicators indicators_of(const MonthTables& m) {
  MonthIndicators i;
  i.exposure = m.mean_exposure;
  i.adoption = m.mean_adoption;
  i.job_finding = m.job_finding;
  i.openings = m.total_openings;
  i.multiplier = m.multiplier;
  return i;
}

}  // namespace
}  // namespace labor

SimulationResult simulate(const Dataset& ds, const Cells& cells, Population population,
                          const Scenario& sc, const SimulationOptions& options) {
  using namespace labor;
  World w;
  w.dataset = &ds;
  w.cells = &cells;
  w.scenario = &sc;
  w.rng = Random(sc.seed);
  w.fixed = build_fixed(ds, cells, sc);
  const Layout& l = w.fixed.layout;
  SimulationResult result;
  SimulationOutput& out = result.output;
  out.months = sc.months;
  out.states = ds.geography.states.size();
  out.majors = ds.taxonomy.major_groups.size();
  out.counties = l.counties;
  w.output = &out;
  w.state_budget_left.assign(out.states, 0.0);
  w.ai_memory.assign(l.occupations, 0.0);

  int first = 1;
  if (options.resume) {
    first = load_checkpoint(options.checkpoint, w, out) + 1;
  } else {
    w.agents = std::move(population);
  }
  if (w.agents.counties != l.counties || w.agents.occupations != l.occupations) {
    throw Error("the population was built from other data (" + std::to_string(w.agents.counties) +
                " counties, " + std::to_string(w.agents.occupations) + " occupations)");
  }
  subcell_offsets(w);
  rebuild(w, {}, false);
  if (!options.resume) {
    initial_unemployment(w);
    rebuild(w, {}, false);
    const MonthTables m0 = month_tables(w, 0);
    double unemployed = 0;
    for (auto u : w.stocks.unemployed) unemployed += u;
    w.theta0 = unemployed > 0 ? m0.total_openings / unemployed : 0;
    std::vector<CountyEvents> none(1);
    none[0].reset(out.states, out.counties, out.majors, l.occupations);
    MonthIndicators ind = indicators_of(month_tables(w, 0));
    record(w, m0, none, ind, out, true);
  }

  const int threads = std::max(1, omp_get_max_threads());
  // States in order of size, largest first, so that threads finish together.
  std::vector<std::size_t> states(out.states);
  for (std::size_t s = 0; s < states.size(); ++s) states[s] = s;
  std::vector<std::uint64_t> size(out.states, 0);
  for (std::size_t c = 0; c < l.counties; ++c) {
    size[l.county_state[c]] += w.stocks.offsets[(c + 1) * l.entries] - w.stocks.offsets[c * l.entries];
  }
  std::stable_sort(states.begin(), states.end(),
                   [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
  std::vector<CountyEvents> events(threads);
  for (auto& e : events) e.reset(out.states, out.counties, out.majors, l.occupations);
  const auto start = std::chrono::steady_clock::now();
  int month = first;
  auto lap = [clock = std::chrono::steady_clock::now()](double& into) mutable {
    const auto now = std::chrono::steady_clock::now();
    into += std::chrono::duration<double>(now - clock).count();
    clock = now;
  };
  double ignored = 0;
  lap(ignored);
  for (; month <= sc.months; ++month) {
    const MonthTables m = month_tables(w, month);
    for (auto& e : events) e.reset(out.states, out.counties, out.majors, l.occupations);
    lap(result.seconds.tables);
#pragma omp parallel for schedule(dynamic, 1)
    for (std::size_t j = 0; j < states.size(); ++j) {
      state_events(w, m, states[j], events[omp_get_thread_num()]);
    }
    lap(result.seconds.events);
    MonthIndicators ind = indicators_of(m);
    std::vector<std::uint64_t> movers;
    for (auto& e : events) movers.insert(movers.end(), e.movers.begin(), e.movers.end());
    retraining_step(w, m, events, ind, movers);
    // Demand memory (§5): the share of each occupation displaced by AI so far.
    std::vector<double> employed(l.occupations, 0.0);
    for (std::size_t k = 0; k < l.subcells(); ++k) {
      employed[l.entry_occupation[k % l.entries]] += w.stocks.employed[k];
    }
    for (std::size_t o = 0; o < l.occupations; ++o) {
      double displaced = 0;
      for (const auto& e : events) displaced += e.ai_displaced[o];
      if (employed[o] > 0) w.ai_memory[o] += displaced / employed[o];
    }
    lap(result.seconds.retraining);
    rebuild(w, std::move(movers), true);
    lap(result.seconds.month_end);
    const bool county_month = month % sc.county_every == 0 || month == sc.months;
    record(w, m, events, ind, out, county_month);
    lap(result.seconds.outputs);
    if (options.progress) options.progress(month, sc.months);
    const bool stop = options.interrupt && options.interrupt->load();
    if (!options.checkpoint.empty() &&
        (month % sc.checkpoint_every == 0 || (stop && month < sc.months))) {
      save_checkpoint(options.checkpoint, w, out, month);
    }
    lap(result.seconds.checkpoints);
    if (stop && month < sc.months) {
      result.interrupted = true;
      break;
    }
  }
  result.last_month = std::min(month, sc.months);
  const int done = result.last_month - first + 1;
  if (done > 0) {
    result.seconds_per_month =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / done;
  }
  return result;
}

}  // namespace floe
