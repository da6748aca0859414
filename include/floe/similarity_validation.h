// How well occupation similarity recovers O*NET's Related Occupations, by tier and half
// (docs/method.md §13): `floe validate similarity`.
//
// Rows: the default (the weights fitted on the fit half), each block alone, the fit without the
// task- and title-word blocks, and the earlier measure (raw skill importance and DWAs, a half
// each). Columns: recall@k on the fit and held-out halves for Primary-Short, Primary-Long,
// Supplemental and all tiers, with the held-out ceilings and hit rate.
#pragma once

#include "floe/similarity.h"
#include "floe/table.h"

namespace floe {

struct SimilarityValidationOptions {
  std::size_t k = 10;
  bool refit = false;  // also refit the weights on the fit half and add them as a row
};

// `task_weights` per TaskId (task_weights() in index.h).
Table similarity_validation_table(const Taxonomy& taxonomy, const std::vector<double>& task_weights,
                                  const SimilarityValidationOptions& options = {});

}  // namespace floe
