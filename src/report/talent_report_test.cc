// The talent report: statistics read off hand-made paths (worked out in each test), the headline
// picked from hand-made targets and fits, and the page on the shipped data, whose observed
// values come from data/talent/targets.csv.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "floe/error.h"
#include "floe/report.h"
#include "report/talent_paths.h"
#include "report/talent_sections.h"
#include "report/test_report.h"

namespace floe::report {
namespace {

using testing::count;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kBig = 0, kLabs = 1, kStealth = 2, kOtherTech = 3, kFinance = 5, kAcademia = 7;

int at(int from, int to) { return from * kEmployers + to; }

// Three months of moves. Month 0: 5 from other tech into big tech, 2 from big tech to stealth
// startups: net +3. Month 1: 1 from AI labs in; 4 to stealth and 1 to AI labs out: net -4.
// Month 2: 1 from universities in, 1 to stealth out: net 0. 100 "moves" from big tech to itself
// each month, which no statistic may count.
TalentPath three_months() {
  TalentPath p;
  p.moves.assign(3, {});
  p.headcount.assign(4, {});
  for (auto& m : p.moves) m[at(kBig, kBig)] = 100;
  p.moves[0][at(kOtherTech, kBig)] = 5;
  p.moves[0][at(kBig, kStealth)] = 2;
  p.moves[1][at(kLabs, kBig)] = 1;
  p.moves[1][at(kBig, kStealth)] = 4;
  p.moves[1][at(kBig, kLabs)] = 1;
  p.moves[2][at(kAcademia, kBig)] = 1;
  p.moves[2][at(kBig, kStealth)] = 1;
  // Big tech at month 0: 2 researchers, 3 ML engineers, 5 AI engineers.
  p.headcount[0][0 * kEmployers + kBig] = 2;
  p.headcount[0][1 * kEmployers + kBig] = 3;
  p.headcount[0][2 * kEmployers + kBig] = 5;
  p.headcount[0][1 * kEmployers + kLabs] = 7;
  return p;
}

TEST(TalentPaths, NetFlowMovesAndHeadcount) {
  const TalentPath p = three_months();
  EXPECT_EQ(flow_months(p), 3);
  EXPECT_EQ(big_tech_net_flow(p, 0), 3);
  EXPECT_EQ(big_tech_net_flow(p, 1), -4);
  EXPECT_EQ(big_tech_net_flow(p, 2), 0);
  EXPECT_EQ(moves_into(p, 1, kStealth), 4);
  EXPECT_EQ(moves_into(p, 0, kBig), 5);  // not the 100 who stayed
  EXPECT_EQ(employer_headcount(p, 0, kBig), 10);
  EXPECT_EQ(employer_headcount(p, 0, kLabs), 7);
}

TEST(TalentPaths, FirstOutwardMonthAfterAnInwardOne) {
  TalentPath p = three_months();
  EXPECT_EQ(first_outward_month(p), 1);
  // Outward from the start, never after an inward month: it never turns.
  p.moves[0][at(kOtherTech, kBig)] = 0;
  EXPECT_EQ(big_tech_net_flow(p, 0), -2);
  EXPECT_EQ(first_outward_month(p), std::nullopt);
  // -2, +4 (9 in, 5 out), -2 (1 in, 3 out): it turns in month 2.
  p.moves[1][at(kLabs, kBig)] = 9;
  p.moves[2][at(kBig, kStealth)] = 3;
  EXPECT_EQ(first_outward_month(p), 2);
}

TEST(TalentPaths, PhdSharesByFullCalendarYear) {
  TalentPath p;
  p.phds.assign(25, {});
  // 2011: each month 1 to big tech, 1 to universities, 2 outside: industry 12 / 48 = 25%,
  // academia 25%. 2012: 3 to big tech and 1 to finance: industry 100%. Month 24 (January 2013)
  // is not a full year.
  for (int t = 0; t < 12; ++t) {
    p.phds[t][kBig] = 1;
    p.phds[t][kAcademia] = 1;
    p.phds[t][kEmployers] = 2;
  }
  for (int t = 12; t < 25; ++t) {
    p.phds[t][kBig] = 3;
    p.phds[t][kFinance] = 1;
  }
  const auto years = phd_shares_by_year(p);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2011);
  EXPECT_DOUBLE_EQ(years[0].industry, 0.25);
  EXPECT_DOUBLE_EQ(years[0].academia, 0.25);
  EXPECT_EQ(years[1].year, 2012);
  EXPECT_DOUBLE_EQ(years[1].industry, 1.0);
  EXPECT_DOUBLE_EQ(years[1].academia, 0.0);
}

TEST(TalentPaths, MonthsAndPeriodsInWords) {
  EXPECT_EQ(month_in_words(0), "January 2011");
  EXPECT_EQ(month_in_words(143), "December 2022");
  EXPECT_EQ(month_in_words(143, true), "Dec 2022");
  EXPECT_EQ(month_in_words(160), "May 2024");
  EXPECT_EQ(period_in_words(132, 143), "2022");
  EXPECT_EQ(period_in_words(143, 151), "December 2022 to August 2023");
  EXPECT_EQ(period_in_words(160, 160), "May 2024");
}

TalentTarget target(std::string statistic, TalentTarget::Kind kind, int first, int last,
                    double observed) {
  return {.key = statistic,
          .statistic = statistic,
          .kind = kind,
          .first = first,
          .last = last,
          .observed = observed};
}

TEST(TalentHeadline, PicksTheFactsFromTargetsAndFits) {
  using Kind = TalentTarget::Kind;
  TalentData d;
  d.targets = {target("big_tech_net_flow", Kind::kEachBelow, 150, 155, 0),
               target("big_tech_net_flow", Kind::kEachBelow, 143, 151, 0),
               target("big_tech_net_flow", Kind::kValue, 96, 142, 168),
               target("stealth_share_of_big_tech_leavers", Kind::kValue, 143, 151, 0.1429),
               target("phd_industry_share", Kind::kValue, 0, 11, 0.41),
               target("phd_industry_share", Kind::kValue, 132, 143, 0.71),
               target("phd_academia_share", Kind::kValue, 132, 143, 0.20)};
  TalentCalibration c;
  for (const TalentTarget& g : d.targets) c.after.push_back({.target = &g, .model = 0.5});
  c.after[3].model = 0.1373;
  c.after[5].model = 0.7095;
  const TalentHeadline h = talent_headline(d, c, three_months());
  EXPECT_EQ(h.outward, 1);
  ASSERT_NE(h.outward_observed, nullptr);
  EXPECT_EQ(h.outward_observed->first, 143);  // the earlier of the two each_below targets
  ASSERT_NE(h.stealth, nullptr);
  EXPECT_EQ(h.stealth->model, 0.1373);
  ASSERT_NE(h.phd_industry, nullptr);
  EXPECT_EQ(h.phd_industry->target->first, 132);  // 2022, not 2011
  EXPECT_EQ(h.phd_industry->model, 0.7095);
  EXPECT_EQ(find_fit(c.after, "move_rate", Kind::kValue), nullptr);
}

// The page on the shipped data through 2026, fitted from the prior; the observed values and
// sources below are those of data/talent/targets.csv.
class TalentReportPage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new TalentData(load_talent_data(FLOE_DEFAULT_DATA_DIR, talent_month(2026, 12)));
    fit_ = new TalentCalibration(calibrate_talent(*data_, prior_talent_parameters()));
    TalentReportInput in{
        .data = data_, .calibration = fit_, .scale = 0.01, .seed = 7, .date = "2025-06-01"};
    plain_ = new std::string(talent_report_html(in));
    in.levers = {talent_month(2025, 1), 0.3, 0.2, -0.1, 0.5};
    in.scenario = "talent-levers";
    levers_ = new std::string(talent_report_html(in));
  }
  static void TearDownTestSuite() {
    delete levers_;
    delete plain_;
    delete fit_;
    delete data_;
  }
  static const TargetFit& after(const std::string& key) {
    for (const TargetFit& f : fit_->after) {
      if (f.target->key == key) return f;
    }
    throw std::out_of_range(key);
  }
  static TalentData* data_;
  static TalentCalibration* fit_;
  static std::string* plain_;
  static std::string* levers_;
};
TalentData* TalentReportPage::data_ = nullptr;
TalentCalibration* TalentReportPage::fit_ = nullptr;
std::string* TalentReportPage::plain_ = nullptr;
std::string* TalentReportPage::levers_ = nullptr;

std::string percent(double v) { return format_value(v, {"", "", ColumnKind::kShare, 1}); }

TEST_F(TalentReportPage, SelfContained) {
  for (const std::string* h : {plain_, levers_}) {
    EXPECT_THAT(*h, HasSubstr("<title>The war for AI talent: where AI-skilled workers go</title>"));
    EXPECT_THAT(*h, Not(HasSubstr("<script")));
    EXPECT_THAT(*h, Not(HasSubstr("http")));
  }
}

TEST_F(TalentReportPage, HeadlineAgainstTheObservedFacts) {
  const std::string& h = *plain_;
  // The fitted model turns outward in the launch month, as observed (the talent tests check
  // the model; here the page must say so).
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">Dec 2022</div><div class=\"label\">big tech&#39;s "
                           "net flow of AI talent turns outward</div><div class=\"detail\">"
                           "observed: Dec 2022, the first month after ChatGPT&#39;s launch (Live "
                           "Data Technologies, in The Economist, 8 June 2024)</div>"));
  // targets.csv: stealth_share 0.1429 +- 0.03; phd_industry_2022 0.71 +- 0.05.
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">" + percent(after("stealth_share").model) +
                           "</div><div class=\"label\">of big-tech leavers join stealth "
                           "startups, December 2022 to August 2023</div><div class=\"detail\">"
                           "observed 14.3% ± 3.0 points, within tolerance"));
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">" + percent(after("phd_industry_2022").model) +
                           "</div><div class=\"label\">of new AI PhDs go into industry, 2022"
                           "</div><div class=\"detail\">observed 71.0% ± 5.0 points"));
  EXPECT_THAT(h, HasSubstr("(observed: December 2022)"));
  EXPECT_THAT(h, HasSubstr("After fitting, 10 of the 10 targets are within tolerance"));
}

TEST_F(TalentReportPage, ChartsWithObservationsAndTheLaunch) {
  const std::string& h = *plain_;
  EXPECT_EQ(count(h, "<svg class=\"chart\""), 4u);
  EXPECT_THAT(h, HasSubstr("id=\"chart-net-flow\""));
  EXPECT_THAT(h, HasSubstr("id=\"chart-headcount\""));
  EXPECT_THAT(h, HasSubstr("id=\"chart-phds\""));
  EXPECT_THAT(h, HasSubstr("id=\"chart-genai\""));
  EXPECT_EQ(count(h, "data-series=\"8\""), 1u);  // one line per employer class
  EXPECT_EQ(count(h, "data-series=\"3\""), 2u);  // net flow and PhDs: two lines, observations
  EXPECT_EQ(count(h, ">ChatGPT</text>"), 3u);    // all but the PhDs' yearly chart
  EXPECT_THAT(h, HasSubstr("<title>observed: +168 a month on average, January 2019 to November "
                           "2022 (Live Data Technologies, in The Economist, 8 June 2024)</title>"));
  EXPECT_EQ(count(h, "<circle class=\"series-point\""), 3u);
  EXPECT_THAT(h, HasSubstr("<title>observed: 41% into industry in 2011; 71% into industry in "
                           "2022; 20% into academia in 2022</title>"));
  EXPECT_THAT(h, HasSubstr(">Big tech</text>"));  // the label up to " (Alphabet, ...)"
  EXPECT_THAT(h, HasSubstr(">Universities</text>"));
  EXPECT_THAT(h, HasSubstr("(observed: more than 100-fold, Indeed, in The Economist"));
}

TEST_F(TalentReportPage, TablesAndSettings) {
  const std::string& h = *plain_;
  EXPECT_THAT(h, HasSubstr("<table id=\"targets-table\">"));
  EXPECT_EQ(count(h, "<tr><td class=\"num\">\\d+</td><td>Share of new AI PhDs going"), 3u);
  EXPECT_THAT(h, HasSubstr("<table id=\"parameters-table\">"));
  EXPECT_THAT(h, HasSubstr("<td>beta_pay</td>"));
  EXPECT_THAT(h, HasSubstr("docs/talent.md"));
  EXPECT_THAT(h, HasSubstr("<tr><th>Months</th><td>2011-01 to 2026-12</td></tr>"));
  EXPECT_THAT(h, ::testing::ContainsRegex("agents in 2026-12 \\(1.0% of the US AI-skilled "
                                          "workforce\\), seed 7"));
  EXPECT_THAT(h, Not(HasSubstr("id=\"levers\"")));
}

TEST_F(TalentReportPage, LeversAgainstTheBaseline) {
  const std::string& h = *levers_;
  EXPECT_THAT(h, HasSubstr("<section id=\"levers\">"));
  EXPECT_EQ(count(h, "<svg class=\"chart\""), 7u);
  for (const char* id : {"chart-levers-net-flow", "chart-levers-stealth", "chart-levers-labs"}) {
    EXPECT_THAT(h, HasSubstr(std::string("id=\"") + id + "\"")) << id;
  }
  EXPECT_THAT(h, HasSubstr("<caption>The levers, from January 2025</caption>"));
  EXPECT_THAT(h, HasSubstr("<tr><th>talent.non_compete</th><td>30%</td>"));
  EXPECT_THAT(h, HasSubstr("<tr><th>talent.immigration</th><td>+20%</td>"));
  EXPECT_THAT(h, HasSubstr("<tr><th>talent.big_tech_pay</th><td>\u221210%</td>"));
  EXPECT_THAT(h, HasSubstr("<tr><th>talent.funding_drought</th><td>50%</td>"));
  EXPECT_THAT(h, HasSubstr("<caption>Mean a month, January 2025 to December 2026</caption>"));
  EXPECT_THAT(h, HasSubstr(">levers</text>"));  // the marker on the net-flow chart
  // The headline is the calibration's world, whatever the levers: the same as without them.
  const auto headline = [](const std::string& page) {
    return page.substr(page.find("<section id=\"headline\">"),
                       page.find("<p class=\"caveat\">") - page.find("<section id=\"headline\">"));
  };
  EXPECT_EQ(headline(h), headline(*plain_));
}

TEST(TalentReport, WithoutDataIsAnError) { EXPECT_THROW(talent_report_html({}), Error); }

}  // namespace
}  // namespace floe::report
