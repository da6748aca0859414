// Joining OEWS tables and the derived state margins to the taxonomy and geography.
#pragma once

#include <vector>

#include "data/cbp.h"
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
  std::vector<data::StateMarginRow> state_clusters;
  std::string totals_file, clusters_file;
  const std::vector<data::CbpRow>* cbp = nullptr;  // optional (--cbp)
  std::string cbp_file;
  const data::OewsTable* metro = nullptr;  // optional (--oews-msa)
};

// Throws DataError for a state or occupation cluster the taxonomy/geography does not know.
LaborData build_labor(const LaborInputs& in, const Taxonomy& taxonomy, const Geography& geography);

// The County Business Patterns figures by county and sector (docs/method.md §5): sector rows of
// the OEWS sectors CBP covers. Education (61, mostly public schools in OEWS, private ones only in
// CBP), government (99) and CBP's unclassified establishments (its 99) are left out.
void add_county_business_patterns(const std::vector<data::CbpRow>& rows, const std::string& file,
                                  const Taxonomy& taxonomy, const Geography& geography,
                                  LaborData& labor);

// The metropolitan areas of an OEWS MSA (or all-data) file, each with its counties in the
// county -> CBSA delineation (none for a CBSA code the 2023 delineation does not have).
void add_metro_areas(const data::OewsTable& table, int year, const Taxonomy& taxonomy,
                     const Geography& geography, LaborData& labor);

// Projections per occupation: the line item with the occupation's code, else the summary row of
// its broad, minor or major group (flagged from_group).
std::vector<Projection> join_projections(const std::vector<data::ProjectionRow>& rows,
                                         const Taxonomy& taxonomy);

// The annual wage an OEWS row implies (docs/method.md §4): A_MEAN; else H_MEAN x 2,080;
// "#" is the year's top code.
Wage annual_wage(const data::OewsValue& annual, const data::OewsValue& hourly, int year);

}  // namespace floe::dataset
