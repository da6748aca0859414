// One sandbox run (private to src/serve, src/serve/sandbox.h): the child `floe simulate`, what
// it has said so far and how it ended. Not thread-safe: the Sandbox's mutex guards the fields
// marked so, and every method.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "floe/serve.h"
#include "serve/child_process.h"
#include "serve/json.h"

namespace floe::serve {

struct SandboxJob {
  std::string id, from, toml, started;
  double scale = 0;
  int months = 0;
  std::filesystem::path db;
  std::vector<std::string> ran;  // the command, with the server's paths
  std::unique_ptr<ChildProcess> child;
  std::thread thread;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  // Guarded by Sandbox::mutex_:
  std::string state = "running";  // running | done | failed | cancelled
  std::string phase = "starting floe simulate", note, message, run;
  std::uint64_t done = 0, total = 0;
  double seconds = 0;
  bool cancelled = false;
  std::vector<std::string> output;  // the last lines the run printed, progress left out

  // The job as GET /api/sandbox/jobs/{id} answers it (docs/dashboard.md §5).
  Json json(const SandboxOptions& options) const;
  // A line the run printed: a progress line ("floe-progress\t<label>\t<done>\t<total>\t<note>",
  // apps/floe/progress.h) updates the phase; others are kept (the last 20).
  void take_line(std::string_view line);
  // The run ended with `status`; `run` is its id in the dashboard, or `problem` why it could not
  // be opened. A stopped run's lock, checkpoint and partial results are removed.
  void finish(int status, const std::string& run, const std::string& problem);
};

// The time now in UTC, "2026-12-02T17:08:30Z".
std::string utc_now();

}  // namespace floe::serve
