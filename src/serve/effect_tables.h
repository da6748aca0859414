// A run's AI effect against its own no-AI twin (docs/model.md §16), for the dashboard (private
// to src/serve): the run minus the twin, by month for the nation and at one month by state,
// county or SOC major group, with the 90% margin of the unemployment effect from
// floe::unemployment_effect and the agents behind each figure.
//
// A place resting on fewer than floe::kFewAgents agents is marked (few_agents), listed last and
// given no rank: its rates are mostly sampling noise at the run's scale. A run without its twin
// (--no-twin, older files) gets the same tables with the twin's and the effect's columns empty
// and a note saying so, never an error.
#pragma once

#include <optional>
#include <string>

#include "floe/dataset.h"
#include "floe/table.h"
#include "serve/run_file.h"

namespace floe::serve {

// What the dashboard says of a run without its twin.
inline constexpr const char* kNoTwinNote =
    "run without its no-AI twin (--no-twin): AI effect unknown";

// One row per month: unemployment_rate and twin_unemployment_rate ((unemployed + training) /
// labor force), ai_effect_points and ai_effect_margin (percentage points, 90%), employed,
// twin_employed, employed_effect, wage_bill, twin_wage_bill, wage_bill_effect, agents.
Table national_effect(const RunFile& run);

// Where the effect is taken: every state, the counties (of one state or all; `month` must have
// county figures) or the SOC major groups (of one state or the nation).
enum class EffectLevel { kStates, kCounties, kMajors };

// The places at `month`, largest AI effect first, those with few agents last: the place's key
// columns, then unemployment_rate, twin_unemployment_rate, ai_effect_points, ai_effect_margin,
// employed, employed_effect, wage_bill_effect, agents, few_agents and rank (1 = the largest
// effect; empty for places with few agents, and for a run without its twin).
Table region_effects(const Dataset& dataset, const RunFile& run, EffectLevel level, int month,
                     const std::optional<StateId>& state);

}  // namespace floe::serve
