// libFuzzer target for the dashboard's request handling: the bytes a client sends (request line,
// query, headers, pipelined requests) go through cpp-httplib's parser, the Host allow-list, the
// parameter checks and the routes of a dashboard on the tiny world, as on a connection. Any
// bytes must get answers, never a crash, a hang or an out-of-bounds read.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "floe/dataset.h"
#include "floe/serve.h"
#include "serve/dashboard.h"
#include "serve/router.h"

namespace {

// A connection whose client sent `bytes` and reads nothing back.
class MemoryStream final : public httplib::Stream {
 public:
  MemoryStream(const std::uint8_t* bytes, std::size_t size) : bytes_(bytes), size_(size) {}
  bool is_readable() const override { return position_ < size_; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const std::size_t n = std::min(size, size_ - position_);
    std::memcpy(ptr, bytes_ + position_, n);
    position_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char*, size_t size) override { return static_cast<ssize_t>(size); }
  using httplib::Stream::write;
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return 0; }
  bool done() const { return position_ >= size_; }

 private:
  const std::uint8_t* bytes_;
  std::size_t size_;
  std::size_t position_ = 0;
};

floe::serve::Router& router() {
  static floe::ServeOptions options = [] {
    floe::ServeOptions o;
    o.index_description = "fuzz";
    o.allow_hosts = {"dashboard.lan"};
    return o;
  }();
  static floe::serve::Dashboard dashboard(floe::load_dataset({.data_dir = FLOE_TINY_DATA_DIR}),
                                          options);
  static floe::serve::Router r(dashboard, options, FLOE_WEB_DIR);
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  MemoryStream stream(bytes, size);
  // Requests one after another, as a kept-alive connection sends them.
  for (int request = 0; request < 16 && !stream.done(); ++request) {
    bool closed = false;
    if (!router().process(stream, false, closed) || closed) break;
  }
  return 0;
}
