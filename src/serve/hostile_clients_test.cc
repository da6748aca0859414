// Clients that do not play along (docs/security.md): slow heads (slowloris), silence, heads too
// large, too many connections, and Host headers naming another site (DNS rebinding). Each is
// asked over real sockets of a server on the tiny world with small limits.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "serve/test_server.h"

namespace floe::serve {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

// A socket to the server that sends and reads exactly what the test says.
class RawClient {
 public:
  explicit RawClient(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawClient() { close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }
  bool send_text(const std::string& text) {
    return ::send(fd_, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
  }
  // Everything the server sends until it closes the connection, or until `limit` passes
  // (then `closed` is false).
  std::string read_to_end(std::chrono::milliseconds limit, bool* closed = nullptr) {
    std::string out;
    const auto end = std::chrono::steady_clock::now() + limit;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      pollfd p{fd_, POLLIN, 0};
      if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      char buf[4096];
      const ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        if (closed) *closed = true;
        return out;
      }
      out.append(buf, static_cast<std::size_t>(n));
    }
    if (closed) *closed = false;
    return out;
  }
  // One answer of a kept-alive connection: the head and a Content-Length body.
  std::string read_answer(std::chrono::milliseconds limit) {
    std::string out;
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
      const auto head_end = out.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const auto at = out.find("Content-Length: ");
        const std::size_t length = at == std::string::npos ? 0 : std::stoul(out.substr(at + 16));
        if (out.size() >= head_end + 4 + length) return out;
      }
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char buf[4096];
      const ssize_t n = recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

int status_of(const std::string& answer) {
  return answer.size() > 12 && answer.compare(0, 5, "HTTP/") == 0 ? std::stoi(answer.substr(9, 3))
                                                                  : -1;
}

json body_of(const std::string& answer) {
  const auto at = answer.find("\r\n\r\n");
  return at == std::string::npos ? json() : json::parse(answer.substr(at + 4), nullptr, false);
}

std::string get(const std::string& path, const std::string& host = "127.0.0.1") {
  return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
}

// A server on the tiny world (no runs) with options changed by `tweak`, on its own thread.
class Server {
 public:
  explicit Server(const std::function<void(ServeOptions&)>& tweak) {
    ServeOptions o = testing::tiny_options();
    tweak(o);
    server_ = std::make_unique<DashboardServer>(testing::tiny_dataset(), o);
    thread_ = std::thread([this] { server_->run(); });
  }
  ~Server() {
    server_->stop();
    thread_.join();
  }
  int port() const { return server_->port(); }

 private:
  std::unique_ptr<DashboardServer> server_;
  std::thread thread_;
};

// Slowloris: more slow heads than threads, each sending a byte now and then and never ending its
// head. cpp-httplib alone gave each its own thread until it stopped: nobody else was answered.
TEST(HostileClients, SlowHeadsDoNotStallOtherClients) {
  Server server([](ServeOptions& o) {
    o.threads = 2;
    o.head_timeout = 60s;  // longer than the test: the slow clients stay
    o.idle_timeout = 60s;
  });
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 20; ++i) {
    slow.push_back(std::make_unique<RawClient>(server.port()));
    ASSERT_TRUE(slow.back()->connected());
    ASSERT_TRUE(slow.back()->send_text("GET /api/nation HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
  }
  for (int round = 0; round < 3; ++round) {
    for (auto& c : slow) ASSERT_TRUE(c->send_text("a"));
    RawClient quick(server.port());
    ASSERT_TRUE(quick.send_text(get("/api/nation")));
    const std::string answer = quick.read_answer(10s);
    EXPECT_EQ(status_of(answer), 200) << answer;
  }
}

// The whole head within head_timeout of its first byte, however steadily it trickles in.
TEST(HostileClients, AHeadThatTakesTooLongIs408AndClosed) {
  Server server([](ServeOptions& o) {
    o.head_timeout = 300ms;
    o.idle_timeout = 10s;
  });
  RawClient c(server.port());
  ASSERT_TRUE(c.send_text("GET /api/nation HTTP/1.1\r\n"));
  std::thread trickle([&c] {
    for (int i = 0; i < 100 && c.send_text("X"); ++i) std::this_thread::sleep_for(50ms);
  });
  bool closed = false;
  const std::string answer = c.read_to_end(10s, &closed);
  trickle.join();
  EXPECT_TRUE(closed);
  EXPECT_EQ(status_of(answer), 408) << answer;
  EXPECT_NE(body_of(answer)["error"].get<std::string>().find("did not arrive in time"),
            std::string::npos);
}

// Silence: a connection that sends nothing, or nothing more after an answer, is closed.
TEST(HostileClients, SilentConnectionsAreClosedAfterTheIdleLimit) {
  Server server([](ServeOptions& o) { o.idle_timeout = 200ms; });
  RawClient silent(server.port());
  bool closed = false;
  EXPECT_EQ(silent.read_to_end(10s, &closed), "");  // closed without an answer
  EXPECT_TRUE(closed);

  RawClient kept(server.port());
  ASSERT_TRUE(kept.send_text(get("/api/nation")));
  EXPECT_EQ(status_of(kept.read_answer(10s)), 200);
  EXPECT_EQ(kept.read_to_end(10s, &closed), "");
  EXPECT_TRUE(closed);
}

TEST(HostileClients, AHeadTooLargeIs431) {
  Server server([](ServeOptions&) {});
  RawClient c(server.port());
  std::string head = "GET /api/nation HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 400; ++i)
    head += "X-Filler-" + std::to_string(i) + ": " + std::string(40, 'x') + "\r\n";
  ASSERT_TRUE(c.send_text(head));  // never ended: the size alone decides
  bool closed = false;
  const std::string answer = c.read_to_end(10s, &closed);
  EXPECT_EQ(status_of(answer), 431) << answer.substr(0, 200);
  EXPECT_TRUE(closed);
}

TEST(HostileClients, TheConnectionAfterTheCapIsAnswered503) {
  Server server([](ServeOptions& o) { o.max_connections = 3; });
  std::vector<std::unique_ptr<RawClient>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<RawClient>(server.port()));
    ASSERT_TRUE(held.back()->send_text(get("/api/nation")));  // answered, then kept open
    ASSERT_EQ(status_of(held.back()->read_answer(10s)), 200);
  }
  RawClient extra(server.port());
  ASSERT_TRUE(extra.send_text(get("/api/nation")));
  bool closed = false;
  const std::string answer = extra.read_to_end(10s, &closed);
  EXPECT_EQ(status_of(answer), 503) << answer;
  EXPECT_NE(answer.find("Retry-After: 1"), std::string::npos);
  EXPECT_NE(body_of(answer)["error"].get<std::string>().find("too many connections"),
            std::string::npos);
  EXPECT_TRUE(closed);
  // One closes: a new one is served again (once the server has seen the close).
  held.pop_back();
  int status = -1;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    RawClient again(server.port());
    again.send_text(get("/api/nation"));
    status = status_of(again.read_answer(10s));
    if (status != 200) std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(status, 200);
}

// Several requests in one packet: each answered, in order, the last closing the connection.
TEST(HostileClients, PipelinedRequestsAreAnsweredInOrder) {
  Server server([](ServeOptions&) {});
  RawClient c(server.port());
  ASSERT_TRUE(
      c.send_text(get("/api/nation") + get("/api/nope") +
                  "GET /api/states HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
  bool closed = false;
  const std::string all = c.read_to_end(10s, &closed);
  EXPECT_TRUE(closed);
  std::vector<int> statuses;
  for (auto at = all.find("HTTP/1.1 "); at != std::string::npos;
       at = all.find("HTTP/1.1 ", at + 1)) {
    statuses.push_back(std::stoi(all.substr(at + 9, 3)));
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 404, 200}));
}

// DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends its requests
// with "Host: evil.example". Only the names the dashboard is known by are answered.
TEST(HostileClients, OnlyKnownHostNamesAreAnswered) {
  Server server([](ServeOptions& o) { o.allow_hosts = {"Dashboard.LAN"}; });
  const std::string port = std::to_string(server.port());
  auto status = [&](const std::string& request) {
    RawClient c(server.port());
    c.send_text(request);
    return c.read_answer(10s);
  };
  const std::string refused = status(get("/api/nation", "evil.example:" + port));
  EXPECT_EQ(status_of(refused), 403);
  EXPECT_EQ(body_of(refused)["error"],
            "host 'evil.example:" + port +
                "' is not served here: floe serve answers 127.0.0.1, localhost, dashboard.lan "
                "(add a name with --allow-host)");
  EXPECT_EQ(status_of(status(get("/", "evil.example"))), 403);  // static files too
  for (const std::string& host :
       std::vector<std::string>{"127.0.0.1", "127.0.0.1:" + port, "localhost:" + port, "LOCALHOST",
                                "localhost.", "dashboard.lan:" + port}) {
    EXPECT_EQ(status_of(status(get("/api/nation", host))), 200) << host;
  }
  EXPECT_EQ(status_of(status("GET /api/nation HTTP/1.1\r\n\r\n")), 400);  // no Host at all
  EXPECT_EQ(status_of(status(get("/api/nation", "127.0.0.1.evil.example"))), 403);
}

}  // namespace
}  // namespace floe::serve
