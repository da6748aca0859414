// Test support for the report pages: the tiny world's maps, and counting matches in a page.
#pragma once

#include <iterator>
#include <regex>
#include <string>

#include "floe/report.h"

namespace floe::testing {

inline const Atlas& tiny_atlas() {
  static const Atlas atlas = load_atlas(FLOE_TINY_DATA_DIR);
  return atlas;
}

// How many times `pattern` (a regular expression) matches in `text`.
inline std::size_t count(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern);
  return static_cast<std::size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

}  // namespace floe::testing
