// floe: the Iceberg Index and a large population model of the US workforce in the AI economy.
#include <fmt/format.h>

#include <cstdio>
#include <exception>

#include "commands.h"
#include "floe/error.h"
#include "suggest.h"

int main(int argc, char** argv) {
  CLI::App app{
      "floe: which work AI can already do, where, and what happens next.\n\n"
      "Start with `floe index` (the Iceberg Index for the nation, states and occupations),\n"
      "`floe simulate --scale 0.01` (ten years of the workforce, month by month), `floe talent\n"
      "calibrate` (the war for AI talent) or `floe serve` (the dashboard). Every command takes\n"
      "--help; the README walks from zero to a result."};
  app.name("floe");
  app.require_subcommand(1);
  app.set_version_flag("--version", "floe 0.1.0");
  floe::cli::add_index_command(app);
  floe::cli::add_explain_command(app);
  floe::cli::add_report_command(app);
  floe::cli::add_population_commands(app);
  floe::cli::add_simulate_command(app);
  floe::cli::add_ensemble_command(app);
  floe::cli::add_compare_command(app);
  floe::cli::add_talent_commands(app);
  floe::cli::add_serve_command(app);
  floe::cli::add_data_commands(app);
  floe::cli::add_validate_capability_command(app);
  floe::cli::add_validate_similarity_command(app);
  floe::cli::add_validate_geography_command(app);
  floe::cli::add_validate_backtest_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // A mistyped command or option: say what was probably meant (CLI11 does not).
    const std::string hint =
        e.get_exit_code() == 0 ? "" : floe::cli::suggestion(app, {argv + 1, argv + argc});
    if (hint.empty()) return app.exit(e);
    fmt::print(stderr, "floe: {}\nRun with --help for more information.\n", hint);
    return e.get_exit_code();
  } catch (const floe::Error& e) {
    fmt::print(stderr, "floe: error: {}\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "floe: internal error: {}\n", e.what());
    return 2;
  }
  return 0;
}
