// How floe's exposure relates to the published measures in the data (docs/method.md,
// "Comparison with published measures"): `floe index --compare`.
//
// Measures, each joined to OEWS occupations:
//   Felten-Raj-Seamans AIOE and Microsoft AI applicability (SOC 2018 codes): the OEWS
//     occupation with that code, else the OEWS occupation holding O*NET occupation "<code>.00"
//     (13-1021 -> 13-1020, 21-1011 -> 21-1018);
//   Eloundou et al. beta, human and GPT-4 ratings (O*NET-SOC codes): the OEWS occupation holding
//     the O*NET occupation.
//   Several codes landing in one OEWS occupation are averaged (unweighted).
//   A measure that matches no occupation (or county) is not a comparison and is left out. Webb
//     (2020) is coded in occ1990dd, and the data has no occ1990dd -> SOC crosswalk, so it is not
//     compared at all (docs/method.md §15).
// Only occupations with both a floe exposure E_o and a score are compared; each is weighted by
// its OEWS national employment w_o.
//
// With weights w_i, W = sum_i w_i, weighted means mx = sum_i w_i x_i / W (likewise my):
//
//   Pearson   r = sum_i w_i (x_i - mx)(y_i - my) / sqrt(sum_i w_i (x_i - mx)^2 ·
//                                                      sum_i w_i (y_i - my)^2)
//   rank      R(x_i) = (sum_{j: x_j < x_i} w_j + 1/2 sum_{j: x_j = x_i} w_j) / W
//             (the midpoint of the weighted empirical CDF's step at x_i; tied values share it,
//             values equal to 12 significant digits counting as tied; in (0, 1); weighted
//             mean 1/2)
//   Spearman  rho = Pearson of (R(x_i), R(y_i)) with the same weights
//   disagreement of occupation i = R(E_i) - R(score_i), in percentile points (x 100)
//
// Both are NaN when fewer than two points carry weight or either variable is constant.
//
// Counties: Felten's AIGE is given per 2017 county FIPS; each maps to the 2023 counties it
// became (Geography::census_counties_for_atlas), whose floe figures are summed: the index is
// exposed wages / wage bill, the weight covered employment. floe's county shares equal their
// state's (county cells are state cells scaled by population), so the county comparison is in
// effect a comparison of state indices with county scores.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "floe/index.h"

namespace floe {

double weighted_pearson(std::span<const double> x, std::span<const double> y,
                        std::span<const double> w);
std::vector<double> weighted_ranks(std::span<const double> x, std::span<const double> w);
double weighted_spearman(std::span<const double> x, std::span<const double> y,
                         std::span<const double> w);

// One published measure joined to floe's occupation exposure (or county index).
struct MeasureComparison {
  std::string key;                   // "aioe", "microsoft", "eloundou_human", ... (machine name)
  std::string name;                  // "Felten-Raj-Seamans AIOE"
  std::string level;                 // "occupation" or "county"
  std::size_t published = 0;         // codes in the measure's file (after its own crosswalk)
  std::size_t joined = 0;            // occupations (counties) with both values
  double employment = 0;             // employment of those
  double employment_share = 0;       // of all employment (OEWS national, or all counties)
  double pearson = 0, spearman = 0;  // employment-weighted; NaN when not computable
  std::string note;

  // Per joined unit, in the same order: code, floe value, the measure, weight.
  std::vector<std::string> codes;
  std::vector<double> floe, measure, weight;
};

struct Comparison {
  std::string options;                      // floe's index options, for titles
  std::vector<double> exposure;             // floe's E_o per occupation (NaN where uncovered)
  std::vector<MeasureComparison> measures;  // occupation measures, then counties
};

// One published occupation measure per OEWS occupation, joined as above (NaN where it has no
// score): key "aioe", "microsoft", "eloundou_human" or "eloundou_gpt4"; another key is an Error.
std::vector<double> published_by_occupation(const Dataset& dataset, std::string_view key);

// Joins the published measures in `dataset.peers` to `result` (one run of compute_index).
Comparison compare_with_published(const Dataset& dataset, const IndexResult& result);

// The comparison as tables, by name: compare_measures (one row per measure),
// compare_disagreements (for each occupation measure, the `top` occupations where floe ranks
// highest relative to the measure and the `top` where it ranks lowest) and compare_occupations
// (every occupation with floe's exposure and each measure, for plotting).
std::vector<std::pair<std::string, Table>> comparison_tables(const Dataset& dataset,
                                                             const Comparison& comparison,
                                                             std::size_t top = 5);

// Writes the tables as "table" (aligned text with a short reading guide), "csv" (each table
// after a "# name" line, tables separated by a blank line) or "json" (one object keyed by
// table name). compare_occupations is left out of the text view (it is long).
void write_comparison(std::ostream& out, const Dataset& dataset, const Comparison& comparison,
                      std::string_view format, std::size_t top = 5);

}  // namespace floe
