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
  // not given. Negative where the file does not release the figure.
  std::vector<double> state_employment;
  std::string state_employment_file;

  // Derived OEWS May 2023 margins per state (NaN for states the files lack) and per
  // state x industry group ([state * groups + group]).
  std::vector<double> state_total_employment;
  std::vector<double> state_total_wage_bill;
  std::vector<double> state_group_employment;
  std::string margins_file;                // the state x industry group file
  std::string totals_file;                 // the state totals file
  double margins_national_employment = 0;  // the file's "National" row

  // Per OccupationId (empty when the projections file is absent).
  std::vector<Projection> projections;
  std::string projections_file;

  const Wage& state_wage(StateId s, OccupationId o) const {
    return state_wages[s.index() * national.size() + o.index()];
  }
};

const char* to_string(WageSource source);

}  // namespace floe
