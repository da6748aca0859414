// The floe command-line interface: each command registers itself on the CLI11 app. Commands
// only parse arguments and call the library.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>

#include "floe/dataset.h"

namespace floe::cli {

// Options every command that reads data shares.
struct DataOptions {
  std::filesystem::path data_dir;
  int oews_year = 2023;
  std::filesystem::path oews_state_file;
  std::filesystem::path cbp_file;
  std::filesystem::path oews_msa_file;
};

// Adds --data, --oews-year, --oews-state, --oews-msa and --cbp to a command.
void add_data_options(CLI::App& command, DataOptions& options);
// A --scenario value: a TOML file, or the name of a shipped scenario ("fast-adoption"),
// resolved to its file (include/floe/install.h); an error names what was not found.
CLI::Validator scenario_file();
// A command's output: printed when `out` is empty, else written to it atomically.
void print_or_write(const std::filesystem::path& out, const std::string& text);
// Today's date, "2026-11-23" (local time), for dating reports.
std::string today();
// Loads the dataset with a progress bar.
Dataset load_with_progress(const DataOptions& options);

void add_data_commands(CLI::App& app);
void add_index_command(CLI::App& app);
void add_explain_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_population_commands(CLI::App& app);
void add_simulate_command(CLI::App& app);
void add_ensemble_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_talent_commands(CLI::App& app);
// The parent of the `floe validate ...` checks, created on first use; each check adds itself.
CLI::App& validate_command(CLI::App& app);
void add_validate_capability_command(CLI::App& app);
void add_validate_similarity_command(CLI::App& app);
void add_validate_geography_command(CLI::App& app);
void add_validate_backtest_command(CLI::App& app);

}  // namespace floe::cli
