// The Host names the dashboard answers (private to src/serve; docs/security.md §1).
//
// A web page on evil.example can make its name resolve to 127.0.0.1 (DNS rebinding): the
// browser then sends the page's requests to the dashboard, as same-origin requests the page may
// read. They still say "Host: evil.example", so answering only the names the dashboard is known
// by (127.0.0.1, localhost, the address it is bound to, and those --allow-host adds) stops them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace floe::serve {

class AllowedHosts {
 public:
  AllowedHosts(std::string_view bound_host, const std::vector<std::string>& extra);

  // The host of a Host header value: lower case, without the port, the brackets around an IPv6
  // address or a final dot ("LocalHost.:8080" -> "localhost", "[::1]:80" -> "::1").
  static std::string host_name(std::string_view header);

  bool allows(std::string_view header) const;
  // "127.0.0.1, localhost, ..." for messages.
  std::string list() const;

 private:
  std::vector<std::string> names_;
};

}  // namespace floe::serve
