// A prepared statement on a run file that finalizes itself and reports SQLite's errors as one
// line naming the file (private to src/runs).
#pragma once

#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace floe::runs {

class Statement {
 public:
  // Throws Error("<file>: <sqlite message>") when the SQL cannot be prepared.
  Statement(sqlite3* db, std::string file, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, int value);  // 1-based, as in SQL's ?1
  void bind(int index, const std::string& value);
  // The next row: true while there is one. Throws Error on a read error.
  bool step();
  // Columns of the current row (0-based); NULL reads as "" and NaN.
  std::string text(int column) const;
  double real(int column) const;
  int integer(int column) const;

 private:
  sqlite3* db_;
  std::string file_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace floe::runs
