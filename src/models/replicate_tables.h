// The replicate tables of a results file (docs/model.md §16), written by one function for
// `floe simulate --replicates` (db.cc) and `floe ensemble` (src/ensemble, docs/scaling.md).
#pragma once

#include <string>
#include <vector>

#include "floe/simulation.h"
#include "floe/store.h"

namespace floe {

// Creates and fills replicate_national (each replicate's national series; replicate r is the
// r-th of `replicates`) and replicate_intervals (replicate_intervals(replicates, scale)), in
// workers (agents / scale). With a `scenario` name, both tables start with a scenario column
// and are created only if missing, so that several scenarios share them.
void write_replicate_tables(Store& store, const std::string& file,
                            const std::vector<Replicate>& replicates, double scale,
                            const std::string& scenario = {});

}  // namespace floe
