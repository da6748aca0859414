// OEWS employment and wages joined to the taxonomy and geography, with the derived state
// margins: the observed inputs from which labor-market cells are estimated (see market.h).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "floe/geo.h"
#include "floe/taxonomy.h"

namespace floe {

// How an annual wage figure was obtained (docs/method.md §4).
enum class WageSource : std::uint8_t {
  kAnnual,      // the published annual figure
  kFromHourly,  // hourly x 2,080 (occupations OEWS publishes only hourly wages for)
  kTopCoded,    // published as "#": set to the year's top code, a lower bound
  kNational,    // a state figure not released: the national figure stands in
  kMissing,     // none at all
};

struct Wage {
  double annual = 0;
  WageSource source = WageSource::kMissing;
};

struct NationalOccupation {
  double employment = 0;
  bool employment_released = false;
  Wage mean;
  std::array<Wage, 5> percentiles;  // 10th, 25th, 50th, 75th, 90th
};

// BLS Employment Projections 2024-34 for an occupation (Table 1.10).
struct Projection {
  double growth_10y = 0;     // employment change 2024-34, fraction (0.158 = +15.8%)
  double exit_rate = 0;      // labor force exits per year, fraction
  double transfer_rate = 0;  // moves to another occupation per year, fraction
  bool from_group = false;   // no line item for the code: its SOC group's figures
};

// A metropolitan statistical area of an OEWS MSA file, joined to the county -> CBSA delineation.
struct MetroArea {
  std::string code;                // CBSA code, "10180"
  std::string title;               // as OEWS writes it, "Abilene, TX"
  std::vector<CountyId> counties;  // its counties in the shipped delineation (OMB July 2023)
};

struct LaborData {
  int year = 0;
  std::string national_file;
  double national_total_employment = 0;      // the 00-0000 row
  std::vector<NationalOccupation> national;  // per OccupationId

  // Published state mean wages, [state * occupations + occupation]; source kMissing where the
  // state file has none (the cell estimator then uses the national wage, flagged kNational).
  std::vector<Wage> state_wages;
  std::string state_wage_file;

  // Real state employment from a full BLS state file (--oews-state), same layout; empty when
  // not given. Negative where the file does not release the figure or lacks the state.
  std::vector<double> state_employment;
  std::string state_employment_file;

  // Derived OEWS May 2023 margins per state (NaN for states the files lack) and per
  // state x occupation cluster ([state * clusters + cluster]).
  std::vector<double> state_total_employment;
  std::vector<double> state_total_wage_bill;
  std::vector<double> state_cluster_employment;
  std::string margins_file;                // the state x occupation cluster file
  std::string totals_file;                 // the state totals file
  double margins_national_employment = 0;  // the file's "National" row

  // County Business Patterns (--cbp): employees per [county * sectors + sector], and per
  // [state * sectors + sector] (the state's counties and its statewide establishments), for the
  // sectors CBP covers (cbp_covered, per sector); all empty when no file is given.
  std::vector<double> cbp_county_sector, cbp_state_sector;
  std::vector<bool> cbp_covered;
  std::string cbp_file;
  std::vector<std::string> cbp_unplaced;  // county codes the geography lacks: counted in the state
  std::size_t cbp_withheld = 0;           // cells taken at their size class's midpoint

  // Published metropolitan statistical areas (--oews-msa): per area, per occupation,
  // [metro * occupations + occupation]; employment negative where not released.
  std::vector<MetroArea> metros;
  std::vector<double> metro_employment;
  std::vector<Wage> metro_wages;
  std::string metro_file;

  // Per OccupationId (empty when the projections file is absent).
  std::vector<Projection> projections;
  std::string projections_file;

  const Wage& state_wage(StateId s, OccupationId o) const {
    return state_wages[s.index() * national.size() + o.index()];
  }
};

const char* to_string(WageSource source);

}  // namespace floe
