// floe validate similarity: how many of O*NET's Related Occupations the similarity recovers,
// by tier, on the fit and held-out halves (docs/method.md §13).
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "floe/index.h"
#include "floe/similarity_validation.h"
#include "floe/store.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  std::string format = "table";
  std::filesystem::path out;
  bool refit = false;
};

// Held-out recall and ceilings: what a terminal can show.
Table narrow(const Table& t) {
  const std::vector<std::pair<std::string, std::string>> keep = {
      {"similarity", "Similarity"},
      {"primary_short_fit", "P-Short fit"},
      {"all_fit", "All fit"},
      {"primary_short_held_out", "P-Short held"},
      {"primary_long_held_out", "P-Long held"},
      {"supplemental_held_out", "Suppl. held"},
      {"all_held_out", "All held"},
      {"all_ceiling", "All ceiling"},
      {"weights", "Block weights"}};
  Table out{t.title, {}, {}, t.notes};
  for (const auto& [name, label] : keep) {
    out.columns.push_back(t.columns[t.column(name)]);
    out.columns.back().label = label;
  }
  for (const auto& row : t.rows) {
    std::vector<Value> v;
    for (const auto& [name, label] : keep) v.push_back(row[t.column(name)]);
    out.rows.push_back(std::move(v));
  }
  return out;
}

void run(const Args& a) {
  const auto start = std::chrono::steady_clock::now();
  const Dataset ds = load_with_progress(a.data);
  const Table table = similarity_validation_table(
      ds.taxonomy, task_weights(ds.taxonomy, TaskWeighting::kOnetType), {.refit = a.refit});
  std::ostringstream out;
  if (a.format == "csv") {
    write_csv(out, table);
  } else if (a.format == "json") {
    write_json(out, table);
  } else {
    write_text(out, narrow(table));
  }
  print_or_write(a.out, out.str());
  fmt::print(stderr, "Validated the similarity in {:.2f} s.\n",
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace

void add_validate_similarity_command(CLI::App& app) {
  static Args args;
  CLI::App* c = validate_command(app).add_subcommand(
      "similarity",
      "How well occupation similarity recovers O*NET's Related Occupations: recall@10 by tier "
      "(Primary-Short, Primary-Long, Supplemental, all) on the half of occupations the block "
      "weights were fitted on and on the held-out half, for the default, each block alone, the "
      "fit without task and title words, and the earlier measure (docs/method.md §13).");
  add_data_options(*c, args.data);
  c->add_option("--format", args.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  c->add_option("--out", args.out, "Write the output to this file instead of the terminal");
  c->add_flag("--refit", args.refit,
              "Also refit the block weights on the fit half (they should equal the default)");
  c->callback([] { run(args); });
}

}  // namespace floe::cli
