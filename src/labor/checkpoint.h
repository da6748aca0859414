// Checkpoints (docs/model.md §11): the population as a snapshot at <path>, and everything else
// a run needs to continue (month, trainees, demand memory, budgets, outputs so far) at
// <path>.state, with a checksum. Both are written to .partial files and renamed.
#pragma once

#include <filesystem>

#include "labor/world.h"

namespace floe::labor {

void save_checkpoint(const std::filesystem::path& path, const World& world,
                     const SimulationOutput& output, int month);
// Restores the world and the outputs; returns the month the checkpoint was taken after.
// Throws DataError when the files are missing, corrupt, mismatched, or from another scenario.
int load_checkpoint(const std::filesystem::path& path, World& world, SimulationOutput& output);

}  // namespace floe::labor
