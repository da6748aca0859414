// Choosing the block weights on the fit half (include/floe/similarity.h,
// docs/method.md §13): a coarse grid over the simplex, then finer moves of weight between
// blocks while recall@k of Related Occupations improves.
#include <algorithm>
#include <array>
#include <cstdint>

#include "floe/similarity.h"

namespace floe {
namespace {

// A query occupation of the fit half: its block rows, which blocks each pair shares, and its
// related occupations.
struct Query {
  OccupationId occupation;
  std::array<const float*, kSimilarityBlocks> rows{};
  std::vector<std::uint8_t> shared;    // per occupation: bit b set when both have block b
  std::vector<std::uint32_t> related;  // sorted
};

class Scorer {
 public:
  Scorer(const Taxonomy& t, const BlockSimilarities& b, std::size_t k) : n_(b.size()), k_(k) {
    const auto related = related_occupations(t);
    const std::vector<Half> halves = occupation_halves(t);
    for (std::size_t o = 0; o < related.size(); ++o) {
      if (halves[o] != Half::kFit || related[o].empty()) continue;
      Query q;
      q.occupation = OccupationId(o);
      for (std::size_t blk = 0; blk < kSimilarityBlocks; ++blk) {
        q.rows[blk] = &b.row(static_cast<SimilarityBlock>(blk), q.occupation)[0];
      }
      q.shared.resize(n_);
      for (std::size_t j = 0; j < n_; ++j) {
        for (std::size_t blk = 0; blk < kSimilarityBlocks; ++blk) {
          const auto kind = static_cast<SimilarityBlock>(blk);
          if (b.has(kind, q.occupation) && b.has(kind, OccupationId(j))) q.shared[j] |= 1u << blk;
        }
      }
      for (const RelatedOccupation& r : related[o]) q.related.push_back(r.occupation.value);
      queries_.push_back(std::move(q));
    }
  }

  // recall@k over the queries. s is computed as BlockSimilarities::combined does and rounded to
  // float like the matrix; the top k are kept by insertion while occupations are scanned in index
  // order, so that equal similarities go to the lower index, as most_similar orders them.
  double recall(const BlockWeights& a) const {
    double sum = 0;
    std::vector<std::pair<float, std::uint32_t>> top;
    for (const Query& q : queries_) {
      top.clear();
      for (std::size_t j = 0; j < n_; ++j) {
        if (j == q.occupation.index()) continue;
        double num = 0, den = 0;
        for (std::size_t blk = 0; blk < kSimilarityBlocks; ++blk) {
          if (a[blk] <= 0 || !(q.shared[j] >> blk & 1u)) continue;
          num += a[blk] * q.rows[blk][j];
          den += a[blk];
        }
        const auto s = static_cast<float>(den > 0 ? num / den : 0.0);
        if (top.size() == k_ && !(s > top.back().first)) continue;
        auto at = std::find_if(top.begin(), top.end(), [&](const auto& x) { return s > x.first; });
        top.insert(at, {s, static_cast<std::uint32_t>(j)});
        if (top.size() > k_) top.pop_back();
      }
      std::size_t hits = 0;
      for (const auto& entry : top) {
        hits += std::binary_search(q.related.begin(), q.related.end(), entry.second);
      }
      sum += static_cast<double>(hits) / static_cast<double>(q.related.size());
    }
    return queries_.empty() ? 0.0 : sum / static_cast<double>(queries_.size());
  }

 private:
  std::size_t n_, k_;
  std::vector<Query> queries_;
};

}  // namespace

SimilarityFit fit_similarity_weights(const Taxonomy& t, const BlockSimilarities& blocks,
                                     const FitOptions& options) {
  const Scorer scorer(t, blocks, options.k);
  SimilarityFit fit;
  fit.fit_recall = -1;
  auto consider = [&](const BlockWeights& a) {
    const double recall = scorer.recall(a);
    ++fit.candidates;
    if (recall > fit.fit_recall) {
      fit.fit_recall = recall;
      fit.weights = a;
      return true;
    }
    return false;
  };
  // 1. Every composition of `steps` into the blocks in use, in lexicographic order.
  const double step = 1.0 / options.steps;
  std::array<int, kSimilarityBlocks> parts{};
  auto visit = [&](auto&& self, std::size_t b, int left) -> void {
    const int most = options.use[b] ? left : 0;
    if (b + 1 == kSimilarityBlocks) {
      if (most != left) return;  // the last block must take the rest
      parts[b] = left;
      BlockWeights a{};
      for (std::size_t i = 0; i < kSimilarityBlocks; ++i) a[i] = parts[i] * step;
      consider(a);
      return;
    }
    for (int i = 0; i <= most; ++i) {
      parts[b] = i;
      self(self, b + 1, left - i);
    }
  };
  visit(visit, 0, options.steps);
  // 2. Moves of a finer step from one block to another: the best move while any improves.
  const double fine = step / options.refine;
  for (bool improved = options.refine > 1; improved;) {
    improved = false;
    const BlockWeights from_here = fit.weights;
    for (std::size_t from = 0; from < kSimilarityBlocks; ++from) {
      for (std::size_t to = 0; to < kSimilarityBlocks; ++to) {
        if (from == to || !options.use[to] || from_here[from] < fine - 1e-12) continue;
        BlockWeights a = from_here;
        a[from] = std::max(0.0, a[from] - fine);
        a[to] += fine;
        improved = consider(a) || improved;
      }
    }
  }
  return fit;
}

}  // namespace floe
