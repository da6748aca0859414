// Where floe finds what it ships: the default data, the scenarios and the dashboard's web
// assets.
//
// An installed floe (`cmake --install`) keeps them in <prefix>/share/floe/{data,scenarios,web}:
// they are found from the location of the program or Python module that contains floe, so an
// installed floe runs from any directory and from any prefix it was installed into. Run from
// its build tree, floe uses the source tree's folders. An environment variable overrides each:
// FLOE_DATA, FLOE_SCENARIOS, FLOE_WEB.
#pragma once

#include <filesystem>
#include <string_view>

namespace floe {

// `what` is "data", "scenarios" or "web".
std::filesystem::path shipped_dir(std::string_view what);

// A scenario named on the command line: an existing file as given; else a shipped scenario by
// file name or by name ("fast-adoption" or "fast-adoption.toml"); else the path as given (for
// the error that names it).
std::filesystem::path find_scenario(const std::filesystem::path& given);

}  // namespace floe
