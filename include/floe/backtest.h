// The backtest (docs/model.md §14, "Backtest"): the simulation started from one OEWS May and run
// twelve months, its predicted change in employment per occupation against the change OEWS
// observed the next May, scored beside two references: no change, and the BLS projection trend.
//
// This header holds what does not need a simulation: reading an OEWS year's employment by code,
// joining it to the model's occupations, and the scores. apps/floe/cmd_validate_backtest.cc runs
// the model.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace floe {

// Released national employment per OEWS occupation code (detailed occupations and OEWS's own
// aggregates such as 13-1020) in one May's national file.
struct ObservedYear {
  int year = 0;
  std::string file;
  std::unordered_map<std::string, double> employment;  // code -> TOT_EMP, released rows only
};

// Reads national_M<year>_dl.csv (or .zst) under `data_dir`. Throws DataError naming the file when
// the data has no such year, or the file is bad.
ObservedYear read_observed_year(const std::filesystem::path& data_dir, int year);

// One occupation whose employment both years released.
struct OccupationChange {
  std::size_t model_index = 0;  // position in the model's occupation list
  std::string code;
  double start = 0, end = 0;  // observed employment, start and end May
  double observed() const { return end / start - 1; }
};

// The model's occupations joined to two OEWS years by code. Occupations either year lacks (a code
// not in the file, or employment not released, "**") are left out and listed.
struct ChangeJoin {
  std::vector<OccupationChange> joined;  // in model order
  std::vector<std::string> missing_start, missing_end;
};
ChangeJoin join_observed(const std::vector<std::string>& model_codes, const ObservedYear& start,
                         const ObservedYear& end);

// How well predicted changes (fractions: 0.05 = +5%) match observed ones, over the occupations
// given, weighted (for the weighted figures) by start employment (docs/model.md §14):
// correlations of log changes log(1 + x), mean absolute errors of percentage changes in points.
struct ChangeScores {
  std::size_t occupations = 0;
  double pearson = 0;           // of log changes; NaN when either side does not vary
  double weighted_pearson = 0;  // the same with weights (weighted_pearson, floe/compare.h)
  double mae = 0;               // mean |predicted - observed|, percentage points
  double weighted_mae = 0;
  // The weighted MAE of changes relative to the weighted mean change of the occupations given
  // (predicted and observed each against its own mean): the error in the occupations' shares,
  // without the error in the level of employment as a whole.
  double weighted_mae_relative = 0;
};
ChangeScores score_changes(std::span<const double> predicted, std::span<const double> observed,
                           std::span<const double> weights);

// 1 - MAE_model / MAE_reference: 1 is perfect, 0 no better than the reference, negative worse.
double skill_score(double mae_model, double mae_reference);

// A BLS Employment Projections ten-year growth (0.158 = +15.8% over 2024-34) as a change over
// `years` at the same compound rate: (1 + g)^(years / 10) - 1.
double prorated_growth(double growth_10y, double years);

// The Bass diffusion share F(tau) of docs/model.md §3 started from zero: the share adopted
// `months` after a technology's release, with innovation p and imitation q per month.
double bass_share_since_release(double months, double p, double q);

}  // namespace floe
