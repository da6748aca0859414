// The sandbox (private to src/serve): scenarios built in the dashboard from a shipped one, each
// run by a child `floe simulate` that writes into the runs folder (`floe serve --runs DIR`);
// when a run ends, the dashboard opens it like a --run file. docs/dashboard.md says why a child
// process and not a thread: a simulation takes gigabytes, which go back to the system when it
// ends, and a run that fails or is stopped cannot take the dashboard with it.
//
// A request names a shipped scenario, a scale from a fixed list and values for the sandbox's
// keys only (sandbox_keys.h), each checked as the TOML reader checks a file (the same message);
// never a path or a command-line flag. The server chooses every file name.
//
// Thread-safe: jobs are guarded by a mutex; each run is watched by a thread of its own, which
// the destructor stops (the child is terminated) and joins.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "floe/scenario.h"
#include "floe/serve.h"
#include "serve/dashboard.h"
#include "serve/json.h"

namespace floe::serve {

// A scale the sandbox offers, with what a 120-month run took on the machine of
// docs/dashboard.md §3.
struct SandboxScale {
  double scale;
  double seconds;  // wall-clock time of a 120-month run with its no-AI twin
  double gib;      // its peak memory
};
const std::vector<SandboxScale>& sandbox_scales();

struct SandboxJob;

class Sandbox {
 public:
  // Opens every run already in options.runs_dir (earlier sessions') into `dashboard`.
  Sandbox(Dashboard& dashboard, const SandboxOptions& options);
  // Terminates the runs still going and waits for them.
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // GET /api/sandbox: whether it is on (and how to turn it on), the scales, the shipped
  // scenarios, the sectors and states, and every run started.
  Json info() const;
  // GET /api/sandbox/scenarios/{name}: a shipped scenario's sandbox keys (sandbox_keys_json).
  Json scenario(const std::string& name) const;
  // POST /api/sandbox/runs: checks `body` ({"from", "scale", "values": {key: TOML value}}),
  // writes the scenario and starts its run. BadRequest (400) naming the field or key; Refused
  // when the sandbox is off (403) or runs enough already (429).
  Json start(const std::string& body);
  // A run started here: its progress, state and, once done, the run id.
  Json job(const std::string& id) const;
  // Its scenario as TOML (the file the run reads).
  std::string toml(const std::string& id) const;
  // Stops a run that is going (it ends "cancelled").
  Json cancel(const std::string& id);

 private:
  SandboxJob& find(const std::string& id) const;
  Scenario shipped(const std::string& name) const;
  void watch(SandboxJob& job);

  Dashboard& dashboard_;
  SandboxOptions options_;
  std::vector<std::string> scenario_names_;  // shipped scenarios, by name
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<SandboxJob>> jobs_;
  int next_number_ = 1;  // sandbox-<n>: after the largest in the runs folder
};

}  // namespace floe::serve
