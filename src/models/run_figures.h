// MonthFigures as a run file stores them (run_schema::kFigures, docs/model.md §12): the one list
// of its members in the file's column order, for the writer (db.cc) and the Python module.
#pragma once

#include <array>

#include "floe/simulation.h"
#include "store/run_schema.h"

namespace floe {

// In run_schema::kFigures' order; the last column, agents, is the labor force in agents.
inline constexpr std::array<double MonthFigures::*, 12> kRunFileFigures = {
    &MonthFigures::employed,
    &MonthFigures::unemployed,
    &MonthFigures::training,
    &MonthFigures::layoffs,
    &MonthFigures::displaced_direct,
    &MonthFigures::displaced_indirect,
    &MonthFigures::quits,
    &MonthFigures::hires,
    &MonthFigures::occupation_changes,
    &MonthFigures::wage_bill,
    &MonthFigures::exposed_wages,
    &MonthFigures::exits};
static_assert(kRunFileFigures.size() + 1 == run_schema::kFigures.size() &&
                  run_schema::kFigures.back() == "agents",
              "a figure was added to the run file: add its member here");

// The labor force: employed, unemployed and in training.
inline double labor_force(const MonthFigures& f) { return f.employed + f.unemployed + f.training; }

}  // namespace floe
