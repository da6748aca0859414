// Skill similarity between OEWS occupations: how easily the workers of one occupation could do
// the work of another (docs/method.md, "Occupation similarity").
//
// Two descriptions of an occupation o are compared:
//   skill vector  k_o[j] = O*NET 30.1 importance (1-5) of skill j, j = 1..35 (the mean over o's
//                 O*NET occupations); all zero when O*NET rates none of them.
//   DWA vector    v_o[d] = sum of w_t over the tasks t of o linked to DWA d, where w_t is the
//                 task weight (O*NET type by default: core 2, supplemental and unrated 1). A task
//                 linked to several DWAs counts in full for each. "All Other" occupations use
//                 their imputed tasks.
// With cos(x, y) = x.y / (|x| |y|) and a in [0, 1] (default 0.5):
//
//   s(o, o') = a cos(k_o, k_o') + (1 - a) cos(v_o, v_o')   when both have skill ratings and
//                                                          both have DWAs
//            = cos(v_o, v_o')                              when either lacks skill ratings
//            = cos(k_o, k_o')                              when either lacks DWAs (but both
//                                                          have skill ratings)
//            = 0                                           when neither term can be formed
//   s(o, o)  = 1.
//
// All vectors are non-negative, so s is in [0, 1]; it is symmetric by construction.
//
// Validation against O*NET's Related Occupations (the career-transition lists O*NET publishes
// per O*NET occupation): R(o) = the OEWS occupations holding the O*NET occupations related to
// any of o's O*NET occupations, o itself left out. With T_k(o) = the k occupations most similar
// to o (o left out; ties broken by the lower occupation index):
//
//   recall@k = mean over {o : R(o) non-empty} of |R(o) ∩ T_k(o)| / |R(o)|
//   ceiling  = mean over the same o of min(k, |R(o)|) / |R(o)|   (the best any ranking can do:
//              O*NET lists up to 20 related occupations, more than k = 10 for most)
//   hit rate = share of the same o with at least one related occupation in T_k(o)
//
// Immutable after construction; safe to share between threads.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "floe/taxonomy.h"

namespace floe {

struct SimilarityOptions {
  double skill_weight = 0.5;  // a: weight of the skill cosine; 1 - a goes to the DWA cosine
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

// s(o, o') for every pair of occupations. `task_weights` has one weight per TaskId (see
// task_weights() in index.h). Throws Error when a is outside [0, 1] or the weights do not match.
SimilarityMatrix occupation_similarity(const Taxonomy& taxonomy,
                                       const std::vector<double>& task_weights,
                                       const SimilarityOptions& options = {});

// Per occupation: the OEWS occupations O*NET lists as related (R(o) above), sorted, unique.
std::vector<std::vector<OccupationId>> related_occupations(const Taxonomy& taxonomy);

struct RelatedRecall {
  std::size_t k = 10;
  double mean_recall = 0;           // recall@k as defined above
  std::size_t occupations = 0;      // occupations with at least one related occupation
  std::size_t related_pairs = 0;    // sum of |R(o)|
  std::size_t recovered_pairs = 0;  // sum of |R(o) ∩ T_k(o)|
  double ceiling = 0;               // the largest recall@k possible
  double hit_rate = 0;              // share with at least one related occupation in the top k
};

RelatedRecall related_recall(const Taxonomy& taxonomy, const SimilarityMatrix& similarity,
                             std::size_t k = 10);

}  // namespace floe
