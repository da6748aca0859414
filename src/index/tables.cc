// Index results as tables (the same columns in text, CSV, JSON, SQLite and HTML).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "floe/index.h"

namespace floe {
namespace {

const char* kEstimatedNote =
    "Employment in states and counties is estimated from state occupation-cluster margins, the "
    "national staffing pattern and county population or industry (docs/method.md §5); "
    "'estimated' marks every such figure.";

std::vector<Column> figure_columns() {
  return {{"employment", "Workers", ColumnKind::kCount},
          {"wage_bill", "Wage bill", ColumnKind::kDollars},
          {"exposed_wages", "Exposed wages", ColumnKind::kDollars},
          {"exposed_workers", "Exposed workers", ColumnKind::kCount},
          {"iceberg", "Iceberg", ColumnKind::kShare, 1},
          {"iceberg_low", "Low", ColumnKind::kShare, 1},
          {"iceberg_high", "High", ColumnKind::kShare, 1},
          {"surface", "Surface", ColumnKind::kShare, 1}};
}

// `range`: the figure's interval over the ensemble, none (NaN) where floe computes no range.
void add_figures(std::vector<Value>& row, const IndexFigures& f, const Interval& range = {}) {
  for (double v : {f.employment, f.wage_bill, f.exposed_wages, f.exposed_workers, f.iceberg(),
                   range.low, range.high, f.surface()}) {
    row.emplace_back(v);
  }
}

// Rows sorted by the iceberg column, highest first (ties by name, for stable output).
void sort_by_iceberg(Table& t) {
  const std::size_t col = t.column("iceberg");
  std::stable_sort(t.rows.begin(), t.rows.end(), [col](const auto& a, const auto& b) {
    return std::get<double>(a[col]) > std::get<double>(b[col]);
  });
}

// An occupation's national workers and mean wage: OEWS's published figures, the ones floe explain
// and the dashboard's occupation page show, so that one occupation has one number everywhere;
// the sums over its state cells where OEWS releases none.
std::pair<double, double> national_figures(const Dataset& ds, const IndexFigures& f,
                                           OccupationId o) {
  const NationalOccupation& n = ds.labor.national[o.index()];
  const double cells_emp = f.employment + f.uncovered_employment;
  const double cells_wage = f.employment > 0 ? f.wage_bill / f.employment : std::nan("");
  return {n.employment_released ? n.employment : cells_emp,
          n.mean.source == WageSource::kMissing ? cells_wage : n.mean.annual};
}

const char* task_source(TaskSource s) {
  switch (s) {
    case TaskSource::kOnet:
      return "O*NET";
    case TaskSource::kImputed:
      return "imputed";
    case TaskSource::kNone:
      return "none";
  }
  return "?";
}

}  // namespace

const char* exposure_band_note() {
  return "Low/High: the lowest and highest value over the capability layers the validation cannot "
         "tell apart from the default (docs/method.md §11-12): how much the figure depends on that "
         "choice.";
}

const char* to_string(Breakdown by) {
  switch (by) {
    case Breakdown::kNation:
      return "nation";
    case Breakdown::kState:
      return "state";
    case Breakdown::kCounty:
      return "county";
    case Breakdown::kOccupation:
      return "occupation";
    case Breakdown::kMajor:
      return "major";
    case Breakdown::kIndustry:
      return "industry";
    case Breakdown::kStateIndustry:
      return "state-industry";
    case Breakdown::kMetro:
      return "metro";
  }
  return "?";
}

Table index_table(const Dataset& ds, const IndexResult& r, Breakdown by) {
  Table t;
  const Geography& g = ds.geography;
  const Taxonomy& tx = ds.taxonomy;
  auto figures = figure_columns();
  switch (by) {
    case Breakdown::kNation: {
      t.title = "United States";
      t.columns = {{"area", "Area", ColumnKind::kText}};
      t.columns.insert(t.columns.end(), figures.begin(), figures.end());
      t.columns.push_back({"uncovered_employment", "Workers without exposure", ColumnKind::kCount});
      t.columns.push_back({"estimated", "Estimated", ColumnKind::kFlag});
      t.columns.push_back({"below_surface", "Below the surface", ColumnKind::kText});
      std::vector<Value> row{std::string("United States")};
      add_figures(row, r.nation, r.ranges.nation);
      row.push_back(r.nation.uncovered_employment);
      row.push_back(r.nation.estimated);
      row.push_back(below_surface_text(r));
      t.rows.push_back(row);
      break;
    }
    case Breakdown::kState: {
      t.title = "States";
      t.columns = {{"fips", "FIPS", ColumnKind::kText},
                   {"usps", "", ColumnKind::kText},
                   {"name", "State", ColumnKind::kText}};
      t.columns.insert(t.columns.end(), figures.begin(), figures.end());
      t.columns.insert(t.columns.end(), {{"gap", "Gap", ColumnKind::kShare, 1},
                                         {"hhi", "HHI", ColumnKind::kNumber, 3},
                                         {"estimated", "Estimated", ColumnKind::kFlag}});
      for (std::size_t s = 0; s < g.states.size(); ++s) {
        if (r.states[s].employment <= 0) continue;
        std::vector<Value> row{g.states[s].fips, g.states[s].usps, g.states[s].name};
        add_figures(row, r.states[s], r.ranges.states[s]);
        const StateExtras& x = r.state_extras[s];
        for (double v : {x.gap, x.hhi}) row.emplace_back(v);
        row.emplace_back(r.states[s].estimated);
        t.rows.push_back(row);
      }
      t.notes.push_back(
          "Gap = iceberg - surface. HHI: concentration of exposed wages across the NAICS "
          "sectors (0-1).");
      break;
    }
    case Breakdown::kCounty: {
      t.title = "Counties";
      t.columns = {{"fips", "FIPS", ColumnKind::kText},
                   {"name", "County", ColumnKind::kText},
                   {"state", "", ColumnKind::kText}};
      t.columns.insert(t.columns.end(), figures.begin(), figures.end());
      t.columns.push_back({"state_value", "State's value", ColumnKind::kFlag});
      t.columns.push_back({"estimated", "Estimated", ColumnKind::kFlag});
      const bool state_shares = r.county_source == CountySource::kStateShares;
      for (std::size_t c = 0; c < g.counties.size(); ++c) {
        if (r.counties[c].employment <= 0) continue;
        std::vector<Value> row{g.counties[c].fips, g.counties[c].name,
                               g.states[g.counties[c].state.index()].usps};
        add_figures(row, r.counties[c], r.ranges.counties[c]);
        row.push_back(state_shares);
        row.push_back(r.counties[c].estimated);
        t.rows.push_back(row);
      }
      if (state_shares) {
        t.notes.push_back(
            "No county industry data (--cbp): a county's iceberg and surface indices are its "
            "state's, and its counts are the state's scaled by population (docs/method.md §5). "
            "Counties are listed by FIPS code, not ranked.");
      } else {
        t.notes.push_back(
            "County cells: County Business Patterns employment by sector x the national staffing "
            "pattern, raked to the state cells (docs/method.md §5).");
      }
      break;
    }
    case Breakdown::kOccupation: {
      t.title = "Occupations";
      t.columns = {{"soc_code", "SOC", ColumnKind::kText},
                   {"title", "Occupation", ColumnKind::kText},
                   {"exposure", "Exposure", ColumnKind::kShare, 1},
                   {"exposure_low", "Low", ColumnKind::kShare, 1},
                   {"exposure_high", "High", ColumnKind::kShare, 1},
                   {"employment", "Workers", ColumnKind::kCount},
                   {"mean_wage", "Mean wage", ColumnKind::kDollars},
                   {"wage_bill", "Wage bill", ColumnKind::kDollars},
                   {"exposed_wages", "Exposed wages", ColumnKind::kDollars},
                   {"exposed_workers", "Exposed workers", ColumnKind::kCount},
                   {"iceberg", "Iceberg", ColumnKind::kShare, 1},
                   {"surface", "Surface", ColumnKind::kFlag},
                   {"tasks", "Tasks", ColumnKind::kText}};
      for (std::size_t o = 0; o < tx.occupations.size(); ++o) {
        const IndexFigures& f = r.occupations[o];
        const auto [emp, wage] = national_figures(ds, f, OccupationId(o));
        t.rows.push_back({tx.occupations[o].soc_code, tx.occupations[o].title, r.exposure[o],
                          r.ranges.occupations[o].low, r.ranges.occupations[o].high, emp, wage,
                          f.wage_bill, f.exposed_wages, f.exposed_workers,
                          std::isnan(r.exposure[o]) ? 0.0 : r.exposure[o],
                          static_cast<bool>(r.surface_occupation[o]),
                          std::string(task_source(tx.occupations[o].task_source))});
      }
      t.notes.push_back(
          "Exposure = share of the occupation's task weight AI can perform "
          "(docs/method.md §7). Tasks 'imputed': an 'All Other' occupation given its "
          "SOC group's tasks.");
      t.notes.push_back(
          "Workers and mean wage: the OEWS national estimates as published (as floe explain "
          "shows them); wage bill and exposed figures: sums over the state cells, which carry "
          "state wages (docs/method.md §5).");
      break;
    }
    case Breakdown::kMajor: {
      t.title = "Occupation groups (SOC major groups)";
      t.columns = {{"soc_code", "SOC", ColumnKind::kText}, {"title", "Group", ColumnKind::kText}};
      t.columns.insert(t.columns.end(), figures.begin(), figures.end());
      for (std::size_t m = 0; m < tx.major_groups.size(); ++m) {
        if (r.major_groups[m].employment <= 0) continue;
        std::vector<Value> row{tx.major_groups[m].soc_code, tx.major_groups[m].title};
        add_figures(row, r.major_groups[m], r.ranges.major_groups[m]);
        t.rows.push_back(row);
      }
      break;
    }
    case Breakdown::kIndustry: {
      t.title = "Industries (NAICS sectors)";
      t.columns = {{"naics", "NAICS", ColumnKind::kText}, {"sector", "Sector", ColumnKind::kText}};
      t.columns.insert(t.columns.end(), figures.begin(), figures.end());
      t.columns.push_back({"estimated", "Estimated", ColumnKind::kFlag});
      for (std::size_t k = 0; k < tx.sectors.size(); ++k) {
        if (r.industries[k].employment <= 0) continue;
        std::vector<Value> row{tx.sectors[k].naics, tx.sectors[k].title};
        add_figures(row, r.industries[k], r.ranges.industries[k]);
        row.push_back(r.industries[k].estimated);
        t.rows.push_back(row);
      }
      t.notes.push_back(
          "Industries: the NAICS sectors of the OEWS national industry-specific estimates, with "
          "BLS's titles; an occupation's workers are spread over sectors by BLS's national "
          "staffing pattern, cells BLS suppressed estimated (docs/method.md §5).");
      break;
    }
    case Breakdown::kStateIndustry: {
      t.title = "Industries by state (NAICS sectors)";
      t.columns = {{"fips", "FIPS", ColumnKind::kText},
                   {"usps", "", ColumnKind::kText},
                   {"name", "State", ColumnKind::kText},
                   {"naics", "NAICS", ColumnKind::kText},
                   {"sector", "Sector", ColumnKind::kText}};
      t.columns.insert(t.columns.end(), figures.begin(), figures.end());
      t.columns.push_back({"estimated", "Estimated", ColumnKind::kFlag});
      const std::size_t n_sectors = tx.sectors.size();
      for (std::size_t s = 0; s < g.states.size(); ++s) {
        for (std::size_t k = 0; k < n_sectors; ++k) {
          const IndexFigures& f = r.state_industries[s * n_sectors + k];
          if (f.employment <= 0) continue;
          std::vector<Value> row{g.states[s].fips, g.states[s].usps, g.states[s].name,
                                 tx.sectors[k].naics, tx.sectors[k].title};
          add_figures(row, f);
          row.push_back(f.estimated);
          t.rows.push_back(row);
        }
      }
      t.notes.push_back(
          "A state's sectors: its occupation cells split by the national staffing pattern "
          "(raked to County Business Patterns sector employment with --cbp); estimated "
          "(docs/method.md §5).");
      break;
    }
    case Breakdown::kMetro: {
      t.title = "Metropolitan areas";
      t.columns = {{"cbsa", "CBSA", ColumnKind::kText},
                   {"name", "Metropolitan area", ColumnKind::kText},
                   {"states", "States", ColumnKind::kText}};
      t.columns.insert(t.columns.end(), figures.begin(), figures.end());
      t.columns.push_back({"published", "Published", ColumnKind::kFlag});
      t.columns.push_back({"estimated", "Estimated", ColumnKind::kFlag});
      bool published = false;
      for (const MetroFigures& m : r.metros) {
        if (m.figures.employment <= 0) continue;
        std::vector<Value> row{m.code, m.title, m.states};
        add_figures(row, m.figures);
        row.push_back(m.published);
        row.push_back(m.figures.estimated);
        t.rows.push_back(row);
        published = published || m.published;
      }
      t.notes.push_back(
          published ? "Metropolitan areas as the OEWS MSA file publishes them (employment and "
                      "mean wages; the national mean where an area's is not released); States: "
                      "their counties in the OMB July 2023 delineation, empty for an area it does "
                      "not have."
                    : "Metropolitan areas of the OMB July 2023 delineation, each the sum of its "
                      "county cells (docs/method.md §5), listed by CBSA code: without county "
                      "industry data (--cbp) an area's indices are its states'. --oews-msa FILE "
                      "uses BLS's published MSA figures instead.");
      break;
    }
  }
  // Without county industry data, counties (and metro areas summed from them) differ only by the
  // mix of their states: ranking them would order ties.
  const bool from_state_shares = r.county_source == CountySource::kStateShares;
  const bool unranked_counties =
      from_state_shares &&
      (by == Breakdown::kCounty ||
       (by == Breakdown::kMetro && (r.metros.empty() || !r.metros[0].published)));
  if (by != Breakdown::kNation && !unranked_counties) sort_by_iceberg(t);
  t.notes.push_back(exposure_band_note());
  if (by != Breakdown::kOccupation && by != Breakdown::kMajor) t.notes.push_back(kEstimatedNote);
  return t;
}

}  // namespace floe
