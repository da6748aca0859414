// The labor-market model (docs/model.md) on the engine (docs/engine.md): its scenario keys, and
// its month as a list of substeps, each in its own file:
//
//   month   capability         E_o(t)                                  capability.cc   §2
//   month   adoption           A_{s,g}(t)                              adoption.cc     §3
//   month   separation hazards baseline layoffs + AI displacement      separations.cc  §4
//   month   openings           demand, openings, job finding           demand.cc       §5, §7
//   month   cascade multiplier m(t)                                    cascade.cc      §8
//   month   wages              new hires' wages by occupation          wages.cc        §18
//   month   destinations       where job seekers look                  matching.cc     §6
//   month   entrants           how many join the labor force, where    supply.cc       §17
//   county  separations        who is laid off or displaced            separations.cc  §4
//   county  cascade            local non-tradable jobs lost            cascade.cc      §8
//   county  quits and exits    job-to-job moves, labor force exits     turnover.cc     §6
//   county  job finding        the unemployed's search                 job_search.cc   §7
//   county  local placement    new jobs within the county              placement.cc    §10
//   county  entrants           new job seekers placed                  supply.cc       §17
//   county  retraining pool    displaced job seekers                   retraining.cc   §9
//   month   placement          new jobs in other counties              placement.cc    §10
//   month   entrant seekers    entrants whose subcell was full         supply.cc       §17
//   month   retraining         completions and enrollment              retraining.cc   §9
//   month   demand memory      the share of work displaced so far      demand.cc       §5
//   month   outputs            the month's tables                      outputs.cc      §12
#pragma once

#include <memory>

#include "engine/runtime.h"
#include "models/labor/world.h"

namespace floe::labor {

// The model's scenario keys, bound to `settings` (each declared in the file of the substep that
// reads it).
void declare_keys(LaborSettings& settings, engine::Schema& schema);
void declare_capability_keys(CapabilitySettings& s, engine::Schema& schema);
void declare_adoption_keys(AdoptionSettings& s, engine::Schema& schema);
void declare_displacement_keys(DisplacementSettings& s, engine::Schema& schema);
void declare_matching_keys(MatchingSettings& s, engine::Schema& schema);
void declare_demand_keys(DemandSettings& s, engine::Schema& schema);
void declare_cascade_keys(CascadeSettings& s, engine::Schema& schema);
void declare_retraining_keys(RetrainingSettings& s, engine::Schema& schema);
void declare_supply_keys(SupplySettings& s, engine::Schema& schema);
void declare_wage_keys(WageSettings& s, engine::Schema& schema);
// Checks across keys (file, key), and of names against the data.
void check_settings(const LaborSettings& settings, const std::string& file);
void check_names(const LaborSettings& settings, const Dataset& dataset, const std::string& file);

// The substeps (see the table above).
void capability_step(World& w, int month);
void adoption_step(World& w, int month);
void separation_hazards_step(World& w, int month);
void openings_step(World& w, int month);
void multiplier_step(World& w, int month);
void wage_step(World& w, int month);
void destinations_step(World& w, int month);
void entrants_step(World& w, int month);
void separations_step(World& w, int month, std::size_t county, int thread);
void cascade_step(World& w, int month, std::size_t county, int thread);
void turnover_step(World& w, int month, std::size_t county, int thread);
void job_finding_step(World& w, int month, std::size_t county, int thread);
void local_placement_step(World& w, int month, std::size_t county, int thread);
void entrants_county_step(World& w, int month, std::size_t county, int thread);
void retraining_pool_step(World& w, int month, std::size_t county, int thread);
void placement_step(World& w, int month);
void seekers_step(World& w, int month);
void retraining_step(World& w, int month);
void demand_memory_step(World& w, int month);
void outputs_step(World& w, int month);
// Clears the threads' accumulators and the indicators for the next month.
void reset_month(World& w);

// Gives agent `a` a new job (§6): another occupation with probability `change_occupation`, a
// county, industry group and wage; returns the destination subcell.
std::uint32_t take_new_job(const World& w, AgentRecord& a, double change_occupation,
                           bool from_unemployment, CountyEvents& out);
// The logistic capability path L(t), rescaled so that L(0) = 0 and L(inf) = 1 (§2).
double capability_path(double month, double midpoint, double width);
// Bass diffusion F(t) for coefficients p, q, started where F = initial (§3).
double bass_adoption(double month, double p, double q, double initial);

// Setup (setup.cc): the fixed tables; the population laid out in slots with the starting
// unemployment; month 0's tables and outputs.
Fixed build_fixed(const Dataset& dataset, const Cells& cells, const LaborSettings& settings,
                  const std::string& scenario_file);
void lay_out(World& w, const Population& population);
void start(World& w);
void start_tables(World& w);  // start() without drawing the starting unemployment

class LaborModel : public engine::Model {
 public:
  // A new run on `population` (moved into the slots), or, with an empty population, one to be
  // restored from a checkpoint by load() and adopt().
  // `name`: "labor" for the scenario's world, "twin" for its no-AI twin.
  // `ranks`: the ranks the run is spread over (docs/scaling.md §6); this model holds and runs
  // this rank's counties (first_county() to last_county()).
  LaborModel(const Dataset& dataset, const Cells& cells, const Scenario& scenario,
             SimulationOutput& output, std::string name = "labor", Ranks& ranks = Ranks::solo());
  void begin(Population population);
  // Begins as the no-AI twin of `run`, which has just begun on the population this model would
  // be given: laying that population out and drawing its starting unemployment again would give
  // the run's records bit for bit (same seed; the twin's settings differ only in AI's), so the
  // twin copies them and computes its own month 0.
  void begin_as_twin_of(const LaborModel& run);
  // Takes the slots a checkpoint restored; load() then restores the rest.
  void adopt(std::unique_ptr<engine::Slots> slots, std::uint64_t seed, double scale);

  std::string_view name() const override { return name_; }
  std::vector<engine::Substep> substeps() override;
  void save(engine::StateWriter& out) const override;
  void load(engine::StateReader& in) override;

  const engine::Slots& slots() const { return *world_.slots; }
  std::size_t groups_per_region() const { return world_.fixed.layout.entries; }
  double scale() const { return world_.scale; }
  std::size_t first_county() const { return world_.first_county(); }
  std::size_t last_county() const { return world_.last_county(); }
  std::uint64_t population_seed() const { return world_.seed; }

 private:
  std::string name_;
  World world_;
};

}  // namespace floe::labor
