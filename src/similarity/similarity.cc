// Skill similarity between occupations (formulas in include/floe/similarity.h and
// docs/method.md, "Occupation similarity").
#include "floe/similarity.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>

#include "floe/error.h"

namespace floe {
namespace {

// A sparse non-negative vector scaled to unit length (empty when it is all zero).
struct UnitVector {
  std::vector<std::uint32_t> index;  // sorted
  std::vector<float> value;
  bool empty() const { return index.empty(); }
};

UnitVector unit(std::vector<std::pair<std::uint32_t, double>> entries) {
  std::sort(entries.begin(), entries.end());
  std::vector<std::uint32_t> index;
  std::vector<double> value;
  for (const auto& [i, v] : entries) {
    // A coordinate met again (a DWA reached through several tasks) adds up.
    if (!index.empty() && index.back() == i) {
      value.back() += v;
    } else {
      index.push_back(i);
      value.push_back(v);
    }
  }
  double norm = 0;
  for (double v : value) norm += v * v;
  if (norm <= 0) return {};
  UnitVector u;
  u.index = std::move(index);
  const double scale = 1.0 / std::sqrt(norm);
  for (double v : value) u.value.push_back(static_cast<float>(v * scale));
  return u;
}

// v_o: task weights summed per DWA over the occupation's tasks.
std::vector<UnitVector> dwa_vectors(const Taxonomy& t, const std::vector<double>& weights) {
  std::vector<UnitVector> out;
  out.reserve(t.occupations.size());
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    std::vector<std::pair<std::uint32_t, double>> entries;
    for (TaskId task : t.occupation_tasks.row(o)) {
      const double w = weights[task.index()];
      if (w <= 0) continue;
      for (DwaId dwa : t.task_dwas.row(task.index())) entries.emplace_back(dwa.value, w);
    }
    out.push_back(unit(std::move(entries)));
  }
  return out;
}

// k_o: the occupation's row of skill importances.
std::vector<UnitVector> skill_vectors(const Taxonomy& t) {
  const std::size_t k = t.skill_names.size();
  std::vector<UnitVector> out;
  out.reserve(t.occupations.size());
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    std::vector<std::pair<std::uint32_t, double>> entries;
    for (std::size_t j = 0; j < k; ++j) {
      const float v = k == 0 ? 0.0f : t.skill_importance[o * k + j];
      if (v > 0) entries.emplace_back(static_cast<std::uint32_t>(j), v);
    }
    out.push_back(unit(std::move(entries)));
  }
  return out;
}

// Cosines of every pair: dense scatter of one vector, sparse dot with all the others.
std::vector<float> cosines(const std::vector<UnitVector>& vectors, std::size_t dimension) {
  const std::size_t n = vectors.size();
  std::vector<float> out(n * n, 0.0f);
  std::vector<float> dense(dimension, 0.0f);
  for (std::size_t a = 0; a < n; ++a) {
    const UnitVector& va = vectors[a];
    if (va.empty()) continue;
    for (std::size_t i = 0; i < va.index.size(); ++i) dense[va.index[i]] = va.value[i];
    for (std::size_t b = a + 1; b < n; ++b) {
      const UnitVector& vb = vectors[b];
      double dot = 0;
      for (std::size_t i = 0; i < vb.index.size(); ++i)
        dot += double(dense[vb.index[i]]) * vb.value[i];
      // Both are unit vectors; rounding may carry the dot a hair past 1.
      const float c = static_cast<float>(std::min(dot, 1.0));
      out[a * n + b] = out[b * n + a] = c;
    }
    for (std::uint32_t i : va.index) dense[i] = 0.0f;
  }
  return out;
}

}  // namespace

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

SimilarityMatrix occupation_similarity(const Taxonomy& t, const std::vector<double>& task_weights,
                                       const SimilarityOptions& options) {
  const double a = options.skill_weight;
  if (!(a >= 0.0 && a <= 1.0)) {
    throw Error("skill weight a must be in [0, 1], got " + std::to_string(a));
  }
  if (task_weights.size() != t.tasks.size()) {
    throw Error("similarity: " + std::to_string(task_weights.size()) + " task weights for " +
                std::to_string(t.tasks.size()) + " tasks");
  }
  const std::vector<UnitVector> skills = skill_vectors(t);
  const std::vector<UnitVector> dwas = dwa_vectors(t, task_weights);
  const std::vector<float> skill_cos = cosines(skills, t.skill_names.size());
  const std::vector<float> dwa_cos = cosines(dwas, t.dwas.size());

  const std::size_t n = t.occupations.size();
  std::vector<float> s(n * n, 0.0f);
  for (std::size_t x = 0; x < n; ++x) {
    s[x * n + x] = 1.0f;
    for (std::size_t y = x + 1; y < n; ++y) {
      const bool both_skills = !skills[x].empty() && !skills[y].empty();
      const bool both_dwas = !dwas[x].empty() && !dwas[y].empty();
      const std::size_t i = x * n + y;
      double v = 0;
      if (both_skills && both_dwas) {
        v = a * skill_cos[i] + (1 - a) * dwa_cos[i];
      } else if (both_dwas) {
        v = dwa_cos[i];
      } else if (both_skills) {
        v = skill_cos[i];
      }
      s[i] = s[y * n + x] = static_cast<float>(v);
    }
  }
  return SimilarityMatrix(n, std::move(s));
}

std::vector<std::vector<OccupationId>> related_occupations(const Taxonomy& t) {
  std::vector<std::vector<OccupationId>> out(t.occupations.size());
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    std::vector<OccupationId>& r = out[o];
    for (OnetOccupationId onet : t.occupations[o].onet) {
      for (OnetOccupationId rel : t.related.row(onet.index())) {
        const OccupationId home = t[rel].occupation;
        if (home.valid() && home.index() != o) r.push_back(home);
      }
    }
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
  }
  return out;
}

RelatedRecall related_recall(const Taxonomy& t, const SimilarityMatrix& similarity, std::size_t k) {
  RelatedRecall result;
  result.k = k;
  const auto related = related_occupations(t);
  double sum = 0, ceiling = 0;
  std::size_t hits = 0;
  for (std::size_t o = 0; o < related.size(); ++o) {
    const auto& r = related[o];
    if (r.empty()) continue;
    std::vector<OccupationId> top = similarity.most_similar(OccupationId(o), k);
    std::sort(top.begin(), top.end());
    std::vector<OccupationId> hit;
    std::set_intersection(r.begin(), r.end(), top.begin(), top.end(), std::back_inserter(hit));
    ++result.occupations;
    result.related_pairs += r.size();
    result.recovered_pairs += hit.size();
    sum += static_cast<double>(hit.size()) / static_cast<double>(r.size());
    ceiling += static_cast<double>(std::min(k, r.size())) / static_cast<double>(r.size());
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
