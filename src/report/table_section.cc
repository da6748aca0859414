// The ranked tables of the report, built from index_table() so that they show the same
// columns and numbers as `floe index --by ...` and the SQLite store.
#include <fmt/format.h>

#include <algorithm>

#include "report/html.h"
#include "report/sections.h"

namespace floe::report {
namespace {

// Occupations with at least this many workers are the ones that matter to many people.
constexpr double kManyWorkers = 100000;
constexpr std::size_t kOccupationRows = 25;

std::string states_table(const Dataset& ds, const IndexResult& r, const ColorScale& scale) {
  Table t = index_table(ds, r, Breakdown::kState);
  t.title = "States, most exposed first";
  // The page says once that state figures are estimated; these notes explain the columns shown.
  t.notes = {"Gap: Iceberg minus Surface.", exposure_band_note()};
  const std::size_t iceberg = t.column("iceberg");
  return html_table(t, {.id = "states-table",
                        .columns = {"name", "iceberg", "iceberg_low", "iceberg_high", "surface",
                                    "gap", "exposed_wages", "exposed_workers", "employment"},
                        .swatch = [&](const std::vector<Value>& row) {
                          return scale.color(std::get<double>(row[iceberg]));
                        }});
}

std::string occupations_table(const Dataset& ds, const IndexResult& r) {
  Table t = index_table(ds, r, Breakdown::kOccupation);
  const std::size_t emp = t.column("employment");
  Table many = t;
  std::erase_if(many.rows,
                [emp](const auto& row) { return std::get<double>(row[emp]) < kManyWorkers; });
  std::string lead;
  if (many.rows.empty()) {
    // A small world (the test data) has no such occupation; show them all rather than nothing.
    t.title = "Most exposed occupations";
    lead =
        "<p class=\"note\">No occupation has 100,000 or more workers in this data; all are "
        "shown.</p>\n";
  } else {
    t = std::move(many);
    t.title = "Most exposed occupations with 100,000 or more workers";
  }
  return lead + html_table(t, {.id = "occupations-table",
                               .columns = {"soc_code", "title", "exposure", "exposure_low",
                                           "exposure_high", "employment", "mean_wage",
                                           "exposed_wages", "exposed_workers"},
                               .max_rows = kOccupationRows});
}

std::string major_groups_table(const Dataset& ds, const IndexResult& r) {
  Table t = index_table(ds, r, Breakdown::kMajor);
  t.title = "Occupation groups (SOC major groups), most exposed first";
  return html_table(t, {.id = "major-groups-table",
                        .columns = {"soc_code", "title", "iceberg", "iceberg_low", "iceberg_high",
                                    "exposed_wages", "exposed_workers", "employment"}});
}

std::string industries_table(const Dataset& ds, const IndexResult& r) {
  Table t = index_table(ds, r, Breakdown::kIndustry);
  t.title = "Industries (NAICS sectors), most exposed first";
  t.notes = {
      "BLS's NAICS sectors; an occupation's workers are spread over the sectors that employ it "
      "by BLS's national staffing pattern (cells BLS suppressed are estimated; docs/method.md "
      "§5)."};
  return html_table(t, {.id = "industries-table",
                        .columns = {"naics", "sector", "iceberg", "iceberg_low", "iceberg_high",
                                    "exposed_wages", "exposed_workers", "employment"}});
}

}  // namespace

std::string table_section(const Dataset& ds, const IndexResult& r, const ColorScale& scale) {
  std::string h = "<section id=\"tables\">\n<h2>Rankings</h2>\n";
  h += "<p class=\"note\">Iceberg: share of wage value in tasks AI can perform. Surface: the part "
       "of it in the visible occupations. Exposed workers: workers weighted by the exposed "
       "share of their occupation's tasks. Low and High: the range over the capability layers "
       "the validation cannot tell apart. Figures for states and industries are "
       "estimated (see <a href=\"#method\">how it is computed</a>).</p>\n";
  h += states_table(ds, r, scale);
  h += occupations_table(ds, r);
  h += major_groups_table(ds, r);
  h += industries_table(ds, r);
  return h + "</section>\n";
}

}  // namespace floe::report
