// floe validate: checks of the model against evidence it was not built from. Each check is a
// subcommand registered by its own file (cmd_validate_*.cc) on the parent made here.
#include "commands.h"

namespace floe::cli {

CLI::App& validate_command(CLI::App& app) {
  for (CLI::App* existing : app.get_subcommands(std::function<bool(CLI::App*)>{})) {
    if (existing->get_name() == "validate") return *existing;
  }
  CLI::App* v = app.add_subcommand(
      "validate",
      "Check the model against evidence it was not built from: each subcommand prints a table "
      "(and --format csv|json) and says where its method is written down (docs/).");
  v->require_subcommand(1);
  return *v;
}

}  // namespace floe::cli
