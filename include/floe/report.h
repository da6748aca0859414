// The Iceberg Index as one self-contained HTML page: headline figures, state and county maps,
// ranked tables, the formula, the options and the data's provenance. The page has inline CSS
// and inline SVG only (no scripts, fonts or links to fetch), so it opens offline and can be
// mailed as one file; hovering a shape shows its figures through SVG <title> tooltips.
//
// Stateless; safe to call from several threads.
#pragma once

#include <string>

#include "floe/dataset.h"
#include "floe/geo.h"
#include "floe/index.h"

namespace floe {

struct ReportInfo {
  std::string options;  // the index options, one line ("layer technical, labeler human, ...")
  std::string surface;  // SOC codes of the surface occupations, as given ("15-0000")
  std::string date;     // when the report was made, "2025-06-01"
};

// The report for one index result. `atlas` supplies the map shapes (load_atlas); every text
// that comes from the data is HTML-escaped.
std::string index_report_html(const Dataset& dataset, const Atlas& atlas, const IndexResult& result,
                              const ReportInfo& info);

}  // namespace floe
