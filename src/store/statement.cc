#include "store/statement.h"

#include <sqlite3.h>

#include <cmath>

#include "floe/error.h"

namespace floe::store {

Statement::Statement(sqlite3* db, std::string file, const std::string& sql)
    : db_(db), file_(std::move(file)) {
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
    throw Error(file_ + ": " + sqlite3_errmsg(db));
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
  sqlite3_bind_text(stmt_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw Error(file_ + ": " + sqlite3_errmsg(db_));
}

void Statement::run() {
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) throw Error(file_ + ": " + sqlite3_errmsg(db_));
}

std::string Statement::text(int column) const {
  const unsigned char* s = sqlite3_column_text(stmt_, column);
  return s ? std::string(reinterpret_cast<const char*>(s),
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

double Statement::real(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nan("");
  return sqlite3_column_double(stmt_, column);
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

bool Statement::is_number(int column) const {
  const int t = sqlite3_column_type(stmt_, column);
  return t == SQLITE_INTEGER || t == SQLITE_FLOAT;
}

int Statement::columns() const { return sqlite3_column_count(stmt_); }

std::string Statement::column_name(int column) const { return sqlite3_column_name(stmt_, column); }

}  // namespace floe::store
