// One month's events in one county: separations (baseline and AI), the local cascade, job-to-job
// moves and the unemployed's job search (docs/model.md §4-§8).
//
// For each subcell (occupation and industry group in the county) the number of events is one
// Binomial draw, and the agents they happen to are drawn without replacement from the
// subcell's employed (or unemployed) block. Counties are independent within a month and run in
// parallel; every draw is keyed by (stream, subcell or agent, month), so the outcome does not
// depend on the number of threads. Agents moving to another county wait in `out.pending`.
#pragma once

#include "labor/world.h"

namespace floe::labor {

void county_events(World& world, const MonthTables& tables, std::size_t county, CountyEvents& out);

// Gives agent `a` a new job (docs/model.md §6): another occupation with probability
// `change_occupation`, a county, industry group and wage; returns the destination subcell.
std::uint32_t take_new_job(const World& world, const MonthTables& tables, AgentRecord& a,
                           double change_occupation, bool from_unemployment, CountyEvents& out);

}  // namespace floe::labor
