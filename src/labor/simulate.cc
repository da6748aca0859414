// The monthly loop (docs/model.md §1): tables, county events in parallel, retraining, the
// month's end, outputs, checkpoints.
#include <omp.h>

#include <chrono>
#include <cmath>

#include "floe/error.h"
#include "floe/simulation.h"
#include "labor/blocks.h"
#include "labor/checkpoint.h"
#include "labor/events.h"
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
  exits += o.exits;
  hires += o.hires;
  occupation_changes += o.occupation_changes;
  wage_bill += o.wage_bill;
  exposed_wages += o.exposed_wages;
}

namespace labor {
namespace {

constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);

// Starting unemployment: a share of each subcell's workers, searching from the first month.
void initial_unemployment(World& w) {
  const double rate = w.scenario->initial_unemployment;
  AgentRecords& p = w.agents;
  Subcells& s = w.sub;
#pragma omp parallel for schedule(dynamic, 64)
  for (std::size_t c = 0; c < w.fixed.layout.counties; ++c) {
    for (std::size_t k = c * w.fixed.layout.entries; k < (c + 1) * w.fixed.layout.entries; ++k) {
      const std::uint32_t n = s.employed[k];
      if (n == 0) continue;
      const std::uint32_t want =
          engine::binomial(n, rate, w.rng.uniform(stream(Draw::kInitialUnemployed), k, 0));
      for (std::uint32_t j = 0; j < want; ++j) {
        const double u = w.rng.uniform(stream(Draw::kInitialUnemployed),
                                       k | (static_cast<std::uint64_t>(j + 1) << 32), 0);
        const std::uint64_t i =
            s.start[k] + std::min<std::uint64_t>(s.employed[k] - 1,
                                                 static_cast<std::uint64_t>(u * s.employed[k]));
        p[i].status = kUnemployed;
        p[i].months = kMonthBase - 1;
        change_block(w, k, i, 0, 1);  // wages are counted afterwards
      }
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
  // Threads' county events are folded into the world every month, so a checkpoint holds them.
  w.county_pending.resize(out.counties * majors);
  for (CountyEvents& e : events) {
    for (std::size_t i = 0; i < w.county_pending.size(); ++i) {
      w.county_pending[i].add(e.by_county_major[i]);
    }
    e.by_county_major.assign(w.county_pending.size(), {});
  }
  std::vector<MonthFigures> county;
  if (county_month) {
    county = std::move(w.county_pending);
    w.county_pending.assign(out.counties * majors, {});
  }
  for (std::size_t k = 0; k < l.subcells(); ++k) {
    const std::size_t c = k / l.entries, e = k % l.entries;
    const std::uint16_t o = l.entry_occupation[e];
    const std::size_t major = l.occupation_major[o];
    for (MonthFigures* f : {&figures[l.county_state[c] * majors + major],
                            county_month ? &county[c * majors + major] : nullptr}) {
      if (!f) continue;
      f->employed += w.sub.employed[k];
      f->unemployed += w.sub.unemployed[k];
      f->training += w.sub.training[k];
      f->wage_bill += w.sub.wages[k];
      f->exposed_wages += w.sub.wages[k] * m.exposure[o];
    }
  }
  for (const auto& [k, a] : w.waiting) {  // hired, employed, waiting for a slot
    const std::size_t c = k / l.entries;
    const std::size_t major = l.occupation_major[l.entry_occupation[k % l.entries]];
    figures[l.county_state[c] * majors + major].employed += 1;
    if (county_month) county[c * majors + major].employed += 1;
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
    first = load_checkpoint(options.checkpoint, w, out) + 1;  // restores the talent segment too
  } else {
    if (population.counties != l.counties || population.occupations != l.occupations) {
      throw Error("the population was built from other data (" +
                  std::to_string(population.counties) + " counties, " +
                  std::to_string(population.occupations) + " occupations)");
    }
    lay_out(w, population);
    population = Population();  // the run keeps its own copy, as records
    if (sc.talent) {
      w.talent = std::make_unique<talent::TalentSegment>(ds.data_dir, sc, w.scale);
      w.talent->run_history();
    }
  }
  // N_o of docs/model.md §5 is the start's jobs in agents: the OEWS employment at the run's
  // scale (at scale 1 exactly the agents of o), so that demand and openings shrink with the
  // population instead of swamping a sampled one.
  for (double& n : w.fixed.employment0) n *= w.scale;
  if (!options.resume) {
    initial_unemployment(w);
    count_wages(w);
    const MonthTables m0 = month_tables(w, 0);
    double unemployed = 0;
    for (auto u : w.sub.unemployed) unemployed += u;
    w.theta0 = unemployed > 0 ? m0.total_openings / unemployed : 0;
    std::vector<CountyEvents> none(1);
    none[0].reset(out.states, out.counties, out.majors, l.occupations);
    MonthIndicators ind = indicators_of(month_tables(w, 0));
    record(w, m0, none, ind, out, true);
  }

  const int threads = std::max(1, omp_get_max_threads());

  std::vector<CountyEvents> events(threads);
  std::vector<std::vector<Arrival>> arrivals(l.counties), unplaced(l.counties);
  for (auto& e : events) {
    e.reset(out.states, out.counties, out.majors, l.occupations);
    e.pending = &arrivals;
    e.unplaced = &unplaced;
  }
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
#pragma omp parallel for schedule(dynamic, 4)
    for (std::size_t c = 0; c < l.counties; ++c) {
      county_events(w, m, c, events[omp_get_thread_num()]);
    }
    lap(result.seconds.events);
    place(w, arrivals, unplaced);
    MonthIndicators ind = indicators_of(m);
    retraining_step(w, m, events, ind);
    // Demand memory (§5): the share of each occupation displaced by AI so far.
    std::vector<double> employed(l.occupations, 0.0);
    for (std::size_t k = 0; k < l.subcells(); ++k) {
      employed[l.entry_occupation[k % l.entries]] += w.sub.employed[k];
    }
    for (std::size_t o = 0; o < l.occupations; ++o) {
      double displaced = 0;
      for (const auto& e : events) displaced += e.ai_displaced[o];
      if (employed[o] > 0) w.ai_memory[o] += displaced / employed[o];
    }
    lap(result.seconds.retraining);
    lap(result.seconds.month_end);
    if (w.talent) w.talent->run_month(month);
    lap(result.seconds.talent);
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
  result.slots = w.agents.size();
  if (w.talent) out.talent = std::move(w.talent->run());
  const int done = result.last_month - first + 1;
  if (done > 0) {
    result.seconds_per_month =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / done;
  }
  return result;
}

}  // namespace floe
