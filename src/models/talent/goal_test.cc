// What a target asks for, in words (docs/talent.md §4, the table of facts).
#include <gtest/gtest.h>

#include "floe/talent.h"

namespace floe {
namespace {

TEST(TargetGoal, EachKindInWords) {
  EXPECT_EQ(target_goal("value", 168, 50), "168 ± 50");
  EXPECT_EQ(target_goal("value", 0.1429, 0.03), "0.143 ± 0.03");
  EXPECT_EQ(target_goal("value", 0.023, 0.007), "0.023 ± 0.007");
  EXPECT_EQ(target_goal("each_above", 0, 20), "≥ 0 every month");
  EXPECT_EQ(target_goal("each_below", 0, 20), "≤ 0 every month");
  EXPECT_EQ(target_goal("ratio", 20, 1.5), "20× (within a factor of 1.5)");
  EXPECT_EQ(target_goal("ratio_at_least", 100, 1.25), "≥ 100×");
}

TEST(TargetGoal, UnknownKindReadsAsAValue) { EXPECT_EQ(target_goal("", 168, 50), "168 ± 50"); }

TEST(TargetGoal, KindNamesAsTargetsCsvWritesThem) {
  EXPECT_STREQ(to_string(TalentTarget::Kind::kEachBelow), "each_below");
  EXPECT_STREQ(to_string(TalentTarget::Kind::kRatioAtLeast), "ratio_at_least");
}

// At scale 0.01 an agent stands for 100 workers: 168 workers a month are 1.68 agents.
TEST(TalentScaleNote, SaysHowManyWorkersAnAgentIs) {
  const std::string note = talent_scale_note(0.01);
  EXPECT_NE(note.find("simulates 1% of"), std::string::npos) << note;
  EXPECT_NE(note.find("about 100 workers"), std::string::npos) << note;
  EXPECT_NE(note.find("is 1.68 agents"), std::string::npos) << note;
}

}  // namespace
}  // namespace floe
