// O*NET Related Occupations as OEWS occupations, and how many of them a similarity recovers
// (formulas in include/floe/similarity.h).
#include <algorithm>
#include <iterator>

#include "floe/similarity.h"

namespace floe {

const char* to_string(RelatedTier tier) {
  switch (tier) {
    case RelatedTier::kPrimaryShort:
      return "Primary-Short";
    case RelatedTier::kPrimaryLong:
      return "Primary-Long";
    case RelatedTier::kSupplemental:
      return "Supplemental";
  }
  return "?";
}

std::vector<std::vector<RelatedOccupation>> related_occupations(const Taxonomy& t) {
  std::vector<std::vector<RelatedOccupation>> out(t.occupations.size());
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    std::vector<RelatedOccupation>& r = out[o];
    for (OnetOccupationId onet : t.occupations[o].onet) {
      const std::size_t first = t.related.offsets[onet.index()];
      const auto row = t.related.row(onet.index());
      for (std::size_t i = 0; i < row.size(); ++i) {
        const OccupationId home = t[row[i]].occupation;
        if (home.valid() && home.index() != o) r.push_back({home, t.related_tier[first + i]});
      }
    }
    // One entry per occupation, with the closest tier it is listed in.
    std::sort(r.begin(), r.end(), [](const auto& a, const auto& b) {
      return a.occupation != b.occupation ? a.occupation < b.occupation : a.tier < b.tier;
    });
    r.erase(std::unique(r.begin(), r.end(),
                        [](const auto& a, const auto& b) { return a.occupation == b.occupation; }),
            r.end());
  }
  return out;
}

RelatedRecall related_recall(const Taxonomy& t, const SimilarityMatrix& similarity,
                             const RecallOptions& options) {
  RelatedRecall result;
  result.k = options.k;
  const auto related = related_occupations(t);
  const std::vector<Half> halves = occupation_halves(t);
  double sum = 0, ceiling = 0;
  std::size_t hits = 0;
  for (std::size_t o = 0; o < related.size(); ++o) {
    if (options.half && halves[o] != *options.half) continue;
    std::vector<OccupationId> r;
    for (const RelatedOccupation& x : related[o]) {
      if (!options.tier || x.tier == *options.tier) r.push_back(x.occupation);
    }
    if (r.empty()) continue;
    std::vector<OccupationId> top = similarity.most_similar(OccupationId(o), options.k);
    std::sort(top.begin(), top.end());
    std::vector<OccupationId> hit;
    std::set_intersection(r.begin(), r.end(), top.begin(), top.end(), std::back_inserter(hit));
    ++result.occupations;
    result.related_pairs += r.size();
    result.recovered_pairs += hit.size();
    sum += static_cast<double>(hit.size()) / static_cast<double>(r.size());
    ceiling += static_cast<double>(std::min(options.k, r.size())) / static_cast<double>(r.size());
    hits += !hit.empty();
  }
  if (result.occupations > 0) {
    const auto n = static_cast<double>(result.occupations);
    result.mean_recall = sum / n;
    result.ceiling = ceiling / n;
    result.hit_rate = static_cast<double>(hits) / n;
  }
  return result;
}

}  // namespace floe
