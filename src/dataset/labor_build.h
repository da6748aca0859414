// Joining OEWS tables and the derived state margins to the taxonomy and geography.
#pragma once

#include <vector>

#include "data/margins.h"
#include "data/oews.h"
#include "data/projections.h"
#include "floe/labor.h"

namespace floe::dataset {

struct LaborInputs {
  int year = 2023;
  const data::OewsTable* national = nullptr;
  const data::OewsTable* state_wages = nullptr;
  const data::OewsTable* state_employment = nullptr;  // optional
  std::vector<data::StateMarginRow> state_totals;
  std::vector<data::StateMarginRow> state_groups;
  std::string totals_file, groups_file;
};

// Throws DataError for a state or industry group the taxonomy/geography does not know.
LaborData build_labor(const LaborInputs& in, const Taxonomy& taxonomy, const Geography& geography);

// Projections per occupation: the line item with the occupation's code, else the summary row of
// its broad, minor or major group (flagged from_group).
std::vector<Projection> join_projections(const std::vector<data::ProjectionRow>& rows,
                                         const Taxonomy& taxonomy);

// The annual wage an OEWS row implies (docs/method.md §4): A_MEAN; else H_MEAN x 2,080;
// "#" is the year's top code.
Wage annual_wage(const data::OewsValue& annual, const data::OewsValue& hourly, int year);

}  // namespace floe::dataset
