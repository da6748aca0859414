// Capability layers: how much of each task AI can perform, c_t in [0, 1] (docs/method.md, §1).
//
// A layer has a value per task of the Taxonomy (NaN where it has no label) and says where it
// came from. Layers:
//   technical  Eloundou et al. (2023) "GPTs are GPTs" labels: E1 (an LLM alone) = 1, E2 (with
//              LLM-powered tools) = `e2_weight`, E0 = 0; labeled by humans, by GPT-4, or the mean
//              of both. Joined to O*NET 29.1 tasks by Task ID.
//   observed   Anthropic Economic Index (2025-02-10): 1 where the task's share of Claude
//              conversations exceeds `min_percent`, else 0. Joined by normalized task text.
//   user CSV   a file with a task_id (or dwa_id) column and a capability column.
// `with_transfer` lets capability flow through skills: a DWA is as capable as the most capable
// task linked to it anywhere, and every task inherits the best of its DWAs (§3).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "floe/taxonomy.h"

namespace floe {

enum class Labeler : std::uint8_t { kHuman, kGpt4, kMean };

inline constexpr std::uint8_t kNoLabel = 255;

// GPTs-are-GPTs labels per task of the taxonomy (kNoLabel where the task has none).
struct TechnicalLabels {
  std::vector<std::uint8_t> human;  // 0 = E0, 1 = E1, 2 = E2
  std::vector<std::uint8_t> gpt4;
  std::vector<std::uint8_t> automation;  // GPT-4's T0..T4: 0 = none .. 4 = full automation
  // Join coverage: label rows read, and those whose Task ID this O*NET release lacks.
  std::size_t rows_read = 0;
  std::vector<std::int32_t> task_ids_not_in_onet;
};

// Anthropic Economic Index usage per task of the taxonomy.
struct ObservedUsage {
  std::vector<float> percent;  // share of conversations (%); 0 for tasks not observed
  std::size_t texts_read = 0;
  std::size_t texts_matched = 0;
  double percent_read = 0;     // total share in the file (~100)
  double percent_matched = 0;  // share that found an O*NET 29.1 task
  std::vector<std::string> unmatched_texts;
  // Share of conversations that automate (directive, feedback loop) rather than augment
  // (learning, task iteration, validation); 0 when the file is absent.
  double automation_share = 0;
};

struct CapabilityLayer {
  std::string name;               // "technical", "observed", or the CSV file name
  std::string provenance;         // data set, release, options
  std::vector<float> capability;  // per TaskId, in [0, 1]; NaN = no label
};

// The default is the layer `floe validate capability` picks on the shipped data (docs/method.md
// §11): the mean of human and GPT-4 labels, E2 tasks a quarter capable.
struct TechnicalOptions {
  Labeler labeler = Labeler::kMean;
  double e2_weight = 0.25;  // capability of an E2 task
};

CapabilityLayer technical_layer(const TechnicalLabels& labels, const TechnicalOptions& options);
CapabilityLayer observed_layer(const ObservedUsage& usage, double min_percent = 0.0);

// Reads a user layer: columns task_id (O*NET Task ID) or dwa_id, and capability in [0, 1].
// With dwa_id, a task takes the largest capability of its listed DWAs, 0 if none is listed.
// Unknown IDs, values outside [0, 1] and duplicates are DataErrors naming file, line and field.
CapabilityLayer read_capability_csv(const std::filesystem::path& path, const Taxonomy& taxonomy);

// Transfer through skills (docs/method.md §3): C_d = max_{t in d} c_t; c'_t = max(c_t,
// max_{d of t} C_d). Unlabeled tasks stay unlabeled unless a DWA gives them a value.
CapabilityLayer with_transfer(const CapabilityLayer& layer, const Taxonomy& taxonomy);

const char* to_string(Labeler labeler);

}  // namespace floe
