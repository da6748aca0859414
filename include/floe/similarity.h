// Similarity between OEWS occupations: how easily the workers of one occupation could do the
// work of another (docs/method.md §13).
//
// Four blocks describe an occupation o, each compared between two occupations x and y:
//   skills     O*NET 30.1 Skills, importance (1-5) and level (0-7) of each of the 35 skills,
//              each of the 70 columns standardized over the rated occupations:
//              z_o[c] = (x_o[c] - mean_c) / sd_c;   s_skills(x, y) = (1 + cos(z_x, z_y)) / 2
//   knowledge  the same for the 33 Knowledge areas (66 columns)
//   dwas       v_o[d] = idf_d · sum of w_t over o's tasks t linked to DWA d, where w_t is the
//              task weight (core 2, supplemental and unrated 1) and idf_d = ln(N / n_d), N the
//              occupations with any DWA, n_d those with DWA d (an activity nearly every
//              occupation has says little about any pair);   s_dwas(x, y) = cos(v_x, v_y)
//   iwas       the same over intermediate work activities (a DWA counts for its IWA)
// Standardizing per column is what makes the ratings informative: raw importance vectors are
// all alike (median raw cosine 0.97), their deviations from the average occupation are not.
//
// With block weights a_b >= 0 and B(x, y) the blocks both occupations have (rated, or with
// DWAs):
//
//   s(x, y) = sum_{b in B(x,y)} a_b s_b(x, y) / sum_{b in B(x,y)} a_b    (0 when the sum is 0)
//   s(o, o) = 1
//
// s is symmetric and in [0, 1]. The default weights were chosen on the fit half of the
// occupations (include/floe/validation.h) to recover O*NET's Related Occupations
// (fit_similarity_weights); preparation (Job Zone) is not part of s: it is the separate
// preparation gap of include/floe/career.h.
//
// Validation against O*NET's Related Occupations: R(o) = the OEWS occupations holding the O*NET
// occupations that any of o's O*NET occupations lists as related, o itself left out, each with
// the closest tier it is listed in (Primary-Short, Primary-Long, Supplemental). With T_k(o) the k
// occupations most similar to o (o left out; ties to the lower index) and R_r(o) the part of
// R(o) in tier r (or all of it):
//
//   recall@k = mean over {o : R_r(o) non-empty} of |R_r(o) ∩ T_k(o)| / |R_r(o)|
//   ceiling  = mean over the same o of min(k, |R_r(o)|) / |R_r(o)|
//   hit rate = share of the same o with at least one of R_r(o) in T_k(o)
//
// Immutable after construction; safe to share between threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "floe/taxonomy.h"
#include "floe/validation.h"

namespace floe {

namespace similarity {
struct Recipe;
}

enum class SimilarityBlock : std::uint8_t { kSkills, kKnowledge, kDwas, kIwas, kTasks, kTitles };
inline constexpr std::size_t kSimilarityBlocks = 6;
const char* to_string(SimilarityBlock block);  // "skills", "knowledge", "dwas", "iwas"

using BlockWeights = std::array<double, kSimilarityBlocks>;

struct SimilarityOptions {
  // a_b for skills, knowledge, DWAs, IWAs: chosen by fit_similarity_weights on the shipped data
  // (docs/method.md §13; a test checks that the fit still gives these).
  BlockWeights weights = {0.0, 0.2, 0.0, 0.1, 0.3, 0.4};
};

// A dense, symmetric n x n matrix of s(o, o') over the occupations of a Taxonomy.
class SimilarityMatrix {
 public:
  SimilarityMatrix() = default;
  SimilarityMatrix(std::size_t occupations, std::vector<float> values);

  std::size_t size() const { return n_; }
  float operator()(OccupationId a, OccupationId b) const {
    return values_[a.index() * n_ + b.index()];
  }
  std::span<const float> row(OccupationId o) const { return {values_.data() + o.index() * n_, n_}; }

  // The k occupations most similar to o, most similar first (o itself left out; ties by the
  // lower index), among those `keep` accepts (all when empty).
  std::vector<OccupationId> most_similar(OccupationId o, std::size_t k,
                                         const std::function<bool(OccupationId)>& keep = {}) const;

 private:
  std::size_t n_ = 0;
  std::vector<float> values_;  // row-major
};

// s_b(x, y) for every block and pair, before the blocks are weighted: what fitting the weights
// and explaining a similarity need.
class BlockSimilarities {
 public:
  std::size_t size() const { return n_; }
  float operator()(SimilarityBlock b, OccupationId x, OccupationId y) const {
    return values_[static_cast<std::size_t>(b)][x.index() * n_ + y.index()];
  }
  bool has(SimilarityBlock b, OccupationId o) const {
    return present_[static_cast<std::size_t>(b)][o.index()];
  }
  std::span<const float> row(SimilarityBlock b, OccupationId o) const {
    return {values_[static_cast<std::size_t>(b)].data() + o.index() * n_, n_};
  }
  // s(x, y) for weights a (the formula above). Throws Error for a negative weight.
  double combined(const BlockWeights& a, OccupationId x, OccupationId y) const;
  SimilarityMatrix combine(const BlockWeights& a) const;

 private:
  friend BlockSimilarities similarity_blocks(const Taxonomy&, const std::vector<double>&,
                                             const similarity::Recipe&);
  std::size_t n_ = 0;
  std::array<std::vector<float>, kSimilarityBlocks> values_;
  std::array<std::vector<bool>, kSimilarityBlocks> present_;
};

// The blocks of every occupation. `task_weights` has one weight per TaskId (task_weights() in
// index.h). Throws Error when the weights do not match the tasks.
BlockSimilarities block_similarities(const Taxonomy& taxonomy,
                                     const std::vector<double>& task_weights);

// The blocks as floe computed them before this method (docs/method.md §13): raw skill
// importances (no levels, not standardized) and DWAs without rarity weights. For comparison in
// `floe validate similarity` only.
BlockSimilarities earlier_block_similarities(const Taxonomy& taxonomy,
                                             const std::vector<double>& task_weights);

// s(o, o') for every pair. Throws Error for negative or all-zero weights.
SimilarityMatrix occupation_similarity(const Taxonomy& taxonomy,
                                       const std::vector<double>& task_weights,
                                       const SimilarityOptions& options = {});

// Per occupation: R(o) above, sorted by occupation, each with its closest tier.
struct RelatedOccupation {
  OccupationId occupation;
  RelatedTier tier = RelatedTier::kSupplemental;
  friend bool operator==(const RelatedOccupation&, const RelatedOccupation&) = default;
};
std::vector<std::vector<RelatedOccupation>> related_occupations(const Taxonomy& taxonomy);
const char* to_string(RelatedTier tier);  // "Primary-Short", "Primary-Long", "Supplemental"

struct RecallOptions {
  std::size_t k = 10;
  std::optional<RelatedTier> tier;  // R_r(o) for this tier; all tiers when empty
  std::optional<Half> half;         // only occupations o in this half; all when empty
};

struct RelatedRecall {
  std::size_t k = 10;
  double mean_recall = 0;           // recall@k as defined above
  std::size_t occupations = 0;      // occupations o with R_r(o) non-empty
  std::size_t related_pairs = 0;    // sum of |R_r(o)|
  std::size_t recovered_pairs = 0;  // sum of |R_r(o) ∩ T_k(o)|
  double ceiling = 0;               // the largest recall@k possible
  double hit_rate = 0;              // share with at least one related occupation in the top k
};

RelatedRecall related_recall(const Taxonomy& taxonomy, const SimilarityMatrix& similarity,
                             const RecallOptions& options = {});

// The weights that recover the most related occupations (recall@k over all tiers on the fit
// half): first every weight vector on the simplex grid with step 1 / steps over the blocks in
// use (ties to the first in lexicographic order of the blocks' shares), then, from the best,
// moves of step / refine from one block to another: the best move while one improves recall.
struct FitOptions {
  int steps = 5;   // grid step 0.2
  int refine = 2;  // then moves of 0.1
  std::size_t k = 10;
  std::array<bool, kSimilarityBlocks> use = {true, true, true, true, true, true};
};
struct SimilarityFit {
  BlockWeights weights{};
  double fit_recall = 0;       // its recall@k on the fit half
  std::size_t candidates = 0;  // weight vectors tried
};
SimilarityFit fit_similarity_weights(const Taxonomy& taxonomy, const BlockSimilarities& blocks,
                                     const FitOptions& options = {});

}  // namespace floe
