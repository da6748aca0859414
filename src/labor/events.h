// One month's events in one state: separations (baseline and AI), the local cascade in each of
// its counties, job-to-job moves and the unemployed's job search (docs/model.md §4-§8).
//
// Event counts are drawn once per (state, occupation, industry group) cell — one Binomial draw —
// and the agents they happen to are then drawn uniformly from the cell's employed (or
// unemployed) blocks across the state's counties. States are independent within a month and
// run in parallel; every draw is keyed by (stream, cell or agent, month), so the outcome does not
// depend on the number of threads.
#pragma once

#include "labor/world.h"

namespace floe::labor {

void state_events(World& world, const MonthTables& tables, std::size_t state, CountyEvents& out);

// Moves agent i into a new job (docs/model.md §6): destination occupation (when
// `change_occupation`), county, industry group and wage. Records the move in `out`.
void take_new_job(World& world, const MonthTables& tables, std::uint64_t i, bool change_occupation,
                  bool from_unemployment, CountyEvents& out);

}  // namespace floe::labor
