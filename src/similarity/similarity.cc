// The similarity matrix from its blocks (formulas in include/floe/similarity.h and
// docs/method.md §13).
#include "floe/similarity.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "floe/error.h"

namespace floe {
namespace {

void check_weights(const BlockWeights& a) {
  double sum = 0;
  for (double w : a) {
    if (!(w >= 0) || std::isinf(w)) {
      throw Error("similarity: block weights must be >= 0, got " + std::to_string(w));
    }
    sum += w;
  }
  if (!(sum > 0)) throw Error("similarity: the block weights are all 0");
}

}  // namespace

const char* to_string(SimilarityBlock block) {
  switch (block) {
    case SimilarityBlock::kSkills:
      return "skills";
    case SimilarityBlock::kKnowledge:
      return "knowledge";
    case SimilarityBlock::kDwas:
      return "dwas";
    case SimilarityBlock::kIwas:
      return "iwas";
    case SimilarityBlock::kTasks:
      return "tasks";
    case SimilarityBlock::kTitles:
      return "titles";
  }
  return "?";
}

SimilarityMatrix::SimilarityMatrix(std::size_t occupations, std::vector<float> values)
    : n_(occupations), values_(std::move(values)) {
  if (values_.size() != n_ * n_) throw Error("similarity matrix: size does not match");
}

std::vector<OccupationId> SimilarityMatrix::most_similar(
    OccupationId o, std::size_t k, const std::function<bool(OccupationId)>& keep) const {
  std::vector<OccupationId> candidates;
  for (std::size_t b = 0; b < n_; ++b) {
    if (b == o.index()) continue;
    if (keep && !keep(OccupationId(b))) continue;
    candidates.push_back(OccupationId(b));
  }
  const std::span<const float> s = row(o);
  auto more_similar = [&](OccupationId x, OccupationId y) {
    const float sx = s[x.index()], sy = s[y.index()];
    return sx != sy ? sx > sy : x < y;
  };
  const std::size_t m = std::min(k, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(m),
                    candidates.end(), more_similar);
  candidates.resize(m);
  return candidates;
}

double BlockSimilarities::combined(const BlockWeights& a, OccupationId x, OccupationId y) const {
  if (x == y) return 1.0;
  double num = 0, den = 0;
  for (std::size_t b = 0; b < kSimilarityBlocks; ++b) {
    if (a[b] <= 0 || !present_[b][x.index()] || !present_[b][y.index()]) continue;
    num += a[b] * values_[b][x.index() * n_ + y.index()];
    den += a[b];
  }
  return den > 0 ? num / den : 0.0;
}

SimilarityMatrix BlockSimilarities::combine(const BlockWeights& a) const {
  check_weights(a);
  std::vector<float> s(n_ * n_, 0.0f);
  for (std::size_t x = 0; x < n_; ++x) {
    s[x * n_ + x] = 1.0f;
    for (std::size_t y = x + 1; y < n_; ++y) {
      s[x * n_ + y] = s[y * n_ + x] =
          static_cast<float>(combined(a, OccupationId(x), OccupationId(y)));
    }
  }
  return SimilarityMatrix(n_, std::move(s));
}

SimilarityMatrix occupation_similarity(const Taxonomy& t, const std::vector<double>& task_weights,
                                       const SimilarityOptions& options) {
  check_weights(options.weights);
  return block_similarities(t, task_weights).combine(options.weights);
}

}  // namespace floe
