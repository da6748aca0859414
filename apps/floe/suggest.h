// Suggestions for mistyped commands and options: `floe indx` answers "unknown command 'indx';
// did you mean 'floe index'?" instead of CLI11's "A subcommand is required".
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace floe::cli {

// The candidate closest to `typed`: the one within the fewest edits (insertions, deletions,
// substitutions, swaps of neighbours) when they are at most a third of its length (1 to 3), else
// the only candidate it begins; "" when none is that close.
std::string closest(std::string_view typed, const std::vector<std::string>& candidates);

// For a command line that did not parse: the first word that is neither a command of the
// command before it nor one of its options, and what was probably meant, as one line
// ("unknown option '--topp' for 'floe index'; did you mean '--top'?"); "" when every word is
// known or nothing known is close.
std::string suggestion(CLI::App& app, const std::vector<std::string>& args);

}  // namespace floe::cli
