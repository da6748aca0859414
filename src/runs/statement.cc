#include "runs/statement.h"

#include <sqlite3.h>

#include <cmath>

#include "floe/error.h"

namespace floe::runs {

Statement::Statement(sqlite3* db, std::string file, const std::string& sql)
    : db_(db), file_(std::move(file)) {
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
    throw Error(file_ + ": " + sqlite3_errmsg(db));
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::bind(int index, int value) { sqlite3_bind_int(stmt_, index, value); }

void Statement::bind(int index, const std::string& value) {
  sqlite3_bind_text(stmt_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw Error(file_ + ": " + sqlite3_errmsg(db_));
}

std::string Statement::text(int column) const {
  const unsigned char* s = sqlite3_column_text(stmt_, column);
  return s ? reinterpret_cast<const char*>(s) : "";
}

double Statement::real(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nan("");
  return sqlite3_column_double(stmt_, column);
}

int Statement::integer(int column) const { return sqlite3_column_int(stmt_, column); }

}  // namespace floe::runs
