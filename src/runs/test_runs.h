// Two hand-made run files for tests (written with sqlite3 directly, in the layout of
// write_simulation_db), small enough to check every figure on paper. Months 0..2, two states,
// Alabama (01) with two occupation groups and Alaska (02) with one; wage bill $50,000 a year per
// employed worker, exposed wages 30% of it. Counties at months 0 and 2.
//
// "baseline" (employed / unemployed, displaced directly / indirectly in the month):
//   month  01 15-0000       01 43-0000      02 15-0000      nation
//   0      1000 / 50        900 / 50        1900 / 100      3800 / 200  (5.00%)
//   1       980 / 70, 6/2   890 / 60, 2/1   1880 / 120, 2/1 3750 / 250  (6.25%), 10/4
//   2       960 / 90, 10/3  880 / 70, 4/1   1860 / 140, 6/2 3700 / 300  (7.50%), 20/6
// "fast-adoption":
//   0      as baseline
//   1       950 / 100, 30/8 880 / 70, 5/2   1870 / 130, 4/1 3700 / 300  (7.50%), 39/11
//   2       900 / 150, 40/10 860 / 90, 8/2  1834 / 166, 8/3 3594 / 406 (10.15%), 56/15
// Counties (one occupation group each), months 0 and 2:
//   baseline, both months, and fast-adoption, month 0: 01001 300 / 30, 01003 1540 / 130,
//     02020 1860 / 140
//   fast-adoption, month 2: 01001 260 / 70, 01003 1500 / 170, 02020 1840 / 160
// Flows: baseline month 1 15-0000 -> 43-0000 3, month 2 the same 5 and 43-0000 -> 15-0000 2.
//
// The AI-talent tables (add_talent_tables), at scale 0.5 with run.start 2011-03, so that the
// run's months 0..2 are 2011-02..2011-04 and the series starts in 2011-01:
//   date     month  genai  net flow (agents / expected)   new PhDs into industry (agents / exp.)
//   2011-01  -1     0       4 / 3.5                      0.5 / 0.45
//   2011-02   0     0       2 / 2.5                      0.4 / 0.45
//   2011-03   1     0      -3 / -1.5  (fast: -6 / -3)    none / 0.46
//   2011-04   2     0.2    -5 / -4    (fast: -9 / -6)    0.6 / 0.47
// talent_month at 2011-04 (researchers, ML engineers, AI engineers = headcount; entrants, exits,
// moved in, moved out, net): big_tech 1, 6, 3 = 10; 1, 0, 2, 7, -5. ai_labs 4, 8, 2 = 14; 2, 1,
// 5, 1, 4. academia 3, 2, 1 = 6; 0, 1, 2, 1, 1. (2011-03 has big_tech 12 only.)
// talent_targets: big_tech_inflow observed 168 +- 50, expected 171 (within), agents 140
// (within); phd_industry_2022 observed 0.71 +- 0.05, expected 0.7095 (within), agents none.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "store/run_schema.h"

namespace floe::testing {

// A file name under the test temporary directory, per process: ctest runs each test in its own
// process, several at once.
inline std::filesystem::path temp(const std::string& name) {
  return std::filesystem::path(::testing::TempDir()) / (std::to_string(::getpid()) + "-" + name);
}

inline void exec_sql(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message ? message : "?";
    sqlite3_free(message);
    throw std::runtime_error("test run file: " + text);
  }
}

// Runs `sql` on an existing run file.
inline void exec_file_sql(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("test run file: cannot open " + path.string());
  }
  try {
    exec_sql(db, sql);
  } catch (...) {
    sqlite3_close(db);
    throw;
  }
  sqlite3_close(db);
}

// Creates `path` with the run tables' schema (or only the run table, for `schema = false`) and
// runs `sql` on it.
inline void write_run_file(const std::filesystem::path& path, const std::string& sql,
                           bool schema = true) {
  std::filesystem::remove(path);
  std::string create = "CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT);";
  if (schema) {
    for (const run_schema::TableDef& t : run_schema::kTables) {
      create += run_schema::create_sql(t) + ";";
    }
  }
  exec_file_sql(path, "BEGIN;" + create + sql + "COMMIT;");
}

// One row of state_major or county_major: wage bill $50,000 per employed, 30% of it exposed.
inline std::string cell_row(const char* table, int month, const char* fips, const char* major,
                            double employed, double unemployed, double direct = 0,
                            double indirect = 0) {
  return fmt::format(
      "INSERT INTO {} VALUES ({}, '{}', '{}', {}, {}, 0, 0, {}, {}, 0, 0, 0, {}, {}, 0, {});",
      table, month, fips, major, employed, unemployed, direct, indirect, employed * 50000,
      employed * 50000 * 0.3, employed + unemployed);
}

// One row of national, the figures as in cell_row; exposure 0.3, adoption and job finding given.
inline std::string national_row(int month, double employed, double unemployed, double direct,
                                double indirect, double adoption, double job_finding) {
  return fmt::format(
      "INSERT INTO national VALUES ({}, {}, {}, 0, 0, {}, {}, 0, 0, 0, {}, {}, 0, {}, {}, 0.3, "
      "{}, {}, 0, 1.6, 0, 0, 0, 0, 0);",
      month, employed, unemployed, direct, indirect, employed * 50000, employed * 50000 * 0.3,
      employed + unemployed, unemployed / (employed + unemployed), adoption, job_finding);
}

inline std::string run_keys(const std::string& scenario, const std::string& text) {
  std::string sql;
  for (const auto& [k, v] : {std::pair<std::string, std::string>{"command", "floe simulate"},
                             {"scenario", scenario},
                             {"description", "hand-made"},
                             {"scenario_text", text},
                             {"seed", "1"},
                             {"months", "2"},
                             {"population", "hand-made"},
                             {"data_dir", "testdata/tiny"},
                             {"created", "2025-01-02T00:00:00Z"},
                             {"complete", "yes"}}) {
    std::string escaped;
    for (char c : v) escaped += c == '\'' ? std::string("''") : std::string(1, c);
    sql += fmt::format("INSERT INTO run VALUES ('{}', '{}');", k, escaped);
  }
  return sql;
}

inline const char* kBaselineText =
    "# Baseline\nname = \"baseline\"\ndescription = \"central\"\n\n[run]\nmonths = 2\n"
    "seed = 1\n\n[adoption]\ninnovation = 0.0025\nimitation = 0.032\n"
    "industry_speed = { CONSTRUCTION = 0.7 }\n";
inline const char* kFastText =
    "name = \"fast-adoption\"\ndescription = \"twice as fast\"\n[run]\nmonths = 2.0\nseed = 1\n"
    "[capability]\nmidpoint_months = 36\n[adoption]\ninnovation = 0.005\nimitation = 0.032\n"
    "industry_speed = { CONSTRUCTION = 0.9, FINANCE_AND_INSURANCE = 1.3 }\n[matching]\n"
    "job_finding = 0.25\n";

inline void write_baseline_run(const std::filesystem::path& path) {
  write_run_file(path, run_keys("baseline", kBaselineText) +
                           national_row(0, 3800, 200, 0, 0, 0.09, 0.25) +
                           national_row(1, 3750, 250, 10, 4, 0.10, 0.24) +
                           national_row(2, 3700, 300, 20, 6, 0.12, 0.22) +
                           cell_row("state_major", 0, "01", "15-0000", 1000, 50) +
                           cell_row("state_major", 0, "01", "43-0000", 900, 50) +
                           cell_row("state_major", 0, "02", "15-0000", 1900, 100) +
                           cell_row("state_major", 1, "01", "15-0000", 980, 70, 6, 2) +
                           cell_row("state_major", 1, "01", "43-0000", 890, 60, 2, 1) +
                           cell_row("state_major", 1, "02", "15-0000", 1880, 120, 2, 1) +
                           cell_row("state_major", 2, "01", "15-0000", 960, 90, 10, 3) +
                           cell_row("state_major", 2, "01", "43-0000", 880, 70, 4, 1) +
                           cell_row("state_major", 2, "02", "15-0000", 1860, 140, 6, 2) +
                           cell_row("county_major", 0, "01001", "15-0000", 300, 30) +
                           cell_row("county_major", 0, "01003", "15-0000", 1540, 130) +
                           cell_row("county_major", 0, "02020", "15-0000", 1860, 140) +
                           cell_row("county_major", 2, "01001", "15-0000", 300, 30) +
                           cell_row("county_major", 2, "01003", "15-0000", 1540, 130) +
                           cell_row("county_major", 2, "02020", "15-0000", 1860, 140) +
                           "INSERT INTO flows VALUES (1, '15-0000', '43-0000', 3);"
                           "INSERT INTO flows VALUES (2, '15-0000', '43-0000', 5);"
                           "INSERT INTO flows VALUES (2, '43-0000', '15-0000', 2);");
}

inline void write_fast_run(const std::filesystem::path& path) {
  write_run_file(path, run_keys("fast-adoption", kFastText) +
                           national_row(0, 3800, 200, 0, 0, 0.09, 0.25) +
                           national_row(1, 3700, 300, 39, 11, 0.14, 0.22) +
                           national_row(2, 3594, 406, 56, 15, 0.20, 0.18) +
                           cell_row("state_major", 0, "01", "15-0000", 1000, 50) +
                           cell_row("state_major", 0, "01", "43-0000", 900, 50) +
                           cell_row("state_major", 0, "02", "15-0000", 1900, 100) +
                           cell_row("state_major", 1, "01", "15-0000", 950, 100, 30, 8) +
                           cell_row("state_major", 1, "01", "43-0000", 880, 70, 5, 2) +
                           cell_row("state_major", 1, "02", "15-0000", 1870, 130, 4, 1) +
                           cell_row("state_major", 2, "01", "15-0000", 900, 150, 40, 10) +
                           cell_row("state_major", 2, "01", "43-0000", 860, 90, 8, 2) +
                           cell_row("state_major", 2, "02", "15-0000", 1834, 166, 8, 3) +
                           cell_row("county_major", 0, "01001", "15-0000", 300, 30) +
                           cell_row("county_major", 0, "01003", "15-0000", 1540, 130) +
                           cell_row("county_major", 0, "02020", "15-0000", 1860, 140) +
                           cell_row("county_major", 2, "01001", "15-0000", 260, 70) +
                           cell_row("county_major", 2, "01003", "15-0000", 1500, 170) +
                           cell_row("county_major", 2, "02020", "15-0000", 1840, 160));
}

// Adds the talent tables above to a run file written by write_baseline_run or write_fast_run.
inline void add_talent_tables(const std::filesystem::path& path, bool fast = false) {
  std::string sql =
      "BEGIN;"
      "INSERT INTO run VALUES ('talent_scale', '0.500000');"
      "INSERT INTO run VALUES ('talent_start', '2011-03');"
      "INSERT INTO run VALUES ('talent_parameters_from', 'calibrated at the start of the run');"
      "CREATE TABLE talent_series (date TEXT, month REAL, genai_index REAL, big_tech_net_flow "
      "REAL, big_tech_net_flow_expected REAL, phd_industry_share REAL, "
      "phd_industry_share_expected REAL);"
      "CREATE TABLE talent_month (date TEXT, month REAL, employer TEXT, researchers REAL, "
      "ml_engineers REAL, ai_engineers REAL, headcount REAL, entrants REAL, exits REAL, "
      "moved_in REAL, moved_out REAL, net_flow REAL);"
      "CREATE TABLE talent_targets (target TEXT, description TEXT, observed REAL, tolerance "
      "REAL, expected REAL, expected_within INTEGER, agents REAL, agents_within INTEGER, source "
      "TEXT);"
      "INSERT INTO talent_series VALUES ('2011-01', -1, 0, 4, 3.5, 0.5, 0.45);"
      "INSERT INTO talent_series VALUES ('2011-02', 0, 0, 2, 2.5, 0.4, 0.45);";
  sql += fast ? "INSERT INTO talent_series VALUES ('2011-03', 1, 0, -6, -3, NULL, 0.46);"
                "INSERT INTO talent_series VALUES ('2011-04', 2, 0.2, -9, -6, 0.6, 0.47);"
              : "INSERT INTO talent_series VALUES ('2011-03', 1, 0, -3, -1.5, NULL, 0.46);"
                "INSERT INTO talent_series VALUES ('2011-04', 2, 0.2, -5, -4, 0.6, 0.47);";
  sql +=
      "INSERT INTO talent_month VALUES ('2011-03', 1, 'big_tech', 2, 7, 3, 12, 0, 0, 1, 4, -3);"
      "INSERT INTO talent_month VALUES ('2011-04', 2, 'big_tech', 1, 6, 3, 10, 1, 0, 2, 7, -5);"
      "INSERT INTO talent_month VALUES ('2011-04', 2, 'ai_labs', 4, 8, 2, 14, 2, 1, 5, 1, 4);"
      "INSERT INTO talent_month VALUES ('2011-04', 2, 'academia', 3, 2, 1, 6, 0, 1, 2, 1, 1);"
      "INSERT INTO talent_targets VALUES ('big_tech_inflow', 'Net flow into big tech, a month', "
      "168, 50, 171, 1, 140, 1, 'Live Data Technologies');"
      "INSERT INTO talent_targets VALUES ('phd_industry_2022', 'New AI PhDs into industry, "
      "2022', 0.71, 0.05, 0.7095, 1, NULL, NULL, 'Stanford AI Index');"
      "COMMIT;";
  exec_file_sql(path, sql);
}

}  // namespace floe::testing
