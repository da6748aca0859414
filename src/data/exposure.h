// Readers for the AI-exposure data sets: task labels of Eloundou et al. (2023) "GPTs are GPTs",
// observed usage of the Anthropic Economic Index (2025-02-10), and the occupation-, industry- and
// county-level scores that floe compares itself with (Felten-Raj-Seamans AIOE, Microsoft's AI
// applicability score, Webb 2020, Eloundou et al. occupation scores).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace floe::data {

// Exposure rubric of Eloundou et al.: E0 no exposure, E1 direct exposure (an LLM alone halves
// the time), E2 exposure given LLM-powered tools.
enum class ExposureLabel : std::uint8_t { kE0, kE1, kE2 };

// full_labelset.tsv: one row per O*NET 27.2 task with human and GPT-4 labels.
struct GptTaskLabelRow {
  std::string occupation;
  std::int32_t task_id = 0;
  std::string statement;
  ExposureLabel human = ExposureLabel::kE0;  // human_exposure_agg
  ExposureLabel gpt4 = ExposureLabel::kE0;   // gpt4_exposure
  // gpt4_automation: T0 (no automation) .. T4 (full automation), the degree to which the model
  // judged the task could be done without a human; used as the automating (vs augmenting) share.
  std::uint8_t automation = 0;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<GptTaskLabelRow> read_gpt_task_labels(const std::filesystem::path& path);

// full_onet_data.tsv: the task weights Eloundou et al. used (core 2, supplemental 1).
struct GptTaskWeightRow {
  std::string occupation;
  std::int32_t task_id = 0;
  double core_weight = 0;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<GptTaskWeightRow> read_gpt_task_weights(const std::filesystem::path& path);

// Anthropic Economic Index onet_task_mappings.csv: percent of Claude conversations per task,
// keyed by lower-cased task text (O*NET 20.1 wording).
struct TaskUsageRow {
  std::string task_text;
  double percent = 0;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<TaskUsageRow> read_task_usage(const std::filesystem::path& path);

// Anthropic onet_task_statements.csv: the O*NET 20.1 task list whose text the usage refers to.
struct TaskStatementRow {
  std::string occupation;
  std::int32_t task_id = 0;
  std::string statement;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<TaskStatementRow> read_task_statements_csv(const std::filesystem::path& path);

// Anthropic automation_vs_augmentation.csv: share of conversations by interaction type.
struct InteractionShareRow {
  std::string interaction;  // directive, feedback loop, learning, task iteration, validation
  double percent = 0;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<InteractionShareRow> read_interaction_shares(const std::filesystem::path& path);

// What kind of code a score table is keyed by.
enum class ScoreKey : std::uint8_t {
  kSoc,      // "15-1252"
  kOnetSoc,  // "15-1252.00"
  kFips,     // "1001" or "01001" (padded to 5 digits)
  kInteger,  // occ1990dd and other numeric codes
};

// A published score per code: AIOE (SOC 2010), AIGE (county FIPS), Microsoft AI applicability
// (SOC 2018), Webb (occ1990dd), Eloundou occupation scores (O*NET-SOC).
struct ScoreRow {
  std::string code;
  std::string title;
  double score = 0;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<ScoreRow> read_score_table(const std::filesystem::path& path, ScoreKey key,
                                       const std::string& code_column,
                                       const std::string& title_column,
                                       const std::string& score_column);

}  // namespace floe::data
