// cpp-httplib's server with the dashboard's routes and checks (private to src/serve): the Host
// allow-list, JSON bodies for the errors cpp-httplib answers itself, and one request processed
// from any httplib::Stream. Connections are not its business: DashboardServer hands them to a
// Transport, the HTTP fuzzer (fuzz/http_fuzz.cc) feeds it bytes from memory.
#pragma once

#include <httplib.h>

#include <filesystem>

#include "floe/serve.h"
#include "serve/allowed_hosts.h"
#include "serve/dashboard.h"
#include "serve/sandbox.h"

namespace floe::serve {

class Router : public httplib::Server {
 public:
  // `dashboard` and `sandbox` must outlive the router; without a sandbox, its paths are 404
  // and every POST 405.
  Router(const Dashboard& dashboard, const ServeOptions& options,
         const std::filesystem::path& web_dir, Sandbox* sandbox = nullptr);

  // Reads one request from `stream` and writes its answer. False when the connection cannot go
  // on; `closed` is set when the client asked to close it. `last`: answer "Connection: close".
  bool process(httplib::Stream& stream, bool last, bool& closed);

 private:
  AllowedHosts hosts_;
};

}  // namespace floe::serve
