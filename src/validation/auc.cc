// The weighted AUC (formula in include/floe/validation.h).
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "floe/error.h"
#include "floe/validation.h"

namespace floe {

RankedScores::RankedScores(std::span<const double> scores) : order_(scores.size()) {
  for (double s : scores) {
    if (std::isnan(s)) throw Error("AUC: a score is NaN");
  }
  std::iota(order_.begin(), order_.end(), 0u);
  std::stable_sort(order_.begin(), order_.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return scores[a] < scores[b]; });
  for (std::uint32_t i = 0; i < order_.size(); ++i) {
    if (i == 0 || scores[order_[i]] != scores[order_[i - 1]]) group_.push_back(i);
  }
  group_.push_back(static_cast<std::uint32_t>(order_.size()));
}

double RankedScores::auc(std::span<const std::uint8_t> positive,
                         std::span<const double> weight) const {
  if (positive.size() != order_.size() || weight.size() != order_.size()) {
    throw Error("AUC: " + std::to_string(order_.size()) + " scores, " +
                std::to_string(positive.size()) + " labels and " + std::to_string(weight.size()) +
                " weights");
  }
  // Runs of tied scores, lowest first: a positive beats the negative weight below its run and
  // ties with half of the negative weight in it.
  double negative_below = 0, pairs = 0, total_positive = 0;
  for (std::size_t g = 0; g + 1 < group_.size(); ++g) {
    double pos = 0, neg = 0;
    for (std::uint32_t k = group_[g]; k < group_[g + 1]; ++k) {
      const std::uint32_t i = order_[k];
      if (!(weight[i] >= 0) || std::isinf(weight[i])) throw Error("AUC: a weight is not >= 0");
      (positive[i] ? pos : neg) += weight[i];
    }
    pairs += pos * (negative_below + 0.5 * neg);
    negative_below += neg;
    total_positive += pos;
  }
  if (!(total_positive > 0) || !(negative_below > 0)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return pairs / (total_positive * negative_below);
}

double weighted_auc(std::span<const double> scores, std::span<const std::uint8_t> positive,
                    std::span<const double> weight) {
  return RankedScores(scores).auc(positive, weight);
}

}  // namespace floe
