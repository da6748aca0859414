// A simulation run's figures as tables: the national time series, a state's time series, and
// states, counties and SOC major groups at one month, and the difference between two runs by
// state (private to src/serve).
//
// Region figures are sums over the file's (region, major group) rows, plus two ratios computed
// from the sums:
//   unemployment_rate = (unemployed + training) / (employed + unemployed + training): trainees
//                       stay in the labor force (docs/model.md §9)
//   exposed_share     = exposed_wages / wage_bill   (the run's Iceberg index of the region)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "floe/dataset.h"
#include "floe/table.h"
#include "serve/run_file.h"

namespace floe::serve {

// The metrics a region has: kFigureColumns, then unemployment_rate and exposed_share.
const std::vector<std::string>& region_metrics();

// Every column of the national table, one row per month.
Table national_series(const RunFile& run);
// One state's figures by month, summed over major groups.
Table state_series(const Dataset& dataset, const RunFile& run, StateId state);
// Every state with figures at `month`; only major group `major` when given.
Table states_at(const Dataset& dataset, const RunFile& run, int month,
                const std::optional<std::string>& major);
// Counties at `month` (a month with county figures), of one state or all.
Table counties_at(const Dataset& dataset, const RunFile& run, int month,
                  const std::optional<StateId>& state, const std::optional<std::string>& major);
// SOC major groups at `month`, in one state or the nation.
Table majors_at(const Dataset& dataset, const RunFile& run, int month,
                const std::optional<StateId>& state);
// Moves between major groups in `month`, most first.
Table flows_at(const Dataset& dataset, const RunFile& run, int month);
// `metric` of every state at `month` in runs a and b, and b - a.
Table compare_states(const Dataset& dataset, const RunFile& a, const RunFile& b, int month,
                     const std::string& metric);

}  // namespace floe::serve
