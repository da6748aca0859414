// Labor-market cells: employment and mean annual wage per (state, occupation) and per
// (county, occupation), estimated from the published margins (docs/method.md §5).
//
// State cells: OEWS publishes state employment by occupation, but the offline data has only
// state employment by 23 industry groups. The seed is the estimator,
//     seed[s,o] = sum_g E[s,g] * N[o,g] / sum_o' N[o',g]
// (state group employment times the occupation's national share within the group), raked by
// iterative proportional fitting so that states sum to their published totals and occupations
// to their OEWS national totals. Wages are the published state means where released, the
// national means otherwise. With --oews-state, published state employment replaces the estimate.
//
// County cells: the state cell times the county's share of the state's population (the counties
// of a state sum exactly to it). Puerto Rico, Guam and the Virgin Islands, which have no county
// estimates in the data, are each one territory-wide county-equivalent.
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

enum class CellMethod : std::uint8_t {
  kRaked,    // seed raked to state totals and national occupation totals (default)
  kProduct,  // the seed alone: state group employment x national within-group shares
};

struct CellOptions {
  CellMethod method = CellMethod::kRaked;
  int max_iterations = 1000;
  double tolerance = 1e-10;  // largest relative margin error accepted
};

struct Cells {
  std::size_t occupations = 0;
  // Per (state, occupation), index state * occupations + occupation.
  std::vector<double> state_employment;
  std::vector<double> state_wage;
  std::vector<std::uint8_t> state_flags;
  // Industry-group split of each state cell: for state s, occupation o and the k-th entry of
  // taxonomy.occupation_groups.row(o), the share is group_share[s * G + offsets[o] + k], where
  // G = taxonomy.occupation_groups.values.size(). Shares of a cell sum to 1.
  std::vector<double> group_share;
  // Per (county, occupation): employment; the wage and flags are the county's state's.
  std::vector<double> county_employment;
  std::vector<double> county_share;  // county population / its state's counties' population

  // IPF diagnostics.
  int iterations = 0;
  double max_margin_error = 0;

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
