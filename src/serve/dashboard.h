// Everything the dashboard answers from (private to src/serve): the dataset, the labor-market
// cells, one index result and its tables, the map shapes and the simulation runs, made once at
// start; and floe explain's page per occupation, made on first request and kept.
//
// Immutable after construction apart from that cache and the list of runs (the sandbox adds the
// runs it makes, src/serve/sandbox.h), each guarded by a mutex: safe to share between the
// server's threads. A run once added is never removed, so a reference to one stays valid.
#pragma once

#include <array>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "floe/explain.h"
#include "floe/geo.h"
#include "floe/index.h"
#include "floe/serve.h"
#include "serve/maps.h"
#include "serve/run_file.h"

namespace floe::serve {

class Dashboard {
 public:
  // Builds the cells and the index with options.index and options.cells, reads the maps from
  // the dataset's directory and opens every run. Throws Error for a run file that is not one.
  Dashboard(Dataset dataset, const ServeOptions& options);

  const Dataset& dataset() const { return dataset_; }
  const Cells& cells() const { return cells_; }
  const IndexResult& index() const { return index_; }
  const ServeOptions& options() const { return options_; }
  const Table& table(Breakdown by) const { return tables_[static_cast<std::size_t>(by)]; }
  const Maps& maps() const { return maps_; }
  // The runs so far, in the order they were added.
  std::vector<const RunFile*> runs() const;
  // The run with this id; NotFound when there is none.
  const RunFile& run(std::string_view id) const;
  // Opens a run file written while the server runs and adds it under a unique id, which it
  // returns. Throws Error when the file is not a complete run.
  std::string add_run(const std::filesystem::path& path);
  // A state by FIPS code, USPS code or name; NotFound when there is none.
  StateId state(std::string_view id) const;
  // floe explain for one occupation under the server's index options (computed once).
  std::shared_ptr<const Explanation> explanation(OccupationId occupation) const;

 private:
  Dataset dataset_;
  ServeOptions options_;
  Cells cells_;
  IndexResult index_;
  std::array<Table, 6> tables_;  // by Breakdown
  Maps maps_;
  mutable std::mutex runs_mutex_;
  std::vector<std::unique_ptr<RunFile>> runs_;

  using Page = std::shared_future<std::shared_ptr<const Explanation>>;
  mutable std::mutex explanations_mutex_;
  mutable std::unordered_map<OccupationId, Page> explanations_;
};

}  // namespace floe::serve
