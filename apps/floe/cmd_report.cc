// floe report: the Iceberg Index as one self-contained HTML page (maps, rankings, method); with
// --run, the report of a simulation run, or of two compared.
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>

#include "commands.h"
#include "floe/index.h"
#include "floe/report.h"
#include "floe/runs.h"
#include "floe/store.h"
#include "index_options.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  IndexArgs index;
  std::filesystem::path out;  // default: out/report.html, or out/simulation.html with --run
  std::filesystem::path run, compare;
};

// The simulation report. The runs are read and checked before the data is loaded, so that a
// bad run file fails at once. The maps come from --data, else from the data the run was made
// with where that folder exists, else from the shipped data.
std::string simulation_report(const Args& a) {
  const SimulationRun run_a(a.run);
  const std::optional<SimulationRun> run_b =
      a.compare.empty() ? std::nullopt : std::optional<SimulationRun>(std::in_place, a.compare);
  if (run_b) check_comparable(run_a, *run_b);
  DataOptions data = a.data;
  std::error_code ec;
  if (data.data_dir.empty() && std::filesystem::is_directory(run_a.info().data_dir, ec)) {
    data.data_dir = run_a.info().data_dir;
  }
  const Dataset ds = load_with_progress(data);
  const Atlas atlas = load_atlas(ds.data_dir);
  return simulation_report_html(ds.geography, atlas, run_a, run_b ? &*run_b : nullptr,
                                {.date = today()});
}

void run(const Args& args) {
  const auto start = std::chrono::steady_clock::now();
  Args a = args;
  if (a.out.empty()) a.out = a.run.empty() ? "out/report.html" : "out/simulation.html";
  if (!a.run.empty()) {
    const std::string html = simulation_report(a);
    write_file_atomically(a.out, html);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print(stderr,
               "Simulation report in {} ({} kB, {:.2f} s). Open it in any browser; it needs no "
               "network.\n",
               a.out.string(), (html.size() + 512) / 1024, seconds);
    return;
  }
  const Dataset ds = load_with_progress(a.data);
  const Atlas atlas = load_atlas(ds.data_dir);
  const Cells cells = build_cells(ds, a.index.cell_options());
  const IndexResult r = compute_index(ds, cells, a.index.options());
  const std::string html = index_report_html(
      ds, atlas, r, {.options = a.index.describe(), .surface = a.index.surface, .date = today()});
  write_file_atomically(a.out, html);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(stderr,
             "Report in {} ({} kB, {:.2f} s). Open it in any browser; it needs no "
             "network.\n",
             a.out.string(), (html.size() + 512) / 1024, seconds);
}

}  // namespace

void add_report_command(CLI::App& app) {
  static Args args;
  CLI::App* c = app.add_subcommand(
      "report",
      "Writes the Iceberg Index as one self-contained HTML page for readers who will not run "
      "floe: the national Iceberg and Surface indices in a sentence, maps of states and counties "
      "(hover a shape for its figures), every state ranked, the most exposed occupations, "
      "occupation groups and industries, the formula, the options used and the data sources.\n"
      "The page has no scripts and loads nothing from the network: mail it, print it, open it "
      "offline. It takes the same data and index options as `floe index`, so\n"
      "  floe report --labeler gpt4 --out out/gpt4.html\n"
      "reports the index with GPT-4's labels instead of the human ones.\n"
      "With --run, the report of a simulation run instead: charts of the national series, maps "
      "of states and counties at the last month, every state ranked, the scenario; with "
      "--compare, run B against run A on the same charts, with maps of B - A:\n"
      "  floe report --run out/baseline.db --compare out/fast.db --out out/fast.html");
  add_data_options(*c, args.data);
  add_index_options(*c, args.index);
  c->add_option("--out", args.out,
                "HTML file to write (its folder is created if missing; default: out/report.html, "
                "or out/simulation.html with --run)");
  CLI::Option* run_option =
      c->add_option("--run", args.run,
                    "A results file of `floe simulate`: report the run (index options unused)");
  c->add_option("--compare", args.compare,
                "A second run (B) to compare with --run (A): both on the charts, B - A on the maps")
      ->needs(run_option);
  c->callback([] { run(args); });
}

}  // namespace floe::cli
