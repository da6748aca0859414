// An ensemble's runs, spread over ranks and gathered on rank 0 (docs/scaling.md §2).
#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "ensemble/pack.h"
#include "floe/ensemble.h"
#include "floe/error.h"

namespace floe {

std::vector<EnsembleRun> ensemble_runs(std::size_t scenarios, int replicates,
                                       std::uint64_t first_seed) {
  std::vector<EnsembleRun> runs;
  for (std::size_t i = 0; i < scenarios; ++i) {
    for (int r = 0; r < replicates; ++r) {
      runs.push_back({i, r, first_seed + static_cast<std::uint64_t>(r)});
    }
  }
  return runs;
}

// Round robin: every run costs about the same (same scale, months and data; the scenarios'
// levers change the work little), so ranks get runs within one of each other.
int rank_of_run(std::size_t run, int ranks) { return static_cast<int>(run % ranks); }

namespace {

// One run: the scenario with the run's seed, on a population synthesized at the scale with
// that seed, as `floe simulate --replicates` runs its replicates (src/models/replicates.cc).
Replicate run_one(const Dataset& ds, const Cells& cells, const Scenario& scenario,
                  const EnsembleRun& run, const EnsembleOptions& options) {
  SimulationOptions so;
  so.twin = options.twin;
  return replicate_of(simulate_with_seed(ds, cells, scenario, options.scale, run.seed, so));
}

}  // namespace

std::vector<Replicate> run_ensemble(const Dataset& ds, const Cells& cells,
                                    const std::vector<EnsembleScenario>& scenarios,
                                    const EnsembleOptions& options, Ranks& ranks,
                                    const std::function<void(std::size_t, std::size_t)>& finished) {
  const std::vector<EnsembleRun> runs =
      ensemble_runs(scenarios.size(), options.replicates, options.first_seed);
  const int me = ranks.rank(), size = ranks.size();
  std::vector<Replicate> gathered;
  try {
    for (std::size_t j = 0; j < runs.size(); ++j) {
      const int owner = rank_of_run(j, size);
      if (me != 0 && owner == me) {
        ranks.send_to_root(ensemble::pack(
            j, run_one(ds, cells, scenarios[runs[j].scenario].scenario, runs[j], options)));
      } else if (me == 0) {
        // Rank 0 takes the runs in order, its own and the others': equal-cost runs finish in
        // about that order, and each rank's messages arrive in the order it sent them.
        if (owner == 0) {
          gathered.push_back(
              run_one(ds, cells, scenarios[runs[j].scenario].scenario, runs[j], options));
        } else {
          std::size_t run = 0;
          gathered.push_back(ensemble::unpack(ranks.receive_from(owner), &run));
          if (run != j) {
            throw Error(
                fmt::format("ensemble: rank {} sent run {} where run {} was due", owner, run, j));
          }
        }
        if (finished) finished(j, gathered.size());
      }
    }
  } catch (const std::exception& e) {
    if (size == 1) throw;
    // The other ranks would wait for this one forever: end the job.
    fmt::print(stderr, "floe: error on rank {} of {}: {}\n", me, size, e.what());
    std::fflush(stderr);
    ranks.abort(1);
  }
  return gathered;
}

}  // namespace floe
