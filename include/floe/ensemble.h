// Ensembles: several scenarios, each with several seeds, run as one job and stored in one file
// (`floe ensemble`, docs/scaling.md). The runs spread over the ranks of an MPI job (mpirun) when
// floe is built with MPI, and the store is identical for any number of ranks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "floe/market.h"
#include "floe/ranks.h"
#include "floe/scenario.h"
#include "floe/simulation.h"

namespace floe {

// One scenario of an ensemble: the file as the user named it, and the scenario read from it.
struct EnsembleScenario {
  std::string file;
  Scenario scenario;
};

// One run of an ensemble: replicate r of scenario i, with seed first_seed + r. Runs are
// numbered scenario by scenario (run j = i * replicates + r).
struct EnsembleRun {
  std::size_t scenario = 0;
  int replicate = 0;
  std::uint64_t seed = 0;
};
std::vector<EnsembleRun> ensemble_runs(std::size_t scenarios, int replicates,
                                       std::uint64_t first_seed);
// The rank that runs run j of a job of `ranks`: j mod ranks (docs/scaling.md §2).
int rank_of_run(std::size_t run, int ranks);

struct EnsembleOptions {
  int replicates = 2;
  double scale = 0.01;  // each run synthesizes its own population at this scale
  std::uint64_t first_seed = 1;
  bool twin = true;
};

// Runs this rank's runs one after another (each with all the rank's threads). Rank 0 gathers
// every run's Replicate, in run order, and returns them; other ranks return nothing.
// `finished(run, done)` is called on rank 0 as run number `run` reaches it (`done` runs so far).
// A failure on any rank ends the job (Ranks::abort) after printing it.
std::vector<Replicate> run_ensemble(const Dataset& dataset, const Cells& cells,
                                    const std::vector<EnsembleScenario>& scenarios,
                                    const EnsembleOptions& options, Ranks& ranks,
                                    const std::function<void(std::size_t, std::size_t)>& finished);

// Writes an ensemble's results file (docs/scaling.md §3): run (key, value), ensemble_scenarios,
// ensemble_runs, replicate_national and replicate_intervals per scenario, and scenario_effect
// (each scenario minus the first, replicate by replicate). `replicates` in run order.
void write_ensemble_db(const std::filesystem::path& path, const Dataset& dataset,
                       const std::vector<EnsembleScenario>& scenarios,
                       const EnsembleOptions& options, const std::vector<Replicate>& replicates);

}  // namespace floe
