// One HTTP connection as cpp-httplib reads and writes it (private to src/serve): first the bytes
// the transport has already received (at least a whole request head), then the socket; never
// waiting past the request's deadline, so that a client that stops reading or sending holds a
// worker for a bounded time only (docs/security.md §2).
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>

namespace floe::serve {

using Clock = std::chrono::steady_clock;

class ConnectionStream final : public httplib::Stream {
 public:
  // `received`: bytes already read from `fd` (non-blocking), consumed from the front.
  ConnectionStream(int fd, std::string& received, Clock::time_point deadline);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  // Writes all `size` bytes or fails (-1): cpp-httplib does not retry short writes everywhere.
  ssize_t write(const char* ptr, size_t size) override;
  using httplib::Stream::write;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

  // Drops what was read from the received bytes: what remains is the next request's.
  void consume();

 private:
  // Waits until `events` (POLLIN or POLLOUT) or the deadline; false at the deadline or on error.
  bool wait(short events) const;

  int fd_;
  std::string& received_;
  std::size_t position_ = 0;
  Clock::time_point deadline_;
};

}  // namespace floe::serve
