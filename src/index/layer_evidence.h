// The evidence capability layers are scored against, and the scoring of one layer on one
// weighting of the occupations (private to src/index; definitions in
// include/floe/layer_validation.h and docs/method.md §11).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "floe/layer_validation.h"
#include "floe/validation.h"

namespace floe::detail {

// One (occupation, task) pair of an occupation with its own O*NET tasks and employment.
struct TaskPair {
  std::uint32_t occupation = 0;
  std::uint32_t task = 0;
  double weight = 0;  // emp_o · w_t / sum of w over o's tasks
  std::uint8_t appears = 0;
  double percent = 0;  // share of conversations
};

struct EvidenceData {
  std::vector<Half> half;          // per occupation
  std::vector<double> employment;  // per occupation; 0 where not released
  std::vector<TaskPair> pairs;
  // Per occupation, NaN where missing: O1 usage, then O2 .. O5.
  std::array<std::vector<double>, 5> occupation;
};

EvidenceData gather_evidence(const Dataset& dataset);

// A layer ready to be scored many times: its task values on the pairs (NaN pairs dropped) sorted
// once, and its occupation exposure.
class LayerData {
 public:
  // `capability` per TaskId (empty for an occupation-only layer such as Microsoft's).
  LayerData(const EvidenceData& evidence, const std::vector<float>& capability,
            std::vector<double> exposure);

  // Every evidence item for occupation multiplicities m (1/0 for a half, counts for a
  // bootstrap resample); NaN where `skip` is set or the item cannot be computed.
  std::array<double, kEvidenceKinds> score(std::span<const double> m,
                                           const std::array<bool, kEvidenceKinds>& skip) const;

  const std::vector<double>& exposure() const { return exposure_; }
  bool scores_tasks() const { return !pair_.empty(); }  // any task value meets the evidence

 private:
  const EvidenceData* evidence_;
  std::vector<std::uint32_t> pair_;  // indices into evidence.pairs with a task value
  std::vector<double> value_;        // c_t of those pairs
  std::vector<std::uint8_t> appears_;
  std::vector<double> percent_;
  std::optional<RankedScores> ranked_;
  std::vector<double> exposure_;
};

// V from the evidence items: mean of (2 AUC - 1, O1, O2, O3) over those not skipped; NaN when
// one of them is NaN or all are skipped.
double validation_score(const std::array<double, kEvidenceKinds>& items,
                        const std::array<bool, kEvidenceKinds>& skip);

}  // namespace floe::detail
