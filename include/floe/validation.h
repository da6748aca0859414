// What every validation in floe shares (docs/method.md §11 and §13): the fixed split of
// occupations into a half that choices are fitted on and a half held out, and the weighted
// rank statistics that score a layer or a similarity against outside evidence.
//
//   Split: occupation o is in the fit half when u(o) < 1/2, where u(o) is the Philox uniform of
//          (seed 0, stream kValidationSplit, subject = o's six SOC digits as a number). It depends
//          on the code alone: not on the data, the order of occupations or any option.
//
//   Weighted AUC: with scores x_i, labels y_i in {0, 1} and weights w_i,
//          AUC = sum_{i: y_i = 1} sum_{j: y_j = 0} w_i w_j ([x_i > x_j] + 1/2 [x_i = x_j])
//                / (sum_{y_i = 1} w_i · sum_{y_j = 0} w_j),
//          the probability that a positive outranks a negative, pairs drawn by weight; ties count
//          one half. Somers' D = 2 AUC - 1, a rank correlation on [-1, 1].
//
// Stateless; safe to call from several threads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "floe/taxonomy.h"

namespace floe {

enum class Half : std::uint8_t { kFit, kHeldOut };

// The half of the occupation with this SOC code ("15-1252"). Throws Error for a code that is not
// two digits, a dash and four digits.
Half occupation_half(std::string_view soc_code);
// The half of every occupation of the taxonomy, by OccupationId.
std::vector<Half> occupation_halves(const Taxonomy& taxonomy);
const char* to_string(Half half);  // "fit", "held-out"

// Scores sorted once, so that the AUC can be evaluated for many weightings (bootstrap
// resamples) in linear time.
class RankedScores {
 public:
  explicit RankedScores(std::span<const double> scores);  // NaN scores are an Error

  // The weighted AUC above; NaN when either class has no weight. Sizes must match the scores.
  double auc(std::span<const std::uint8_t> positive, std::span<const double> weight) const;

 private:
  std::vector<std::uint32_t> order_;  // indices by increasing score
  std::vector<std::uint32_t> group_;  // start of each run of tied scores in order_, then size
};

double weighted_auc(std::span<const double> scores, std::span<const std::uint8_t> positive,
                    std::span<const double> weight);

}  // namespace floe
