// A prepared SQLite statement that finalizes itself and reports SQLite's errors as one line
// naming the file: the one wrapper every reader and writer of results files uses.
#pragma once

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace floe::store {

class Statement {
 public:
  // Throws Error("<file>: <sqlite message>") when the SQL cannot be prepared.
  Statement(sqlite3* db, std::string file, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters, 1-based as in SQL's ?1.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::string& value);
  Statement& bind_null(int index);
  // The next row: true while there is one. Throws Error on a read error.
  bool step();
  // Runs a statement that returns no rows (an INSERT) and makes it ready to run again.
  void run();

  // Columns of the current row (0-based); NULL reads as "" and NaN.
  std::string text(int column) const;
  double real(int column) const;
  std::int64_t integer(int column) const;
  bool is_null(int column) const;
  bool is_number(int column) const;  // INTEGER or REAL
  int columns() const;
  std::string column_name(int column) const;

 private:
  sqlite3* db_;
  std::string file_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace floe::store
