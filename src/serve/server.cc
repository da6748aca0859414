// DashboardServer: cpp-httplib's server with the dashboard's routes (include/floe/serve.h).
#include <fmt/format.h>
#include <httplib.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "floe/error.h"
#include "floe/install.h"
#include "floe/serve.h"
#include "serve/dashboard.h"
#include "serve/http.h"
#include "serve/routes.h"

namespace floe {
namespace {

// SO_REUSEADDR only. cpp-httplib's default also sets SO_REUSEPORT, which would let a second
// server bind a port another one is listening on instead of failing.
void reuse_address(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

// Why host:port cannot be bound, found by trying it the same way: one line for the user.
std::string bind_problem(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (const int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
    return fmt::format("cannot listen on {}: {}", host, gai_strerror(rc));
  }
  int error = 0;
  for (addrinfo* a = found; a; a = a->ai_next) {
    const int fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) {
      error = errno;
      continue;
    }
    reuse_address(fd);
    const bool bound = bind(fd, a->ai_addr, a->ai_addrlen) == 0;
    error = bound ? 0 : errno;
    close(fd);
    if (bound) break;
  }
  freeaddrinfo(found);
  if (error == EADDRINUSE) {
    return fmt::format(
        "port {} on {} is in use (another floe serve?): stop that server or choose another "
        "port with --port",
        port, host);
  }
  if (error == EACCES) {
    return fmt::format("port {} on {} needs privileges: choose a port above 1023 with --port", port,
                       host);
  }
  return fmt::format("cannot listen on port {} on {}: {}", port, host,
                     error ? std::strerror(error) : "unknown error");
}

// A JSON body for the errors cpp-httplib answers itself (a malformed request, a URI too long).
httplib::Server::HandlerResponse error_body(const httplib::Request&, httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  const char* message = res.status == 400   ? "bad request"
                        : res.status == 404 ? "not found"
                        : res.status == 413 ? "request too large"
                        : res.status == 414 ? "request URI too long"
                                            : "the request could not be served";
  serve::send({res.status, serve::error_json(message)}, res);
  return httplib::Server::HandlerResponse::Handled;
}

// cpp-httplib's server, closing its listening socket also when it was bound but never run.
class HttpServer : public httplib::Server {
 public:
  ~HttpServer() override {
    const socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
    if (sock != INVALID_SOCKET) close(sock);
  }
};

}  // namespace

std::filesystem::path default_web_dir() { return shipped_dir("web"); }

struct DashboardServer::Impl {
  std::unique_ptr<serve::Dashboard> dashboard;
  HttpServer http;
  int port = 0;
  std::atomic<bool> stopping{false}, serving{false};
};

DashboardServer::DashboardServer(Dataset dataset, const ServeOptions& options)
    : impl_(std::make_unique<Impl>()) {
  const std::filesystem::path web = options.web_dir.empty() ? default_web_dir() : options.web_dir;
  if (!std::filesystem::is_directory(web)) {
    throw Error("no web folder at " + web.string() + " (give one with --web)");
  }
  impl_->dashboard = std::make_unique<serve::Dashboard>(std::move(dataset), options);
  httplib::Server& http = impl_->http;
  const std::size_t threads = std::max<std::size_t>(options.threads, 1);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_socket_options(reuse_address);
  http.set_tcp_nodelay(true);  // headers and body go out in separate writes: no Nagle delay
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(5);
  http.set_read_timeout(10);
  http.set_write_timeout(10);
  http.set_payload_max_length(64 * 1024);  // requests carry no bodies
  http.set_error_handler(httplib::Server::HandlerWithResponse(error_body));
  serve::add_index_routes(http, *impl_->dashboard);
  serve::add_occupation_routes(http, *impl_->dashboard);
  serve::add_map_routes(http, *impl_->dashboard);
  serve::add_run_routes(http, *impl_->dashboard);
  serve::add_talent_routes(http, *impl_->dashboard);
  serve::add_fallback_routes(http, web);

  if (options.port == 0) {
    impl_->port = http.bind_to_any_port(options.host);
    if (impl_->port < 0) throw Error(bind_problem(options.host, 0));
  } else {
    if (!http.bind_to_port(options.host, options.port)) {
      throw Error(bind_problem(options.host, options.port));
    }
    impl_->port = options.port;
  }
}

DashboardServer::~DashboardServer() { stop(); }

int DashboardServer::port() const { return impl_->port; }

void DashboardServer::run() {
  impl_->serving = true;
  if (!impl_->stopping) impl_->http.listen_after_bind();
  impl_->serving = false;
}

void DashboardServer::stop() {
  impl_->stopping = true;
  // run() may be between its check and the server's start: wait until it is running or gone.
  while (impl_->serving && !impl_->http.is_running()) std::this_thread::yield();
  impl_->http.stop();
}

}  // namespace floe
