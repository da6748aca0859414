// Joining the exposure data sets' rows to the taxonomy's tasks.
#pragma once

#include <vector>

#include "data/exposure.h"
#include "floe/capability.h"

namespace floe::capability {

// Joins by O*NET Task ID. Labels for tasks this O*NET release lacks are counted, not errors:
// the labels were made on O*NET 27.2.
TechnicalLabels join_technical_labels(const std::vector<data::GptTaskLabelRow>& rows,
                                      const Taxonomy& taxonomy);

// Joins usage by normalized task text: first to O*NET 29.1 statements, then through the O*NET
// 20.1 statements the usage was measured on (their Task IDs) for wording that changed since.
// A text shared by several tasks counts for each of them.
ObservedUsage join_observed_usage(const std::vector<data::TaskUsageRow>& usage,
                                  const std::vector<data::TaskStatementRow>& old_statements,
                                  const std::vector<data::InteractionShareRow>& interactions,
                                  const Taxonomy& taxonomy);

}  // namespace floe::capability
