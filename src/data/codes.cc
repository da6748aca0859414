#include "data/codes.h"

#include <cctype>

#include "data/delimited.h"
#include "floe/error.h"

namespace floe::data {
namespace {

bool digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

bool is_soc_code(std::string_view s) {
  return s.size() == 7 && digits(s.substr(0, 2)) && s[2] == '-' && digits(s.substr(3, 4));
}

bool is_onet_soc_code(std::string_view s) {
  return s.size() == 10 && is_soc_code(s.substr(0, 7)) && s[7] == '.' && digits(s.substr(8, 2));
}

bool is_fips(std::string_view s, std::size_t n) { return s.size() == n && digits(s); }

std::string pad_fips(std::string_view s, std::size_t n) {
  std::string out(s);
  if (out.size() < n) out.insert(0, n - out.size(), '0');
  return out;
}

std::string normalize_task_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  return out;
}

void UniqueKeys::insert(const DelimitedReader& reader, std::size_t col, std::string key) {
  const auto [it, fresh] = first_line_.emplace(std::move(key), reader.line());
  if (!fresh) {
    reader.fail(col, "duplicate key " + quote(it->first) + " (first on line " +
                         std::to_string(it->second) + ")");
  }
}

}  // namespace floe::data
