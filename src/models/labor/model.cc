// The labor model on the engine: its substeps in order, and its state for checkpoints.
#include "models/labor/model.h"

#include <omp.h>

#include "engine/partition.h"
#include "floe/error.h"

namespace floe::labor {

CountyScratch& World::begin_county(std::size_t county, int thread) {
  CountyScratch& s = scratch_of(thread);
  s.county = county;
  s.fresh.assign(fixed.layout.entries, 0);
  s.tradable_displaced = 0;
  s.arrivals.clear();
  leaving[county].clear();
  return s;
}

LaborModel::LaborModel(const Dataset& dataset, const Cells& cells, const Scenario& scenario,
                       SimulationOutput& output, std::string name, Ranks& ranks)
    : name_(std::move(name)) {
  World& w = world_;
  w.ranks = &ranks;
  w.dataset = &dataset;
  w.cells = &cells;
  w.settings = &scenario.labor;
  w.run = &scenario.run;
  w.rng = Random(scenario.run.seed);
  w.fixed = build_fixed(dataset, cells, scenario.labor, scenario.file);
  const Layout& l = w.fixed.layout;
  output.months = scenario.run.months;
  output.states = dataset.geography.states.size();
  output.majors = dataset.taxonomy.major_groups.size();
  output.counties = l.counties;
  w.output = &output;
  w.state_budget_left.assign(output.states, 0.0);
  w.ai_memory.assign(l.occupations, 0.0);
  const int threads = std::max(1, omp_get_max_threads());
  w.events.resize(static_cast<std::size_t>(threads));
  w.scratch.resize(static_cast<std::size_t>(threads));
  w.leaving.resize(l.counties);
  w.unplaced.resize(l.counties);
}

// N_o of docs/model.md §5 is the start's jobs in agents: the OEWS employment at the run's scale
// (at scale 1 exactly the agents of o), so that demand and openings shrink with the population
// instead of swamping a sampled one.
static void scale_demand(World& w) {
  for (double& n : w.fixed.employment0) n *= w.scale;
}

void LaborModel::begin(Population population) {
  World& w = world_;
  if (population.counties != w.fixed.layout.counties ||
      population.occupations != w.fixed.layout.occupations) {
    throw Error("the population was built from other data (" + std::to_string(population.counties) +
                " counties, " + std::to_string(population.occupations) + " occupations)");
  }
  lay_out(w, population);
  population = Population();  // the run keeps its own copy, as records
  scale_demand(w);
  start(w);
}

void LaborModel::begin_as_twin_of(const LaborModel& run) {
  World& w = world_;
  const World& from = run.world_;
  if (!from.slots || from.slots->groups() != w.fixed.layout.subcells()) {
    throw Error("the twin's run has not begun on the same data");
  }
  w.bounds = from.bounds;
  w.slots = std::make_unique<engine::Slots>(*from.slots);
  w.fixed.start_cumulative = from.fixed.start_cumulative;
  w.fixed.start_county_agents = from.fixed.start_county_agents;
  w.next_id = from.next_id;
  w.seed = from.seed;
  w.scale = from.scale;
  scale_demand(w);
  start_tables(w);
}

void LaborModel::adopt(std::unique_ptr<engine::Slots> slots, std::uint64_t seed, double scale) {
  World& w = world_;
  if (slots->groups() != w.fixed.layout.subcells()) {
    throw Error("checkpoint from a run on other data");
  }
  w.slots = std::move(slots);
  w.slots->spread_over(*w.ranks);
  w.seed = seed;
  w.scale = scale;
  scale_demand(w);
  reset_month(w);
}

std::vector<engine::Substep> LaborModel::substeps() {
  World& w = world_;
  auto month = [&w](void (*f)(World&, int)) { return [&w, f](int m) { f(w, m); }; };
  auto county = [&w](void (*f)(World&, int, std::size_t, int)) {
    return [&w, f](int m, std::size_t c, int thread) { f(w, m, c, thread); };
  };
  return {
      {"capability", month(capability_step), {}},
      {"adoption", month(adoption_step), {}},
      {"separation hazards", month(separation_hazards_step), {}},
      {"openings", month(openings_step), {}},
      {"wages", month(wage_step), {}},
      {"cascade multiplier", month(multiplier_step), {}},
      {"destinations", month(destinations_step), {}},
      {"entrants", month(entrants_step), {}},
      {"separations", {}, county(separations_step)},
      {"cascade", {}, county(cascade_step)},
      {"quits and exits", {}, county(turnover_step)},
      {"job finding", {}, county(job_finding_step)},
      {"local placement", {}, county(local_placement_step)},
      {"entrants placed", {}, county(entrants_county_step)},
      {"retraining pool", {}, county(retraining_pool_step)},
      {"placement", month(placement_step), {}},
      {"entrant seekers", month(seekers_step), {}},
      {"retraining", month(retraining_step), {}},
      {"demand memory", month(demand_memory_step), {}},
      {"outputs", month(outputs_step), {}},
  };
}

void LaborModel::save(engine::StateWriter& out) const {
  const World& w = world_;
  const SimulationOutput& o = *w.output;
  out.put(w.theta0);
  out.put(w.next_id);
  out.put(w.budget_left);
  out.vec(w.state_budget_left);
  out.vec(w.ai_memory);
  out.vec(w.trainees);
  out.vec(w.county_pending);
  out.vec(w.fixed.start_cumulative);
  out.vec(w.fixed.start_county_agents);
  out.vecs(o.state_major);
  out.vec(o.indicators);
  out.vec(o.county_months);
  out.vecs(o.county_major);
  out.vecs(o.flows);
}

void LaborModel::load(engine::StateReader& in) {
  World& w = world_;
  SimulationOutput& o = *w.output;
  w.theta0 = in.get<double>();
  w.next_id = in.get<std::uint32_t>();
  w.budget_left = in.get<double>();
  w.state_budget_left = in.vec<double>();
  w.ai_memory = in.vec<double>();
  w.trainees = in.vec<Trainee>();
  w.county_pending = in.vec<MonthFigures>();
  w.fixed.start_cumulative = in.vec<std::uint32_t>();
  w.fixed.start_county_agents = in.vec<std::uint32_t>();
  o.state_major = in.vecs<MonthFigures>();
  o.indicators = in.vec<MonthIndicators>();
  o.county_months = in.vec<int>();
  o.county_major = in.vecs<MonthFigures>();
  o.flows = in.vecs<double>();
  const std::size_t groups = w.slots->groups();
  const bool consistent =
      w.state_budget_left.size() == o.states && w.ai_memory.size() == w.fixed.layout.occupations &&
      (w.county_pending.empty() || w.county_pending.size() == o.counties * o.majors) &&
      o.indicators.size() == o.state_major.size() && o.flows.size() == o.state_major.size() &&
      o.county_months.size() == o.county_major.size() &&
      w.fixed.start_cumulative.size() == groups &&
      w.fixed.start_county_agents.size() == w.fixed.layout.counties && in.done();
  if (!consistent) in.fail("corrupt checkpoint (labor model state)");
  for (const auto& month : o.state_major) {
    if (month.size() != o.states * o.majors) in.fail("corrupt checkpoint (labor model state)");
  }
  // The counties of each rank follow from the agents at the start, as when the run began.
  w.bounds = engine::partition_counties(w.fixed.start_county_agents, w.ranks->size());
  for (const Trainee& t : w.trainees) {
    if (t.subcell >= groups || t.target >= w.fixed.layout.occupations || !w.owns(t.subcell)) {
      in.fail("corrupt checkpoint (trainees)");
    }
  }
  for (const engine::GroupSlots& g : w.slots->open_groups()) {
    if (!w.owns(g.group)) in.fail("checkpoint of another rank's counties");
  }
}

}  // namespace floe::labor
