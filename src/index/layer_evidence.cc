// Evidence for the capability validation (docs/method.md §11).
#include "index/layer_evidence.h"

#include <cmath>
#include <limits>

#include "floe/compare.h"
#include "floe/error.h"
#include "floe/numbers.h"

namespace floe::detail {
EvidenceData gather_evidence(const Dataset& ds) {
  const Taxonomy& t = ds.taxonomy;
  const std::size_t n = t.occupations.size();
  EvidenceData e;
  e.half = occupation_halves(t);
  e.employment.assign(n, 0.0);
  const std::vector<double> w = task_weights(t, TaskWeighting::kOnetType);
  auto& usage = e.occupation[0];
  usage.assign(n, kNaN);
  for (std::size_t o = 0; o < n; ++o) {
    const NationalOccupation& nat = ds.labor.national[o];
    if (nat.employment_released && nat.employment > 0) e.employment[o] = nat.employment;
    // Imputed tasks repeat their siblings' (docs/method.md §2): no evidence of their own.
    if (t.occupations[o].task_source != TaskSource::kOnet) continue;
    double total = 0, percent = 0;
    for (TaskId task : t.occupation_tasks.row(o)) {
      total += w[task.index()];
      percent += ds.observed.percent[task.index()];
    }
    usage[o] = percent;
    if (e.employment[o] <= 0 || total <= 0) continue;
    for (TaskId task : t.occupation_tasks.row(o)) {
      const double p = ds.observed.percent[task.index()];
      e.pairs.push_back({static_cast<std::uint32_t>(o), static_cast<std::uint32_t>(task.index()),
                         e.employment[o] * w[task.index()] / total, p > 0, p});
    }
  }
  const char* keys[] = {"microsoft", "aioe", "eloundou_human", "eloundou_gpt4"};
  for (int k = 0; k < 4; ++k) e.occupation[k + 1] = published_by_occupation(ds, keys[k]);
  return e;
}

LayerData::LayerData(const EvidenceData& evidence, const std::vector<float>& capability,
                     std::vector<double> exposure)
    : evidence_(&evidence), exposure_(std::move(exposure)) {
  if (!capability.empty()) {
    for (std::size_t i = 0; i < evidence.pairs.size(); ++i) {
      const float c = capability[evidence.pairs[i].task];
      if (std::isnan(c)) continue;
      pair_.push_back(static_cast<std::uint32_t>(i));
      value_.push_back(c);
      appears_.push_back(evidence.pairs[i].appears);
      percent_.push_back(evidence.pairs[i].percent);
    }
    if (!value_.empty()) ranked_.emplace(value_);
  }
}

std::array<double, kEvidenceKinds> LayerData::score(
    std::span<const double> m, const std::array<bool, kEvidenceKinds>& skip) const {
  const EvidenceData& e = *evidence_;
  std::array<double, kEvidenceKinds> out;
  out.fill(kNaN);
  if (ranked_) {
    std::vector<double> weight(pair_.size());
    for (std::size_t i = 0; i < pair_.size(); ++i) {
      const TaskPair& p = e.pairs[pair_[i]];
      weight[i] = p.weight * m[p.occupation];
    }
    if (!skip[0]) out[0] = ranked_->auc(appears_, weight);
    if (!skip[1]) out[1] = weighted_spearman(value_, percent_, weight);
  }
  for (std::size_t k = 0; k < e.occupation.size(); ++k) {
    if (skip[k + 2]) continue;
    std::vector<double> x, y, w;
    for (std::size_t o = 0; o < exposure_.size(); ++o) {
      const double weight = e.employment[o] * m[o];
      if (weight <= 0 || std::isnan(exposure_[o]) || std::isnan(e.occupation[k][o])) continue;
      x.push_back(exposure_[o]);
      y.push_back(e.occupation[k][o]);
      w.push_back(weight);
    }
    out[k + 2] = weighted_spearman(x, y, w);
  }
  return out;
}

double validation_score(const std::array<double, kEvidenceKinds>& items,
                        const std::array<bool, kEvidenceKinds>& skip) {
  double sum = 0;
  int n = 0;
  for (const auto evidence : {Evidence::kTaskAppears, Evidence::kOccupationUsage,
                              Evidence::kMicrosoft, Evidence::kAioe}) {
    const auto k = static_cast<std::size_t>(evidence);
    if (skip[k]) continue;
    const double v = evidence == Evidence::kTaskAppears ? 2 * items[k] - 1 : items[k];
    if (std::isnan(v)) return kNaN;
    sum += v;
    ++n;
  }
  return n > 0 ? sum / n : kNaN;
}

}  // namespace floe::detail
