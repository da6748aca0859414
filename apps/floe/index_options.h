// Command-line options shared by the commands that compute an index (index, report, explain).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "floe/index.h"

namespace floe::cli {

struct IndexArgs {
  std::string layer = "technical";  // technical | observed | path to a CSV
  std::string labeler = "mean";     // the validated default (docs/method.md §11)
  double e2_weight = 0.25;
  bool transfer = false;
  double observed_min_share = 0.0;
  std::string weights = "onet";  // onet | equal | path
  std::string surface = "15-0000";
  std::string cells = "raked";

  IndexOptions options() const;
  CellOptions cell_options() const;
  // One line describing the options, for titles and the results file.
  std::string describe() const;
};

void add_index_options(CLI::App& command, IndexArgs& args);

}  // namespace floe::cli
