// floe data check | files
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <iostream>

#include "commands.h"
#include "floe/error.h"
#include "floe/install.h"
#include "floe/store.h"
#include "progress.h"

namespace floe::cli {

void print_or_write(const std::filesystem::path& out, const std::string& text) {
  if (out.empty()) {
    std::cout << text;
  } else {
    write_file_atomically(out, text);
  }
}

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

CLI::Validator scenario_file() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        const std::filesystem::path found = find_scenario(value);
        if (!std::filesystem::is_regular_file(found)) {
          return "no scenario file '" + value + "' (nor a shipped scenario of that name in " +
                 shipped_dir("scenarios").string() + ")";
        }
        value = found.string();
        return "";
      },
      "FILE or NAME");
}

void add_data_options(CLI::App& command, DataOptions& options) {
  command
      .add_option("--data", options.data_dir,
                  "Data directory with the layout of ../shared/data (default: the shipped data/, "
                  "or $FLOE_DATA)")
      ->check(CLI::ExistingDirectory);
  command.add_option("--oews-year", options.oews_year, "OEWS national survey year (May 2021-2024)")
      ->check(CLI::Range(2021, 2024));
  command
      .add_option("--oews-state", options.oews_state_file,
                  "A real BLS OEWS state file with TOT_EMP (state_M2023_dl.xlsx as BLS publishes "
                  "it, or .csv; all_data_M_2023 too): its state employment replaces the estimates")
      ->check(CLI::ExistingFile);
  command
      .add_option("--oews-msa", options.oews_msa_file,
                  "A real BLS OEWS metropolitan-area file (MSA_M2023_dl.xlsx as published, or "
                  ".csv; all_data_M_2023 too): `floe index --by metro` then shows its published "
                  "figures, areas joined to counties by the OMB July 2023 delineation")
      ->check(CLI::ExistingFile);
  command
      .add_option("--cbp", options.cbp_file,
                  "A Census County Business Patterns county file as published (cbp23co.txt): "
                  "county employment by NAICS sector makes county cells county x sector x BLS's "
                  "staffing pattern instead of the state's cells scaled by population "
                  "(docs/method.md §5)")
      ->check(CLI::ExistingFile);
}

Dataset load_with_progress(const DataOptions& options) {
  const auto files = dataset_files(options.oews_year);
  ProgressBar bar("reading data", files.size());
  std::size_t done = 0;
  DatasetOptions o;
  o.data_dir = options.data_dir;
  o.oews_year = options.oews_year;
  o.oews_state_file = options.oews_state_file;
  o.cbp_file = options.cbp_file;
  o.oews_msa_file = options.oews_msa_file;
  Dataset ds = load_dataset(o, [&](const std::string& file) { bar.update(done++, file); });
  bar.finish();
  return ds;
}

void add_data_commands(CLI::App& app) {
  CLI::App* data = app.add_subcommand("data", "Inspect the input data");
  data->require_subcommand(1);

  static DataOptions options;
  CLI::App* check = data->add_subcommand(
      "check",
      "Load every input file, join them, and print counts and join coverage: how much of OEWS "
      "employment is matched to O*NET tasks with AI capability labels, and every code that "
      "could not be joined. Exits 0 when the data is consistent, 1 otherwise.");
  add_data_options(*check, options);
  check->callback([] {
    const auto start = std::chrono::steady_clock::now();
    const Dataset ds = load_with_progress(options);
    const Atlas atlas = load_atlas(ds.data_dir);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const DataCheck result = check_dataset(ds, atlas);
    fmt::print("{}", result.report);
    fmt::print("Loaded {} files in {:.2f} s.\n", dataset_files(options.oews_year).size(), seconds);
    if (!result.problems.empty()) throw Error("the data is not consistent (see Problems above)");
  });

  CLI::App* files = data->add_subcommand("files", "List the files floe reads, relative to --data");
  files->callback([] {
    for (const auto& f : dataset_files(options.oews_year)) fmt::print("{}\n", f);
  });
}

}  // namespace floe::cli
