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
#include <vector>

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
  // Finishes the file and leaves it at the returned "<path>.partial", for the caller to move
  // (OutputFiles); the Store no longer removes it.
  std::filesystem::path finish();

 private:
  std::filesystem::path path_, partial_;
  sqlite3* db_ = nullptr;
  bool committed_ = false;
};

// All the files one command writes, put in place together: each is first written complete
// beside its target as "<path>.partial"; commit() moves them into place only once every one is,
// so that a command that fails leaves none of its outputs rather than some (floe index with
// --db and --out). Destroyed without commit(), it removes its partial files. Not thread-safe.
class OutputFiles {
 public:
  OutputFiles() = default;
  ~OutputFiles();
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;

  // Writes `text` (bytes as given) to "<path>.partial", creating the folder if missing. Throws
  // Error naming the file and the reason ("No space left on device").
  void write(const std::filesystem::path& path, const std::string& text);
  // Finishes a results file; it is moved into place on commit().
  void add(Store& store, const std::filesystem::path& path);
  // Moves every file into place. Throws Error naming the file (and removes what it has not
  // moved) when one cannot be: a target that is a folder is found before anything is moved.
  void commit();

 private:
  struct File {
    std::filesystem::path partial, target;
  };
  // Throws Error when `path` is already one of the outputs.
  void claim(const std::filesystem::path& path) const;
  std::vector<File> files_;
};

// One file through OutputFiles: written to "<path>.partial", renamed into place only when
// complete, so that a failure never leaves a truncated file where a finished one is expected.
// Throws Error naming the file and the reason, after removing the partial file.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// Opens an existing results file read-only (for reports, comparison and the dashboard).
// Throws Error if it is missing or not a floe results file.
std::shared_ptr<sqlite3> open_results(const std::filesystem::path& path);

}  // namespace floe
