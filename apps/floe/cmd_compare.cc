// floe compare: what differs between two simulation runs.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "commands.h"
#include "floe/runs.h"
#include "floe/store.h"

namespace floe::cli {
namespace {

struct Args {
  std::filesystem::path a, b;
  int month = -1;  // -1: the last
  std::string format = "table";
  std::filesystem::path out;
  std::size_t top = 10;
};

void run(const Args& a) {
  const SimulationRun run_a(a.a), run_b(a.b);
  const RunComparison c =
      compare_runs(run_a, run_b, a.month >= 0 ? std::optional<int>(a.month) : std::nullopt);
  std::ostringstream out;
  write_run_comparison(out, c, a.format, a.top);
  if (a.out.empty()) {
    std::cout << out.str();
  } else {
    write_file_atomically(a.out, out.str());
    fmt::print(stderr, "Comparison in {}.\n", a.out.string());
  }
}

}  // namespace

void add_compare_command(CLI::App& app) {
  static Args args;
  CLI::App* c = app.add_subcommand(
      "compare",
      "What differs between two runs of `floe simulate` (A and B): the scenario keys they set "
      "differently, the national series side by side at months 12, 60, 120 and the last "
      "(unemployment rate in points; employment, AI displacement so far, wages), each run's AI "
      "effect (the run minus its own no-AI twin, with its 90% margin), and the states whose "
      "unemployment differs most at --month.\n"
      "Example:\n"
      "  floe compare out/baseline.db out/fast.db --month 60\n"
      "The runs must cover the same months and places. For charts and maps: floe report --run "
      "A.db --compare B.db.");
  c->add_option("a", args.a, "Run A: results file of `floe simulate`")->required();
  c->add_option("b", args.b, "Run B, compared with A (differences are B - A)")->required();
  c->add_option("--month", args.month, "Month of the state comparison (default: the last)")
      ->check(CLI::NonNegativeNumber);
  c->add_option("--format", args.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  c->add_option("--out", args.out, "Write the output to this file instead of the terminal");
  c->add_option("--top", args.top, "States shown in the terminal")->capture_default_str();
  c->callback([] { run(args); });
}

}  // namespace floe::cli
