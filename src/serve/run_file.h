// A simulation run's results file (`floe simulate`), opened read-only: its run information and
// the queries the dashboard makes of it (private to src/serve).
//
// The file's tables (written by write_simulation_db, include/floe/simulation.h):
//   run(key, value)                  command, scenario, scenario_text, seed, months, ...
//   national(month, <figures>, unemployment_rate, exposure, adoption, ...)
//   state_major(month, state_fips, major, <figures>)
//   county_major(month, county_fips, major, <figures>)   every 12th month and the last
//   flows(month, from_major, to_major, moves)
// where <figures> are the stocks and flows of MonthFigures (kFigureColumns below); and, when the
// run has the AI-talent segment (include/floe/talent.h, docs/talent.md), talent_month,
// talent_moves, talent_phd, talent_series, talent_targets and talent_parameters (TalentInfo).
//
// Thread-safe: queries on the one connection are serialized by a mutex. The connection is
// read-only (SQLITE_OPEN_READONLY and PRAGMA query_only), so the server never writes to it. A
// finished run file does not change (floe simulate writes a new file and renames it into place,
// which leaves the open one as it was), so answers are kept: the same query is asked once.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "floe/table.h"

struct sqlite3;

namespace floe::serve {

// Stocks and flows summed over regions or majors, in the order of the files' columns.
inline constexpr const char* kFigureColumns[] = {
    "employed",           "unemployed",         "training",     "layoffs",
    "displaced_direct",   "displaced_indirect", "quits",        "hires",
    "occupation_changes", "wage_bill",          "exposed_wages"};

// What a run's AI-talent segment covers. Months are 'YYYY-MM' in the file; `first` and `last`
// are the same as talent month indices (floe::talent_month: January 2011 is 0).
struct TalentInfo {
  std::string first_date, last_date;  // of talent_month
  int first = 0, last = 0;
  std::string start;                   // the run's month 1 (run key talent_start)
  double scale = 1;                    // share of the US AI-skilled workforce simulated
  std::string parameters_from;         // "calibrated at the start of the run" or a file
  std::vector<std::string> employers;  // employer class keys, in the file's order
  std::vector<std::string> segments;   // segment keys: talent_month's columns per segment
};

struct RunInfo {
  std::string id;        // how the API names the run: the scenario name, made unique
  std::string file;      // the file name (no directories)
  std::string scenario;  // scenario name
  std::string description;
  std::string seed;
  int first_month = 0, last_month = 0;     // months in the national table
  std::vector<int> county_months;          // months with county figures
  std::map<std::string, std::string> run;  // every key of the run table
  std::optional<TalentInfo> talent;        // none: run without the talent segment, or older
  bool twin = false;   // the file has the no-AI twin's tables (docs/model.md §16, effect_tables.h)
  int replicates = 0;  // runs with other seeds whose spread it holds (replicate_intervals)
};

class RunFile {
 public:
  // Opens `path` read-only; throws Error when it is not a floe simulation results file.
  explicit RunFile(const std::filesystem::path& path);

  const RunInfo& info() const { return info_; }
  void set_id(std::string id) { info_.id = std::move(id); }

  // A query's rows: text columns as strings, numbers as doubles, NULL as monostate. `binds`
  // fill ?1, ?2, ... (monostate: NULL). `column_names`, when given, receives the columns' names.
  using Bind = std::variant<std::monostate, long, std::string>;
  std::vector<std::vector<Value>> query(const std::string& sql, const std::vector<Bind>& binds = {},
                                        std::vector<std::string>* column_names = nullptr) const;

 private:
  struct Answer {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
  };
  Answer run_query(const std::string& sql, const std::vector<Bind>& binds) const;

  std::shared_ptr<sqlite3> db_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, Answer> answers_;  // by SQL and binds
  mutable std::size_t kept_values_ = 0;                      // in answers_
  RunInfo info_;
};

}  // namespace floe::serve
