// Labor-market cells: employment and mean annual wage per (state, occupation), split by NAICS
// sector, and per (county, occupation), estimated from the published margins (docs/method.md §5).
//
// State cells: OEWS publishes state employment by occupation, but the offline data has only
// state employment by 23 occupation clusters. The seed is
//     seed[s,o] = sum_c E[s,c] * N[o,c] / sum_o' N[o',c]
// (state cluster employment times the occupation's national share within the cluster), raked by
// iterative proportional fitting so that states sum to their published totals and occupations
// to their OEWS national totals. Wages are the published state means where released, the
// national means otherwise. With --oews-state, published state employment replaces the estimate.
//
// Sectors: a state cell is split over the occupation's sectors by the national staffing pattern
// (OEWS industry-specific estimates); with County Business Patterns (--cbp), the split of each
// state is raked so that its sectors also meet the state's CBP sector employment.
//
// County cells: x[c,o,k] = x[s,o,k] * w[c,k], where w[c,k] is the county's share of its state's
// CBP employment in sector k, or (without CBP, and for sectors CBP does not cover) its share of
// the state's population. The counties of a state sum exactly to it. Without CBP every sector has
// the population weight, so a county's shares (indices) are its state's: outputs say so. Puerto
// Rico, Guam and the Virgin Islands are each one territory-wide county-equivalent.
//
// Every estimated figure carries a flag; outputs show them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "floe/dataset.h"

namespace floe {

// Flags of a cell, OR-ed together.
enum CellFlag : std::uint8_t {
  kEmploymentEstimated = 1,  // employment estimated from margins, not published
  kWageNational = 2,         // state wage not released: national mean
  kWageFromHourly = 4,       // hourly wage x 2,080
  kWageTopCoded = 8,         // wage at or above the OEWS top code (a lower bound)
  kTasksImputed = 16,        // an "All Other" occupation with its group's tasks
};

// Where county figures come from (docs/method.md §5).
enum class CountySource : std::uint8_t {
  kStateShares,  // the state's cells times the county's population share: a county's shares
                 // (indices) are its state's
  kIndustry,     // County Business Patterns: county x sector x the staffing pattern, raked
};

enum class CellMethod : std::uint8_t {
  kRaked,    // seed raked to state totals and national occupation totals (default)
  kProduct,  // the seed alone: state cluster employment x national within-cluster shares
};

struct CellOptions {
  CellMethod method = CellMethod::kRaked;
  int max_iterations = 1000;
  double tolerance = 1e-10;  // largest relative margin error accepted
};

struct Cells {
  std::size_t occupations = 0;
  std::size_t sectors = 0;
  // Per (state, occupation), index state * occupations + occupation.
  std::vector<double> state_employment;
  std::vector<double> state_wage;
  std::vector<std::uint8_t> state_flags;
  // Sector split of each state cell: for state s, occupation o and the k-th entry of
  // taxonomy.occupation_sectors.row(o), the share is sector_share[s * E + offsets[o] + k], where
  // E = taxonomy.occupation_sectors.values.size(). Shares of a cell sum to 1.
  std::vector<double> sector_share;
  // County weights w[c,k], [county * sectors + sector]: the county's part of its state's sector.
  std::vector<double> county_sector_weight;
  // Per (county, occupation): employment, sum_k x[s,o,k] w[c,k]; the wage and flags are the
  // county's state's.
  std::vector<double> county_employment;
  std::vector<double> county_share;  // county population / its state's counties' population
  CountySource county_source = CountySource::kStateShares;

  // IPF diagnostics: state cells, and the largest relative error left on the CBP sector margins.
  int iterations = 0;
  double max_margin_error = 0;
  double max_sector_margin_error = 0;

  double employment(StateId s, OccupationId o) const {
    return state_employment[s.index() * occupations + o.index()];
  }
  double wage(StateId s, OccupationId o) const {
    return state_wage[s.index() * occupations + o.index()];
  }
};

// Builds the cells. Throws DataError when a state (not a territory) has no margins.
Cells build_cells(const Dataset& dataset, const CellOptions& options = {});

}  // namespace floe
