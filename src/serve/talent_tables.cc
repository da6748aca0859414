#include "serve/talent_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

#include "floe/numbers.h"
#include "floe/talent.h"
#include "serve/values.h"

namespace floe::serve {
namespace {

Column text_column(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kText};
}
Column count_column(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kCount, 0};
}
Column number_column(std::string name, std::string label, int precision) {
  return {std::move(name), std::move(label), ColumnKind::kNumber, precision};
}
// A target's statistics: 168 a month, a share of 0.143, a ratio of 19.6 in one column.
Column statistic_column(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kStatistic, 0};
}
Column share_column(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kShare, 1};
}

const TalentInfo& talent(const RunFile& run) { return *run.info().talent; }

// 0/1 as stored by SQLite, as a flag; NULL stays empty.
Value flag(const Value& v) {
  const auto* d = std::get_if<double>(&v);
  return d ? Value(*d != 0) : Value();
}

// A column name of the file inside SQL (segment names come from the file itself).
std::string quoted(const std::string& name) {
  std::string q = "\"";
  for (char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// Where a table's counts come from, for its notes.
std::string scale_note(const RunFile& run) {
  return fmt::format(
      "Counts are agents of this run: {:g} of the US AI-skilled workforce, so one agent stands "
      "for about {:g} workers.",
      talent(run).scale, std::round(1 / talent(run).scale));
}

std::string period(const DateRange& months) {
  return months.from == months.to ? months.from : months.from + " to " + months.to;
}

using Rows = std::vector<std::vector<Value>>;

// Adds the keys in column `at` of `rows` that `keys` lacks, after the others: the run's employer
// classes come first, in the file's order, and a key only some months have is still shown.
void add_keys(std::vector<std::string>& keys, const Rows& rows, std::size_t at) {
  for (const auto& row : rows) {
    const std::string k = text(row[at]);
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
}

}  // namespace

Table talent_series(const RunFile& run, const DateRange& months) {
  Table t{"AI-talent indicators by month: " + run.info().scenario,
          {text_column("date", "Month"), number_column("month", "Run month", 0),
           number_column("genai_index", "Gen-AI postings (May 2024 = 1)", 3),
           count_column("big_tech_net_flow", "Net flow into big tech (agents)"),
           number_column("big_tech_net_flow_expected", "Expected net flow into big tech", 1),
           share_column("phd_industry_share", "New PhDs into industry"),
           share_column("phd_industry_share_expected", "Expected, new PhDs into industry")},
          {},
          {}};
  t.rows = run.query(
      "SELECT date, month, genai_index, big_tech_net_flow, big_tech_net_flow_expected, "
      "phd_industry_share, phd_industry_share_expected FROM talent_series "
      "WHERE date >= ?1 AND date <= ?2 ORDER BY date",
      {months.from, months.to});
  t.notes.push_back(
      "Net flow into big tech: moves into it from the other classes minus moves out, in the "
      "month; expected: the expected-flow form with the same parameters, at the run's scale "
      "(docs/talent.md §4). Run month 1 is " +
      talent(run).start + ".");
  t.notes.push_back(scale_note(run));
  return t;
}

Table talent_headcount(const RunFile& run, const std::string& segment, const DateRange& months) {
  const std::string what = segment == "headcount" ? "AI-skilled workers" : segment_label(segment);
  Table t{what + " by employer class and month: " + run.info().scenario,
          {text_column("date", "Month"), number_column("month", "Run month", 0)},
          {},
          {}};
  const auto rows = run.query("SELECT date, month, employer, " + quoted(segment) +
                                  " FROM talent_month WHERE date >= ?1 AND date <= ?2 "
                                  "ORDER BY date, rowid",
                              {months.from, months.to});
  std::vector<std::string> keys = talent(run).employers;
  add_keys(keys, rows, 2);
  for (const auto& k : keys) t.columns.push_back(count_column(k, employer_label(k)));
  t.columns.push_back(count_column("total", "All classes"));
  std::map<std::string, std::size_t> column_of;
  for (std::size_t i = 0; i < keys.size(); ++i) column_of[keys[i]] = 2 + i;
  for (const auto& row : rows) {
    if (t.rows.empty() || text(t.rows.back()[0]) != text(row[0])) {
      std::vector<Value> out{row[0], row[1]};
      out.resize(keys.size() + 3, Value(0.0));
      t.rows.push_back(std::move(out));
    }
    auto& out = t.rows.back();
    const double n = number(row[3]);
    out[column_of[text(row[2])]] = n;
    out.back() = number(out.back()) + n;
  }
  t.notes.push_back("Headcount at the start of each month.");
  t.notes.push_back(scale_note(run));
  return t;
}

Table talent_employers(const RunFile& run, const std::string& date) {
  const TalentInfo& info = talent(run);
  Table t{fmt::format("AI-skilled workers by employer class, {}: {}", date, run.info().scenario),
          {text_column("employer", "Key"), text_column("label", "Employer class")},
          {},
          {}};
  std::string sql = "SELECT employer";
  for (const auto& s : info.segments) {
    sql += ", " + quoted(s);
    t.columns.push_back(count_column(s, segment_label(s)));
  }
  sql +=
      ", headcount, entrants, exits, moved_in, moved_out, net_flow FROM talent_month "
      "WHERE date = ?1 ORDER BY rowid";
  for (Column c :
       {count_column("headcount", "All AI-skilled"), share_column("share", "Share of all"),
        count_column("entrants", "New workers"), count_column("exits", "Left the occupation"),
        count_column("moved_in", "Moved in"), count_column("moved_out", "Moved out"),
        count_column("net_flow", "Net moves in")}) {
    t.columns.push_back(std::move(c));
  }
  const auto rows = run.query(sql, {date});
  const std::size_t first_figure = 1 + info.segments.size();  // headcount
  double total = 0;
  for (const auto& row : rows) total += number(row[first_figure]);
  for (const auto& row : rows) {
    std::vector<Value> out{row[0], employer_label(text(row[0]))};
    out.insert(out.end(), row.begin() + 1, row.begin() + first_figure + 1);
    out.emplace_back(total > 0 ? number(row[first_figure]) / total : kNaN);
    out.insert(out.end(), row.begin() + first_figure + 1, row.end());
    t.rows.push_back(std::move(out));
  }
  t.notes.push_back(
      "Headcount at the start of the month; new workers, exits and moves between classes "
      "during it. Net moves in = moved in - moved out.");
  t.notes.push_back(scale_note(run));
  return t;
}

Table talent_moves(const RunFile& run, const DateRange& months) {
  const auto rows = run.query(
      "SELECT origin, destination, SUM(movers) FROM talent_moves WHERE date >= ?1 AND date <= ?2 "
      "GROUP BY origin, destination",
      {months.from, months.to});
  std::vector<std::string> keys = talent(run).employers;
  add_keys(keys, rows, 0);
  add_keys(keys, rows, 1);
  Table t{
      fmt::format("Moves between employer classes, {}: {}", period(months), run.info().scenario),
      {text_column("origin", "Key"), text_column("label", "From")},
      {},
      {}};
  for (const auto& k : keys) t.columns.push_back(count_column("to_" + k, employer_label(k)));
  t.columns.push_back(count_column("moved_out", "All moves out"));
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < keys.size(); ++i) index[keys[i]] = i;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    std::vector<Value> row{keys[i], employer_label(keys[i])};
    for (std::size_t j = 0; j < keys.size(); ++j) {
      if (i == j) {
        row.emplace_back();  // no moves from a class to itself
      } else {
        row.emplace_back(0.0);
      }
    }
    row.emplace_back(0.0);
    t.rows.push_back(std::move(row));
  }
  for (const auto& r : rows) {
    const std::size_t i = index[text(r[0])], j = index[text(r[1])];
    if (i == j) continue;  // the file has no moves from a class to itself
    auto& row = t.rows[i];
    row[2 + j] = number(row[2 + j]) + number(r[2]);
    row.back() = number(row.back()) + number(r[2]);
  }
  t.notes.push_back(
      "Rows: where movers came from; columns: where they went; summed over the "
      "months " +
      period(months) + ".");
  t.notes.push_back(scale_note(run));
  return t;
}

Table talent_phd(const RunFile& run, const DateRange& months) {
  const auto rows = run.query(
      "SELECT destination, SUM(graduates) FROM talent_phd WHERE date >= ?1 AND date <= ?2 "
      "GROUP BY destination",
      {months.from, months.to});
  std::vector<std::string> keys = talent(run).employers;
  keys.push_back("outside");
  add_keys(keys, rows, 0);
  std::map<std::string, double> graduates;
  double total = 0;
  for (const auto& r : rows) {
    graduates[text(r[0])] += number(r[1]);
    total += number(r[1]);
  }
  Table t{fmt::format("New AI PhDs by destination, {}: {}", period(months), run.info().scenario),
          {text_column("destination", "Key"), text_column("label", "Destination"),
           count_column("graduates", "New PhDs"), share_column("share", "Share")},
          {},
          {}};
  for (const auto& k : keys) {
    const double n = graduates[k];
    t.rows.push_back({k, employer_label(k), n, total > 0 ? n / total : kNaN});
  }
  t.notes.push_back(scale_note(run));
  return t;
}

Table talent_targets(const RunFile& run) {
  Table t{"Observed facts against the talent model: " + run.info().scenario,
          {text_column("target", "Target"),
           text_column("description", "Fact"),
           text_column("goal", "Observed"),
           statistic_column("observed", "Observed value"),
           statistic_column("tolerance", "Tolerance"),
           statistic_column("expected", "Expected form"),
           {"expected_within", "Within", ColumnKind::kFlag, 0},
           statistic_column("agents", "This run's agents"),
           {"agents_within", "Within", ColumnKind::kFlag, 0},
           text_column("source", "Source")},
          {},
          {}};
  // The targets' kinds, written since floe said what each target asks for ('' before: read as
  // value targets).
  const bool kinds =
      !run.query("SELECT 1 FROM pragma_table_info('talent_targets') WHERE name = 'kind'").empty();
  for (auto row : run.query(fmt::format(
           "SELECT target, description, {}, observed, tolerance, expected, expected_within, "
           "agents, agents_within, source FROM talent_targets ORDER BY rowid",
           kinds ? "kind" : "''"))) {
    row[2] = target_goal(text(row[2]), number(row[3]), number(row[4]));
    row[6] = flag(row[6]);
    row[8] = flag(row[8]);
    t.rows.push_back(std::move(row));
  }
  t.notes.push_back(
      "Statistics at US scale (docs/talent.md §4). A target 'every month' shows its worst month; "
      "a ratio's tolerance is a factor. This run's agents are empty where the run does not cover "
      "the target's months.");
  t.notes.push_back(talent_scale_note(talent(run).scale));
  return t;
}

Table talent_parameters(const RunFile& run) {
  Table t{
      "Talent model parameters: " + run.info().scenario,
      {text_column("parameter", "Parameter"), number_column("value", "Value", 4),
       number_column("prior", "Prior", 4), text_column("meaning", "Meaning")},
      run.query("SELECT parameter, value, prior, meaning FROM talent_parameters ORDER BY rowid"),
      {"From: " + talent(run).parameters_from + " (docs/talent.md §6)."}};
  return t;
}

Table compare_talent(const RunFile& a, const RunFile& b, const DateRange& months) {
  const std::string sql =
      "SELECT employer, SUM(moved_in), SUM(net_flow) FROM talent_month WHERE date >= ?1 AND "
      "date <= ?2 GROUP BY employer";
  const auto ra = a.query(sql, {months.from, months.to});
  const auto rb = b.query(sql, {months.from, months.to});
  std::vector<std::string> keys = talent(a).employers;
  for (const auto& k : talent(b).employers) {
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  add_keys(keys, ra, 0);
  add_keys(keys, rb, 0);
  std::map<std::string, std::array<double, 4>> sums;  // in a, in b, net a, net b
  for (const auto& k : keys) sums[k] = {0, 0, 0, 0};
  for (const auto& r : ra) {
    sums[text(r[0])][0] = number(r[1]);
    sums[text(r[0])][2] = number(r[2]);
  }
  for (const auto& r : rb) {
    sums[text(r[0])][1] = number(r[1]);
    sums[text(r[0])][3] = number(r[2]);
  }
  const std::string& na = a.info().scenario;
  const std::string& nb = b.info().scenario;
  Table t{
      fmt::format("Moves into each employer class, {}: {} minus {}", period(months), nb, na),
      {text_column("employer", "Key"), text_column("label", "Employer class"),
       count_column("moved_in_a", "Moved in: " + na), count_column("moved_in_b", "Moved in: " + nb),
       count_column("moved_in_difference", "Moved in: difference (b - a)"),
       count_column("net_flow_a", "Net moves in: " + na),
       count_column("net_flow_b", "Net moves in: " + nb),
       count_column("net_flow_difference", "Net moves in: difference (b - a)")},
      {},
      {}};
  for (const auto& k : keys) {
    const auto& s = sums[k];
    t.rows.push_back({k, employer_label(k), s[0], s[1], s[1] - s[0], s[2], s[3], s[3] - s[2]});
  }
  t.notes.push_back(fmt::format("a = {} ({}), b = {} ({}); sums over the months {}.", a.info().id,
                                a.info().file, b.info().id, b.info().file, period(months)));
  if (talent(a).scale != talent(b).scale) {
    t.notes.push_back(fmt::format(
        "The runs have different scales ({:g} and {:g}): their agents stand for different "
        "numbers of workers.",
        talent(a).scale, talent(b).scale));
  } else {
    t.notes.push_back(scale_note(a));
  }
  return t;
}

}  // namespace floe::serve
