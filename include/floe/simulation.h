// The workforce simulation: AI capability, adoption, displacement, job transitions, local
// cascades and retraining, month by month, on the synthetic population (docs/model.md).
//
// One run: a Scenario applied to a Population built from a Dataset. Deterministic: the same
// inputs, scenario and seed give bit-identical outputs for any number of threads, and a run
// resumed from a checkpoint ends identical to an uninterrupted one.
#pragma once

#include <array>
#include <atomic>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "floe/population.h"
#include "floe/ranks.h"
#include "floe/scenario.h"
#include "floe/talent.h"

namespace floe {

// Event and stock counts for one (state, SOC major group) in one month.
struct MonthFigures {
  double employed = 0, unemployed = 0, training = 0;
  double layoffs = 0;             // baseline separations into unemployment
  double displaced_direct = 0;    // separations caused by AI in the worker's own cell
  double displaced_indirect = 0;  // local non-tradable jobs lost through the cascade
  double quits = 0;               // job-to-job moves
  double exits = 0;               // retirements and other exits from the labor force, each
                                  // replaced at once by a new worker in the same job
  double hires = 0;               // unemployed who found a job
  double occupation_changes = 0;  // moves (quits or hires) into another occupation
  double wage_bill = 0;           // of the employed, dollars a year
  double exposed_wages = 0;       // wage bill x exposure E_o(t)
  void add(const MonthFigures& o);
};
// MonthFigures' fields in their declared order: for code that treats them alike (sums, packing).
inline constexpr std::array<double MonthFigures::*, 12> kMonthFigureFields = {
    &MonthFigures::employed,
    &MonthFigures::unemployed,
    &MonthFigures::training,
    &MonthFigures::layoffs,
    &MonthFigures::displaced_direct,
    &MonthFigures::displaced_indirect,
    &MonthFigures::quits,
    &MonthFigures::exits,
    &MonthFigures::hires,
    &MonthFigures::occupation_changes,
    &MonthFigures::wage_bill,
    &MonthFigures::exposed_wages};
static_assert(sizeof(MonthFigures) == kMonthFigureFields.size() * sizeof(double),
              "a field was added to MonthFigures: add it to kMonthFigureFields");

// National indicators of the model's state in one month.
struct MonthIndicators {
  double exposure = 0;     // employment-weighted mean E_o(t)
  double adoption = 0;     // employment-weighted mean adoption A(t)
  double job_finding = 0;  // f(t)
  double openings = 0;     // vacancies V(t)
  double multiplier = 0;   // cascade multiplier m(t)
  double trainees_started = 0, trainees_completed = 0, training_spending = 0;
  double trainees_reemployed = 0;  // retrained workers hired for the first time since
  double entrants = 0;             // new members of the labor force (docs/model.md §17)
};

struct SimulationOutput {
  int months = 0;
  std::size_t states = 0, majors = 0, counties = 0;
  // [month][state * majors + major], months 0..months (0 = the starting state).
  std::vector<std::vector<MonthFigures>> state_major;
  std::vector<MonthIndicators> indicators;
  // Every county_every months and the last: [entry][county * majors + major]
  std::vector<int> county_months;
  std::vector<std::vector<MonthFigures>> county_major;
  // Occupation changes between SOC major groups, per month: [month][from * majors + to].
  std::vector<std::vector<double>> flows;
  // The AI-talent segment (docs/talent.md), when the scenario enables it.
  TalentRun talent;
};

// The time a run spent in each substep of each model, and outside them (checkpoints).
struct SubstepSeconds {
  std::string model;    // "labor", "talent"; "" for the run's own work
  std::string substep;  // "separations", "checkpoints" ...
  double seconds = 0;   // summed over the months run
};

// The agents of a run as its slots hold them (docs/model.md §10): `size` records in groups, with
// free slots among them (status kVacantStatus). Valid until the run's next step.
struct AgentView {
  const AgentRecord* records = nullptr;
  std::size_t size = 0;
};

struct SimulationOptions {
  bool twin = true;                  // run the no-AI twin alongside (docs/model.md §16)
  std::filesystem::path checkpoint;  // checkpoint file ("" = none); written every
                                     // output.checkpoint_every months and when interrupted
  bool resume = false;               // continue from `checkpoint`
  const std::atomic<bool>* interrupt = nullptr;  // set (e.g. by Ctrl-C) to stop after a month
  std::function<void(int month, int months)> progress;
  // The ranks to spread the run over (docs/scaling.md §6); one process when null. Every rank
  // calls simulate() alike.
  Ranks* ranks = nullptr;
  // The caller's run-defining settings beyond the scenario (data, population source, ...): kept
  // in every checkpoint and given back on resume (SimulationResult::settings), so that a resumed
  // run can be checked against them and continue exactly.
  std::map<std::string, std::string> settings;
};

// One replicate of a run (`floe simulate --replicates N`, docs/model.md §16): the same scenario
// with another seed, which synthesizes its own population at the same scale and draws its own
// events. National figures per month, in agents, of the run and of its no-AI twin (empty
// without one).
struct Replicate {
  std::uint64_t seed = 0;
  std::vector<MonthFigures> national, twin_national;
};

// A national measure's spread over replicates in one month: the mean and the 5th and 95th
// percentiles (linear interpolation between order statistics, R's type 7), so that [low, high]
// holds 90% of runs. Measures: unemployment_rate, twin_unemployment_rate, ai_effect_points (100
// x the difference of the two), employed, ai_effect_employed, wage_bill, ai_effect_wage_bill
// (counts and dollars in workers: agents / scale; the twin's and the effects only when every
// replicate has a twin).
struct ReplicateInterval {
  int month = 0;
  std::string measure;
  double mean = 0, low = 0, high = 0;
  int replicates = 0;
};

struct SimulationResult {
  SimulationOutput output;
  std::optional<SimulationOutput> twin;         // the no-AI twin's, when it ran
  Scenario scenario;                            // as run (from the checkpoint when resumed)
  std::map<std::string, std::string> settings;  // SimulationOptions::settings, as started
  bool interrupted = false;                     // stopped early; the checkpoint holds the state
  int last_month = 0;
  double seconds_per_month = 0;
  std::uint64_t slots = 0;  // agent records held (agents plus free slots), 16 bytes each
  double scale = 1.0;       // the population's share of the workforce
  std::vector<SubstepSeconds> seconds;  // where the time went
  // With replicates: every replicate, this run first (replicate 0); empty otherwise.
  std::vector<Replicate> replicates;
  // Seconds summed over the substeps whose name is listed (e.g. {"separations", "cascade"}).
  double seconds_in(std::initializer_list<std::string_view> substeps) const;
};

// A run, month by month (the step API). Build it from a scenario and a population; step() runs
// one month; output() holds every month so far; checkpoint() saves it and resume() continues it,
// ending identical to an uninterrupted run. Each month runs the models' substeps in order on the
// engine (docs/engine.md): the labor market (docs/model.md) and, when talent.enabled, the
// AI-talent model (docs/talent.md).
//
// Not thread-safe: one thread drives a run (its months use all OpenMP threads).
class Simulation {
 public:
  // Lays out `population` (moved in) and records month 0, the start. With `twin`, the run's
  // no-AI twin runs alongside on a copy of the population: the same scenario with capability and
  // adoption held at the start, drawing the same random numbers, so that scenario minus twin is
  // the effect of AI's progress (docs/model.md §16).
  //
  // Spread over `ranks` (docs/scaling.md §6), every rank builds it from the same population and
  // keeps its own counties' agents; the ranks then step together, and each one's output() is
  // the whole run's, identical for any number of ranks.
  Simulation(const Dataset& dataset, const Cells& cells, Population population,
             const Scenario& scenario, bool twin = false, Ranks& ranks = Ranks::solo());
  // Continues a run from its checkpoint: the scenario (with any levers changed during the run),
  // seed and population scale come from the checkpoint. Throws DataError for a missing, corrupt
  // or mismatched checkpoint (other data).
  // Spread over ranks, each rank reads its own file (checkpoint_of_rank) and they must number
  // as many as wrote them.
  static Simulation resume(const Dataset& dataset, const Cells& cells,
                           const std::filesystem::path& checkpoint, Ranks& ranks = Ranks::solo());
  Simulation(Simulation&&) noexcept;
  Simulation& operator=(Simulation&&) noexcept;
  ~Simulation();

  int month() const;   // the last month run: 0 before the first step
  int months() const;  // the horizon, run.months
  bool done() const { return month() >= months(); }
  // Runs the next month. Throws Error when the run is done.
  void step();

  const SimulationOutput& output() const;
  const SimulationOutput* twin_output() const;  // nullptr without a twin
  const Scenario& scenario() const;
  // Changes a lever between months (a key that may change: scenario_keys()[i].lever), from a
  // TOML value literal, as if the scenario file had said so from now on. Throws DataError for an
  // unknown key, a bad value, or a key fixed at the start.
  void set(std::string_view key, std::string_view value);

  // The agents now (read-only, zero-copy), this rank's; the twin's, or an empty view without one.
  AgentView agents() const;
  AgentView twin_agents() const;
  double scale() const;  // the population's share of the workforce
  std::uint64_t population_seed() const;
  // Writes everything needed to continue the run to `path` (atomically), with `settings`
  // (SimulationOptions::settings); spread over ranks, every rank calls it together and writes
  // its own file (checkpoint_of_rank), put in place once all have written theirs.
  void checkpoint(const std::filesystem::path& path);
  std::map<std::string, std::string>& settings();
  // Where the time went, by model and substep.
  std::vector<SubstepSeconds> timing() const;
  // The run so far as simulate() returns it (for write_simulation_db).
  SimulationResult result() const;

 private:
  struct Impl;
  explicit Simulation(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The population rank ranks.rank() of a run spread over `ranks` starts from: its counties'
// agents (Population::county_agents), each exactly as the whole synthesis makes it, so that a
// rank holds only its share from the start (docs/scaling.md §6). One process: the whole one.
Population synthesize_for_rank(const Dataset& dataset, const Cells& cells, SynthesisOptions options,
                               const Ranks& ranks, const Progress& progress = {});

// The checkpoint file of rank r of a run spread over `ranks`: "<checkpoint>.<r>-of-<ranks>";
// `checkpoint` itself for one process.
std::filesystem::path checkpoint_of_rank(const std::filesystem::path& checkpoint, int rank,
                                         int ranks);

// What a checkpoint says about its run, read without loading the agents: the month it reached,
// the scenario as run (its horizon and seed included), whether the twin ran, and the caller's
// settings. Throws DataError naming the file when it is missing, truncated or corrupt.
struct CheckpointSummary {
  int month = 0;
  Scenario scenario;
  bool twin = false;
  double scale = 0;
  std::map<std::string, std::string> settings;
};
CheckpointSummary read_checkpoint_summary(const std::filesystem::path& checkpoint);

// Runs the scenario on `population` (moved in: the run re-sorts it as workers change jobs) to
// its horizon, with checkpoints, Ctrl-C and progress as `options` say. With options.resume, the
// run continues from options.checkpoint and `population` and `scenario` are not used.
SimulationResult simulate(const Dataset& dataset, const Cells& cells, Population population,
                          const Scenario& scenario, const SimulationOptions& options = {});

// The national figures of a run's output per month (its states' sums), in agents.
std::vector<MonthFigures> national_figures(const SimulationOutput& output);
// The replicate of a finished run: its seed and national figures (and its twin's).
Replicate replicate_of(const SimulationResult& result);
// The scenario run with `seed` on a population synthesized at `scale` with that seed: a replicate
// (run_replicates) and a run of an ensemble (include/floe/ensemble.h).
SimulationResult simulate_with_seed(const Dataset& dataset, const Cells& cells, Scenario scenario,
                                    double scale, std::uint64_t seed,
                                    const SimulationOptions& options = {});
// Runs the scenario again with seeds scenario.run.seed + 1, ..., + count (each synthesizing its
// population at `scale`, with the twin when `twin`), `at_once` at a time sharing the threads (0:
// as many as the threads and the memory available allow, replicates_at_once). The results do
// not depend on how many run at once. `progress(replicate, month, months)` after each month of
// any replicate, one call at a time, replicates numbered from 1. When `interrupt` is set, each
// stops after its current month; returns the replicates completed before the first that did not.
std::vector<Replicate> run_replicates(const Dataset& dataset, const Cells& cells,
                                      const Scenario& scenario, double scale, int count, bool twin,
                                      const std::function<void(int, int, int)>& progress = {},
                                      const std::atomic<bool>* interrupt = nullptr,
                                      int at_once = 0);
// How many of `count` replicates at `scale` run at once: at most one per thread, and as many as
// fit in four fifths of the memory available now (docs/model.md §16).
int replicates_at_once(const Dataset& dataset, int count, double scale, bool twin);
// Every measure's spread over the replicates (at least two), month by month.
std::vector<ReplicateInterval> replicate_intervals(const std::vector<Replicate>& replicates,
                                                   double scale);

// Writes a run's results to a SQLite file (docs/model.md §12): tables run, national,
// state_major, county_major, flows, the twin's twin_* tables when it ran, and the talent
// model's talent_* tables (docs/talent.md §9). Counts are in workers: agents / result.scale.
void write_simulation_db(const std::filesystem::path& path, const Dataset& dataset,
                         const SimulationResult& result, const std::string& population_source);

}  // namespace floe
