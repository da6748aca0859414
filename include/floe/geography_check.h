// An outside check on the state map: floe's state indices against where AI is actually used
// (docs/method.md §16).
//
// Observed use is the Anthropic Economic Index's Claude.ai conversations by US state (4-11
// August 2025) per resident (Census Vintage 2023): 44 states publish at least one task. For each
// capability layer and for the Iceberg and the Surface index, the check reports
//   Spearman's rho between the state index and use per capita, and
//   tier agreement: the share of states in the same tercile (low, middle, high) under both,
// each with a one-sided permutation p-value (the share of 10,000 random pairings of the same
// values that agree at least as well; Philox-keyed, so the same every run). The published
// Iceberg model reports 69% tier agreement for its Surface index.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "floe/index.h"
#include "floe/table.h"

namespace floe {

// Conversations of one state that week.
struct StateUsage {
  StateId state;
  double conversations = 0;
  double per_100k = 0;  // per 100,000 residents
};

// Reads the state usage file (see data/state_usage.h); throws DataError naming the file and
// line for a state the geography does not know.
std::vector<StateUsage> read_observed_state_usage(const Dataset& dataset,
                                                  const std::filesystem::path& path);
// Where the usage file is under a data directory (plain or .zst); throws DataError if absent.
std::filesystem::path state_usage_file(const std::filesystem::path& data_dir);

struct UsageAgreement {
  std::string layer;  // "technical, human labels, E2 = 0"
  std::string index;  // "iceberg" or "surface"
  std::size_t states = 0;
  double spearman = 0, spearman_p = 0;
  double tier_agreement = 0, tier_p = 0;
};

struct GeographyCheck {
  std::vector<StateUsage> usage;
  std::vector<UsageAgreement> agreements;  // two per layer, then the mean-wage reference
  // Per layer (in agreements' order) the state indices, [layer][state].
  std::vector<std::string> layers;
  std::vector<std::vector<double>> iceberg, surface;
};

// Compares every layer (technical: each labeler with E2 = 0 and 1; observed) with the usage,
// then, as a reference that knows nothing of AI, the states' mean annual wage (the last row).
GeographyCheck check_geography(const Dataset& dataset, const Cells& cells,
                               const std::vector<StateUsage>& usage);

// Spearman's rho and tercile agreement of two equally long series, with permutation p-values.
struct Agreement {
  double spearman = 0, spearman_p = 0, tier_agreement = 0, tier_p = 0;
};
Agreement agreement(const std::vector<double>& x, const std::vector<double>& y,
                    std::uint64_t seed = 1);
// Terciles: 0 (lowest third), 1, 2 by rank (ties by position), sizes as equal as n allows with the
// larger ones first (44 -> 15, 15, 14).
std::vector<int> terciles(const std::vector<double>& x);

Table geography_check_table(const GeographyCheck& check);
Table geography_states_table(const Dataset& dataset, const GeographyCheck& check);

}  // namespace floe
