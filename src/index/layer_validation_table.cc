// The capability validation as a table (include/floe/layer_validation.h).
#include <fmt/format.h>

#include <algorithm>

#include "floe/error.h"
#include "floe/layer_validation.h"

namespace floe {
namespace {

const char* kind_name(CandidateKind kind) {
  switch (kind) {
    case CandidateKind::kTechnical:
      return "technical";
    case CandidateKind::kObserved:
      return "observed";
    case CandidateKind::kMicrosoft:
      return "microsoft";
    case CandidateKind::kBlend:
      return "blend";
    case CandidateKind::kFile:
      return "file";
  }
  return "?";
}

}  // namespace

Table capability_validation_table(const CapabilityValidation& v,
                                  const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const bool known = std::any_of(v.layers.begin(), v.layers.end(),
                                   [&](const LayerScore& s) { return s.candidate.name == name; });
    if (!known) {
      std::string list;
      for (const LayerScore& s : v.layers) list += (list.empty() ? "" : ", ") + s.candidate.name;
      throw Error("unknown layer '" + name + "'; the layers are: " + list);
    }
  }
  Table t;
  t.title = "Capability layers against evidence they were not built from (docs/method.md §11)";
  t.columns = {{"layer", "Layer", ColumnKind::kText},
               {"kind", "Kind", ColumnKind::kText},
               {"eligible", "Eligible", ColumnKind::kFlag},
               {"default", "Default", ColumnKind::kFlag},
               {"ensemble", "Ensemble", ColumnKind::kFlag},
               {"bootstrap_share", "Resamples >= default", ColumnKind::kShare, 0},
               {"v_fit", "V fit", ColumnKind::kNumber, 3},
               {"v_held_out", "V held-out", ColumnKind::kNumber, 3},
               {"iceberg", "Iceberg (US)", ColumnKind::kShare, 1}};
  for (std::size_t k = 0; k < kEvidenceKinds; ++k) {
    const std::string key = to_string(static_cast<Evidence>(k));
    t.columns.push_back({key + "_fit", key + " fit", ColumnKind::kNumber, 3});
    t.columns.push_back({key + "_held_out", key + " held-out", ColumnKind::kNumber, 3});
  }
  for (const LayerScore& s : v.layers) {
    if (!names.empty() && std::find(names.begin(), names.end(), s.candidate.name) == names.end()) {
      continue;
    }
    std::vector<Value> row{s.candidate.name,       std::string(kind_name(s.candidate.kind)),
                           s.candidate.eligible(), s.is_default,
                           s.in_ensemble,          s.bootstrap_share,
                           s.validation.fit,       s.validation.held_out,
                           s.national_index};
    for (const HalfScores& h : s.evidence) {
      row.emplace_back(h.fit);
      row.emplace_back(h.held_out);
    }
    t.rows.push_back(std::move(row));
  }
  t.notes = {
      fmt::format("{} fit and {} held-out occupations with employment; {} bootstrap resamples of "
                  "the fit half.",
                  v.fit_occupations, v.held_out_occupations, v.resamples),
      "V = mean of (2 AUC - 1 of task_appears, usage, microsoft, aioe) over the evidence a layer "
      "was not built from; empty where a layer is built from the evidence. task_appears is an "
      "AUC (0.5 = chance); the others are employment-weighted rank correlations.",
      "Default: the eligible layer with the highest V fit; ensemble: eligible layers at least as "
      "good as the default in 5% or more of the resamples. Every index interval is the range over "
      "the ensemble."};
  return t;
}

}  // namespace floe
