// The similarity blocks (formulas in include/floe/similarity.h, docs/method.md §13): cosines
// of each block's description vectors.
#include "similarity/blocks.h"

#include <algorithm>
#include <string>

#include "floe/error.h"
#include "similarity/vectors.h"

namespace floe {
namespace {

using similarity::Recipe;
using similarity::UnitVector;
using similarity::Vectors;

// Cosines of every pair: dense scatter of one vector, sparse dot with all the others; 1 on the
// diagonal of a non-empty vector.
std::vector<float> cosines(const Vectors& v) {
  const std::size_t n = v.of.size();
  std::vector<float> out(n * n, 0.0f);
  std::vector<float> dense(v.dimension, 0.0f);
  for (std::size_t a = 0; a < n; ++a) {
    const UnitVector& va = v.of[a];
    if (va.empty()) continue;
    out[a * n + a] = 1.0f;
    for (std::size_t i = 0; i < va.index.size(); ++i) dense[va.index[i]] = va.value[i];
    for (std::size_t b = a + 1; b < n; ++b) {
      const UnitVector& vb = v.of[b];
      double dot = 0;
      for (std::size_t i = 0; i < vb.index.size(); ++i)
        dot += double(dense[vb.index[i]]) * vb.value[i];
      // Both are unit vectors; rounding may carry the dot a hair past +-1.
      const float c = static_cast<float>(std::clamp(dot, -1.0, 1.0));
      out[a * n + b] = out[b * n + a] = c;
    }
    for (std::uint32_t i : va.index) dense[i] = 0.0f;
  }
  return out;
}

Vectors block_vectors(const Taxonomy& t, const std::vector<double>& weights, SimilarityBlock b,
                      const Recipe& recipe) {
  switch (b) {
    case SimilarityBlock::kSkills:
      return similarity::rating_vectors(t, DescriptorKind::kSkill, recipe);
    case SimilarityBlock::kKnowledge:
      return similarity::rating_vectors(t, DescriptorKind::kKnowledge, recipe);
    case SimilarityBlock::kDwas:
      return similarity::activity_vectors(t, weights, false, recipe);
    case SimilarityBlock::kIwas:
      return similarity::activity_vectors(t, weights, true, recipe);
    case SimilarityBlock::kTasks:
      return similarity::task_word_vectors(t, weights);
    case SimilarityBlock::kTitles:
      return similarity::title_word_vectors(t);
  }
  return {};
}

}  // namespace

BlockSimilarities similarity_blocks(const Taxonomy& t, const std::vector<double>& weights,
                                    const Recipe& recipe) {
  if (weights.size() != t.tasks.size()) {
    throw Error("similarity: " + std::to_string(weights.size()) + " task weights for " +
                std::to_string(t.tasks.size()) + " tasks");
  }
  BlockSimilarities b;
  b.n_ = t.occupations.size();
  for (std::size_t block = 0; block < kSimilarityBlocks; ++block) {
    const auto kind = static_cast<SimilarityBlock>(block);
    const Vectors v = block_vectors(t, weights, kind, recipe);
    std::vector<float> s = cosines(v);
    // Standardized ratings have cosines in [-1, 1]: mapped to [0, 1] like the others.
    const bool rating = kind == SimilarityBlock::kSkills || kind == SimilarityBlock::kKnowledge;
    if (rating && recipe.standardize) {
      for (float& x : s) x = 0.5f * (1.0f + x);
    }
    b.values_[block] = std::move(s);
    b.present_[block].resize(b.n_);
    for (std::size_t o = 0; o < b.n_; ++o) b.present_[block][o] = !v.of[o].empty();
  }
  return b;
}

BlockSimilarities block_similarities(const Taxonomy& t, const std::vector<double>& weights) {
  return similarity_blocks(t, weights, Recipe{});
}

BlockSimilarities earlier_block_similarities(const Taxonomy& t,
                                             const std::vector<double>& weights) {
  return similarity_blocks(t, weights, Recipe{false, false, false});
}

}  // namespace floe
