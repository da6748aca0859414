// Reader for the Anthropic Economic Index's observed AI use by US state (release 2025-09-15:
// Claude.ai conversations of 4-11 August 2025; aei_us_states_subset.csv).
//
// The file publishes, per state and O*NET task above Anthropic's privacy threshold, the number
// of conversations (onet_task_count) and their share of the state's classified conversations
// (onet_task_pct). A state's total is any task's count / (its share / 100); the reader computes
// it from every task of the state, checks that they agree, and keeps the one from the largest
// count. States with no published task (seven small states) are absent.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace floe::data {

struct StateUsageRow {
  std::string state;         // USPS code, as the file's geo_id
  double conversations = 0;  // total classified conversations of the state, that week
  std::size_t tasks = 0;     // tasks published for the state
  std::size_t line = 0;      // line of the task the total was taken from
};

std::vector<StateUsageRow> read_state_usage(const std::filesystem::path& path);

}  // namespace floe::data
