// The simulation report of the hand-made runs of src/runs/test_runs.h on the tiny world's maps
// (testdata/tiny), with figures worked out there. At month 2, baseline: nation 300 unemployed of
// 4,000 (7.5%, 5.0% at month 0), 3,700 employed (3,800 at month 0), 30 displaced directly and 10
// through cascades so far; Alabama 8% (5% at month 0; 1,840 employed of 1,900), Alaska 7%.
// fast-adoption: nation 406 / 4,000 = 10.15%, 3,594 employed, 95 + 26 displaced; Alabama 12%,
// Alaska 166 / 2,000 = 8.3% (1,834 employed).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <regex>

#include "dataset/tiny_world.h"
#include "floe/dataset.h"
#include "floe/error.h"
#include "floe/report.h"
#include "report/test_report.h"
#include "runs/test_runs.h"
#include "store/run_schema.h"

namespace floe {
namespace {

using testing::count;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::tiny_atlas;

std::filesystem::path temp(const std::string& name) {
  return std::filesystem::path(::testing::TempDir()) / (std::to_string(::getpid()) + "-" + name);
}

class SimulationReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    testing::write_baseline_run(temp("report-baseline.db"));
    testing::write_fast_run(temp("report-fast.db"));
    const SimulationRun a(temp("report-baseline.db")), b(temp("report-fast.db"));
    one_ = new std::string(
        simulation_report_html(tiny().geography, tiny_atlas(), a, nullptr, {.date = "2025-01-02"}));
    two_ = new std::string(
        simulation_report_html(tiny().geography, tiny_atlas(), a, &b, {.date = "2025-01-02"}));
  }
  static void TearDownTestSuite() {
    delete one_;
    delete two_;
  }
  static std::string* one_;
  static std::string* two_;
};

std::string* SimulationReportTest::one_ = nullptr;
std::string* SimulationReportTest::two_ = nullptr;

TEST_F(SimulationReportTest, OneRunHeadline) {
  const std::string& h = *one_;
  EXPECT_THAT(h, HasSubstr("<title>Simulation: baseline</title>"));
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">7.5%</div><div class=\"label\">unemployment at "
                           "month 2</div><div class=\"detail\">5.0% at month 0</div>"));
  // 3,700 / 3,800 - 1 = -2.6%.
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">\u22122.6%</div>"));
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">40</div><div class=\"label\">workers displaced "
                           "by AI</div><div class=\"detail\">30 directly, 10 more through local "
                           "cascades, months 0 to 2</div>"));
  // Self-contained: no scripts, nothing to fetch.
  EXPECT_THAT(h, ::testing::Not(HasSubstr("<script")));
  EXPECT_THAT(h, ::testing::Not(HasSubstr("http")));
}

// With replicates, the headline gives the range that holds 90% of them.
TEST(SimulationReport, OneRunHeadlineWithReplicates) {
  const auto path = temp("report-replicates.db");
  testing::write_baseline_run(path);
  testing::exec_file_sql(path, std::string(run_schema::kReplicateIntervalsCreate) +
                                   ";INSERT INTO replicate_intervals VALUES "
                                   "(2, 'unemployment_rate', 0.075, 0.0705, 0.0812, 20);");
  const SimulationRun run(path);
  const std::string h =
      simulation_report_html(tiny().geography, tiny_atlas(), run, nullptr, {.date = "2025-01-02"});
  EXPECT_THAT(h, HasSubstr("<div class=\"detail\">5.0% at month 0; 7.05% to 8.12% in 90% of 20 "
                           "seeds</div>"));
}

TEST_F(SimulationReportTest, OneRunCharts) {
  const std::string& h = *one_;
  EXPECT_EQ(count(h, "<svg class=\"chart\""), 6u);
  for (const char* id : {"chart-unemployment", "chart-employment", "chart-displaced-direct",
                         "chart-displaced-indirect", "chart-adoption", "chart-job-finding"}) {
    EXPECT_THAT(h, HasSubstr(std::string("id=\"") + id + "\"")) << id;
  }
  EXPECT_THAT(h, HasSubstr("<title>baseline: 5.00% at month 0, 7.50% at month 2</title>"));
  EXPECT_THAT(h, HasSubstr("<title>baseline: 0 at month 0, 30 at month 2</title>"));
  EXPECT_THAT(h, HasSubstr("<title>baseline: 0 at month 0, 10 at month 2</title>"));
  EXPECT_THAT(h, HasSubstr("<title>adoption: 9.00% at month 0, 12.00% at month 2</title>"));
  EXPECT_THAT(h, HasSubstr("<title>exposure: 30.00% at month 0, 30.00% at month 2</title>"));
  EXPECT_THAT(h, HasSubstr("<title>baseline: 25.00% at month 0, 22.00% at month 2</title>"));
}

TEST_F(SimulationReportTest, OneRunMaps) {
  const std::string& h = *one_;
  // Unemployment 7% to 8%: classes 0.2 points wide (round_scale), Alabama in the darkest,
  // Alaska in the lightest.
  EXPECT_THAT(h, HasSubstr("<figure id=\"state-figure\" data-states-in-data=\"2\">"));
  EXPECT_THAT(h, HasSubstr("<path class=\"state\" data-fips=\"01\" fill=\"#123d6e\""));
  EXPECT_THAT(h, HasSubstr("<path class=\"state\" data-fips=\"02\" fill=\"#dcecf5\""));
  EXPECT_THAT(h, HasSubstr("<title>Alabama: unemployment 8.0% (5.0% at month 0); 1,840 employed "
                           "(\u22123.2% since month 0)</title>"));
  EXPECT_THAT(h, HasSubstr(">7.0%</text>"));
  EXPECT_THAT(h, HasSubstr(">8.0%</text>"));
  // Employment since month 0: Alabama 1,840 / 1,900 - 1 = -3.2%, Alaska 1,860 / 1,900 - 1.
  EXPECT_THAT(h, HasSubstr("<title>Alaska: 1,860 employed at month 2, 1,900 at month 0 "
                           "(\u22122.1%)</title>"));
  // Counties at month 2: Baldwin 130 of 1,670 = 7.8%; Autauga's 330 agents are fewer than
  // kFewAgents, so it is grey; Valdez-Cordova's successors are not in the run.
  EXPECT_THAT(h, HasSubstr("<title>Baldwin County, AL: unemployment 7.8%; 1,540 employed</title>"));
  EXPECT_THAT(h, HasSubstr("fill=\"#d4d4d4\" d=\"M0.0,0.0L5.0,0.0L5.0,10.0L0.0,10.0L0.0,0.0Z\">"
                           "<title>Autauga County, AL: 330 agents behind its figures, fewer than "
                           "1,000: too few to show at this scale</title>"));
  EXPECT_THAT(h, HasSubstr("<title>Valdez-Cordova: no data</title>"));
  EXPECT_EQ(count(h, "<path class=\"county\""), 4u);
}

TEST_F(SimulationReportTest, OneRunTableAndScenario) {
  const std::string& h = *one_;
  EXPECT_THAT(h, HasSubstr("<table id=\"states-table\">"));
  // Alabama first (8%), 3 points above month 0, 22 displaced directly.
  EXPECT_THAT(
      h, ::testing::ContainsRegex(
             "<td><span class=\"swatch\" style=\"background:#123d6e\"></span>Alabama</td>"
             "<td class=\"num\">8.0%</td><td class=\"num\">3.00</td><td class=\"num\">1,840"
             "</td><td class=\"num\">\u22123.2%</td><td class=\"num\">22</td><td class=\"num\">7"
             "</td>"));
  EXPECT_THAT(h, HasSubstr("<pre class=\"scenario\"># Baseline\nname = &quot;baseline&quot;"));
  EXPECT_THAT(h, HasSubstr("<th>Months</th><td>0 to 2</td>"));
}

TEST_F(SimulationReportTest, ComparisonHeadlineAndCharts) {
  const std::string& h = *two_;
  EXPECT_THAT(h, HasSubstr("<title>Simulation: fast-adoption compared with baseline</title>"));
  EXPECT_THAT(
      h, HasSubstr("<div class=\"value\">+2.65</div><div class=\"label\">points of "
                   "unemployment, B\u00a0−\u00a0A at month 2</div><div class=\"detail\">baseline "
                   "7.50%, fast-adoption 10.15%</div>"));
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">\u2212106</div>"));
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">+81</div>"));  // 121 - 40
  EXPECT_EQ(count(h, "data-series=\"2\""), 5u);
  EXPECT_EQ(count(h, "data-series=\"4\""), 1u);  // adoption and exposure of each run
  EXPECT_THAT(h, HasSubstr("<title>fast-adoption: 5.00% at month 0, 10.15% at month 2</title>"));
  EXPECT_THAT(h, HasSubstr("<title>fast-adoption: 0 at month 0, 95 at month 2</title>"));
  EXPECT_THAT(h, HasSubstr("stroke=\"#e8590c\""));
}

TEST_F(SimulationReportTest, ComparisonMapsShowBMinusA) {
  const std::string& h = *two_;
  // B - A: Alabama +4 points, Alaska +1.3. The diverging scale runs from 0 to +4 in 8 classes
  // of 0.5: Alabama in the last (the deepest orange, #8a3608); Alaska in the third, 2/7 of the
  // way along the warm ramp: between #f6bd93 and #ec8c52 at 1/7, #f5b68a.
  EXPECT_THAT(h, HasSubstr("<path class=\"state\" data-fips=\"01\" fill=\"#8a3608\""));
  EXPECT_THAT(h, HasSubstr("<path class=\"state\" data-fips=\"02\" fill=\"#f5b68a\""));
  EXPECT_THAT(h, HasSubstr("<title>Alabama: unemployment 8.00% in baseline, 12.00% in "
                           "fast-adoption (+4.00 points)</title>"));
  EXPECT_THAT(h, HasSubstr("<title>Alaska: unemployment 7.00% in baseline, 8.30% in "
                           "fast-adoption (+1.30 points)</title>"));
  EXPECT_THAT(h, HasSubstr(">+4.0</text>"));
  EXPECT_THAT(h, HasSubstr(">0.0</text>"));
  EXPECT_THAT(h, HasSubstr("Unemployment rate, B − A (percentage points), month 2"));
  // Baldwin: 130 / 1,670 = 7.8% against 170 / 1,670 = 10.2% (+2.40 points); Autauga (330 agents)
  // too few to show.
  EXPECT_THAT(h, HasSubstr("<title>Baldwin County, AL: unemployment 7.8% in baseline, 10.2% in "
                           "fast-adoption (+2.4 points)</title>"));
  EXPECT_THAT(h, HasSubstr("<title>Autauga County, AL: 330 agents behind its figures in one run, "
                           "fewer than 1,000: too few to show at this scale</title>"));
  // Employment, B relative to A: Alabama 1,760 / 1,840 - 1 = -4.3%.
  EXPECT_THAT(h, HasSubstr("<title>Alabama: 1,840 employed in baseline, 1,760 in fast-adoption "
                           "(\u22124.3%)</title>"));
}

TEST_F(SimulationReportTest, ComparisonTablesAndScenarios) {
  const std::string& h = *two_;
  EXPECT_THAT(h, ::testing::ContainsRegex("Alabama</td><td class=\"num\">8.0%</td><td "
                                          "class=\"num\">12.0%</td><td class=\"num\">4.00</td>"));
  EXPECT_THAT(h, HasSubstr("<tr><th>adoption.innovation</th><td>0.0025</td><td>0.005</td></tr>"));
  EXPECT_THAT(h, HasSubstr("<tr><th>capability.midpoint_months</th><td>60 (default)</td><td>36"
                           "</td></tr>"));
  EXPECT_EQ(count(h, "<pre class=\"scenario\">"), 2u);
}

TEST_F(SimulationReportTest, RunsWithoutTalentTablesHaveNoTalentSection) {
  for (const std::string* h : {one_, two_}) {
    EXPECT_THAT(*h, Not(HasSubstr("<section id=\"talent\">")));
    EXPECT_THAT(*h, Not(HasSubstr("AI talent")));
    EXPECT_THAT(*h, Not(HasSubstr("chart-talent")));
  }
}

// The talent tables of test_runs.h (add_talent_tables): scale 0.5, so US figures are agents x 2.
std::string talent_report(bool a_talent, bool b, bool b_talent) {
  const auto a_path = temp("talent-a.db"), b_path = temp("talent-b.db");
  testing::write_baseline_run(a_path);
  if (a_talent) testing::add_talent_tables(a_path);
  testing::write_fast_run(b_path);
  if (b_talent) testing::add_talent_tables(b_path, true);
  const SimulationRun run_a(a_path), run_b(b_path);
  return simulation_report_html(tiny().geography, tiny_atlas(), run_a, b ? &run_b : nullptr,
                                {.date = "2025-01-02"});
}

TEST(SimulationReportTalent, OneRunNetFlowHeadcountAndTargets) {
  const std::string h = talent_report(true, false, false);
  EXPECT_THAT(h, HasSubstr("<section id=\"talent\">\n<h2>AI talent</h2>"));
  EXPECT_THAT(h, HasSubstr("simulated as agents (50.0% of the US) from January 2011 to 2011-04"));
  EXPECT_EQ(count(h, "<svg class=\"chart\""), 8u);  // the nation's 6 and 2 of talent
  // Net flow into big tech, US: agents 4, 2, -3, -5 and expected 3.5, 2.5, -1.5, -4, times 2.
  EXPECT_THAT(h, HasSubstr("<title>agents: 8 in 2011-01, \u221210 in 2011-04</title>"));
  EXPECT_THAT(h, HasSubstr("<title>expected: 7 in 2011-01, \u22128 in 2011-04</title>"));
  // Since the run started (2011-03): agents -6, then -6 - 10 = -16; expected -3, -3 - 8 = -11.
  EXPECT_THAT(h, HasSubstr("<title>agents: \u22126 in 2011-03, \u221216 in 2011-04</title>"));
  EXPECT_THAT(h, HasSubstr("<title>expected: \u22123 in 2011-03, \u221211 in 2011-04</title>"));
  // The run starts in 2011-03, month 2 of an axis of 2011 to 2012: 58 + 398 x 2 / 12 = 124.3,
  // from below the one-row legend (53) to the bottom; ChatGPT's launch is off the axis.
  EXPECT_THAT(h, HasSubstr("<line x1=\"124.3\" y1=\"53.0\" x2=\"124.3\" y2=\"230.0\""));
  EXPECT_THAT(h, HasSubstr(">run starts</text>"));
  EXPECT_THAT(h, Not(HasSubstr(">ChatGPT</text>")));
  // AI labs first: 4 + 8 + 2 = 14 agents, 28 in the US, 14 / 30 = 46.7%, 4 net moves in.
  EXPECT_THAT(h, HasSubstr("<table id=\"talent-headcount-table\">"));
  EXPECT_THAT(h, HasSubstr("<td class=\"num\">1</td><td>ai_labs</td><td class=\"num\">4</td>"
                           "<td class=\"num\">8</td><td class=\"num\">2</td><td class=\"num\">"
                           "14</td><td class=\"num\">28</td><td class=\"num\">46.7%</td><td "
                           "class=\"num\">4</td></tr>"));
  EXPECT_THAT(h, HasSubstr("<td class=\"num\">3</td><td>academia</td>"));
  // Targets: agents empty where the run ends before the target.
  // What each target asks for in words; statistics to three significant digits.
  EXPECT_THAT(h, HasSubstr("<td>168 ± 50</td><td class=\"num\">171</td><td class=\"num\">yes</td>"
                           "<td class=\"num\">140</td><td class=\"num\">yes</td></tr>"));
  EXPECT_THAT(h, HasSubstr("<td>0.71 ± 0.05</td><td class=\"num\">0.71</td><td class=\"num\">yes"
                           "</td><td class=\"num\"></td><td class=\"num\"></td></tr>"));
  EXPECT_THAT(h, Not(HasSubstr("talent-headcount-table-b")));
}

TEST(SimulationReportTalent, ComparedRunsOnOneChart) {
  const std::string h = talent_report(true, true, true);
  EXPECT_EQ(count(h, "data-series=\"4\""), 3u);  // adoption, and the two talent charts
  // B (fast): agents 4, 2, -6, -9 and expected 3.5, 2.5, -3, -6, times 2; since the run
  // started: agents -12, -30; expected -6, -18.
  EXPECT_THAT(h,
              HasSubstr("<title>agents, fast-adoption: 8 in 2011-01, \u221218 in 2011-04</title>"));
  EXPECT_THAT(h, HasSubstr("<title>agents, baseline: 8 in 2011-01, \u221210 in 2011-04</title>"));
  EXPECT_THAT(h, HasSubstr("<title>agents, fast-adoption: \u221212 in 2011-03, \u221230 in 2011-04"
                           "</title>"));
  EXPECT_THAT(h, HasSubstr("<title>expected, fast-adoption: \u22126 in 2011-03, \u221218 in 2011-04"
                           "</title>"));
  EXPECT_THAT(h, HasSubstr("<table id=\"talent-headcount-table-b\">"));
  EXPECT_THAT(h, HasSubstr("<caption>AI-skilled workers by employer class, 2011-04 "
                           "(fast-adoption)</caption>"));
}

TEST(SimulationReportTalent, OnlyOneOfTheComparedRunsHasTalentTables) {
  const std::string h = talent_report(true, true, false);
  EXPECT_THAT(h, HasSubstr("fast-adoption has no AI-talent tables"));
  EXPECT_THAT(h, HasSubstr("<title>agents, baseline: 8 in 2011-01, \u221210 in 2011-04</title>"));
  EXPECT_THAT(h, Not(HasSubstr("agents, fast-adoption")));
  const std::string none = talent_report(false, true, false);
  EXPECT_THAT(none, Not(HasSubstr("<section id=\"talent\">")));
}

TEST(SimulationReport, RunsThatCannotBeCompared) {
  testing::write_baseline_run(temp("report-a.db"));
  testing::write_run_file(
      temp("report-short.db"),
      testing::run_keys("short", "") + testing::national_row(0, 90, 10, 0, 0, 0.1, 0.2));
  const SimulationRun a(temp("report-a.db")), b(temp("report-short.db"));
  EXPECT_THROW(simulation_report_html(tiny().geography, tiny_atlas(), a, &b, {}), Error);
}

}  // namespace
}  // namespace floe
