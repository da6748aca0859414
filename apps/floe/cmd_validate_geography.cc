// floe validate geography: the state map against observed AI use (docs/method.md §16).
#include <fmt/format.h>

#include <iostream>
#include <sstream>

#include "commands.h"
#include "floe/error.h"
#include "floe/geography_check.h"
#include "floe/store.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  std::filesystem::path usage;  // default: under the data directory
  std::string format = "table";
  bool states = false;
  std::filesystem::path out;
};

void run(const Args& a) {
  const Dataset ds = load_with_progress(a.data);
  const auto usage_path = a.usage.empty() ? state_usage_file(ds.data_dir) : a.usage;
  const auto usage = read_observed_state_usage(ds, usage_path);
  const GeographyCheck check = check_geography(ds, build_cells(ds), usage);
  const Table t = a.states ? geography_states_table(ds, check) : geography_check_table(check);
  std::ostringstream out;
  if (a.format == "csv") {
    write_csv(out, t);
  } else if (a.format == "json") {
    write_json(out, t);
  } else {
    write_text(out, t);
  }
  print_or_write(a.out, out.str());
}

}  // namespace

void add_validate_geography_command(CLI::App& app) {
  static Args args;
  CLI::App* c = validate_command(app).add_subcommand(
      "geography",
      "Compare floe's state Iceberg and Surface indices, for every capability layer, with where "
      "AI is actually used: Claude.ai conversations per resident by state (Anthropic Economic "
      "Index, August 2025; 44 states). Prints Spearman's rho and the share of states in the "
      "same tercile, with permutation p-values (docs/method.md §16). The published Iceberg "
      "model reports 69% tercile agreement for its Surface index.");
  add_data_options(*c, args.data);
  c->add_option("--usage", args.usage,
                "The state usage file (default: ai-exposure/anthropic-economic-index/"
                "release_2025_09_15/aei_us_states_subset.csv under --data)")
      ->check(CLI::ExistingFile);
  c->add_flag("--states", args.states,
              "Print the states instead: use per capita, the default layer's indices and their "
              "terciles");
  c->add_option("--format", args.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  c->add_option("--out", args.out, "Write the output to this file instead of the terminal");
  c->callback([] { run(args); });
}

}  // namespace floe::cli
