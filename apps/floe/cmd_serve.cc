// floe serve: the dashboard and its API over HTTP until Ctrl-C.
#include <fmt/format.h>
#include <pthread.h>

#include <csignal>
#include <thread>

#include "commands.h"
#include "floe/serve.h"
#include "index_options.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  IndexArgs index;
  std::vector<std::filesystem::path> runs;
  std::filesystem::path runs_dir;  // the sandbox's runs
  std::string host = "127.0.0.1";
  int port = 8080;
  std::filesystem::path web;
  std::size_t threads = 64;
  std::vector<std::string> allow_hosts;
  std::size_t max_connections = 512;
};

// The sandbox runs `floe simulate` with this very program and the data options the dashboard
// was started with, so that its runs read the same data (docs/dashboard.md).
SandboxOptions sandbox_options(const Args& a) {
  SandboxOptions o;
  o.runs_dir = a.runs_dir;
  o.floe = std::filesystem::read_symlink("/proc/self/exe");
  const auto absolute = [](const std::filesystem::path& p) {
    return std::filesystem::absolute(p).lexically_normal().string();
  };
  if (!a.data.data_dir.empty()) o.data_args = {"--data", absolute(a.data.data_dir)};
  if (a.data.oews_year != DataOptions().oews_year) {
    o.data_args.insert(o.data_args.end(), {"--oews-year", std::to_string(a.data.oews_year)});
  }
  for (const auto& [flag, file] :
       {std::pair{"--oews-state", a.data.oews_state_file},
        std::pair{"--oews-msa", a.data.oews_msa_file}, std::pair{"--cbp", a.data.cbp_file}}) {
    if (!file.empty()) o.data_args.insert(o.data_args.end(), {flag, absolute(file)});
  }
  return o;
}

// Waits for SIGINT or SIGTERM on a thread of its own and stops the server, so that no server
// code runs inside a signal handler. The signals are blocked in every other thread (the mask is
// set before any thread starts and is inherited).
class StopOnSignal {
 public:
  explicit StopOnSignal(DashboardServer& server) {
    thread_ = std::thread([this, &server] {
      int signal = 0;
      sigwait(&signals_, &signal);
      if (signal != SIGUSR1) fmt::print(stderr, "\nfloe serve: stopping\n");
      server.stop();
    });
  }
  ~StopOnSignal() {
    pthread_kill(thread_.native_handle(), SIGUSR1);  // wakes it if no signal came
    thread_.join();
  }

  static void block() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
  }

 private:
  static inline sigset_t signals_;
  std::thread thread_;
};

void run(const Args& a) {
  StopOnSignal::block();
  ServeOptions o;
  o.host = a.host;
  o.port = a.port;
  o.web_dir = a.web;
  o.threads = a.threads;
  o.allow_hosts = a.allow_hosts;
  o.max_connections = a.max_connections;
  o.index = a.index.options();
  o.cells = a.index.cell_options();
  o.index_description = a.index.describe();
  o.runs = a.runs;
  o.sandbox = sandbox_options(a);
  DashboardServer server(load_with_progress(a.data), o);
  const bool loopback = a.host == "127.0.0.1" || a.host == "localhost" || a.host == "::1";
  fmt::print(stderr, "floe serve: http://{}:{}/  ({} run{}{}; Ctrl-C stops){}\n",
             a.host.find(':') != std::string::npos ? "[" + a.host + "]" : a.host, server.port(),
             a.runs.size(), a.runs.size() == 1 ? "" : "s",
             a.runs_dir.empty() ? "" : "; sandbox runs go to " + a.runs_dir.string(),
             loopback ? ""
                      : "\n  warning: reachable from other machines (--host " + a.host +
                            "); it answers only requests naming 127.0.0.1, localhost, " + a.host +
                            " or an --allow-host name (docs/security.md)");
  StopOnSignal stop(server);
  server.run();
}

}  // namespace

void add_serve_command(CLI::App& app) {
  static Args args;
  CLI::App* c = app.add_subcommand(
      "serve",
      "The dashboard in a browser: a map of the Iceberg Index by state, then by county; the most "
      "exposed occupations, their tasks and where their workers could move; and, with --run, "
      "simulation runs by month, side by side. Also a JSON and CSV API (src/serve/README.md).\n"
      "With --runs DIR, a sandbox: build a scenario from a shipped one with sliders, run it "
      "(floe simulate, in the background, into DIR) and see it beside the others.\n"
      "It listens on 127.0.0.1 only unless --host says otherwise, writes nothing but the "
      "sandbox's runs, and stops with Ctrl-C.\n\n"
      "Examples:\n"
      "  floe serve                                   then open http://127.0.0.1:8080/\n"
      "  floe serve --run out/baseline.db --run out/fast.db --port 8000\n"
      "  floe serve --runs out/sandbox                the sandbox; its runs stay in out/sandbox");
  add_data_options(*c, args.data);
  add_index_options(*c, args.index);
  c->add_option("--run,--db", args.runs,
                "A simulation results file (floe simulate); repeat for several runs to compare")
      ->check(CLI::ExistingFile);
  c->add_option("--runs", args.runs_dir,
                "A folder for the sandbox's runs (created if needed): the runs already there are "
                "shown too. Without it, the sandbox is off (docs/dashboard.md)");
  c->add_option("--port", args.port, "TCP port (0: any free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  c->add_option("--host", args.host,
                "Address to listen on; anything but 127.0.0.1 makes the dashboard reachable from "
                "other machines")
      ->capture_default_str();
  c->add_option("--web", args.web,
                "Folder of the dashboard's files (default: the source tree's "
                "web/, or $FLOE_WEB)")
      ->check(CLI::ExistingDirectory);
  c->add_option("--allow-host", args.allow_hosts,
                "A host name the dashboard answers to besides 127.0.0.1, localhost and --host "
                "(repeat for several): requests naming any other in their Host header are "
                "refused, so that no web page can reach the dashboard by DNS rebinding "
                "(docs/security.md)");
  c->add_option("--threads", args.threads,
                "Requests processed at once (slow or idle connections wait without a thread)")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  c->add_option("--max-connections", args.max_connections,
                "Connections open at once; the next one is answered 503 until one closes")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  c->callback([] { run(args); });
}

}  // namespace floe::cli
