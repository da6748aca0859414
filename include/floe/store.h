// Results in one SQLite file per run: tables anyone can open with `sqlite3`, pandas or a
// spreadsheet's ODBC driver.
//
// A Store writes to "<path>.partial" and renames it to <path> on commit(), so a failed or
// interrupted run never leaves a half-written results file where a finished one is expected.
// Not thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "floe/table.h"

struct sqlite3;

namespace floe {

class Store {
 public:
  // Opens a new results file (an existing one at `path` is replaced on commit).
  explicit Store(std::filesystem::path path);
  ~Store();  // without commit(): removes the partial file
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Creates table `name` with the table's columns (text, real or integer by kind) and rows.
  void write_table(const std::string& name, const Table& table);
  // A row of the `run` table (key, value): options, provenance, versions.
  void write_run_info(const std::string& key, const std::string& value);
  // Runs SQL directly (schema changes, bulk inserts through prepared statements).
  void exec(const std::string& sql);
  sqlite3* handle() { return db_; }

  // Finishes the file and moves it into place.
  void commit();

 private:
  std::filesystem::path path_, partial_;
  sqlite3* db_ = nullptr;
  bool committed_ = false;
};

// Writes `text` to `path` through "<path>.partial", renamed into place only when complete, so
// that a failure never leaves a truncated file where a finished one is expected (reports, tables,
// parameter files). Creates the parent folder if missing. Throws Error naming the file on
// failure, after removing the partial file.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// Opens an existing results file read-only (for reports, comparison and the dashboard).
// Throws Error if it is missing or not a floe results file.
std::shared_ptr<sqlite3> open_results(const std::filesystem::path& path);

}  // namespace floe
