#include "serve/run_file.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "floe/error.h"
#include "floe/store.h"
#include "serve/talent_tables.h"

namespace floe::serve {
namespace {

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
      throw Error(std::string("run file: ") + sqlite3_errmsg(db));
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() { return stmt_; }
  sqlite3* db() { return db_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

RunFile::RunFile(const std::filesystem::path& path) : db_(open_results(path)) {
  sqlite3_exec(db_.get(), "PRAGMA query_only = 1", nullptr, nullptr, nullptr);
  info_.file = path.filename().string();
  for (const auto& row : query("SELECT key, value FROM run")) {
    const auto* key = std::get_if<std::string>(&row[0]);
    const auto* value = std::get_if<std::string>(&row[1]);
    if (key) info_.run[*key] = value ? *value : std::string();
  }
  if (info_.run["command"] != "floe simulate") {
    throw Error(path.string() + ": not a simulation run (its run table says command '" +
                info_.run["command"] + "'; `floe simulate` writes these files)");
  }
  info_.scenario = info_.run["scenario"].empty() ? path.stem().string() : info_.run["scenario"];
  info_.description = info_.run["description"];
  info_.seed = info_.run["seed"];
  try {
    const auto range = query("SELECT MIN(month), MAX(month) FROM national");
    const auto* lo = std::get_if<double>(&range.at(0)[0]);
    const auto* hi = std::get_if<double>(&range.at(0)[1]);
    if (!lo || !hi) throw Error(path.string() + ": the national table has no months");
    info_.first_month = static_cast<int>(*lo);
    info_.last_month = static_cast<int>(*hi);
    for (const auto& row : query("SELECT DISTINCT month FROM county_major ORDER BY month")) {
      if (const auto* m = std::get_if<double>(&row[0])) info_.county_months.push_back(int(*m));
    }
    query("SELECT month, state_fips, major FROM state_major LIMIT 1");
    query("SELECT month, from_major, to_major, moves FROM flows LIMIT 1");
    info_.talent = read_talent_info(*this);
  } catch (const Error& e) {
    throw Error(path.string() + ": not a complete simulation run (" + e.what() + ")");
  }
}

std::vector<std::vector<Value>> RunFile::query(const std::string& sql,
                                               const std::vector<Bind>& binds,
                                               std::vector<std::string>* column_names) const {
  std::string key = sql;
  for (const Bind& b : binds) {
    if (const auto* n = std::get_if<long>(&b)) key += "\x1f#" + std::to_string(*n);
    if (const auto* s = std::get_if<std::string>(&b)) key += "\x1f'" + *s;
    if (std::holds_alternative<std::monostate>(b)) key += "\x1fnull";
  }
  std::lock_guard lock(mutex_);
  auto it = answers_.find(key);
  if (it == answers_.end()) {
    Answer answer = run_query(sql, binds);
    const std::size_t values = answer.rows.size() * answer.columns.size();
    // At most about 2 million values kept per run (~100 MB): past that, start again.
    constexpr std::size_t kMaxValues = 2'000'000;
    if (kept_values_ + values > kMaxValues) {
      answers_.clear();
      kept_values_ = 0;
    }
    kept_values_ += values;
    it = answers_.emplace(key, std::move(answer)).first;
  }
  if (column_names) *column_names = it->second.columns;
  return it->second.rows;
}

RunFile::Answer RunFile::run_query(const std::string& sql, const std::vector<Bind>& binds) const {
  Statement st(db_.get(), sql);
  for (std::size_t i = 0; i < binds.size(); ++i) {
    const int at = static_cast<int>(i + 1);
    if (const auto* n = std::get_if<long>(&binds[i])) {
      sqlite3_bind_int64(st.get(), at, *n);
    } else if (const auto* s = std::get_if<std::string>(&binds[i])) {
      sqlite3_bind_text(st.get(), at, s->c_str(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(st.get(), at);
    }
  }
  const int columns = sqlite3_column_count(st.get());
  Answer answer;
  for (int c = 0; c < columns; ++c) answer.columns.push_back(sqlite3_column_name(st.get(), c));
  int rc;
  while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    std::vector<Value> row;
    row.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(st.get(), c)) {
        case SQLITE_INTEGER:
        case SQLITE_FLOAT:
          row.emplace_back(sqlite3_column_double(st.get(), c));
          break;
        case SQLITE_NULL:
          row.emplace_back(std::monostate{});
          break;
        default:
          row.emplace_back(
              std::string(reinterpret_cast<const char*>(sqlite3_column_text(st.get(), c)),
                          static_cast<std::size_t>(sqlite3_column_bytes(st.get(), c))));
      }
    }
    answer.rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) throw Error(std::string("run file: ") + sqlite3_errmsg(db_.get()));
  return answer;
}

}  // namespace floe::serve
