#include "serve/connection_stream.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace floe::serve {
namespace {

// The numeric address and port of a socket address, as cpp-httplib reports them.
void address_of(const sockaddr_storage& addr, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST] = "";
  char service[NI_MAXSERV] = "";
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&addr), length, host, sizeof host, service,
                  sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

ConnectionStream::ConnectionStream(int fd, std::string& received, Clock::time_point deadline)
    : fd_(fd), received_(received), deadline_(deadline) {}

bool ConnectionStream::wait(short events) const {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd_, events, 0};
    const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000 * 60)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) continue;  // the deadline is checked again
    return (p.revents & (events | POLLHUP | POLLERR)) != 0;
  }
}

bool ConnectionStream::is_readable() const { return position_ < received_.size() || wait(POLLIN); }

bool ConnectionStream::is_writable() const { return wait(POLLOUT); }

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (position_ < received_.size()) {
    const std::size_t n = std::min(size, received_.size() - position_);
    std::memcpy(ptr, received_.data() + position_, n);
    position_ += n;
    return static_cast<ssize_t>(n);
  }
  for (;;) {
    const ssize_t n = ::recv(fd_, ptr, size, MSG_DONTWAIT);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait(POLLIN)) return -1;
  }
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  std::size_t sent = 0;
  while (sent < size) {
    const ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait(POLLOUT)) return -1;
    } else {
      return -1;
    }
  }
  return static_cast<ssize_t>(size);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  if (getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &length) == 0) {
    address_of(addr, length, ip, port);
  }
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  if (getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &length) == 0) {
    address_of(addr, length, ip, port);
  }
}

void ConnectionStream::consume() {
  received_.erase(0, position_);
  position_ = 0;
}

}  // namespace floe::serve
