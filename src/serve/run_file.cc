#include "serve/run_file.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include "floe/error.h"
#include "floe/runs.h"
#include "floe/store.h"
#include "serve/talent_tables.h"
#include "store/statement.h"

namespace floe::serve {
RunFile::RunFile(const std::filesystem::path& path) : db_(open_results(path)) {
  sqlite3_exec(db_.get(), "PRAGMA query_only = 1", nullptr, nullptr, nullptr);
  // The one reader of run files checks it, as `floe compare` and `floe report` do.
  const SimulationRun checked(path);
  const floe::RunInfo& run = checked.info();
  info_.file = path.filename().string();
  info_.run = run.keys;
  info_.scenario = run.scenario.empty() ? path.stem().string() : run.scenario;
  info_.description = run.description;
  info_.seed = run.seed;
  info_.first_month = 0;
  info_.last_month = run.months;
  info_.county_months = run.county_months;
  info_.twin = run.twin;
  info_.replicates = run.replicates;
  try {
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
  store::Statement st(db_.get(), "run file", sql);
  for (std::size_t i = 0; i < binds.size(); ++i) {
    const int at = static_cast<int>(i + 1);
    if (const auto* n = std::get_if<long>(&binds[i])) {
      st.bind(at, static_cast<std::int64_t>(*n));
    } else if (const auto* s = std::get_if<std::string>(&binds[i])) {
      st.bind(at, *s);
    } else {
      st.bind_null(at);
    }
  }
  const int columns = st.columns();
  Answer answer;
  for (int c = 0; c < columns; ++c) answer.columns.push_back(st.column_name(c));
  while (st.step()) {
    std::vector<Value> row;
    row.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      if (st.is_number(c)) {
        row.emplace_back(st.real(c));
      } else if (st.is_null(c)) {
        row.emplace_back(std::monostate{});
      } else {
        row.emplace_back(st.text(c));
      }
    }
    answer.rows.push_back(std::move(row));
  }
  return answer;
}

}  // namespace floe::serve
