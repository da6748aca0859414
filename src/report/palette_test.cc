// The color scale: breaks and colors worked out by hand.
#include "report/palette.h"

#include <gtest/gtest.h>

namespace floe::report {
namespace {

TEST(ReportPalette, RampEndsAndMidpoints) {
  EXPECT_EQ(ramp_color(0), "#dcecf5");
  EXPECT_EQ(ramp_color(0.5), "#5fa2cc");  // the middle anchor
  EXPECT_EQ(ramp_color(1), "#123d6e");
  // Halfway between #dcecf5 and #9fcae1: (220+159)/2 = 189.5 -> 190 (be), 219 (db), 235 (eb).
  EXPECT_EQ(ramp_color(0.125), "#bedbeb");
  EXPECT_EQ(ramp_color(-1), "#dcecf5");
  EXPECT_EQ(ramp_color(2), "#123d6e");
}

// The tiny world's states, 45.86% and 48.48%: widths of 0.25 points need 11 classes, 0.5
// points need 6 (45.5 to 48.5).
TEST(ReportPalette, RoundBreaksForTheTinyWorld) {
  const ColorScale s = round_scale(62.0 / 135.2, 51.0 / 105.2);
  ASSERT_EQ(s.breaks.size(), 7u);
  EXPECT_NEAR(s.breaks.front(), 0.455, 1e-12);
  EXPECT_NEAR(s.breaks.back(), 0.485, 1e-12);
  EXPECT_EQ(s.decimals, 1);
  ASSERT_EQ(s.colors.size(), 6u);
  EXPECT_EQ(s.colors.front(), "#dcecf5");
  EXPECT_EQ(s.colors.back(), "#123d6e");
  EXPECT_EQ(s.class_of(62.0 / 135.2), 0u);
  EXPECT_EQ(s.class_of(0.4725), 3u);  // in [47.0%, 47.5%)
  EXPECT_EQ(s.class_of(51.0 / 105.2), 5u);
  EXPECT_EQ(s.class_of(0.1), 0u);  // below the breaks: first class
  EXPECT_EQ(s.class_of(0.9), 5u);  // above: last class
}

// The shipped data's range, 15.1% to 18.2%: 7 classes of 0.5 points from 15.0% to 18.5%.
TEST(ReportPalette, SevenClassesAtMost) {
  const ColorScale s = round_scale(0.1508, 0.1820);
  ASSERT_EQ(s.colors.size(), 7u);
  EXPECT_NEAR(s.breaks.front(), 0.15, 1e-12);
  EXPECT_NEAR(s.breaks.back(), 0.185, 1e-12);
  // A wide range takes whole-percent widths or wider: 0% to 70% in 10-point classes.
  const ColorScale wide = round_scale(0.02, 0.69);
  EXPECT_EQ(wide.colors.size(), 7u);
  EXPECT_NEAR(wide.breaks[1], 0.1, 1e-12);
  EXPECT_EQ(wide.decimals, 0);
}

// A range far wider than any share: the class numbers at narrow widths overflow a long, which
// once gave empty breaks. The widths grow until 7 classes cover it: 0 to 1e20 in 5 of 2e19.
TEST(ReportPalette, HugeRangesGetHugeRoundWidths) {
  const ColorScale s = round_scale(0, 1e20);
  ASSERT_EQ(s.breaks.size(), 6u);
  EXPECT_EQ(s.breaks.front(), 0.0);
  EXPECT_DOUBLE_EQ(s.breaks[1], 2e19);
  EXPECT_DOUBLE_EQ(s.breaks.back(), 1e20);
  EXPECT_EQ(s.colors.size(), 5u);
  const ColorScale d = diverging_scale(-1e300, 1e300, true);
  ASSERT_GE(d.breaks.size(), 3u);
  EXPECT_LE(d.breaks.front(), -1e300);
  EXPECT_GE(d.breaks.back(), 1e300);
  EXPECT_EQ(d.colors.size(), d.breaks.size() - 1);
}

TEST(ReportPalette, OneValueGivesOneClass) {
  const ColorScale s = round_scale(0.25, 0.25);
  ASSERT_EQ(s.colors.size(), 1u);
  EXPECT_EQ(s.colors[0], "#5fa2cc");
  EXPECT_LE(s.breaks[0], 0.25);
  EXPECT_GT(s.breaks[1], 0.25);
  EXPECT_EQ(s.class_of(0.25), 0u);
}

// -0.3% to +1.2%: 0.2-point classes from -0.4% to +1.2% (0.1 would need 15), 0 a break. Depth
// by classes from 0, six on the deeper side: the classes touching 0 are the ramps' palest.
TEST(ReportPalette, DivergingFromZero) {
  const ColorScale s = diverging_scale(-0.003, 0.012, true);
  ASSERT_EQ(s.colors.size(), 8u);
  EXPECT_NEAR(s.breaks.front(), -0.004, 1e-12);
  EXPECT_NEAR(s.breaks[2], 0, 1e-12);
  EXPECT_NEAR(s.breaks.back(), 0.012, 1e-12);
  EXPECT_EQ(s.colors[0], ramp_color(0.2));  // -0.4 to -0.2: one step from 0 of five
  EXPECT_EQ(s.colors[1], "#dcecf5");        // the palest blue
  EXPECT_EQ(s.colors[2], "#fce6d2");        // the palest orange
  EXPECT_EQ(s.colors[7], "#8a3608");        // the deepest orange
  EXPECT_EQ(s.label(s.breaks.front()), "-0.4%");
  EXPECT_EQ(s.label(s.breaks[2]), "0.0%");
  EXPECT_EQ(s.label(s.breaks.back()), "+1.2%");
  // Higher is better: the sides swap.
  const ColorScale better = diverging_scale(-0.003, 0.012, false);
  EXPECT_EQ(better.colors[2], "#dcecf5");
  EXPECT_EQ(better.colors[1], "#fce6d2");
}

TEST(ReportPalette, NoDifferenceIsNeutral) {
  const ColorScale s = diverging_scale(0, 0, true);
  ASSERT_EQ(s.colors.size(), 1u);
  EXPECT_EQ(s.class_of(0), 0u);
  EXPECT_EQ(s.label(0), "0.00%");
}

TEST(ReportPalette, LabelsInPoints) {
  ColorScale s = round_scale(0, 0.01);
  s.suffix = "";
  s.signed_labels = true;
  EXPECT_EQ(s.label(0.005), "+0.5");
  EXPECT_EQ(s.label(-1e-18), "0.0");  // no "-0.0"
}

}  // namespace
}  // namespace floe::report
