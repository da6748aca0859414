#include "floe/error.h"

#include <algorithm>
#include <cstdint>

namespace floe {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// The length of the UTF-8 sequence starting at s[i], or 0 if it is not a valid one (overlong
// forms, surrogates and code points above U+10FFFF are not).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto continuation = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xbf) {
    return i + k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  const unsigned c = byte(0);
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return continuation(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const unsigned lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
    return continuation(1, lo, hi) && continuation(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const unsigned lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
    return continuation(1, lo, hi) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

void append_hex(std::string& out, const char* prefix, unsigned value, int digits) {
  out += prefix;
  for (int d = digits - 1; d >= 0; --d) out += kHex[(value >> (4 * d)) & 0xf];
}

// Appends `s` escaped, at most `max` characters of it (an escape counts as one); returns how
// many bytes of `s` were left out. `quote_marks`: also escape ' and \ (inside quote()).
std::size_t append_escaped(std::string& out, std::string_view s, std::size_t max,
                           bool quote_marks) {
  std::size_t i = 0, shown = 0;
  while (i < s.size() && shown < max) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = utf8_length(s, i);
    ++shown;
    if (n == 0) {  // not UTF-8: the raw byte, as hex
      append_hex(out, "\\x", c, 2);
      ++i;
      continue;
    }
    if (n == 1) {
      switch (c) {
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\0':
          out += "\\0";
          break;
        case '\'':
          out += quote_marks ? "\\'" : "'";
          break;
        case '\\':
          out += quote_marks ? "\\\\" : "\\";
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            append_hex(out, "\\x", c, 2);
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // C1 controls (U+0080..U+009F, two bytes C2 80..C2 9F) act on some terminals: escape them.
    if (n == 2 && c == 0xc2 && static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      append_hex(out, "\\u", static_cast<unsigned char>(s[i + 1]), 4);
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return s.size() - i;
}

std::string format_data_error(const std::string& file, std::size_t line, const std::string& field,
                              const std::string& problem) {
  std::string out = file;
  if (line > 0) out.append(":").append(std::to_string(line));
  out.append(": ");
  if (!field.empty()) out.append("field ").append(quote(field)).append(": ");
  out.append(problem);
  return out;
}

}  // namespace

std::string quote(std::string_view value) {
  std::string out = "'";
  const std::size_t left_out = append_escaped(out, value, kMaxQuoted, true);
  out += '\'';
  if (left_out > 0) out += "... (" + std::to_string(left_out) + " more bytes)";
  return out;
}

std::string one_line(std::string_view message, std::size_t max) {
  std::string out;
  out.reserve(std::min(message.size(), max) + 32);
  const std::size_t left_out = append_escaped(out, message, max, false);
  if (left_out > 0) out += "... (" + std::to_string(left_out) + " more bytes)";
  return out;
}

Error::Error(std::string_view message) : std::runtime_error(one_line(message)) {}

DataError::DataError(std::string file, std::size_t line, std::string field, std::string problem)
    : Error(format_data_error(file, line, field, problem)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)),
      problem_(std::move(problem)) {}

}  // namespace floe
