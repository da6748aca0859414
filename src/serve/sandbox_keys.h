// Which scenario keys the dashboard's sandbox sets, grouped as the levers a state controls, and
// how each is shown (private to src/serve). Ranges, defaults and meanings come from the
// scenario schema itself (floe::scenario_keys, the one the TOML reader checks against): this
// file only chooses keys and widgets (docs/dashboard.md §2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "floe/dataset.h"
#include "floe/scenario.h"
#include "serve/json.h"

namespace floe::serve {

// How the page shows a key: a slider (number, whole), a checkbox (flag), a list of choices
// (choice), one slider per NAICS sector (sector_map), a value for the chosen state (state_map),
// whether the chosen state is in a list of states (state_list), or a text field (text).
struct SandboxKey {
  std::string_view key;     // "adoption.innovation"
  std::string_view group;   // "Adoption speed"
  std::string_view widget;  // "number", "whole", "flag", "choice", "sector_map", ...
};

// Every key the sandbox sets, in the order of the page. Any other key (talent.parameters, a
// file; the twin's frozen flags) is refused.
const std::vector<SandboxKey>& sandbox_keys();
const SandboxKey* find_sandbox_key(std::string_view key);

// The keys as the page builds its fields from them: for each, its group, widget, range (and
// `lo`, `hi` or `choices` read from it), the schema's default, `value` in `scenario`, meaning
// and source, and whether it is a lever (may change between months).
Json sandbox_keys_json(const Scenario& scenario);

// The NAICS sectors (key, title) and states (usps, name) the map keys are named by.
Json sandbox_names_json(const Dataset& dataset);

}  // namespace floe::serve
