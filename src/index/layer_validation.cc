// Scoring the candidate capability layers and choosing the default and the ensemble
// (include/floe/layer_validation.h, docs/method.md §11).
#include "floe/layer_validation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "floe/compare.h"
#include "floe/error.h"
#include "floe/numbers.h"
#include "floe/random.h"
#include "index/layer_evidence.h"

namespace floe {
namespace {

using detail::EvidenceData;
using detail::LayerData;

using Skip = std::array<bool, kEvidenceKinds>;

Skip skip(std::initializer_list<Evidence> items) {
  Skip s{};
  for (Evidence e : items) s[static_cast<std::size_t>(e)] = true;
  return s;
}

Skip technical_built_from(Labeler labeler) {
  switch (labeler) {
    case Labeler::kHuman:
      return skip({Evidence::kBetaHuman});
    case Labeler::kGpt4:
      return skip({Evidence::kBetaGpt4});
    case Labeler::kMean:
      break;
  }
  return skip({Evidence::kBetaHuman, Evidence::kBetaGpt4});
}

const Skip kObservedBuiltFrom =
    skip({Evidence::kTaskAppears, Evidence::kTaskUsage, Evidence::kOccupationUsage});

std::string technical_name(const LayerVariant& v) {
  return fmt::format("technical/{}/e2={:g}{}", to_string(v.labeler), v.e2_weight,
                     v.transfer ? "/transfer" : "");
}

std::vector<LayerCandidate> base_candidates(const CapabilityValidationOptions& options) {
  std::vector<LayerCandidate> out;
  for (Labeler labeler : {Labeler::kHuman, Labeler::kGpt4, Labeler::kMean}) {
    for (double e2 : {0.0, 0.25, 0.5, 0.75, 1.0}) {
      for (bool transfer : {false, true}) {
        LayerCandidate c;
        c.technical = {labeler, e2, transfer};
        c.name = technical_name(c.technical);
        c.built_from = technical_built_from(labeler);
        out.push_back(c);
      }
    }
  }
  for (bool transfer : {false, true}) {
    LayerCandidate c;
    c.kind = CandidateKind::kObserved;
    c.transfer = transfer;
    c.name = transfer ? "observed/transfer" : "observed";
    c.built_from = kObservedBuiltFrom;
    out.push_back(c);
  }
  LayerCandidate ms;
  ms.kind = CandidateKind::kMicrosoft;
  ms.name = "microsoft";
  // Built from O2; and with no task values, T1 and T2 cannot be computed.
  ms.built_from = skip({Evidence::kMicrosoft, Evidence::kTaskAppears, Evidence::kTaskUsage});
  out.push_back(ms);
  for (const auto& file : options.layer_files) {
    LayerCandidate c;
    c.kind = CandidateKind::kFile;
    c.file = file;
    c.name = "file:" + file.string();
    out.push_back(c);
  }
  return out;
}

CapabilityLayer technical(const Dataset& ds, const LayerVariant& v) {
  IndexOptions o;
  o.layer = LayerKind::kTechnical;
  o.technical = {v.labeler, v.e2_weight};
  o.transfer = v.transfer;
  return make_layer(ds, o);
}

CapabilityLayer observed(const Dataset& ds, bool transfer) {
  IndexOptions o;
  o.layer = LayerKind::kObserved;
  o.transfer = transfer;
  return make_layer(ds, o);
}

// The per-task mean of the technical layer and the observed layer.
CapabilityLayer blend(const Dataset& ds, const LayerVariant& v) {
  CapabilityLayer b = technical(ds, v);
  const CapabilityLayer obs = observed(ds, v.transfer);
  for (std::size_t t = 0; t < b.capability.size(); ++t) {
    b.capability[t] = 0.5f * (b.capability[t] + obs.capability[t]);  // NaN stays NaN
  }
  return b;
}

LayerData layer_data(const Dataset& ds, const EvidenceData& e, const LayerCandidate& c,
                     const std::vector<double>& weights) {
  const Taxonomy& t = ds.taxonomy;
  CapabilityLayer layer;
  switch (c.kind) {
    case CandidateKind::kMicrosoft:
      return LayerData(e, {}, published_by_occupation(ds, "microsoft"));
    case CandidateKind::kTechnical:
      layer = technical(ds, c.technical);
      break;
    case CandidateKind::kObserved:
      layer = observed(ds, c.transfer);
      break;
    case CandidateKind::kBlend:
      layer = blend(ds, c.technical);
      break;
    case CandidateKind::kFile:
      layer = read_capability_csv(c.file, t);
      if (std::all_of(layer.capability.begin(), layer.capability.end(),
                      [](float v) { return std::isnan(v); })) {
        throw Error("layer " + c.file.string() + " has no task values");
      }
      break;
  }
  LayerData data(e, layer.capability, occupation_exposure(t, layer, weights));
  if (c.kind == CandidateKind::kFile && !data.scores_tasks()) {
    throw Error("layer " + c.file.string() +
                " has no value for any task the evidence covers (tasks of occupations with their "
                "own O*NET tasks and published employment)");
  }
  return data;
}

// The Iceberg index of the nation for an occupation exposure vector.
double national_index(const std::vector<double>& wage_bill, const std::vector<double>& exposure) {
  double num = 0, den = 0;
  for (std::size_t o = 0; o < exposure.size(); ++o) {
    if (std::isnan(exposure[o]) || wage_bill[o] <= 0) continue;
    num += wage_bill[o] * exposure[o];
    den += wage_bill[o];
  }
  return den > 0 ? num / den : kNaN;
}

void score_halves(LayerScore& s, const LayerData& data, const std::vector<double>& fit,
                  const std::vector<double>& held_out) {
  const auto f = data.score(fit, s.candidate.built_from);
  const auto h = data.score(held_out, s.candidate.built_from);
  for (std::size_t k = 0; k < kEvidenceKinds; ++k) s.evidence[k] = {f[k], h[k]};
  s.validation = {detail::validation_score(f, s.candidate.built_from),
                  detail::validation_score(h, s.candidate.built_from)};
}

// The rule's order among eligible layers: V on the fit half to three decimals, then fewer
// assumptions.
bool preferred(const LayerScore& a, const LayerScore& b) {
  const double va = std::round(a.validation.fit * 1000), vb = std::round(b.validation.fit * 1000);
  if (va != vb) return va > vb;
  const LayerVariant &x = a.candidate.technical, &y = b.candidate.technical;
  if (x.transfer != y.transfer) return !x.transfer;
  if (x.e2_weight != y.e2_weight) return x.e2_weight < y.e2_weight;
  auto rank = [](Labeler l) { return l == Labeler::kMean ? 0 : l == Labeler::kHuman ? 1 : 2; };
  return rank(x.labeler) < rank(y.labeler);
}

// Multiplicities of the fit half's occupations in resample b (drawn with replacement).
std::vector<double> resample(const std::vector<std::size_t>& fit, std::size_t n, std::size_t b) {
  std::vector<double> m(n, 0.0);
  const Random random(0);
  for (std::size_t i = 0; i < fit.size(); ++i) {
    const double u = random.uniform(Stream::kValidationBootstrap, (std::uint64_t{b} << 32) | i);
    m[fit[std::min(fit.size() - 1, static_cast<std::size_t>(u * fit.size()))]] += 1;
  }
  return m;
}

}  // namespace

const char* to_string(Evidence evidence) {
  switch (evidence) {
    case Evidence::kTaskAppears:
      return "task_appears";
    case Evidence::kTaskUsage:
      return "task_usage";
    case Evidence::kOccupationUsage:
      return "usage";
    case Evidence::kMicrosoft:
      return "microsoft";
    case Evidence::kAioe:
      return "aioe";
    case Evidence::kBetaHuman:
      return "beta_human";
    case Evidence::kBetaGpt4:
      return "beta_gpt4";
  }
  return "?";
}

std::vector<LayerVariant> CapabilityValidation::ensemble() const {
  std::vector<LayerVariant> out{layers[chosen].candidate.technical};
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (i != chosen && layers[i].in_ensemble) out.push_back(layers[i].candidate.technical);
  }
  return out;
}

CapabilityValidation validate_capability(const Dataset& ds, const Cells& cells,
                                         const CapabilityValidationOptions& options) {
  const Taxonomy& t = ds.taxonomy;
  const std::size_t n = t.occupations.size();
  const EvidenceData e = detail::gather_evidence(ds);
  const std::vector<double> weights = task_weights(t, TaskWeighting::kOnetType);
  std::vector<double> fit(n, 0.0), held_out(n, 0.0), wage_bill(n, 0.0);
  std::vector<std::size_t> fit_list;
  CapabilityValidation v;
  for (std::size_t o = 0; o < n; ++o) {
    (e.half[o] == Half::kFit ? fit : held_out)[o] = 1;
    if (e.employment[o] > 0) {
      if (e.half[o] == Half::kFit) fit_list.push_back(o);
      ++(e.half[o] == Half::kFit ? v.fit_occupations : v.held_out_occupations);
    }
    for (std::size_t s = 0; s * n + o < cells.state_employment.size(); ++s) {
      wage_bill[o] += cells.state_employment[s * n + o] * cells.state_wage[s * n + o];
    }
  }

  std::vector<LayerData> data;
  for (const LayerCandidate& c : base_candidates(options)) {
    data.push_back(layer_data(ds, e, c, weights));
    LayerScore s;
    s.candidate = c;
    score_halves(s, data.back(), fit, held_out);
    s.national_index = c.kind == CandidateKind::kMicrosoft
                           ? kNaN
                           : national_index(wage_bill, data.back().exposure());
    s.bootstrap_share = kNaN;
    v.layers.push_back(std::move(s));
  }

  // 1. The default: the preferred eligible layer.
  std::vector<std::size_t> eligible;
  for (std::size_t i = 0; i < v.layers.size(); ++i) {
    if (v.layers[i].candidate.eligible()) eligible.push_back(i);
  }
  v.chosen = *std::min_element(eligible.begin(), eligible.end(), [&](std::size_t a, std::size_t b) {
    return preferred(v.layers[a], v.layers[b]);
  });
  v.layers[v.chosen].is_default = true;

  // 2. The ensemble: paired bootstrap of the fit half against the default.
  v.resamples = options.resamples;
  std::vector<std::size_t> wins(v.layers.size(), 0);
  const Skip only_v = skip({Evidence::kTaskUsage, Evidence::kBetaHuman, Evidence::kBetaGpt4});
  for (std::size_t b = 0; b < v.resamples; ++b) {
    const std::vector<double> m = resample(fit_list, n, b);
    std::vector<double> score(v.layers.size(), kNaN);
    for (std::size_t i : eligible) {
      Skip s = v.layers[i].candidate.built_from;
      for (std::size_t k = 0; k < kEvidenceKinds; ++k) s[k] = s[k] || only_v[k];
      score[i] = detail::validation_score(data[i].score(m, s), s);
    }
    for (std::size_t i : eligible) wins[i] += score[i] >= score[v.chosen];
  }
  for (std::size_t i : eligible) {
    LayerScore& s = v.layers[i];
    s.bootstrap_share =
        v.resamples > 0 ? static_cast<double>(wins[i]) / static_cast<double>(v.resamples) : kNaN;
    s.in_ensemble = i == v.chosen || s.bootstrap_share >= 0.05;
  }

  // 3. Blends of each labeler's technical layer (the default's E2 weight and transfer) with the
  // observed layer, for reference.
  for (Labeler labeler : {Labeler::kHuman, Labeler::kGpt4, Labeler::kMean}) {
    LayerCandidate c;
    c.kind = CandidateKind::kBlend;
    c.technical = v.layers[v.chosen].candidate.technical;
    c.technical.labeler = labeler;
    c.name = "blend/" + technical_name(c.technical).substr(10) + "+observed";
    c.built_from = technical_built_from(labeler);
    for (std::size_t k = 0; k < kEvidenceKinds; ++k) c.built_from[k] |= kObservedBuiltFrom[k];
    const LayerData d = layer_data(ds, e, c, weights);
    LayerScore s;
    s.candidate = c;
    score_halves(s, d, fit, held_out);
    s.national_index = national_index(wage_bill, d.exposure());
    s.bootstrap_share = kNaN;
    v.layers.push_back(std::move(s));
  }
  return v;
}

}  // namespace floe
