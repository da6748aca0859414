// Building the four blocks of include/floe/similarity.h (private to src/similarity). A Recipe
// names the choices the formula makes, so that the validation can show what each is worth
// (`floe validate similarity` compares the documented recipe with the earlier, raw one).
#pragma once

#include <vector>

#include "floe/similarity.h"

namespace floe::similarity {

struct Recipe {
  bool standardize = true;  // z-score each rating column (else raw values, cosine as is)
  bool level = true;        // rating blocks use the level columns beside the importance ones
  bool idf = true;          // weight activities by ln(N / n_d)
};

}  // namespace floe::similarity

namespace floe {

// The blocks under a recipe; block_similarities() is this with the documented Recipe{}.
BlockSimilarities similarity_blocks(const Taxonomy& taxonomy, const std::vector<double>& weights,
                                    const similarity::Recipe& recipe);

}  // namespace floe
