// Reading a run file: the run table and national series at open, states, counties and flows
// on request.
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "floe/error.h"
#include "floe/runs.h"
#include "floe/store.h"
#include "store/run_schema.h"
#include "store/statement.h"

namespace floe {
namespace {

using store::Statement;
namespace schema = run_schema;

// RunFigures' members in run_schema::kFigures' order.
constexpr double RunFigures::*kFigureFields[] = {&RunFigures::employed,
                                                 &RunFigures::unemployed,
                                                 &RunFigures::training,
                                                 &RunFigures::layoffs,
                                                 &RunFigures::displaced_direct,
                                                 &RunFigures::displaced_indirect,
                                                 &RunFigures::quits,
                                                 &RunFigures::hires,
                                                 &RunFigures::occupation_changes,
                                                 &RunFigures::wage_bill,
                                                 &RunFigures::exposed_wages,
                                                 &RunFigures::exits,
                                                 &RunFigures::agents};

// NationalMonth's indicators in run_schema::kIndicators' order.
constexpr double NationalMonth::*kIndicatorFields[] = {
    &NationalMonth::unemployment_rate, &NationalMonth::exposure,
    &NationalMonth::adoption,          &NationalMonth::job_finding,
    &NationalMonth::openings,          &NationalMonth::multiplier,
    &NationalMonth::trainees_started,  &NationalMonth::trainees_completed,
    &NationalMonth::training_spending, &NationalMonth::trainees_reemployed,
    &NationalMonth::entrants};

static_assert(std::size(kFigureFields) == schema::kFigures.size());
static_assert(std::size(kIndicatorFields) == schema::kIndicators.size());

// "SUM(employed), SUM(unemployed), ..." or "employed, unemployed, ...".
std::string figure_list(bool summed) {
  std::string s;
  for (std::string_view c : schema::kFigures) {
    s += s.empty() ? "" : ", ";
    s += summed ? fmt::format("SUM({})", c) : std::string(c);
  }
  return s;
}

// The figure columns of the current row, starting at result column `first`.
RunFigures read_figures(Statement& q, int first) {
  RunFigures f;
  for (std::size_t i = 0; i < std::size(kFigureFields); ++i) {
    f.*kFigureFields[i] = q.real(first + static_cast<int>(i));
  }
  return f;
}

std::set<std::string> table_columns(sqlite3* db, const std::string& file, std::string_view table) {
  Statement q(db, file, fmt::format("PRAGMA table_info({})", table));
  std::set<std::string> names;
  while (q.step()) names.insert(q.text(1));
  return names;
}

// Every table and column of the schema is there; every value is a number and every month a
// whole number in [0, last]: a file edited by hand or by another program is refused at once,
// with the first bad row, rather than shown with holes or strings where numbers belong.
void check_tables(sqlite3* db, const std::string& file) {
  for (const schema::TableDef& t : schema::kTables) {
    const std::set<std::string> columns = table_columns(db, file, t.name);
    if (columns.empty()) {
      throw Error(fmt::format("{}: not a floe simulation run (no {} table)", file, t.name));
    }
    std::vector<std::string> wanted = {"month"};
    for (auto k : t.keys) {
      if (!k.empty()) wanted.emplace_back(k);
    }
    for (auto c : schema::value_column_names(t)) wanted.emplace_back(c);
    for (const auto& c : wanted) {
      if (!columns.contains(c)) {
        throw Error(fmt::format("{}: not a floe simulation run (table {} has no column {})", file,
                                t.name, c));
      }
    }
  }
}

void check_values(sqlite3* db, const std::string& file, const schema::TableDef& t, int last_month) {
  {
    std::string numbers;
    for (auto c : schema::value_column_names(t)) {
      numbers +=
          fmt::format("{}typeof({}) IN ('integer', 'real')", numbers.empty() ? "" : " AND ", c);
    }
    Statement q(db, file,
                fmt::format("SELECT rowid, month, {} FROM {} WHERE typeof(month) != 'integer' OR "
                            "month < 0 OR month > ?1 OR NOT ({}) LIMIT 1",
                            schema::value_columns(t), t.name, numbers));
    q.bind(1, last_month);
    if (!q.step()) return;
    if (!q.is_number(1) || q.real(1) != static_cast<double>(q.integer(1)) || q.integer(1) < 0 ||
        q.integer(1) > last_month) {
      throw Error(
          fmt::format("{}: table {}, row {}: month '{}' is not a month of the run (0 to {})", file,
                      t.name, q.integer(0), q.text(1), last_month));
    }
    for (int c = 2; c < q.columns(); ++c) {
      if (!q.is_number(c)) {
        throw Error(fmt::format("{}: table {}, row {}: {} is '{}', not a number", file, t.name,
                                q.integer(0), q.column_name(c), q.text(c)));
      }
    }
  }
}

// A national table (the run's, or its twin's), months 0..N in order, with displacement so far.
std::vector<NationalMonth> read_national(sqlite3* db, const std::string& file,
                                         const std::string& table) {
  std::vector<NationalMonth> out;
  Statement q(db, file,
              "SELECT month, " + schema::value_columns(schema::kNational) + " FROM " + table +
                  " ORDER BY month");
  double direct = 0, indirect = 0;
  while (q.step()) {
    NationalMonth n;
    n.month = q.integer(0);
    if (n.month != static_cast<int>(out.size())) {
      throw Error(fmt::format("{}: the {} table has month {} where month {} should be", file, table,
                              n.month, out.size()));
    }
    n.figures = read_figures(q, 1);
    const int first = 1 + static_cast<int>(schema::kFigures.size());
    for (std::size_t i = 0; i < schema::kIndicators.size(); ++i) {
      n.*kIndicatorFields[i] = q.real(first + static_cast<int>(i));
    }
    direct += n.figures.displaced_direct;
    indirect += n.figures.displaced_indirect;
    n.displaced_direct_cumulative = direct;
    n.displaced_indirect_cumulative = indirect;
    out.push_back(n);
  }
  return out;
}

}  // namespace

void RunFigures::add(const RunFigures& o) {
  for (auto field : kFigureFields) this->*field += o.*field;
}

UnemploymentEffect unemployment_effect(const RunFigures& run, const RunFigures& twin) {
  const double r = run.unemployment_rate(), t = twin.unemployment_rate();
  if (!(run.agents > 0) || !(twin.agents > 0)) return {100 * (r - t), std::nan("")};
  return {100 * (r - t),
          100 * 1.645 * std::sqrt(r * (1 - r) / run.agents + t * (1 - t) / twin.agents)};
}

double RunFigures::unemployment_rate() const {
  const double force = labor_force();
  return force > 0 ? (unemployed + training) / force : std::nan("");
}

SimulationRun::SimulationRun(const std::filesystem::path& path)
    : path_(path), db_(open_results(path)) {
  const std::string file = path.string();
  sqlite3* db = db_.get();
  {
    Statement q(db, file, "SELECT key, value FROM run");
    while (q.step()) info_.keys[q.text(0)] = q.text(1);
  }
  auto key = [&](const char* k) {
    const auto it = info_.keys.find(k);
    return it == info_.keys.end() ? std::string() : it->second;
  };
  info_.command = key("command");
  if (info_.command != "floe simulate") {
    throw Error(file + ": not a floe simulation run (its run table says command '" + info_.command +
                "'; `floe simulate` writes run files)");
  }
  check_tables(db, file);
  info_.scenario = key("scenario");
  info_.description = key("description");
  info_.scenario_text = key("scenario_text");
  info_.seed = key("seed");
  info_.population = key("population");
  info_.data_dir = key("data_dir");
  info_.created = key("created");
  info_.complete = key("complete") != "no";

  check_values(db, file, schema::kNational, std::numeric_limits<int>::max());
  national_ = read_national(db, file, std::string(schema::kNational.name));
  if (national_.empty()) throw Error(file + ": the national table has no months");
  info_.months = national_.back().month;
  for (const schema::TableDef& t : {schema::kStateMajor, schema::kCountyMajor, schema::kFlows}) {
    check_values(db, file, t, info_.months);
  }

  Statement months(db, file, "SELECT DISTINCT month FROM county_major ORDER BY month");
  while (months.step()) info_.county_months.push_back(months.integer(0));

  // Runs without the talent segment (talent.enabled = false, or older files) have no talent
  // tables; talent_series is the one every talent run has.
  Statement talent(db, file,
                   "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                   "'talent_series'");
  info_.talent = talent.step();

  // Replicates' spread (runs with --replicates 2 or more).
  Statement replicates(db, file,
                       fmt::format("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                                   "'{}'",
                                   schema::kReplicateIntervals));
  if (replicates.step()) {
    Statement n(db, file,
                fmt::format("SELECT MAX(replicates) FROM {}", schema::kReplicateIntervals));
    info_.replicates = n.step() ? static_cast<int>(n.integer(0)) : 0;
  }

  // The no-AI twin's tables (runs with --no-twin, and older files, have none).
  Statement twin(db, file,
                 "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'twin_national'");
  info_.twin = twin.step();
  if (info_.twin) {
    for (const schema::TableDef& t :
         {schema::kNational, schema::kStateMajor, schema::kCountyMajor}) {
      schema::TableDef twin_table = t;
      const std::string name = std::string(schema::kTwinPrefix) + std::string(t.name);
      twin_table.name = name;
      check_values(db, file, twin_table, info_.months);
    }
    twin_national_ = read_national(db, file, std::string(schema::kTwinPrefix) + "national");
    if (twin_national_.size() != national_.size()) {
      throw Error(fmt::format("{}: the twin_national table has {} months, the run {}", file,
                              twin_national_.size(), national_.size()));
    }
  }
}

std::optional<ReplicateRange> SimulationRun::replicate_range(int month,
                                                             std::string_view measure) const {
  check_month(month);
  if (info_.replicates == 0) return std::nullopt;
  const std::string file = path_.string();
  Statement q(db_.get(), file,
              fmt::format("SELECT mean, low, high, replicates FROM {} WHERE month = ?1 AND "
                          "measure = ?2",
                          schema::kReplicateIntervals));
  q.bind(1, month).bind(2, std::string(measure));
  if (!q.step()) return std::nullopt;
  const ReplicateRange r{q.real(0), q.real(1), q.real(2), static_cast<int>(q.integer(3))};
  if (!std::isfinite(r.mean) || !std::isfinite(r.low) || !std::isfinite(r.high) || r.low > r.high ||
      r.replicates < 2) {
    throw Error(fmt::format("{}: {}: month {}, measure '{}': not a range of replicates", file,
                            schema::kReplicateIntervals, month, measure));
  }
  return r;
}

void SimulationRun::check_month(int month) const {
  if (month < 0 || month > info_.months) {
    throw Error(fmt::format("{}: no month {} (the run has months 0 to {})", path_.string(), month,
                            info_.months));
  }
}

std::vector<RegionValues> SimulationRun::states(int month, bool twin) const {
  check_month(month);
  const std::string file = path_.string();
  if (twin && !info_.twin) throw Error(file + ": the run has no no-AI twin (run with --no-twin?)");
  const std::string table = (twin ? std::string(schema::kTwinPrefix) : "") + "state_major";
  std::vector<RegionValues> out;
  Statement q(db_.get(), file,
              "SELECT state_fips, " + figure_list(true) + " FROM " + table +
                  " WHERE month = ?1 GROUP BY state_fips ORDER BY state_fips");
  q.bind(1, month);
  while (q.step()) out.push_back({.fips = q.text(0), .figures = read_figures(q, 1)});
  // Displacement so far: the events of every month up to this one.
  Statement sums(db_.get(), file,
                 "SELECT state_fips, SUM(displaced_direct), SUM(displaced_indirect) FROM " + table +
                     " WHERE month <= ?1 GROUP BY state_fips ORDER BY state_fips");
  sums.bind(1, month);
  std::size_t i = 0;
  while (sums.step()) {
    const std::string fips = sums.text(0);
    while (i < out.size() && out[i].fips < fips) ++i;
    if (i < out.size() && out[i].fips == fips) {
      out[i].displaced_direct_cumulative = sums.real(1);
      out[i].displaced_indirect_cumulative = sums.real(2);
    }
  }
  return out;
}

std::vector<RegionValues> SimulationRun::counties(int month) const {
  check_month(month);
  if (std::find(info_.county_months.begin(), info_.county_months.end(), month) ==
      info_.county_months.end()) {
    std::string have;
    for (int m : info_.county_months) have += (have.empty() ? "" : ", ") + std::to_string(m);
    throw Error(fmt::format("{}: no county figures for month {} (months with county figures: {})",
                            path_.string(), month, have.empty() ? "none" : have));
  }
  std::vector<RegionValues> out;
  Statement q(db_.get(), path_.string(),
              "SELECT county_fips, " + figure_list(true) +
                  " FROM county_major WHERE month = ?1 GROUP BY county_fips ORDER BY "
                  "county_fips");
  q.bind(1, month);
  while (q.step()) {
    out.push_back({.fips = q.text(0),
                   .figures = read_figures(q, 1),
                   .displaced_direct_cumulative = std::nan(""),
                   .displaced_indirect_cumulative = std::nan("")});
  }
  return out;
}

std::vector<MajorFlow> SimulationRun::flows(int first_month, int last_month) const {
  check_month(first_month);
  check_month(last_month);
  std::vector<MajorFlow> out;
  Statement q(db_.get(), path_.string(),
              "SELECT from_major, to_major, SUM(moves) AS total FROM flows WHERE month "
              "BETWEEN ?1 AND ?2 GROUP BY from_major, to_major ORDER BY total DESC, "
              "from_major, to_major");
  q.bind(1, first_month);
  q.bind(2, last_month);
  while (q.step()) out.push_back({q.text(0), q.text(1), q.real(2)});
  return out;
}

}  // namespace floe
