// Reading a run file: the run table and national series at open, states, counties and flows
// on request.
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "floe/error.h"
#include "floe/runs.h"
#include "floe/store.h"
#include "runs/statement.h"

namespace floe {
namespace {

// The figure columns of national, state_major and county_major, in RunFigures' order.
constexpr const char* kFigureColumns[] = {
    "employed",           "unemployed",         "training",     "layoffs",
    "displaced_direct",   "displaced_indirect", "quits",        "hires",
    "occupation_changes", "wage_bill",          "exposed_wages"};

constexpr const char* kIndicatorColumns[] = {
    "unemployment_rate", "exposure",         "adoption",           "job_finding",      "openings",
    "multiplier",        "trainees_started", "trainees_completed", "training_spending"};

// The same columns as members, in the same order.
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
                                                 &RunFigures::exposed_wages};

constexpr double NationalMonth::*kIndicatorFields[] = {
    &NationalMonth::unemployment_rate, &NationalMonth::exposure,
    &NationalMonth::adoption,          &NationalMonth::job_finding,
    &NationalMonth::openings,          &NationalMonth::multiplier,
    &NationalMonth::trainees_started,  &NationalMonth::trainees_completed,
    &NationalMonth::training_spending};

static_assert(std::size(kFigureFields) == std::size(kFigureColumns));
static_assert(std::size(kIndicatorFields) == std::size(kIndicatorColumns));

// "SUM(employed), SUM(unemployed), ..." or "employed, unemployed, ...".
std::string figure_list(bool summed) {
  std::string s;
  for (const char* c : kFigureColumns) {
    s += s.empty() ? "" : ", ";
    s += summed ? fmt::format("SUM({})", c) : c;
  }
  return s;
}

// The figure columns of the current row, starting at result column `first`.
RunFigures read_figures(runs::Statement& q, int first) {
  RunFigures f;
  for (std::size_t i = 0; i < std::size(kFigureColumns); ++i) {
    f.*kFigureFields[i] = q.real(first + static_cast<int>(i));
  }
  return f;
}

std::set<std::string> table_columns(runs::Statement& q) {
  std::set<std::string> names;
  while (q.step()) names.insert(q.text(1));
  return names;
}

}  // namespace

void RunFigures::add(const RunFigures& o) {
  for (auto field : kFigureFields) this->*field += o.*field;
}

double RunFigures::unemployment_rate() const {
  const double force = labor_force();
  return force > 0 ? unemployed / force : std::nan("");
}

SimulationRun::SimulationRun(const std::filesystem::path& path)
    : path_(path), db_(open_results(path)) {
  const std::string file = path.string();
  sqlite3* db = db_.get();
  {
    runs::Statement q(db, file, "SELECT key, value FROM run");
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
  for (const char* table : {"national", "state_major", "county_major", "flows"}) {
    runs::Statement q(db, file, fmt::format("PRAGMA table_info({})", table));
    const std::set<std::string> columns = table_columns(q);
    if (columns.empty()) {
      throw Error(fmt::format("{}: not a floe simulation run (no {} table)", file, table));
    }
    std::vector<std::string> wanted(std::begin(kFigureColumns), std::end(kFigureColumns));
    if (std::string_view(table) == "national") {
      wanted.insert(wanted.end(), std::begin(kIndicatorColumns), std::end(kIndicatorColumns));
    } else if (std::string_view(table) == "flows") {
      wanted = {"from_major", "to_major", "moves"};
    }
    wanted.push_back("month");
    for (const auto& c : wanted) {
      if (!columns.contains(c)) {
        throw Error(fmt::format("{}: not a floe simulation run (table {} has no column {})", file,
                                table, c));
      }
    }
  }
  info_.scenario = key("scenario");
  info_.description = key("description");
  info_.scenario_text = key("scenario_text");
  info_.seed = key("seed");
  info_.population = key("population");
  info_.data_dir = key("data_dir");
  info_.created = key("created");
  info_.complete = key("complete") != "no";

  runs::Statement q(db, file,
                    "SELECT month, " + figure_list(false) +
                        ", unemployment_rate, exposure, adoption, job_finding, openings, "
                        "multiplier, trainees_started, trainees_completed, training_spending "
                        "FROM national ORDER BY month");
  double direct = 0, indirect = 0;
  while (q.step()) {
    NationalMonth n;
    n.month = q.integer(0);
    if (n.month != static_cast<int>(national_.size())) {
      throw Error(fmt::format("{}: the national table has month {} where month {} should be", file,
                              n.month, national_.size()));
    }
    n.figures = read_figures(q, 1);
    const int first = 1 + static_cast<int>(std::size(kFigureColumns));
    for (std::size_t i = 0; i < std::size(kIndicatorColumns); ++i) {
      n.*kIndicatorFields[i] = q.real(first + static_cast<int>(i));
    }
    direct += n.figures.displaced_direct;
    indirect += n.figures.displaced_indirect;
    n.displaced_direct_cumulative = direct;
    n.displaced_indirect_cumulative = indirect;
    national_.push_back(n);
  }
  if (national_.empty()) throw Error(file + ": the national table has no months");
  info_.months = national_.back().month;

  runs::Statement months(db, file, "SELECT DISTINCT month FROM county_major ORDER BY month");
  while (months.step()) info_.county_months.push_back(months.integer(0));

  // Runs without the talent segment (talent.enabled = false, or older files) have no talent
  // tables; talent_series is the one every talent run has.
  runs::Statement talent(db, file,
                         "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                         "'talent_series'");
  info_.talent = talent.step();
}

void SimulationRun::check_month(int month) const {
  if (month < 0 || month > info_.months) {
    throw Error(fmt::format("{}: no month {} (the run has months 0 to {})", path_.string(), month,
                            info_.months));
  }
}

std::vector<RegionValues> SimulationRun::states(int month) const {
  check_month(month);
  const std::string file = path_.string();
  std::vector<RegionValues> out;
  runs::Statement q(db_.get(), file,
                    "SELECT state_fips, " + figure_list(true) +
                        " FROM state_major WHERE month = ?1 GROUP BY state_fips ORDER BY "
                        "state_fips");
  q.bind(1, month);
  while (q.step()) out.push_back({.fips = q.text(0), .figures = read_figures(q, 1)});
  // Displacement so far: the events of every month up to this one.
  runs::Statement sums(db_.get(), file,
                       "SELECT state_fips, SUM(displaced_direct), SUM(displaced_indirect) FROM "
                       "state_major WHERE month <= ?1 GROUP BY state_fips ORDER BY state_fips");
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
  runs::Statement q(db_.get(), path_.string(),
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
  runs::Statement q(db_.get(), path_.string(),
                    "SELECT from_major, to_major, SUM(moves) AS total FROM flows WHERE month "
                    "BETWEEN ?1 AND ?2 GROUP BY from_major, to_major ORDER BY total DESC, "
                    "from_major, to_major");
  q.bind(1, first_month);
  q.bind(2, last_month);
  while (q.step()) out.push_back({q.text(0), q.text(1), q.real(2)});
  return out;
}

}  // namespace floe
