// The Iceberg Index as one self-contained HTML page: headline figures, state and county maps,
// ranked tables, the formula, the options and the data's provenance; and the simulation report
// of one run or two compared, built from the same pieces. The pages have inline CSS and inline
// SVG only (no scripts, fonts or links to fetch), so they open offline and can be mailed as one
// file; hovering a shape or a line shows its figures through SVG <title> tooltips.
//
// Stateless; safe to call from several threads.
#pragma once

#include <string>

#include "floe/dataset.h"
#include "floe/geo.h"
#include "floe/index.h"
#include "floe/runs.h"

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

struct SimulationReportInfo {
  std::string date;  // when the report was made, "2025-06-01"
};

// The report of a simulation run (`floe simulate`), or of run `b` compared with run `a` when `b`
// is given: headline figures at the last month; line charts of the national series
// (unemployment, employment, AI displacement so far, adoption and exposure, job finding), both
// runs on the same axes; maps of the states at the last month (unemployment and employment
// change; B - A when comparing) and of the counties at the last month with county figures; every
// state ranked; the runs' settings and scenario texts. Inline CSS and SVG only, like the index
// report. Throws Error when the runs cannot be compared (check_comparable).
std::string simulation_report_html(const Geography& geography, const Atlas& atlas,
                                   const SimulationRun& a, const SimulationRun* b,
                                   const SimulationReportInfo& info);

}  // namespace floe
