// The "where its workers could move" table of `floe explain` (private to src/index): the career
// moves of include/floe/career.h with what to learn for each.
#pragma once

#include <vector>

#include "floe/dataset.h"
#include "floe/similarity.h"
#include "floe/table.h"

namespace floe::detail {

// Up to `suggested` suggested moves, then up to `flagged` flagged ones; openings are
// annual_openings, wages the national means.
Table career_moves_table(const Dataset& dataset, OccupationId occupation,
                         const std::vector<double>& exposure, const SimilarityMatrix& similarity,
                         std::size_t suggested, std::size_t flagged = 3);

}  // namespace floe::detail
