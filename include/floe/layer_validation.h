// Capability layers scored against evidence they were not built from, and the rule that picks
// the default layer and the ensemble behind every interval (docs/method.md §11):
// `floe validate capability`.
//
// Evidence, each computed on a half of the occupations (include/floe/validation.h), weighted by
// OEWS national employment:
//   T1 task appears   weighted AUC of c_t for "the task appears in Anthropic usage"; a task of
//                     occupation o weighs emp_o · w_t / sum of w over o's tasks
//   T2 task usage     weighted Spearman of c_t with the task's share of conversations
//   O1 usage          weighted Spearman of E_o with the occupation's share of conversations
//   O2 Microsoft      weighted Spearman of E_o with Microsoft's AI applicability
//   O3 AIOE           weighted Spearman of E_o with Felten-Raj-Seamans AIOE
//   O4, O5            weighted Spearman of E_o with Eloundou et al.'s beta (human, GPT-4)
// Tasks and usage of occupations whose tasks are imputed are left out of T1, T2 and O1.
//
// Validation score V = mean of (2 AUC_T1 - 1, rho_O1, rho_O2, rho_O3) over the items the layer was
// not built from. The default: the eligible (technical) layer with the highest V on the fit half,
// ties (to three decimals) to no transfer, then the smaller E2 weight, then labels mean, human,
// GPT-4. The ensemble: the eligible layers whose V is at least the default's in at least 5% of
// paired bootstrap resamples of the fit half's occupations.
//
// Stateless; safe to call from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "floe/index.h"
#include "floe/market.h"
#include "floe/table.h"

namespace floe {

enum class Evidence : std::uint8_t {
  kTaskAppears,
  kTaskUsage,
  kOccupationUsage,
  kMicrosoft,
  kAioe,
  kBetaHuman,
  kBetaGpt4,
};
inline constexpr std::size_t kEvidenceKinds = 7;
const char* to_string(Evidence evidence);  // "task_appears", "task_usage", "usage", ...

enum class CandidateKind : std::uint8_t { kTechnical, kObserved, kMicrosoft, kBlend, kFile };

struct LayerCandidate {
  std::string name;  // "technical/mean/e2=0.5", ".../transfer", "observed", "microsoft", ...
  CandidateKind kind = CandidateKind::kTechnical;
  LayerVariant technical;      // kTechnical and kBlend: the technical layer
  bool transfer = false;       // kObserved
  std::filesystem::path file;  // kFile
  // Evidence the layer is not scored against: built from it (or, for Microsoft's occupation
  // scores, task evidence it has no values for).
  std::array<bool, kEvidenceKinds> built_from{};
  bool eligible() const { return kind == CandidateKind::kTechnical; }
};

struct HalfScores {
  double fit = 0, held_out = 0;  // NaN where not computable or built from the evidence
};

struct LayerScore {
  LayerCandidate candidate;
  std::array<HalfScores, kEvidenceKinds> evidence;  // T1 as AUC; the others rank correlations
  HalfScores validation;                            // V
  double national_index = 0;   // the Iceberg index of the nation under the layer (NaN: none)
  double bootstrap_share = 0;  // share of resamples with V >= the default's (NaN: not eligible)
  bool is_default = false, in_ensemble = false;
};

struct CapabilityValidation {
  std::vector<LayerScore> layers;  // technical, observed, Microsoft, blends, files
  std::size_t chosen = 0;          // the default
  std::size_t fit_occupations = 0, held_out_occupations = 0;  // with employment
  std::size_t resamples = 0;
  std::vector<LayerVariant> ensemble() const;  // the in_ensemble technical layers, default first
};

struct CapabilityValidationOptions {
  std::vector<std::filesystem::path> layer_files;  // user layers (CSV) to score as well
  std::size_t resamples = 200;
};

// Scores every candidate. Throws DataError for an unreadable layer file, Error for a layer with
// no task values or none that meets the evidence.
CapabilityValidation validate_capability(const Dataset& dataset, const Cells& cells,
                                         const CapabilityValidationOptions& options = {});

// One row per layer: name, eligibility, V on both halves, bootstrap share, default and ensemble
// flags, national index, and every evidence item on both halves. `names` keeps only the
// layers named (an unknown name is an Error listing the known ones); empty keeps all.
Table capability_validation_table(const CapabilityValidation& validation,
                                  const std::vector<std::string>& names = {});

}  // namespace floe
