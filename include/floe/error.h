// Errors floe reports to its users.
//
// Bad input is an answer, not a crash: every problem with an input file is a DataError that
// names the file, the line and the field, so that the CLI can print it as one line and exit
// non-zero before anything is written.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace floe {

// Any error floe reports to a user (bad option, bad input, failed write).
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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
