#include "serve/run_tables.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "floe/numbers.h"
#include "serve/values.h"

namespace floe::serve {
namespace {

struct MetricInfo {
  const char* name;
  const char* label;
  ColumnKind kind;
};

constexpr MetricInfo kMetrics[] = {
    {"employed", "Employed", ColumnKind::kCount},
    {"unemployed", "Unemployed", ColumnKind::kCount},
    {"training", "In training", ColumnKind::kCount},
    {"layoffs", "Layoffs", ColumnKind::kCount},
    {"displaced_direct", "Displaced by AI", ColumnKind::kCount},
    {"displaced_indirect", "Displaced by the local cascade", ColumnKind::kCount},
    {"quits", "Job-to-job moves", ColumnKind::kCount},
    {"hires", "Hires", ColumnKind::kCount},
    {"occupation_changes", "Occupation changes", ColumnKind::kCount},
    {"wage_bill", "Wage bill", ColumnKind::kDollars},
    {"exposed_wages", "Exposed wages", ColumnKind::kDollars},
    {"unemployment_rate", "Unemployment rate", ColumnKind::kShare},
    {"exposed_share", "Exposed wage share", ColumnKind::kShare},
};

const MetricInfo& metric_info(const std::string& name) {
  for (const MetricInfo& m : kMetrics) {
    if (name == m.name) return m;
  }
  throw std::out_of_range("no metric " + name);
}

std::vector<Column> metric_columns() {
  std::vector<Column> c;
  for (const MetricInfo& m : kMetrics) c.push_back({m.name, m.label, m.kind, 1});
  return c;
}

// "SUM(employed), SUM(unemployed), ..."
std::string sums() {
  std::string s;
  for (const char* c : kFigureColumns) s += fmt::format("{}SUM({})", s.empty() ? "" : ", ", c);
  return s;
}

// The figures of a query row from column `first` on, then the two ratios.
void add_metrics(std::vector<Value>& out, const std::vector<Value>& row, std::size_t first) {
  std::map<std::string, double> f;
  std::size_t i = first;
  for (const char* c : kFigureColumns) {
    f[c] = number(row[i++]);
    out.emplace_back(f[c]);
  }
  // Trainees stay in the labor force and are not a job found (docs/model.md §9), as in the
  // national table and floe::RunFigures::unemployment_rate.
  const double force = f["employed"] + f["unemployed"] + f["training"];
  out.emplace_back(force > 0 ? (f["unemployed"] + f["training"]) / force : kNaN);
  out.emplace_back(f["wage_bill"] > 0 ? f["exposed_wages"] / f["wage_bill"] : kNaN);
}

Table region_table(std::string title, std::vector<Column> keys) {
  Table t;
  t.title = std::move(title);
  t.columns = std::move(keys);
  for (Column& c : metric_columns()) t.columns.push_back(std::move(c));
  return t;
}

ColumnKind national_kind(const std::string& name) {
  if (name == "month") return ColumnKind::kNumber;
  if (name == "unemployment_rate" || name == "exposure" || name == "adoption" ||
      name == "job_finding") {
    return ColumnKind::kShare;
  }
  if (name == "wage_bill" || name == "exposed_wages" || name == "training_spending") {
    return ColumnKind::kDollars;
  }
  if (name == "multiplier") return ColumnKind::kNumber;
  return ColumnKind::kCount;
}

std::string major_title(const Dataset& ds, const std::string& code) {
  const auto id = ds.taxonomy.find_major_group(code);
  return id ? ds.taxonomy.major_groups[id->index()].title : code;
}

}  // namespace

const std::vector<std::string>& region_metrics() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const MetricInfo& m : kMetrics) n.push_back(m.name);
    return n;
  }();
  return names;
}

Table national_series(const RunFile& run) {
  std::vector<std::string> names;
  const auto rows = run.query("SELECT * FROM national ORDER BY month", {}, &names);
  Table t;
  t.title = "United States by month: " + run.info().scenario;
  for (const auto& n : names) {
    const bool metric = std::any_of(std::begin(kMetrics), std::end(kMetrics),
                                    [&](const MetricInfo& m) { return n == m.name; });
    t.columns.push_back({n, metric ? metric_info(n).label : n, national_kind(n),
                         n == "multiplier" ? 2
                         : n == "month"    ? 0
                                           : 1});
  }
  for (const auto& row : rows) t.rows.push_back(row);
  t.notes.push_back(
      "Month 0 is the start. Rates are fractions; exposure and adoption are "
      "employment-weighted means (docs/model.md).");
  return t;
}

Table state_series(const Dataset& ds, const RunFile& run, StateId state) {
  const State& s = ds.geography[state];
  Table t = region_table(s.name + " by month: " + run.info().scenario,
                         {{"month", "Month", ColumnKind::kNumber, 0}});
  const auto rows = run.query("SELECT month, " + sums() +
                                  " FROM state_major WHERE state_fips = ?1 GROUP BY month "
                                  "ORDER BY month",
                              {s.fips});
  for (const auto& row : rows) {
    std::vector<Value> out{row[0]};
    add_metrics(out, row, 1);
    t.rows.push_back(std::move(out));
  }
  return t;
}

Table states_at(const Dataset& ds, const RunFile& run, int month,
                const std::optional<std::string>& major) {
  Table t = region_table(fmt::format("States, month {}: {}", month, run.info().scenario),
                         {{"fips", "FIPS", ColumnKind::kText},
                          {"usps", "", ColumnKind::kText},
                          {"name", "State", ColumnKind::kText}});
  const RunFile::Bind group = major ? RunFile::Bind(*major) : RunFile::Bind();
  const auto rows = run.query("SELECT state_fips, " + sums() +
                                  " FROM state_major WHERE month = ?1 AND (?2 IS NULL OR major = "
                                  "?2) GROUP BY state_fips ORDER BY state_fips",
                              {long{month}, group});
  for (const auto& row : rows) {
    const std::string fips = text(row[0]);
    const auto id = ds.geography.find_state(fips);
    std::vector<Value> out{fips, id ? ds.geography[*id].usps : std::string(),
                           id ? ds.geography[*id].name : fips};
    add_metrics(out, row, 1);
    t.rows.push_back(std::move(out));
  }
  if (major) t.notes.push_back("Major group " + *major + " only.");
  return t;
}

Table counties_at(const Dataset& ds, const RunFile& run, int month,
                  const std::optional<StateId>& state, const std::optional<std::string>& major) {
  Table t = region_table(fmt::format("Counties, month {}: {}", month, run.info().scenario),
                         {{"fips", "FIPS", ColumnKind::kText},
                          {"name", "County", ColumnKind::kText},
                          {"state", "", ColumnKind::kText}});
  const RunFile::Bind prefix = state ? RunFile::Bind(ds.geography[*state].fips) : RunFile::Bind();
  const RunFile::Bind group = major ? RunFile::Bind(*major) : RunFile::Bind();
  const auto rows = run.query(
      "SELECT county_fips, " + sums() +
          " FROM county_major WHERE month = ?1 AND (?2 IS NULL OR substr(county_fips, 1, 2) = ?2)"
          " AND (?3 IS NULL OR major = ?3) GROUP BY county_fips ORDER BY county_fips",
      {long{month}, prefix, group});
  for (const auto& row : rows) {
    const std::string fips = text(row[0]);
    const auto id = ds.geography.find_county(fips);
    std::vector<Value> out{fips, id ? ds.geography[*id].name : fips,
                           id ? ds.geography[ds.geography[*id].state].usps : std::string()};
    add_metrics(out, row, 1);
    t.rows.push_back(std::move(out));
  }
  return t;
}

Table majors_at(const Dataset& ds, const RunFile& run, int month,
                const std::optional<StateId>& state) {
  const std::string where = state ? ds.geography[*state].name : std::string("United States");
  Table t = region_table(
      fmt::format("Occupation groups, {}, month {}: {}", where, month, run.info().scenario),
      {{"major", "SOC", ColumnKind::kText}, {"title", "Group", ColumnKind::kText}});
  const RunFile::Bind fips = state ? RunFile::Bind(ds.geography[*state].fips) : RunFile::Bind();
  const auto rows = run.query("SELECT major, " + sums() +
                                  " FROM state_major WHERE month = ?1 AND (?2 IS NULL OR "
                                  "state_fips = ?2) GROUP BY major ORDER BY major",
                              {long{month}, fips});
  for (const auto& row : rows) {
    const std::string code = text(row[0]);
    std::vector<Value> out{code, major_title(ds, code)};
    add_metrics(out, row, 1);
    t.rows.push_back(std::move(out));
  }
  return t;
}

Table flows_at(const Dataset& ds, const RunFile& run, int month) {
  Table t;
  t.title =
      fmt::format("Moves between occupation groups, month {}: {}", month, run.info().scenario);
  t.columns = {{"from_major", "From", ColumnKind::kText},
               {"from_title", "From group", ColumnKind::kText},
               {"to_major", "To", ColumnKind::kText},
               {"to_title", "To group", ColumnKind::kText},
               {"moves", "Moves", ColumnKind::kCount}};
  const auto rows = run.query(
      "SELECT from_major, to_major, moves FROM flows WHERE month = ?1 ORDER BY moves DESC",
      {long{month}});
  for (const auto& row : rows) {
    const std::string from = text(row[0]), to = text(row[1]);
    t.rows.push_back({from, major_title(ds, from), to, major_title(ds, to), row[2]});
  }
  return t;
}

Table compare_states(const Dataset& ds, const RunFile& a, const RunFile& b, int month,
                     const std::string& metric) {
  const MetricInfo& m = metric_info(metric);
  const Table ta = states_at(ds, a, month, std::nullopt);
  const Table tb = states_at(ds, b, month, std::nullopt);
  const std::size_t col = ta.column(metric);
  std::map<std::string, std::pair<std::vector<Value>, std::pair<double, double>>> by_fips;
  for (const auto& row : ta.rows) {
    auto& e = by_fips[std::get<std::string>(row[0])];
    e.first = {row[0], row[1], row[2]};
    e.second = {number(row[col]), kNaN};
  }
  for (const auto& row : tb.rows) {
    auto& e = by_fips[std::get<std::string>(row[0])];
    if (e.first.empty()) e = {{row[0], row[1], row[2]}, {kNaN, kNaN}};
    e.second.second = number(row[col]);
  }
  Table t;
  t.title = fmt::format("{}, month {}: {} minus {}", m.label, month, b.info().scenario,
                        a.info().scenario);
  t.columns = {
      {"fips", "FIPS", ColumnKind::kText},       {"usps", "", ColumnKind::kText},
      {"name", "State", ColumnKind::kText},      {"value_a", a.info().scenario, m.kind, 2},
      {"value_b", b.info().scenario, m.kind, 2}, {"difference", "Difference (b - a)", m.kind, 2}};
  for (auto& [fips, e] : by_fips) {
    std::vector<Value> row = e.first;
    row.emplace_back(e.second.first);
    row.emplace_back(e.second.second);
    row.emplace_back(e.second.second - e.second.first);
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(fmt::format("a = {} ({}), b = {} ({}); difference = b - a.", a.info().id,
                                a.info().file, b.info().id, b.info().file));
  return t;
}

}  // namespace floe::serve
