#include "serve/allowed_hosts.h"

#include <algorithm>

namespace floe::serve {

AllowedHosts::AllowedHosts(std::string_view bound_host, const std::vector<std::string>& extra) {
  for (std::string_view name : {std::string_view("127.0.0.1"), std::string_view("localhost")}) {
    names_.emplace_back(name);
  }
  names_.push_back(host_name(bound_host));
  for (const auto& e : extra) names_.push_back(host_name(e));
  std::erase_if(names_, [](const std::string& n) { return n.empty(); });
  // Keep the first of each name: the list reads in the order given.
  std::vector<std::string> unique;
  for (auto& n : names_) {
    if (std::find(unique.begin(), unique.end(), n) == unique.end()) unique.push_back(n);
  }
  names_ = std::move(unique);
}

std::string AllowedHosts::host_name(std::string_view header) {
  std::string_view host = header;
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    host = close == std::string_view::npos ? std::string_view() : host.substr(1, close - 1);
  } else if (std::count(host.begin(), host.end(), ':') == 1) {
    host = host.substr(0, host.find(':'));
  }
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  std::string out(host);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool AllowedHosts::allows(std::string_view header) const {
  const std::string name = host_name(header);
  return !name.empty() && std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::string AllowedHosts::list() const {
  std::string out;
  for (const auto& n : names_) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace floe::serve
