// The dashboard's connections (private to src/serve): who may hold a thread, and for how long
// (docs/security.md §2).
//
// cpp-httplib gives each connection a thread from accept to close, and restarts its read
// timeout with every byte: 100 clients sending a header line every few seconds hold 64 threads
// for as long as they like (slowloris). Here one poller thread holds every connection that is
// between requests or still sending a request head, with
//  - a head deadline: the whole head within `head_timeout` of its first byte, else 408;
//  - an idle limit: no byte for `idle_timeout`, and the connection is closed (408 mid-head);
//  - a head size limit (431), and a connection cap: the next connection is answered 503 at once.
// Only a connection whose head is complete goes to a worker, which runs cpp-httplib's request
// processing on it with a deadline for the body and the answer, then hands it back.
//
// Thread-safe: accept() is called from cpp-httplib's accept thread, shutdown() from any.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "serve/connection_stream.h"

namespace floe::serve {

struct TransportLimits {
  std::chrono::milliseconds head_timeout{10000};     // a request head, from its first byte
  std::chrono::milliseconds idle_timeout{5000};      // silence, between or within requests
  std::chrono::milliseconds request_timeout{10000};  // the body and the answer of one request
  std::size_t max_connections = 512;                 // open at once; the next is answered 503
  std::size_t max_requests = 1000;                   // per connection
  std::size_t max_head_bytes = 16 * 1024;            // a head's request line and headers
};

class Transport {
 public:
  // Processes one request whose head is in `stream` (cpp-httplib's Server::process_request):
  // false when the connection cannot go on; `closed` set when the client asked to close it.
  using Process = std::function<bool(httplib::Stream& stream, bool last, bool& closed)>;

  Transport(const TransportLimits& limits, std::size_t workers, Process process);
  ~Transport();  // shutdown()
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  // Takes an accepted socket (and closes it, now or later).
  void accept(int fd);
  // Closes every connection (interrupting requests in progress) and ends the threads. Idempotent.
  void shutdown();

  // Connections open now (for tests).
  std::size_t open_connections() const { return open_; }

 private:
  struct Connection;
  enum class Received { kWaiting, kComplete, kTooLarge, kClosed };

  // The poller thread: takes new and returned connections, ends those past their deadlines
  // (returning the next deadline), and reads what arrives.
  void poll_loop();
  void adopt_incoming();
  Clock::time_point expire(Clock::time_point now);
  void on_readable(int fd, Clock::time_point now);
  Received receive(Connection& connection, Clock::time_point now) const;
  Clock::time_point due(const Connection& connection) const;
  std::unique_ptr<Connection> release(int fd);  // from held_ and the epoll set

  void work_loop();
  void hand_to_poller(std::unique_ptr<Connection> connection);
  void hand_to_worker(std::unique_ptr<Connection> connection);
  void close(std::unique_ptr<Connection> connection);

  const TransportLimits limits_;
  const Process process_;
  std::atomic<std::size_t> open_{0};
  std::atomic<bool> stopping_{false};
  std::mutex shutdown_mutex_;
  int epoll_ = -1, wake_ = -1;  // the poller's epoll and eventfd

  std::mutex incoming_mutex_;  // connections for the poller: new, or back from a worker
  std::vector<std::unique_ptr<Connection>> incoming_;

  std::mutex work_mutex_;  // complete heads for the workers, and the sockets they are on
  std::condition_variable work_ready_;
  std::deque<std::unique_ptr<Connection>> work_;
  std::set<int> busy_;

  std::unordered_map<int, std::unique_ptr<Connection>> held_;  // the poller thread's only

  std::thread poller_;
  std::vector<std::thread> workers_;
};

}  // namespace floe::serve
