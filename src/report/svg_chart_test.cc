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

}  // namespace
}  // namespace floe::report
