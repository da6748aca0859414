// floe validate capability: every candidate capability layer scored against evidence it was not
// built from; the default and the ensemble behind every interval (docs/method.md §11).
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "floe/layer_validation.h"
#include "floe/store.h"
#include "floe/table.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  std::vector<std::string> layers;
  std::string format = "table";
  std::filesystem::path out;
  std::size_t resamples = 200;
};

// The columns a terminal can show: held-out scores and the rule's flags.
Table narrow(const Table& t) {
  const std::vector<std::string> keep = {"layer",
                                         "v_fit",
                                         "v_held_out",
                                         "task_appears_held_out",
                                         "usage_held_out",
                                         "microsoft_held_out",
                                         "aioe_held_out",
                                         "beta_human_held_out",
                                         "beta_gpt4_held_out",
                                         "iceberg",
                                         "bootstrap_share",
                                         "ensemble"};
  Table out{t.title, {}, {}, t.notes};
  for (const auto& name : keep) out.columns.push_back(t.columns[t.column(name)]);
  const char* labels[] = {"Layer", "V fit",    "V held",   "AUC",     "Usage",      "Microsoft",
                          "AIOE",  "Beta hum", "Beta GPT", "Iceberg", ">= default", "Ensemble"};
  for (std::size_t i = 0; i < keep.size(); ++i) out.columns[i].label = labels[i];
  for (const auto& row : t.rows) {
    std::vector<Value> v;
    for (const auto& name : keep) v.push_back(row[t.column(name)]);
    if (std::get<bool>(row[t.column("default")])) v[0] = std::get<std::string>(v[0]) + " *";
    out.rows.push_back(std::move(v));
  }
  out.notes.push_back(
      "* the default. Scores on the held-out half (AUC: task_appears; the rest rank "
      "correlations); --format csv|json for both halves of every item.");
  return out;
}

void run(const Args& a) {
  const auto start = std::chrono::steady_clock::now();
  const Dataset ds = load_with_progress(a.data);
  CapabilityValidationOptions options;
  options.resamples = a.resamples;
  std::vector<std::string> names;
  for (const std::string& layer : a.layers) {
    // A CSV file is a layer to score; anything else names a candidate to show.
    if (layer.ends_with(".csv") || std::filesystem::is_regular_file(layer)) {
      options.layer_files.emplace_back(layer);
      names.push_back("file:" + layer);
    } else {
      names.push_back(layer);
    }
  }
  const CapabilityValidation v = validate_capability(ds, build_cells(ds), options);
  const Table table = capability_validation_table(v, names);
  std::ostringstream out;
  if (a.format == "csv") {
    write_csv(out, table);
  } else if (a.format == "json") {
    write_json(out, table);
  } else {
    const LayerScore& d = v.layers[v.chosen];
    out << fmt::format("Default capability layer: {} (V {:.3f} on the fit half, {:.3f} held out)\n",
                       d.candidate.name, d.validation.fit, d.validation.held_out);
    std::string ensemble;
    for (const LayerScore& s : v.layers) {
      if (s.in_ensemble) ensemble += (ensemble.empty() ? "" : ", ") + s.candidate.name;
    }
    out << fmt::format("Ensemble behind every interval: {}\n\n", ensemble);
    write_text(out, narrow(table));
  }
  print_or_write(a.out, out.str());
  fmt::print(stderr, "Validated {} layers in {:.2f} s.\n", v.layers.size(),
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

}  // namespace

void add_validate_capability_command(CLI::App& app) {
  static Args args;
  CLI::App* c = validate_command(app).add_subcommand(
      "capability",
      "Score every candidate capability layer (GPTs-are-GPTs labels by humans, GPT-4 or both x E2 "
      "weights 0-1 x transfer; observed usage; Microsoft's applicability; blends) against "
      "evidence it was not built from: whether tasks appear in observed AI usage (AUC), and the "
      "employment-weighted rank correlation with occupation usage, Microsoft applicability, "
      "AIOE and Eloundou et al.'s beta, on a fixed fit half and a held-out half of occupations. "
      "Prints the default the rule of docs/method.md §11 picks and the ensemble behind every "
      "interval.\n\n"
      "Examples:\n"
      "  floe validate capability\n"
      "  floe validate capability --layer technical/mean/e2=0.5 --layer observed\n"
      "  floe validate capability --layer my_layer.csv --format csv --out out/layers.csv");
  add_data_options(*c, args.data);
  c->add_option("--layer", args.layers,
                "Show only this layer (a name from the table), or score a CSV layer file "
                "(task_id or dwa_id, capability) beside the candidates; repeatable");
  c->add_option("--format", args.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  c->add_option("--out", args.out, "Write the output to this file instead of the terminal");
  c->add_option("--resamples", args.resamples,
                "Bootstrap resamples of the fit half that decide the ensemble")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  c->callback([] { run(args); });
}

}  // namespace floe::cli
