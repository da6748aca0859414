#include "floe/store.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "floe/error.h"
#include "store/statement.h"

namespace floe {
namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
  throw Error(what + ": " + (db ? sqlite3_errmsg(db) : "sqlite error"));
}

std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const char* sql_type(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kText:
      return "TEXT";
    case ColumnKind::kFlag:
      return "INTEGER";
    default:
      return "REAL";
  }
}

}  // namespace

Store::Store(std::filesystem::path path) : path_(std::move(path)) {
  partial_ = path_;
  partial_ += ".partial";
  std::error_code ec;
  std::filesystem::remove(partial_, ec);
  if (!path_.parent_path().empty()) std::filesystem::create_directories(path_.parent_path(), ec);
  if (sqlite3_open_v2(partial_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error("cannot create " + partial_.string() + ": " + msg);
  }
  exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;");
  exec("CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT)");
}

Store::~Store() {
  if (db_) sqlite3_close(db_);
  if (!committed_) {
    std::error_code ec;
    std::filesystem::remove(partial_, ec);
  }
}

void Store::exec(const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    throw Error("results database " + partial_.string() + ": " + text);
  }
}

void Store::write_run_info(const std::string& key, const std::string& value) {
  store::Statement insert(db_, partial_.string(),
                          "INSERT OR REPLACE INTO run (key, value) VALUES (?, ?)");
  insert.bind(1, key).bind(2, value).run();
}

void Store::write_table(const std::string& name, const Table& table) {
  std::string create = "CREATE TABLE " + quote_identifier(name) + " (";
  std::string insert_sql = "INSERT INTO " + quote_identifier(name) + " VALUES (";
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    create += (c ? ", " : "") + quote_identifier(table.columns[c].name) + " " +
              sql_type(table.columns[c].kind);
    insert_sql += c ? ", ?" : "?";
  }
  exec(create + ")");
  store::Statement insert(db_, partial_.string(), insert_sql + ")");
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      const int i = static_cast<int>(c) + 1;
      const Value& v = row[c];
      if (const auto* s = std::get_if<std::string>(&v)) {
        insert.bind(i, *s);
      } else if (const auto* d = std::get_if<double>(&v)) {
        if (*d != *d) {
          insert.bind_null(i);  // NaN
        } else if (table.columns[c].kind == ColumnKind::kFlag) {
          insert.bind(i, *d != 0 ? 1 : 0);
        } else {
          insert.bind(i, *d);
        }
      } else if (const auto* b = std::get_if<bool>(&v)) {
        insert.bind(i, *b ? 1 : 0);
      } else {
        insert.bind_null(i);
      }
    }
    insert.run();
  }
}

void Store::commit() {
  finish();
  std::error_code ec;
  std::filesystem::rename(partial_, path_, ec);
  if (ec) {
    std::filesystem::remove(partial_, ec);
    throw Error("cannot write " + path_.string() + ": " + ec.message());
  }
}

std::filesystem::path Store::finish() {
  exec("COMMIT");
  if (sqlite3_close(db_) != SQLITE_OK) fail(db_, "cannot close " + partial_.string());
  db_ = nullptr;
  committed_ = true;  // the partial file is the caller's now
  return partial_;
}

OutputFiles::~OutputFiles() {
  std::error_code ignored;
  for (const File& f : files_) std::filesystem::remove(f.partial, ignored);
}

void OutputFiles::claim(const std::filesystem::path& path) const {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(path, ec);
  for (const File& f : files_) {
    std::error_code other;
    if (std::filesystem::weakly_canonical(f.target, other) == canonical) {
      throw Error("cannot write " + path.string() + " twice in one command (" + f.target.string() +
                  " is one of its outputs already)");
    }
  }
}

void OutputFiles::write(const std::filesystem::path& path, const std::string& text) {
  claim(path);
  auto partial = path;
  partial += ".partial";
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    throw Error("cannot write " + path.string() + ": cannot create its folder: " + ec.message());
  }
  files_.push_back({partial, path});  // removed on failure from here on
  std::FILE* out = std::fopen(partial.c_str(), "wb");
  if (!out) throw Error("cannot write " + path.string() + ": " + std::strerror(errno));
  const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  const int write_error = errno;
  if (std::fclose(out) != 0 || !written) {
    throw Error("cannot write " + path.string() + ": " +
                std::strerror(written ? errno : write_error));
  }
}

void OutputFiles::add(Store& store, const std::filesystem::path& path) {
  claim(path);
  files_.push_back({store.finish(), path});
}

void OutputFiles::commit() {
  for (const File& f : files_) {
    std::error_code ec;
    if (std::filesystem::is_directory(f.target, ec)) {
      throw Error("cannot write " + f.target.string() + ": it is a folder");
    }
  }
  while (!files_.empty()) {
    const File f = files_.front();
    std::error_code ec;
    std::filesystem::rename(f.partial, f.target, ec);
    if (ec) throw Error("cannot write " + f.target.string() + ": " + ec.message());
    files_.erase(files_.begin());
  }
}

void write_file_atomically(const std::filesystem::path& path, const std::string& text) {
  OutputFiles out;
  out.write(path, text);
  out.commit();
}

std::shared_ptr<sqlite3> open_results(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw Error(path.string() + ": no such results file");
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    const std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw Error(path.string() + ": " + msg);
  }
  std::shared_ptr<sqlite3> handle(db, sqlite3_close);
  sqlite3_stmt* probe = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT value FROM run LIMIT 1", -1, &probe, nullptr) != SQLITE_OK) {
    throw Error(path.string() + ": not a floe results file (no run table)");
  }
  sqlite3_finalize(probe);
  return handle;
}

}  // namespace floe
