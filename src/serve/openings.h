// Job openings of an occupation, for retraining suggestions (private to src/serve): the
// annual_openings of include/floe/career.h, which career moves are ranked by.
//
// BLS Employment Projections 2024-34 (Table 1.10) give, per occupation, the 10-year employment
// change and the annual rates of labor force exits and occupational transfers; BLS's openings
// are change / 10 + exits + transfers. floe applies those rates to the OEWS employment it uses:
//
//   openings per year = workers * (growth_10y / 10 + exit_rate + transfer_rate)
//
// (BLS applies the rates to 2024-34 employment, so this runs a few percent below its published
// openings.) Occupations without a line item take their SOC group's rates (`from_group`).
#pragma once

#include "floe/dataset.h"
#include "floe/table.h"

namespace floe::serve {

// `table` with columns "openings" and "growth_10y" appended, from each row's "soc_code".
Table with_openings(const Dataset& dataset, Table table);

}  // namespace floe::serve
