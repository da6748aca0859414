#include "serve/transport.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <unordered_map>

#include "floe/error.h"
#include "serve/http.h"

namespace floe::serve {

struct Transport::Connection {
  int fd = -1;
  std::string received;            // bytes read and not yet processed
  std::size_t served = 0;          // requests answered
  Clock::time_point last_byte;     // or when it was accepted or handed back
  Clock::time_point head_started;  // the current head's first byte (when `received` has one)
};

namespace {

bool head_complete(const std::string& received) {
  return received.find("\r\n\r\n") != std::string::npos;
}

// A whole answer with a JSON error, for the poller and the accept thread, which answer without
// cpp-httplib; the connection is closed after it.
std::string answer(int status, const char* reason, const std::string& message,
                   const char* extra_headers = "") {
  const std::string body = error_json(message);
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
         std::to_string(body.size()) +
         "\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\n" +
         extra_headers + "\r\n" + body;
}

// Sends what the socket buffer takes at once (an answer this small always fits an empty one)
// and closes the writing side, so that the client reads the answer, then end of file.
void send_and_shut(int fd, const std::string& text) {
  [[maybe_unused]] const ssize_t n =
      ::send(fd, text.data(), text.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
}

void set_non_blocking(int fd) {
  const int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  int one = 1;  // heads and bodies go out in separate writes: no Nagle delay
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int milliseconds(std::chrono::milliseconds ms) { return static_cast<int>(ms.count()); }

}  // namespace

Transport::Transport(const TransportLimits& limits, std::size_t workers, Process process)
    : limits_(limits), process_(std::move(process)) {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_ < 0 || wake_ < 0) throw Error("floe serve: cannot create an epoll instance");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_;
  epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
  poller_ = std::thread([this] { poll_loop(); });
  for (std::size_t i = 0; i < std::max<std::size_t>(workers, 1); ++i) {
    workers_.emplace_back([this] { work_loop(); });
  }
}

Transport::~Transport() { shutdown(); }

void Transport::shutdown() {
  std::lock_guard once(shutdown_mutex_);  // a second caller returns when the first is done
  if (!poller_.joinable()) return;
  {
    std::lock_guard lock(work_mutex_);
    stopping_ = true;
    // Requests in progress: their reads and writes fail at once.
    for (int fd : busy_) ::shutdown(fd, SHUT_RDWR);
  }
  work_ready_.notify_all();
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
  poller_.join();
  for (auto& w : workers_) w.join();
  ::close(epoll_);
  ::close(wake_);
}

void Transport::accept(int fd) {
  if (stopping_) {
    ::close(fd);
    return;
  }
  if (open_ >= limits_.max_connections) {
    set_non_blocking(fd);
    char sink[4096];  // what the client sent already, so that closing does not reset
    for (int i = 0; i < 4 && ::recv(fd, sink, sizeof sink, MSG_DONTWAIT) > 0; ++i) {
    }
    send_and_shut(fd, answer(503, "Service Unavailable",
                             "too many connections: the dashboard serves " +
                                 std::to_string(limits_.max_connections) +
                                 " at once (floe serve --max-connections); try again shortly",
                             "Retry-After: 1\r\n"));
    ::close(fd);
    return;
  }
  ++open_;
  set_non_blocking(fd);
  auto c = std::make_unique<Connection>();
  c->fd = fd;
  c->last_byte = Clock::now();
  hand_to_poller(std::move(c));
}

void Transport::close(std::unique_ptr<Connection> connection) {
  ::close(connection->fd);
  --open_;
}

void Transport::hand_to_poller(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(incoming_mutex_);
    if (!stopping_) {
      incoming_.push_back(std::move(connection));
    }
  }
  if (connection) {  // not taken: the server is stopping
    close(std::move(connection));
    return;
  }
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
}

void Transport::hand_to_worker(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(work_mutex_);
    if (!stopping_) work_.push_back(std::move(connection));
  }
  if (connection) {
    close(std::move(connection));
    return;
  }
  work_ready_.notify_one();
}

// Reads what the socket has: a head is complete, too large, or the client went away.
Transport::Received Transport::receive(Connection& c, Clock::time_point now) const {
  char buffer[16 * 1024];
  for (;;) {
    const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (n > 0) {
      if (c.received.empty()) c.head_started = now;
      c.received.append(buffer, static_cast<std::size_t>(n));
      c.last_byte = now;
      if (head_complete(c.received)) return Received::kComplete;
      if (c.received.size() > limits_.max_head_bytes) return Received::kTooLarge;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Received::kWaiting;
    return Received::kClosed;
  }
}

Clock::time_point Transport::due(const Connection& c) const {
  Clock::time_point t = c.last_byte + limits_.idle_timeout;
  if (!c.received.empty()) t = std::min(t, c.head_started + limits_.head_timeout);
  return t;
}

std::unique_ptr<Transport::Connection> Transport::release(int fd) {
  epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
  auto node = held_.extract(fd);
  return std::move(node.mapped());
}

void Transport::adopt_incoming() {
  std::vector<std::unique_ptr<Connection>> fresh;
  {
    std::lock_guard lock(incoming_mutex_);
    fresh.swap(incoming_);
  }
  for (auto& c : fresh) {
    if (head_complete(c->received)) {  // a pipelined request, already here
      hand_to_worker(std::move(c));
      continue;
    }
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.fd = c->fd;
    if (epoll_ctl(epoll_, EPOLL_CTL_ADD, c->fd, &ev) != 0) {
      close(std::move(c));
      continue;
    }
    const int fd = c->fd;
    held_.emplace(fd, std::move(c));
  }
}

Clock::time_point Transport::expire(Clock::time_point now) {
  Clock::time_point next = now + std::chrono::seconds(1);
  std::vector<int> expired;
  for (const auto& [fd, c] : held_) {
    const auto t = due(*c);
    if (t <= now) {
      expired.push_back(fd);
    } else {
      next = std::min(next, t);
    }
  }
  for (int fd : expired) {
    auto c = release(fd);
    if (!c->received.empty()) {
      send_and_shut(fd, answer(408, "Request Timeout",
                               "the request head did not arrive in time (" +
                                   std::to_string(milliseconds(limits_.head_timeout)) +
                                   " ms for the whole head, at most " +
                                   std::to_string(milliseconds(limits_.idle_timeout)) +
                                   " ms without a byte)"));
    }
    close(std::move(c));
  }
  return next;
}

void Transport::on_readable(int fd, Clock::time_point now) {
  const auto it = held_.find(fd);
  if (it == held_.end()) return;
  switch (receive(*it->second, now)) {
    case Received::kWaiting:
      break;
    case Received::kComplete:
      hand_to_worker(release(fd));
      break;
    case Received::kTooLarge:
      send_and_shut(fd, answer(431, "Request Header Fields Too Large",
                               "request head larger than " +
                                   std::to_string(limits_.max_head_bytes) + " bytes"));
      close(release(fd));
      break;
    case Received::kClosed:
      close(release(fd));
      break;
  }
}

void Transport::poll_loop() {
  std::vector<epoll_event> events(256);
  while (!stopping_) {
    adopt_incoming();
    const auto now = Clock::now();
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(expire(now) - now);
    const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()),
                             static_cast<int>(std::max<long long>(wait.count(), 0)));
    const auto woke = Clock::now();
    for (int i = 0; i < n; ++i) {
      const int fd = events[i].data.fd;
      if (fd == wake_) {
        std::uint64_t count = 0;
        [[maybe_unused]] const ssize_t r = ::read(wake_, &count, sizeof count);
      } else {
        on_readable(fd, woke);
      }
    }
  }
  for (auto& [fd, c] : held_) close(std::move(c));
  held_.clear();
  std::lock_guard lock(incoming_mutex_);
  for (auto& c : incoming_) close(std::move(c));
  incoming_.clear();
}

void Transport::work_loop() {
  for (;;) {
    std::unique_ptr<Connection> c;
    bool serve = false;
    {
      std::unique_lock lock(work_mutex_);
      work_ready_.wait(lock, [this] { return stopping_ || !work_.empty(); });
      if (work_.empty()) return;  // stopping
      c = std::move(work_.front());
      work_.pop_front();
      // Decided under the lock that shutdown() takes: a request it does not see is not started.
      serve = !stopping_;
      if (serve) busy_.insert(c->fd);
    }
    if (!serve) {
      close(std::move(c));
      continue;
    }
    bool keep = false;
    {
      ConnectionStream stream(c->fd, c->received, Clock::now() + limits_.request_timeout);
      ++c->served;
      const bool last = c->served >= limits_.max_requests;
      bool closed = false;
      try {
        keep = process_(stream, last, closed) && !closed && !last;
      } catch (...) {
        keep = false;  // the routes answer their own errors: this is a broken connection
      }
      stream.consume();
    }
    {
      std::lock_guard lock(work_mutex_);
      busy_.erase(c->fd);
    }
    if (!keep || stopping_) {
      close(std::move(c));
      continue;
    }
    c->last_byte = Clock::now();
    c->head_started = c->last_byte;
    hand_to_poller(std::move(c));
  }
}

}  // namespace floe::serve
