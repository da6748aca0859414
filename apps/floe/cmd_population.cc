// floe population build | info
#include <fmt/format.h>

#include <chrono>

#include "commands.h"
#include "floe/error.h"
#include "floe/population.h"
#include "floe/table.h"
#include "progress.h"

namespace floe::cli {
namespace {

struct BuildArgs {
  DataOptions data;
  double scale = 1.0;
  std::uint64_t seed = 1;
  std::filesystem::path out = "out/us.pop";
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void build(const BuildArgs& a) {
  const Dataset ds = load_with_progress(a.data);
  const Cells cells = build_cells(ds);
  auto start = std::chrono::steady_clock::now();
  Population p;
  {
    ProgressBar bar("synthesizing agents", 1000);
    p = synthesize(ds, cells, {.scale = a.scale, .seed = a.seed},
                   [&](std::uint64_t done, std::uint64_t total) {
                     bar.update(done * 1000 / std::max<std::uint64_t>(total, 1),
                                fmt::format("{:.1f}M agents", done / 1e6));
                   });
  }
  const double synth = seconds_since(start);
  start = std::chrono::steady_clock::now();
  if (!a.out.parent_path().empty()) std::filesystem::create_directories(a.out.parent_path());
  {
    ProgressBar bar("saving snapshot", 1000);
    save_population(p, a.out, ds.data_dir.string(), [&](std::uint64_t done, std::uint64_t total) {
      bar.update(done * 1000 / std::max<std::uint64_t>(total, 1));
    });
  }
  const double save = seconds_since(start);
  fmt::print("Made {} agents ({:.2f} s) at scale {:g}, seed {}; saved {} ({:.1f} MB, {:.2f} s).\n",
             p.size(), synth, a.scale, a.seed, a.out.string(),
             std::filesystem::file_size(a.out) / 1e6, save);
}

void info(const std::filesystem::path& path) {
  const SnapshotInfo header = read_snapshot_info(path);
  const auto start = std::chrono::steady_clock::now();
  Population p;
  {
    ProgressBar bar("verifying", 1000);
    p = load_population(path, [&](std::uint64_t done, std::uint64_t total) {
      bar.update(done * 1000 / std::max<std::uint64_t>(total, 1));
    });
  }
  const double load = seconds_since(start);
  std::uint64_t employed = 0;
  double wages = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    employed += (p.status[i] & kStatusMask) == static_cast<std::uint8_t>(AgentStatus::kEmployed);
    wages += p.wage[i];
  }
  std::size_t occupied = 0;
  for (std::size_t k = 0; k + 1 < p.cell_offsets.size(); ++k) {
    occupied += p.cell_offsets[k + 1] > p.cell_offsets[k];
  }
  // Numbers as floe's tables write them: 1,518,234 and $98.8B, never an exponent.
  const Column count{"", "", ColumnKind::kCount};
  const Column dollars{"", "", ColumnKind::kDollars};
  fmt::print("{}\n", path.string());
  fmt::print("  agents        {:>14}  ({} bytes of hot state each, {:.2f} GB in memory)\n",
             format_value(double(p.size()), count), Population::kHotBytesPerAgent,
             p.size() * Population::kHotBytesPerAgent / 1e9);
  fmt::print("  employed      {:>14}\n", format_value(double(employed), count));
  fmt::print("  wage bill     {:>14}  a year (mean {})\n", format_value(wages, dollars),
             format_value(p.size() ? wages / p.size() : 0.0, dollars));
  fmt::print("  cells         {:>14}  occupied of {} counties x {} occupations\n",
             format_value(double(occupied), count), format_value(double(p.counties), count),
             format_value(double(p.occupations), count));
  fmt::print("  made          {}  seed {}, scale {:g}, from {}\n", header.created, header.seed,
             header.scale, header.data_dir);
  fmt::print("  file          {:.1f} MB; {} columns, every chunk's checksum verified ({:.2f} s)\n",
             header.file_bytes / 1e6, header.columns.size(), load);
}

}  // namespace

void add_population_commands(CLI::App& app) {
  CLI::App* pop = app.add_subcommand(
      "population", "The synthetic workforce: one agent per worker, saved as a snapshot file");
  pop->require_subcommand(1);

  static BuildArgs args;
  CLI::App* b = pop->add_subcommand(
      "build",
      "Create one agent per OEWS worker (151.8 million at --scale 1) in the (county, occupation) "
      "cells of `floe index`, with wages drawn from each occupation's OEWS percentiles, and save "
      "them as a compressed, checksummed snapshot.\nExample: floe population build --scale 0.01 "
      "--out out/us-1pct.pop");
  add_data_options(*b, args.data);
  b->add_option("--scale", args.scale, "Share of the workforce to create, in (0, 1]")
      ->check(CLI::Range(1e-9, 1.0))
      ->capture_default_str();
  b->add_option("--seed", args.seed, "Random seed (same seed, same population)")
      ->capture_default_str();
  b->add_option("--out", args.out, "Snapshot file to write")->capture_default_str();
  b->callback([] { build(args); });

  static std::filesystem::path info_path;
  CLI::App* i = pop->add_subcommand(
      "info", "Read a snapshot, verify every checksum, and print its counts and totals");
  i->add_option("snapshot", info_path, "The .pop file")->required();
  i->callback([] { info(info_path); });
}

}  // namespace floe::cli
