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
#include "serve/router.h"
#include "serve/sandbox.h"
#include "serve/transport.h"

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

// The router, with connections handed to a Transport instead of a thread each: the accept
// thread gives each new socket to the Transport, which processes complete requests on its
// workers (docs/security.md §2).
class HttpServer final : public serve::Router {
 public:
  HttpServer(const serve::Dashboard& dashboard, const ServeOptions& options,
             const std::filesystem::path& web_dir, serve::Sandbox& sandbox)
      : Router(dashboard, options, web_dir, &sandbox) {
    serve::TransportLimits limits;
    limits.head_timeout = options.head_timeout;
    limits.idle_timeout = options.idle_timeout;
    limits.request_timeout = options.request_timeout;
    limits.max_connections = std::max<std::size_t>(options.max_connections, 1);
    transport_ = std::make_unique<serve::Transport>(
        limits, options.threads, [this](httplib::Stream& stream, bool last, bool& closed) {
          return process(stream, last, closed);
        });
    new_task_queue = [this] { return new AcceptQueue(*transport_); };
  }

  // Closes the listening socket also when it was bound but never run.
  ~HttpServer() override {
    transport_->shutdown();
    const socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
    if (sock != INVALID_SOCKET) close(sock);
  }

 private:
  // cpp-httplib's accept loop "enqueues" each socket: run at once, it hands it to the
  // Transport; shutdown() (when the loop ends) closes every connection.
  class AcceptQueue final : public httplib::TaskQueue {
   public:
    explicit AcceptQueue(serve::Transport& transport) : transport_(transport) {}
    void enqueue(std::function<void()> accept) override { accept(); }
    void shutdown() override { transport_.shutdown(); }

   private:
    serve::Transport& transport_;
  };

  // Called by cpp-httplib's accept loop for each accepted socket (through AcceptQueue).
  bool process_and_close_socket(socket_t sock) override {
    transport_->accept(sock);
    return true;
  }

  std::unique_ptr<serve::Transport> transport_;
};

}  // namespace

std::filesystem::path default_web_dir() { return shipped_dir("web"); }

struct DashboardServer::Impl {
  std::unique_ptr<serve::Dashboard> dashboard;
  std::unique_ptr<serve::Sandbox> sandbox;  // after the dashboard, before the routes using it
  std::unique_ptr<HttpServer> http;
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
  impl_->sandbox = std::make_unique<serve::Sandbox>(*impl_->dashboard, options.sandbox);
  impl_->http = std::make_unique<HttpServer>(*impl_->dashboard, options, web, *impl_->sandbox);
  HttpServer& http = *impl_->http;
  http.set_socket_options(reuse_address);
  http.set_tcp_nodelay(true);  // headers and body go out in separate writes: no Nagle delay

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
  if (!impl_->stopping) impl_->http->listen_after_bind();
  impl_->serving = false;
}

void DashboardServer::stop() {
  impl_->stopping = true;
  // run() may be between its check and the server's start: wait until it is running or gone.
  while (impl_->serving && !impl_->http->is_running()) std::this_thread::yield();
  impl_->http->stop();
}

}  // namespace floe
