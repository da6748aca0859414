#include "capability/build.h"

#include <unordered_map>

#include "data/codes.h"

namespace floe::capability {

TechnicalLabels join_technical_labels(const std::vector<data::GptTaskLabelRow>& rows,
                                      const Taxonomy& taxonomy) {
  TechnicalLabels labels;
  const std::size_t n = taxonomy.tasks.size();
  labels.human.assign(n, kNoLabel);
  labels.gpt4.assign(n, kNoLabel);
  labels.automation.assign(n, kNoLabel);
  labels.rows_read = rows.size();
  for (const auto& row : rows) {
    const auto task = taxonomy.find_task(row.task_id);
    if (!task) {
      labels.task_ids_not_in_onet.push_back(row.task_id);
      continue;
    }
    labels.human[task->index()] = static_cast<std::uint8_t>(row.human);
    labels.gpt4[task->index()] = static_cast<std::uint8_t>(row.gpt4);
    labels.automation[task->index()] = row.automation;
  }
  return labels;
}

ObservedUsage join_observed_usage(const std::vector<data::TaskUsageRow>& usage,
                                  const std::vector<data::TaskStatementRow>& old_statements,
                                  const std::vector<data::InteractionShareRow>& interactions,
                                  const Taxonomy& taxonomy) {
  ObservedUsage out;
  out.percent.assign(taxonomy.tasks.size(), 0.0f);
  std::unordered_multimap<std::string, TaskId> current;
  for (std::size_t i = 0; i < taxonomy.tasks.size(); ++i) {
    current.emplace(data::normalize_task_text(taxonomy.tasks[i].statement), TaskId(i));
  }
  std::unordered_multimap<std::string, std::int32_t> old;
  for (const auto& row : old_statements) {
    old.emplace(data::normalize_task_text(row.statement), row.task_id);
  }
  out.texts_read = usage.size();
  for (const auto& row : usage) {
    out.percent_read += row.percent;
    const std::string key = data::normalize_task_text(row.task_text);
    std::vector<TaskId> tasks;
    for (auto [it, end] = current.equal_range(key); it != end; ++it) tasks.push_back(it->second);
    if (tasks.empty()) {
      for (auto [it, end] = old.equal_range(key); it != end; ++it) {
        if (auto task = taxonomy.find_task(it->second)) tasks.push_back(*task);
      }
    }
    if (tasks.empty()) {
      out.unmatched_texts.push_back(row.task_text);
      continue;
    }
    ++out.texts_matched;
    out.percent_matched += row.percent;
    for (TaskId t : tasks) out.percent[t.index()] += static_cast<float>(row.percent);
  }
  // Handa et al. (2025): directive and feedback-loop conversations automate; learning, task
  // iteration and validation augment; "none" is neither.
  double automate = 0, augment = 0;
  for (const auto& row : interactions) {
    if (row.interaction == "directive" || row.interaction == "feedback loop") {
      automate += row.percent;
    } else if (row.interaction != "none") {
      augment += row.percent;
    }
  }
  if (automate + augment > 0) out.automation_share = automate / (automate + augment);
  return out;
}

}  // namespace floe::capability
