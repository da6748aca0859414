// Reading the AI-talent tables of a run: the hand-made tables of test_runs.h (add_talent_tables),
// whose figures are worked out there, runs without them, and malformed ones.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>

#include "floe/error.h"
#include "floe/runs.h"
#include "runs/test_runs.h"

namespace floe {
namespace {

using ::testing::HasSubstr;
using testing::temp;

std::filesystem::path talent_run(const std::string& name) {
  const auto path = temp(name);
  testing::write_baseline_run(path);
  testing::add_talent_tables(path);
  return path;
}

// Runs `sql` on an existing run file (to break it).
void change(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  testing::exec_sql(db, sql);
  sqlite3_close(db);
}

// The message of the Error that reading the talent tables throws ("" if none).
std::string talent_error(const std::filesystem::path& path) {
  try {
    SimulationRun(path).talent();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(RunTalent, SeriesFromJanuary2011InOrder) {
  const SimulationRun run(talent_run("talent.db"));
  ASSERT_TRUE(run.info().talent);
  const RunTalent t = run.talent();
  EXPECT_DOUBLE_EQ(t.scale, 0.5);
  EXPECT_EQ(t.start, "2011-03");
  EXPECT_EQ(t.parameters_from, "calibrated at the start of the run");
  ASSERT_EQ(t.series.size(), 4u);
  EXPECT_EQ(t.series[0].date, "2011-01");
  EXPECT_EQ(t.series[0].index, 0);
  EXPECT_EQ(t.series[0].month, -1);
  EXPECT_EQ(t.series[3].index, 3);
  EXPECT_EQ(t.series[3].month, 2);
  EXPECT_DOUBLE_EQ(t.series[3].genai_index, 0.2);
  EXPECT_EQ(t.series[3].big_tech_net_flow, -5);
  EXPECT_EQ(t.series[3].big_tech_net_flow_expected, -4);
  EXPECT_DOUBLE_EQ(t.series[1].phd_industry_share, 0.4);
  EXPECT_TRUE(std::isnan(t.series[2].phd_industry_share));  // no new PhDs in 2011-03
  EXPECT_DOUBLE_EQ(t.series[2].phd_industry_share_expected, 0.46);
}

TEST(RunTalent, EmployerClassesAtTheLastMonthOnly) {
  const RunTalent t = SimulationRun(talent_run("talent.db")).talent();
  EXPECT_EQ(t.last_date, "2011-04");
  ASSERT_EQ(t.last_month.size(), 3u);  // not 2011-03's row
  EXPECT_EQ(t.last_month[0].employer, "big_tech");
  EXPECT_EQ(t.last_month[0].headcount, 10);
  EXPECT_EQ(t.last_month[0].ml_engineers, 6);
  EXPECT_EQ(t.last_month[0].moved_out, 7);
  EXPECT_EQ(t.last_month[0].net_flow, -5);
  EXPECT_EQ(t.last_month[2].employer, "academia");
  EXPECT_EQ(t.last_month[2].exits, 1);
}

TEST(RunTalent, TargetsWithAndWithoutAgents) {
  const RunTalent t = SimulationRun(talent_run("talent.db")).talent();
  ASSERT_EQ(t.targets.size(), 2u);
  EXPECT_EQ(t.targets[0].target, "big_tech_inflow");
  EXPECT_EQ(t.targets[0].observed, 168);
  EXPECT_EQ(t.targets[0].expected, 171);
  EXPECT_TRUE(t.targets[0].expected_within);
  EXPECT_EQ(t.targets[0].agents, 140);
  EXPECT_TRUE(t.targets[0].agents_within);
  EXPECT_EQ(t.targets[1].source, "Stanford AI Index");
  EXPECT_TRUE(std::isnan(t.targets[1].agents));
  EXPECT_FALSE(t.targets[1].agents_within);
  EXPECT_EQ(t.targets[0].kind, "");  // a file from before floe wrote the targets' kinds
}

TEST(RunTalent, HeadcountTableMostWorkersFirst) {
  const Table t = run_talent_headcount_table(SimulationRun(talent_run("talent.db")).talent());
  ASSERT_EQ(t.rows.size(), 3u);
  // 14 + 10 + 6 = 30 agents at scale 0.5: AI labs 14 (46.7%, 28 in the US), big tech 10, then
  // academia 6 (20%).
  const auto& labs = t.rows[0];
  EXPECT_EQ(std::get<std::string>(labs[t.column("employer")]), "ai_labs");
  EXPECT_EQ(std::get<double>(labs[t.column("headcount")]), 14);
  EXPECT_EQ(std::get<double>(labs[t.column("us_headcount")]), 28);
  EXPECT_DOUBLE_EQ(std::get<double>(labs[t.column("share")]), 14.0 / 30);
  EXPECT_EQ(std::get<double>(labs[t.column("net_flow")]), 4);
  EXPECT_EQ(std::get<std::string>(t.rows[1][0]), "big_tech");
  EXPECT_EQ(std::get<double>(t.rows[1][t.column("net_flow")]), -5);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[2][t.column("share")]), 0.2);
  EXPECT_EQ(t.title, "AI-skilled workers by employer class, 2011-04");
  ASSERT_EQ(t.notes.size(), 1u);
  EXPECT_THAT(t.notes[0], HasSubstr("Agents simulate 50.0% of the US AI-skilled workforce"));
}

TEST(RunTalent, TargetsTableLeavesAgentsEmptyWhereTheRunEndsEarlier) {
  const Table t = run_talent_targets_table(SimulationRun(talent_run("talent.db")).talent());
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(std::get<double>(t.rows[0][t.column("agents")]), 140);
  EXPECT_EQ(std::get<bool>(t.rows[0][t.column("agents_within")]), true);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[1][t.column("agents")]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(t.rows[1][t.column("agents_within")]));
  // Statistics to three significant digits; a file without kinds reads its targets as values.
  EXPECT_EQ(format_value(t.rows[1][t.column("expected")], t.columns[t.column("expected")]), "0.71");
  EXPECT_EQ(std::get<std::string>(t.rows[0][t.column("goal")]), "168 ± 50");
  EXPECT_EQ(std::get<std::string>(t.rows[1][t.column("goal")]), "0.71 ± 0.05");
  ASSERT_EQ(t.notes.size(), 2u);
  EXPECT_THAT(t.notes[1], HasSubstr("simulates 50% of the AI-skilled workforce"));
}

TEST(RunTalent, RunsWithoutTalentTables) {
  const auto path = temp("no-talent.db");
  testing::write_baseline_run(path);
  const SimulationRun run(path);
  EXPECT_FALSE(run.info().talent);
  EXPECT_THAT(talent_error(path), HasSubstr("no-talent.db: no AI-talent tables"));
}

TEST(RunTalent, MalformedTablesNameTheFileAndTheField) {
  auto path = talent_run("no-column.db");
  change(path, "ALTER TABLE talent_series DROP COLUMN genai_index;");
  EXPECT_EQ(talent_error(path), path.string() + ": table talent_series has no column genai_index");

  path = talent_run("no-month-table.db");
  change(path, "DROP TABLE talent_month;");
  EXPECT_EQ(talent_error(path), path.string() + ": the talent segment has no talent_month table");

  path = talent_run("gap.db");
  change(path, "DELETE FROM talent_series WHERE date = '2011-02';");
  EXPECT_EQ(talent_error(path),
            path.string() + ": table talent_series has month 2011-03 where 2011-02 should be");

  path = talent_run("bad-date.db");
  change(path, "UPDATE talent_series SET date = '2010-12' WHERE date = '2011-01';");
  EXPECT_EQ(talent_error(path), path.string() +
                                    ": table talent_series, column date: '2010-12' is not a "
                                    "month YYYY-MM from 2011-01");

  path = talent_run("bad-scale.db");
  change(path, "UPDATE run SET value = '0' WHERE key = 'talent_scale';");
  EXPECT_EQ(talent_error(path),
            path.string() + ": run key talent_scale: expected a number in (0, 1], got '0'");

  path = talent_run("empty.db");
  change(path, "DELETE FROM talent_series;");
  EXPECT_EQ(talent_error(path), path.string() + ": table talent_series has no months");
}

}  // namespace
}  // namespace floe
