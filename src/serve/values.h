// A query's values (floe::Value: text, number, flag or empty) read as one kind.
#pragma once

#include <string>
#include <variant>

#include "floe/numbers.h"
#include "floe/table.h"

namespace floe::serve {

// A number; NaN for anything else (an empty value, text).
inline double number(const Value& v) {
  const auto* d = std::get_if<double>(&v);
  return d ? *d : kNaN;
}

// A text; "" for anything else.
inline std::string text(const Value& v) {
  const auto* s = std::get_if<std::string>(&v);
  return s ? *s : std::string();
}

}  // namespace floe::serve
