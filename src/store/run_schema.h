// The tables of a simulation run's results file (docs/model.md §12), declared once: the writer
// (src/models/db.cc), the reader (src/runs/run_file.cc, floe::SimulationRun) and the dashboard
// (src/serve) take their column lists from here.
//
//   run(key, value)
//   national(month, <figures>, <indicators>)
//   state_major(month, state_fips, major, <figures>)
//   county_major(month, county_fips, major, <figures>)   every output.county_every months and the
//   last flows(month, from_major, to_major, moves)
//
// and, with the AI-talent model, its talent_* tables (docs/talent.md §9); with the no-AI twin,
// twin_* copies of the first three; with replicates, replicate_national and replicate_intervals.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace floe::run_schema {

// Stocks (people at the month's end, wages a year) and events (people in the month) of a place,
// in MonthFigures' order (include/floe/simulation.h).
inline constexpr std::array<std::string_view, 13> kFigures = {"employed",
                                                              "unemployed",
                                                              "training",
                                                              "layoffs",
                                                              "displaced_direct",
                                                              "displaced_indirect",
                                                              "quits",
                                                              "hires",
                                                              "occupation_changes",
                                                              "wage_bill",
                                                              "exposed_wages",
                                                              "exits",
                                                              "agents"};

// National indicators, after the figures in the national table, in MonthIndicators' order
// (unemployment_rate first, computed from the figures: trainees count as not employed).
inline constexpr std::array<std::string_view, 11> kIndicators = {
    "unemployment_rate", "exposure",
    "adoption",          "job_finding",
    "openings",          "multiplier",
    "trainees_started",  "trainees_completed",
    "training_spending", "trainees_reemployed",
    "entrants"};

struct TableDef {
  std::string_view name;
  std::array<std::string_view, 2> keys;  // text key columns after month ("" = none)
  bool figures, indicators;
};

inline constexpr TableDef kNational{"national", {"", ""}, true, true};
inline constexpr TableDef kStateMajor{"state_major", {"state_fips", "major"}, true, false};
inline constexpr TableDef kCountyMajor{"county_major", {"county_fips", "major"}, true, false};
inline constexpr TableDef kFlows{"flows", {"from_major", "to_major"}, false, false};
// flows has one value column after its keys:
inline constexpr std::string_view kFlowMoves = "moves";

inline constexpr std::array<TableDef, 4> kTables = {kNational, kStateMajor, kCountyMajor, kFlows};

// The value columns of a table, in order (figures, indicators; or moves).
inline std::vector<std::string_view> value_column_names(const TableDef& t) {
  std::vector<std::string_view> v;
  if (t.figures) v.insert(v.end(), kFigures.begin(), kFigures.end());
  if (t.indicators) v.insert(v.end(), kIndicators.begin(), kIndicators.end());
  if (!t.figures && !t.indicators) v.push_back(kFlowMoves);
  return v;
}

// The same, joined: "employed, unemployed, ..."; with `suffix` after each: "employed REAL, ...".
inline std::string value_columns(const TableDef& t, std::string_view suffix = "") {
  std::string s;
  for (std::string_view c : value_column_names(t)) {
    if (!s.empty()) s += ", ";
    s += c;
    s += suffix;
  }
  return s;
}

// With replicates (docs/model.md §16): per month and measure (ReplicateInterval's names), the
// mean and the 5th and 95th percentiles over the replicates, and how many there were.
// (floe ensemble's files put a scenario column first, docs/scaling.md.)
inline constexpr std::string_view kReplicateIntervals = "replicate_intervals";
inline constexpr std::string_view kReplicateIntervalColumns =
    "month INTEGER, measure TEXT, mean REAL, low REAL, high REAL, replicates INTEGER";
inline constexpr std::string_view kReplicateIntervalsCreate =
    "CREATE TABLE replicate_intervals (month INTEGER, measure TEXT, mean REAL, low REAL, "
    "high REAL, replicates INTEGER, PRIMARY KEY (month, measure))";
static_assert(kReplicateIntervalsCreate.find(kReplicateIntervalColumns) != std::string_view::npos);

// The tables of the no-AI twin are the scenario's with this prefix.
inline constexpr std::string_view kTwinPrefix = "twin_";

// CREATE TABLE statement: month INTEGER, the keys TEXT, the values REAL.
inline std::string create_sql(const TableDef& t, std::string_view prefix = "") {
  std::string s = "CREATE TABLE " + std::string(prefix) + std::string(t.name) + " (month INTEGER";
  for (auto k : t.keys) {
    if (!k.empty()) s += ", " + std::string(k) + " TEXT";
  }
  return s + ", " + value_columns(t, " REAL") + ")";
}

// Number of columns, month and keys included.
inline int column_count(const TableDef& t) {
  int n = 1;
  for (auto k : t.keys) n += !k.empty();
  return n + static_cast<int>(value_column_names(t).size());
}

}  // namespace floe::run_schema
