// The workforce simulation: AI capability, adoption, displacement, job transitions, local
// cascades and retraining, month by month, on the synthetic population (docs/model.md).
//
// One run: a Scenario applied to a Population built from a Dataset. Deterministic: the same
// inputs, scenario and seed give bit-identical outputs for any number of threads, and a run
// resumed from a checkpoint ends identical to an uninterrupted one.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "floe/population.h"
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

// National indicators of the model's state in one month.
struct MonthIndicators {
  double exposure = 0;     // employment-weighted mean E_o(t)
  double adoption = 0;     // employment-weighted mean adoption A(t)
  double job_finding = 0;  // f(t)
  double openings = 0;     // vacancies V(t)
  double multiplier = 0;   // cascade multiplier m(t)
  double trainees_started = 0, trainees_completed = 0, training_spending = 0;
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

struct SimulationOptions {
  std::filesystem::path checkpoint;  // checkpoint file ("" = none); written every
                                     // scenario.checkpoint_every months and when interrupted
  bool resume = false;               // continue from `checkpoint`
  const std::atomic<bool>* interrupt = nullptr;  // set (e.g. by Ctrl-C) to stop after a month
  std::function<void(int month, int months)> progress;
};

struct SimulationResult {
  SimulationOutput output;
  bool interrupted = false;  // stopped early; the checkpoint holds the state
  int last_month = 0;
  double seconds_per_month = 0;
  std::uint64_t slots = 0;  // agent records held (agents plus free slots), 16 bytes each
  // Where the time went, summed over the months run (seconds).
  struct {
    double tables = 0, events = 0, retraining = 0, month_end = 0, talent = 0, outputs = 0,
           checkpoints = 0;
  } seconds;
};

// Runs the scenario on `population` (moved in: the run re-sorts it as workers change jobs).
SimulationResult simulate(const Dataset& dataset, const Cells& cells, Population population,
                          const Scenario& scenario, const SimulationOptions& options = {});

// Writes a run's results to a SQLite file: tables run, national, state_major, county_major,
// flows (docs/model.md §12), and the talent segment's talent_* tables (docs/talent.md §9).
void write_simulation_db(const std::filesystem::path& path, const Dataset& dataset,
                         const Scenario& scenario, const SimulationResult& result,
                         const std::string& population_source);

}  // namespace floe
