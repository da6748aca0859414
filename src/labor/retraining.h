// Retraining policy (docs/model.md §9): budgets buy training for displaced job seekers; those
// who complete it look for work in the occupation they trained for.
#pragma once

#include "labor/world.h"

namespace floe::labor {

// Finishes the training that ends this month, then enrolls new trainees from the candidates the
// counties collected, as the budgets allow. Adds to the month's indicators.
void retraining_step(World& world, const MonthTables& tables,
                     const std::vector<CountyEvents>& events, MonthIndicators& indicators);

}  // namespace floe::labor
