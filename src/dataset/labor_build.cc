#include "dataset/labor_build.h"

#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>

#include "floe/error.h"
#include "floe/numbers.h"

namespace floe::dataset {
namespace {

// Whether a row of a state file is about a state or territory: an all-data file
// (all_data_M_2023) also holds the nation, metropolitan and nonmetropolitan areas.
bool state_row(const data::OewsRow& row) {
  using data::OewsAreaType;
  return row.area_type == OewsAreaType::kUnknown || row.area_type == OewsAreaType::kState ||
         row.area_type == OewsAreaType::kTerritory;
}

// A state OEWS row's state: by PRIM_STATE/AREA when the file has them, else by AREA_TITLE.
std::optional<StateId> row_state(const data::OewsRow& row, const Geography& geo) {
  if (!row.area_title.empty()) {
    if (auto s = geo.find_state(row.area_title)) return s;
  }
  if (!row.prim_state.empty()) return geo.find_state(row.prim_state);
  return std::nullopt;
}

// Keys of one file after normalization, with the line where each was first seen. A state may be
// written as its name, USPS code or FIPS code ("Alabama", "AL", "01"): the key is the state
// itself, so a second row for the same state under another spelling is a duplicate too.
class StateKeys {
 public:
  StateKeys(std::string file, std::string field)
      : file_(std::move(file)), field_(std::move(field)) {}

  // `written`: the row's state as the file spells it; `rest`: the other parts of the key.
  void insert(const Geography& geo, StateId state, const std::string& written,
              const std::string& rest, std::size_t line) {
    const auto [it, fresh] = first_line_.emplace(std::to_string(state.index()) + "|" + rest, line);
    if (fresh) return;
    std::string what = quote(written);
    if (written != geo[state].name) what += " (" + geo[state].name + ")";
    if (!rest.empty()) what += " with " + quote(rest);
    throw DataError(file_, line, field_,
                    "duplicate key: " + what + " is already on line " + std::to_string(it->second));
  }

 private:
  std::string file_, field_;
  std::unordered_map<std::string, std::size_t> first_line_;
};

// The part of an OEWS row's key after its area: OEWS repeats an aggregate such as 13-1020 as
// both a broad and a detailed row, so the group is part of it.
std::string occupation_key(const data::OewsRow& row) {
  constexpr const char* kGroups[] = {"total", "major", "minor", "broad", "detailed"};
  const auto g = static_cast<std::size_t>(row.group);
  return g < std::size(kGroups) ? row.occ_code + " " + kGroups[g] : row.occ_code;
}

}  // namespace

Wage annual_wage(const data::OewsValue& annual, const data::OewsValue& hourly, int year) {
  using data::OewsFlag;
  const auto top = data::oews_top_code(year);
  if (annual.has_value()) return {annual.value, WageSource::kAnnual};
  if (annual.flag == OewsFlag::kTopCoded) return {top.annual, WageSource::kTopCoded};
  if (hourly.has_value()) return {hourly.value * data::kHoursPerYear, WageSource::kFromHourly};
  if (hourly.flag == OewsFlag::kTopCoded) return {top.annual, WageSource::kTopCoded};
  return {0.0, WageSource::kMissing};
}

LaborData build_labor(const LaborInputs& in, const Taxonomy& taxonomy, const Geography& geo) {
  LaborData labor;
  labor.year = in.year;
  labor.national_file = in.national->file;
  const std::size_t n_occ = taxonomy.occupations.size();
  const std::size_t n_states = geo.states.size();
  const std::size_t n_clusters = taxonomy.clusters.size();
  labor.national.resize(n_occ);
  for (const auto& row : in.national->rows) {
    if (row.occ_code == "00-0000" && row.employment.has_value()) {
      labor.national_total_employment = row.employment.value;
    }
    if (row.group != data::OewsGroup::kDetailed) continue;
    const auto occ = taxonomy.find_occupation(row.occ_code);
    if (!occ) continue;  // cannot happen: the taxonomy's occupations are these rows
    NationalOccupation& n = labor.national[occ->index()];
    n.employment_released = row.employment.has_value();
    n.employment = n.employment_released ? row.employment.value : 0.0;
    n.mean = annual_wage(row.annual_mean, row.hourly_mean, in.year);
    for (int p = 0; p < 5; ++p) {
      n.percentiles[p] = annual_wage(row.annual_percentiles[p], row.hourly_percentiles[p], in.year);
    }
  }

  labor.state_wages.assign(n_states * n_occ, Wage{});
  labor.state_wage_file = in.state_wages->file;
  StateKeys wage_keys(in.state_wages->file, "AREA_TITLE");
  for (const auto& row : in.state_wages->rows) {
    if (!state_row(row)) continue;
    const auto state = row_state(row, geo);
    if (!state) {
      throw DataError(in.state_wages->file, row.line, "AREA_TITLE",
                      "unknown state " + quote(row.area_title));
    }
    wage_keys.insert(geo, *state, row.area_title.empty() ? row.prim_state : row.area_title,
                     occupation_key(row), row.line);
    const auto occ = taxonomy.find_occupation(row.occ_code);
    if (!occ) continue;  // totals and group rows (00-0000, 11-0000, 11-1000 ...)
    labor.state_wages[state->index() * n_occ + occ->index()] =
        annual_wage(row.annual_mean, row.hourly_mean, in.year);
  }

  if (in.state_employment) {
    labor.state_employment_file = in.state_employment->file;
    labor.state_employment.assign(n_states * n_occ, -1.0);  // absent from the file: estimated
    StateKeys keys(in.state_employment->file, "AREA_TITLE");
    for (const auto& row : in.state_employment->rows) {
      if (!state_row(row)) continue;
      const auto state = row_state(row, geo);
      if (!state) {
        throw DataError(in.state_employment->file, row.line, "AREA_TITLE",
                        "unknown state " + quote(row.area_title));
      }
      keys.insert(geo, *state, row.area_title.empty() ? row.prim_state : row.area_title,
                  occupation_key(row), row.line);
      const auto occ = taxonomy.find_occupation(row.occ_code);
      if (!occ) continue;
      labor.state_employment[state->index() * n_occ + occ->index()] =
          row.employment.has_value() ? row.employment.value : -1.0;
    }
  }

  labor.margins_file = in.clusters_file;
  labor.totals_file = in.totals_file;
  labor.state_total_employment.assign(n_states, kNaN);
  labor.state_total_wage_bill.assign(n_states, kNaN);
  labor.state_cluster_employment.assign(n_states * n_clusters, kNaN);
  StateKeys total_keys(in.totals_file, "state");
  for (const auto& row : in.state_totals) {
    if (row.state == "National") {
      labor.margins_national_employment = row.employment;
      continue;
    }
    const auto state = geo.find_state(row.state);
    if (!state)
      throw DataError(in.totals_file, row.line, "state", "unknown state " + quote(row.state));
    total_keys.insert(geo, *state, row.state, "", row.line);
    labor.state_total_employment[state->index()] = row.employment;
    labor.state_total_wage_bill[state->index()] = row.wage_bill;
  }
  for (std::size_t s = 0; s < n_states; ++s) {
    if (std::isnan(labor.state_total_employment[s]) && !geo.states[s].territory) {
      throw DataError(in.totals_file, 0, "state",
                      "no row for " + geo.states[s].name + " (every state and DC needs one)");
    }
  }
  StateKeys cluster_keys(in.clusters_file, "state");
  for (const auto& row : in.state_clusters) {
    if (row.state == "National") continue;
    const auto state = geo.find_state(row.state);
    if (!state)
      throw DataError(in.clusters_file, row.line, "state", "unknown state " + quote(row.state));
    const auto cluster = taxonomy.find_cluster(row.industry_group);
    if (!cluster) {
      throw DataError(in.clusters_file, row.line, "industry_group",
                      "unknown occupation cluster " + quote(row.industry_group));
    }
    cluster_keys.insert(geo, *state, row.state, row.industry_group, row.line);
    labor.state_cluster_employment[state->index() * n_clusters + cluster->index()] = row.employment;
  }
  if (in.cbp) add_county_business_patterns(*in.cbp, in.cbp_file, taxonomy, geo, labor);
  if (in.metro) add_metro_areas(*in.metro, in.year, taxonomy, geo, labor);
  return labor;
}

void add_metro_areas(const data::OewsTable& table, int year, const Taxonomy& taxonomy,
                     const Geography& geo, LaborData& labor) {
  using data::OewsAreaType;
  const std::size_t n_occ = taxonomy.occupations.size();
  labor.metro_file = table.file;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& row : table.rows) {
    // Metropolitan areas only: an all-data file also holds the nation, states and the
    // nonmetropolitan areas (which are not CBSAs); a file without AREA_TYPE is an MSA file.
    const bool metro = row.area_type == OewsAreaType::kMetro ||
                       (row.area_type == OewsAreaType::kUnknown && row.area.size() == 5);
    if (!metro) continue;
    if (row.area.size() != 5 || row.area.find_first_not_of("0123456789") != std::string::npos) {
      throw DataError(table.file, row.line, "AREA", "not a 5-digit CBSA code: '" + row.area + "'");
    }
    auto [it, added] = index.emplace(row.area, labor.metros.size());
    if (added) {
      MetroArea m{row.area, row.area_title, {}};
      for (std::size_t c = 0; c < geo.counties.size(); ++c) {
        if (geo.counties[c].cbsa_code == row.area) m.counties.push_back(CountyId(c));
      }
      labor.metros.push_back(std::move(m));
      labor.metro_employment.resize(labor.metros.size() * n_occ, 0.0);
      labor.metro_wages.resize(labor.metros.size() * n_occ);
    }
    const auto occ = taxonomy.find_occupation(row.occ_code);
    if (!occ) continue;  // totals and groups
    const std::size_t i = it->second * n_occ + occ->index();
    labor.metro_employment[i] = row.employment.has_value() ? row.employment.value : -1.0;
    labor.metro_wages[i] = annual_wage(row.annual_mean, row.hourly_mean, year);
  }
  if (labor.metros.empty()) {
    throw DataError(table.file, 0, "AREA_TYPE", "no metropolitan areas (AREA_TYPE 4) in the file");
  }
}

void add_county_business_patterns(const std::vector<data::CbpRow>& rows, const std::string& file,
                                  const Taxonomy& taxonomy, const Geography& geo,
                                  LaborData& labor) {
  const std::size_t n_sectors = taxonomy.sectors.size();
  labor.cbp_file = file;
  labor.cbp_county_sector.assign(geo.counties.size() * n_sectors, 0.0);
  labor.cbp_state_sector.assign(geo.states.size() * n_sectors, 0.0);
  labor.cbp_covered.assign(n_sectors, false);
  std::set<std::string> unplaced;
  for (const auto& row : rows) {
    if (row.naics == "61" || row.naics == "99") continue;
    const auto sector = taxonomy.find_sector(row.naics);
    if (!sector) continue;  // a sector OEWS does not publish
    const auto state = geo.find_state(row.state_fips);
    if (!state) {
      throw DataError(file, row.line, "fipstate",
                      "unknown state FIPS code '" + row.state_fips + "'");
    }
    labor.cbp_covered[sector->index()] = true;
    labor.cbp_state_sector[state->index() * n_sectors + sector->index()] += row.employment;
    if (row.withheld) ++labor.cbp_withheld;
    if (row.county_fips.ends_with("999")) continue;  // statewide: no county
    if (const auto county = geo.find_county(row.county_fips)) {
      labor.cbp_county_sector[county->index() * n_sectors + sector->index()] += row.employment;
    } else {
      unplaced.insert(row.county_fips);
    }
  }
  labor.cbp_unplaced.assign(unplaced.begin(), unplaced.end());
}

std::vector<Projection> join_projections(const std::vector<data::ProjectionRow>& rows,
                                         const Taxonomy& taxonomy) {
  std::unordered_map<std::string, const data::ProjectionRow*> by_code;
  for (const auto& row : rows) by_code.emplace(row.code, &row);
  std::vector<Projection> out(taxonomy.occupations.size());
  for (std::size_t o = 0; o < out.size(); ++o) {
    const Occupation& occ = taxonomy.occupations[o];
    const std::string major = taxonomy.major_groups[occ.major.index()].soc_code;
    const data::ProjectionRow* row = nullptr;
    bool from_group = false;
    for (const std::string& code :
         {occ.soc_code, occ.broad_code, occ.minor_code, major, std::string("00-0000")}) {
      const auto it = by_code.find(code);
      if (it == by_code.end()) continue;
      row = it->second;
      from_group = code != occ.soc_code;
      break;
    }
    if (!row) continue;
    out[o] = {row->change_percent / 100.0, row->exit_rate / 100.0, row->transfer_rate / 100.0,
              from_group};
  }
  return out;
}

}  // namespace floe::dataset

namespace floe {

const char* to_string(WageSource source) {
  switch (source) {
    case WageSource::kAnnual:
      return "annual";
    case WageSource::kFromHourly:
      return "hourly x 2080";
    case WageSource::kTopCoded:
      return "top-coded";
    case WageSource::kNational:
      return "national";
    case WageSource::kMissing:
      return "missing";
  }
  return "?";
}

}  // namespace floe
