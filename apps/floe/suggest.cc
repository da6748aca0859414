#include "suggest.h"

#include <algorithm>
#include <numeric>

namespace floe::cli {
namespace {

// Optimal string alignment distance: Levenshtein plus swaps of neighbouring characters.
std::size_t edits(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::App* c : app.get_subcommands([](CLI::App*) { return true; })) {
    out.push_back(c->get_name());
  }
  return out;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& n : o->get_lnames()) out.push_back("--" + n);
    for (const auto& n : o->get_snames()) out.push_back("-" + n);
  }
  return out;
}

CLI::App* find_command(CLI::App& app, std::string_view name) {
  for (CLI::App* c : app.get_subcommands([](CLI::App*) { return true; })) {
    if (c->get_name() == name) return c;
  }
  return nullptr;
}

// "floe talent calibrate": the command's full name.
std::string full_name(const CLI::App* app) {
  std::string name = app->get_name();
  for (const CLI::App* p = app->get_parent(); p; p = p->get_parent())
    name = p->get_name() + " " + name;
  return name;
}

}  // namespace

std::string closest(std::string_view typed, const std::vector<std::string>& candidates) {
  const std::size_t allowed = std::clamp<std::size_t>(typed.size() / 3, 1, 3);
  std::string best;
  std::size_t best_edits = allowed + 1;
  for (const auto& c : candidates) {
    const std::size_t e = edits(typed, c);
    if (e < best_edits) best = c, best_edits = e;
  }
  if (!best.empty() || typed.empty()) return best;
  const auto begins = [&](const std::string& c) { return c.starts_with(typed); };
  if (std::count_if(candidates.begin(), candidates.end(), begins) == 1) {
    return *std::find_if(candidates.begin(), candidates.end(), begins);
  }
  return "";
}

std::string suggestion(CLI::App& app, const std::vector<std::string>& args) {
  CLI::App* command = &app;
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg.starts_with("-")) {
      const std::string name = arg.substr(0, arg.find('='));
      const auto known = option_names(*command);
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      const std::string near = closest(name, known);
      if (near.empty()) return "";
      return "unknown option '" + name + "' for '" + full_name(command) + "'; did you mean '" +
             near + "'?";
    }
    if (CLI::App* sub = find_command(*command, arg)) {
      command = sub;
      continue;
    }
    // A word where a command was expected; elsewhere it is an argument or an option's value.
    const auto commands = command_names(*command);
    if (commands.empty() || command->get_require_subcommand_min() == 0) continue;
    const std::string near = closest(arg, commands);
    if (near.empty()) return "";
    return "unknown command '" + arg + "'; did you mean '" + full_name(command) + " " + near + "'?";
  }
  return "";
}

}  // namespace floe::cli
