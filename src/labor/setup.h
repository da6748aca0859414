// Building a run's fixed tables and its per-month tables.
#pragma once

#include "labor/world.h"

namespace floe::labor {

// Throws DataError (naming the scenario file and key) for names the data does not know.
Fixed build_fixed(const Dataset& dataset, const Cells& cells, const Scenario& scenario);

// The logistic capability path L(t), rescaled so that L(0) = 0 and L(inf) = 1 (§2).
double capability_path(double month, double midpoint, double width);
// Bass diffusion F(t) for coefficients p, q, started where F = initial (§3).
double bass_adoption(double month, double p, double q, double initial);

// Exposure, adoption, openings, destinations and rates for month t, from the stocks at the
// start of the month (§2-§8).
MonthTables month_tables(const World& world, int month);

}  // namespace floe::labor
