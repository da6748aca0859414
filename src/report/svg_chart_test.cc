// Axes and lines of the charts, with positions worked out from the layout constants of
// svg_chart.cc: the plot runs from x = 58 to 456 and from y = 230 (bottom) up to 53 (below a
// one-row legend) or 30 (no legend).
#include "report/svg_chart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace floe::report {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<double> rounded(const std::vector<double>& v) {
  std::vector<double> out;
  for (double x : v) out.push_back(std::round(x * 1e9) / 1e9);
  return out;
}

TEST(ValueTicks, RoundStepsCoveringTheData) {
  // 0.036 to 0.041: a step of 0.001 gives 6 ticks (0.0005 would give 11).
  Ticks t = value_ticks(0.036, 0.041, 6);
  EXPECT_DOUBLE_EQ(t.step, 0.001);
  EXPECT_THAT(rounded(t.values), ElementsAre(0.036, 0.037, 0.038, 0.039, 0.04, 0.041));
  // 0 to 1,871: 250 would need 9 ticks, 500 needs 5.
  t = value_ticks(0, 1871, 6);
  EXPECT_EQ(t.step, 500);
  EXPECT_THAT(t.values, ElementsAre(0, 500, 1000, 1500, 2000));
  // A flat line at 5: a band of 5% either side, 4.75 to 5.25, in steps of 0.2.
  t = value_ticks(5, 5, 6);
  EXPECT_THAT(rounded(t.values), ElementsAre(4.6, 4.8, 5.0, 5.2, 5.4));
  // All zero: 0 to 1.
  t = value_ticks(0, 0, 6);
  EXPECT_THAT(rounded(t.values), ElementsAre(0, 0.2, 0.4, 0.6, 0.8, 1));
}

TEST(MonthTicks, CalendarSteps) {
  EXPECT_THAT(month_ticks(6).values, ElementsAre(0, 1, 2, 3, 4, 5, 6));
  EXPECT_THAT(month_ticks(24).values, ElementsAre(0, 6, 12, 18, 24));
  EXPECT_THAT(month_ticks(120).values, ElementsAre(0, 24, 48, 72, 96, 120));
  EXPECT_THAT(month_ticks(100).values, ElementsAre(0, 24, 48, 72, 96, 120));
}

TEST(YearTicks, JanuariesOfRoundYears) {
  // 2015-01 (month 48 from January 2011) to 2034-12 (287): 2015 to 2035 would need 21 yearly
  // ticks, or 12 two-yearly (2014 to 2036); every five years from 2015 needs 5.
  Ticks t = year_ticks(48, 287, 2011);
  EXPECT_EQ(t.step, 60);
  EXPECT_THAT(t.values, ElementsAre(48, 108, 168, 228, 288));
  // 2011-01 to 2022-12: 2011 to 2023 yearly is 13 ticks; two-yearly from 2010 to 2024 is 8.
  t = year_ticks(0, 143, 2011);
  EXPECT_EQ(t.step, 24);
  EXPECT_THAT(t.values, ElementsAre(-12, 12, 36, 60, 84, 108, 132, 156));
  // 2022-07 to 2023-07: the Januaries of 2022, 2023 and 2024.
  EXPECT_THAT(year_ticks(138, 150, 2011).values, ElementsAre(132, 144, 156));
}

TEST(CalendarMonth, CountsFromJanuaryOfTheFirstYear) {
  EXPECT_EQ(calendar_month(0, 2011), "2011-01");
  EXPECT_EQ(calendar_month(143, 2011), "2022-12");
  EXPECT_EQ(calendar_month(5.5, 2011), "2011-06");
  EXPECT_EQ(calendar_month(-1, 2011), "2010-12");
  EXPECT_EQ(calendar_month(-12, 2011), "2010-01");
  EXPECT_EQ(calendar_month(-13, 2011), "2009-12");
}

TEST(TickLabel, OneUnitPerAxis) {
  const Ticks rates{{0.035, 0.0375, 0.04}, 0.0025};
  EXPECT_EQ(tick_label(0.0375, ColumnKind::kShare, rates), "3.75%");
  const Ticks employed{{1.454e6, 1.456e6, 1.458e6}, 2000};
  EXPECT_EQ(tick_label(1.456e6, ColumnKind::kCount, employed), "1.456M");
  const Ticks thousands{{0, 5000, 10000, 15000}, 5000};
  EXPECT_EQ(tick_label(5000, ColumnKind::kCount, thousands), "5k");
  EXPECT_EQ(tick_label(0, ColumnKind::kCount, thousands), "0");
  const Ticks small{{0, 500, 1000, 1500}, 500};
  EXPECT_EQ(tick_label(1500, ColumnKind::kCount, small), "1,500");
}

TEST(LineChart, TwoSeriesOnSharedAxes) {
  const LineChart chart{
      .id = "chart-test",
      .title = "Unemployment <rate>",
      .kind = ColumnKind::kShare,
      .series = {{.label = "A", .color = "#123d6e", .x = {0, 1, 2}, .y = {0.04, 0.045, 0.05}},
                 {.label = "B",
                  .color = "#e8590c",
                  .dashed = true,
                  .x = {0, 1, 2},
                  .y = {0.04, 0.04, 0.04}}}};
  const std::string svg = svg_line_chart(chart);
  EXPECT_THAT(svg, HasSubstr("<svg class=\"chart\" id=\"chart-test\" viewBox=\"0 0 470 270\""));
  EXPECT_THAT(svg, HasSubstr("data-series=\"2\""));
  EXPECT_THAT(svg, HasSubstr(">Unemployment &lt;rate&gt;</text>"));
  // Values 4% to 5% in steps of 0.2 points; months 0 to 2 in steps of 1. Month 1 is halfway
  // across (58 + 398 / 2 = 257), 4.5% halfway up (230 - 177 / 2 = 141.5).
  EXPECT_THAT(svg, HasSubstr("d=\"M58.0,230.0 L257.0,141.5 L456.0,53.0\""));
  EXPECT_THAT(svg, HasSubstr(">4.2%</text>"));
  EXPECT_THAT(svg, HasSubstr(">5.0%</text>"));
  EXPECT_THAT(svg, HasSubstr("<title>A: 4.00% at month 0, 5.00% at month 2</title>"));
  EXPECT_THAT(svg, HasSubstr("stroke=\"#e8590c\" stroke-width=\"2.25\" stroke-linejoin=\"round\" "
                             "stroke-linecap=\"round\" stroke-dasharray=\"7 4\""));
  // The legend names both lines.
  EXPECT_THAT(svg, HasSubstr(">A</text>"));
  EXPECT_THAT(svg, HasSubstr(">B</text>"));
}

TEST(LineChart, GapsAndOneSeries) {
  const LineChart chart{
      .id = "c",
      .title = "Employed",
      .kind = ColumnKind::kCount,
      .from_zero = true,
      .series = {{.label = "only", .color = "#123d6e", .x = {0, 1, 2}, .y = {1, std::nan(""), 3}}}};
  const std::string svg = svg_line_chart(chart);
  // One series: no legend, so the plot starts at y = 30. Values 0 to 3 in steps of 1, so 1 is
  // at 230 - 200 / 3 = 163.3 and 3 at the top; the gap starts a new line.
  EXPECT_THAT(svg, HasSubstr("d=\"M58.0,163.3 M456.0,30.0\""));
  EXPECT_THAT(svg, HasSubstr(">3</text>"));
  EXPECT_THAT(svg, Not(HasSubstr(">only</text>")));
  EXPECT_THAT(svg, HasSubstr("<title>only: 1 at month 0, 3 at month 2</title>"));
}

TEST(LineChart, CalendarAxisMarkersAndObservations) {
  const LineChart chart{
      .id = "calendar",
      .title = "Net flow",
      .kind = ColumnKind::kCount,
      .series = {{.label = "net", .color = "#123d6e", .x = {60, 96, 132}, .y = {0, 100, 200}},
                 {.label = "observed", .color = "#2b8a3e", .x = {84}, .y = {100}, .points = true}},
      .calendar_year = 2011,
      .markers = {{96, "ChatGPT"}, {200, "outside"}}};
  const std::string svg = svg_line_chart(chart);
  // 2016-01 to 2022-01: yearly ticks, 60 to 132; values 0 to 200 in steps of 50, the plot from
  // y = 53 (below the legend) to 230. Month 96 is halfway across (257), 100 halfway up (141.5).
  EXPECT_THAT(svg, HasSubstr("d=\"M58.0,230.0 L257.0,141.5 L456.0,53.0\""));
  EXPECT_THAT(svg, HasSubstr(">2016</text>"));
  EXPECT_THAT(svg, HasSubstr(">2022</text>"));
  EXPECT_THAT(svg, Not(HasSubstr(">2023</text>")));
  EXPECT_THAT(svg, HasSubstr(">year</text>"));
  EXPECT_THAT(svg, HasSubstr("<title>net: 0 in 2016-01, 200 in 2022-01</title>"));
  // The observation: a dot at 2018-01 (month 84: 58 + 398 x 24 / 72 = 190.7), none of a line.
  EXPECT_THAT(svg, HasSubstr("<circle class=\"series-point\" cx=\"190.7\" cy=\"141.5\""));
  EXPECT_THAT(svg, HasSubstr("<title>observed: 100 in 2018-01</title>"));
  EXPECT_THAT(svg, Not(HasSubstr("data-label=\"observed\" fill=\"none\"")));
  // Its legend entry is a dot: after "net" (22 + 6 + 3 x 6.6 + 18 = 65.8), centred 11 further.
  EXPECT_THAT(svg, HasSubstr("<circle cx=\"76.8\" cy=\"32.0\" r=\"4\" fill=\"#2b8a3e\"/>"));
  // ChatGPT's marker across the plot at month 96; the marker outside the axis is left out.
  EXPECT_THAT(svg, HasSubstr("<line x1=\"257.0\" y1=\"53.0\" x2=\"257.0\" y2=\"230.0\""));
  EXPECT_THAT(svg, HasSubstr("<text class=\"marker-label\" x=\"261.0\" y=\"63.0\">ChatGPT"));
  EXPECT_THAT(svg, Not(HasSubstr(">outside<")));
}

TEST(LineChart, MarkerLabelsThatWouldCollideGoOneRowLower) {
  const LineChart chart{
      .id = "m",
      .title = "Markers",
      .series = {{.label = "only", .color = "#123d6e", .x = {0, 12}, .y = {0, 1}}},
      .calendar_year = 2011,
      .markers = {{6, "levers"}, {5, "ChatGPT"}, {11, "end"}}};
  const std::string svg = svg_line_chart(chart);
  // 2011 to 2012: a month is 398 / 12 = 33.2 wide. ChatGPT (month 5, x = 223.8) comes first,
  // its label running to 227.8 + 7 x 6.1 = 270.5; levers (x = 257.0) would start at 261.0, so it
  // goes one row lower (30 + 10 + 12); "end" at 422.8 starts a new run on the first row.
  EXPECT_THAT(svg, HasSubstr("x=\"227.8\" y=\"40.0\">ChatGPT</text>"));
  EXPECT_THAT(svg, HasSubstr("x=\"261.0\" y=\"52.0\">levers</text>"));
  EXPECT_THAT(svg, HasSubstr("x=\"426.8\" y=\"40.0\">end</text>"));
}

TEST(LineChart, GivenTooltipReplacesFirstAndLast) {
  const LineChart chart{.id = "t",
                        .title = "Shares",
                        .kind = ColumnKind::kShare,
                        .series = {{.label = "industry",
                                    .color = "#123d6e",
                                    .x = {0, 12},
                                    .y = {0.4, 0.5},
                                    .tooltip = "industry: 40% in 2011, 50% in 2012"}},
                        .calendar_year = 2011};
  const std::string svg = svg_line_chart(chart);
  EXPECT_THAT(svg, HasSubstr("<title>industry: 40% in 2011, 50% in 2012</title>"));
  EXPECT_THAT(svg, Not(HasSubstr("in 2011-01")));
}

}  // namespace
}  // namespace floe::report
