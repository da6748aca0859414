// Errors floe reports to its users.
//
// Bad input is an answer, not a crash: every problem with an input file is a DataError that
// names the file, the line and the field, so that the CLI can print it as one line and exit
// non-zero before anything is written.
//
// Every message is one bounded line of printable text (docs/security.md §3): a value taken from
// an input or a request is embedded with quote(), and Error's constructor passes the whole
// message through one_line(), so neither a 20 MB field, a newline, a NUL nor a terminal escape
// sequence in an input reaches the terminal or an API answer as it is.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace floe {

// The longest a quoted value may be, in characters, before it is cut.
inline constexpr std::size_t kMaxQuoted = 100;
// The longest a whole message may be, in characters, before it is cut.
inline constexpr std::size_t kMaxMessage = 1000;

// `value` in single quotes for a message: control characters and bytes that are not UTF-8
// escaped (\n, \t, \0, \x1b, ...), a quote or backslash escaped, and longer than kMaxQuoted
// characters cut to its start, "...", and how many bytes were left out.
std::string quote(std::string_view value);

// `message` as one printable line: control characters and bytes that are not UTF-8 escaped as in
// quote() (text already escaped stays as it is), and cut to `max` characters with a note of how
// many bytes were left out.
std::string one_line(std::string_view message, std::size_t max = kMaxMessage);

// Any error floe reports to a user (bad option, bad input, failed write). The message is stored
// through one_line().
class Error : public std::runtime_error {
 public:
  explicit Error(std::string_view message);
  explicit Error(const std::string& message) : Error(std::string_view(message)) {}
  explicit Error(const char* message) : Error(std::string_view(message)) {}
};

// A problem located in an input file: "<file>:<line>: <field>: <problem>".
// line is 1-based; 0 means "the file as a whole" (missing, unreadable, empty).
// field is a column name, or empty when the problem is not in one field.
class DataError : public Error {
 public:
  DataError(std::string file, std::size_t line, std::string field, std::string problem);

  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  const std::string& field() const { return field_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string file_;
  std::size_t line_;
  std::string field_;
  std::string problem_;
};

}  // namespace floe
