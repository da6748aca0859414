// `floe serve`: the dashboard (the web/ folder) and a JSON and CSV API over one index result and
// any number of simulation runs (with their AI-talent segment, include/floe/talent.h), over HTTP.
// The endpoints are listed in src/serve/README.md.
//
// The server reads and never writes, except for the sandbox (with --runs DIR): it writes new
// runs into DIR only, by starting `floe simulate` (docs/dashboard.md). Runs are opened read-only,
// static files are served only from inside the web folder (no "..", no symlinks leading out). Bad
// query parameters are answered 400 with a JSON error naming the parameter, unknown paths 404. What
// it defends against and how (Host allow-list, deadlines, connection cap): docs/security.md.
//
// DashboardServer's methods may be called from any thread; stop() from another thread than
// run() (e.g. a signal watcher).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "floe/dataset.h"
#include "floe/index.h"
#include "floe/market.h"

namespace floe {

// The sandbox: scenarios built in the dashboard, run by a child `floe simulate` each.
struct SandboxOptions {
  std::filesystem::path runs_dir;  // where runs are written; empty: the sandbox is off
  std::filesystem::path floe;      // the floe program that runs them (`floe serve`: itself)
  // Data options given to every run ("--data", DIR, ...), so that runs read the same data as
  // the server; none: floe's defaults.
  std::vector<std::string> data_args;
  int max_running = 2;  // runs at once; the next is refused (429) until one ends
};

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback only unless told otherwise
  int port = 8080;                 // 0: any free port (DashboardServer::port() says which)
  std::filesystem::path web_dir;   // static files; empty: default_web_dir()
  std::size_t threads = 64;        // requests processed at once

  // Host names answered besides 127.0.0.1, localhost and `host`: a request whose Host header
  // names another is refused (403), so that a web page cannot reach the dashboard by DNS
  // rebinding (docs/security.md §1).
  std::vector<std::string> allow_hosts;
  // Connections open at once; the next one is answered 503 (docs/security.md §2).
  std::size_t max_connections = 512;
  // A request head must arrive within head_timeout of its first byte, with no silence longer
  // than idle_timeout (between requests too); its body and answer within request_timeout.
  std::chrono::milliseconds head_timeout{10000}, idle_timeout{5000}, request_timeout{10000};

  IndexOptions index;
  CellOptions cells;
  std::string index_description;            // one line naming the index options, for titles
  std::vector<std::filesystem::path> runs;  // results of `floe simulate`, opened read-only
  SandboxOptions sandbox;
};

// $FLOE_WEB when set, else the web/ folder of the source tree floe was built from.
std::filesystem::path default_web_dir();

class DashboardServer {
 public:
  // Binds host:port first, so that a port in use fails at once (Error: "port 8080 on
  // 127.0.0.1 is in use ..."), then computes the index, reads the maps and opens the runs.
  DashboardServer(Dataset dataset, const ServeOptions& options);
  ~DashboardServer();
  DashboardServer(const DashboardServer&) = delete;
  DashboardServer& operator=(const DashboardServer&) = delete;

  int port() const;
  // Serves until stop(). Returns at once if stop() came first.
  void run();
  // Stops run() (its open connections are closed); safe to call from any thread, more than once.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace floe
