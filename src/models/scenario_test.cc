#include "floe/scenario.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "floe/error.h"

namespace floe {
namespace {

using ::testing::HasSubstr;

std::string error_of(const std::string& text) {
  try {
    parse_scenario(text, "s.toml");
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Scenario, ReadsKeysAndKeepsDefaultsForTheRest) {
  const Scenario s = parse_scenario(R"(
name = "fast"
[run]
months = 24
seed = 7
[adoption]
imitation = 0.05
industry_speed = { FINANCE_AND_INSURANCE = 2, RETAIL_TRADE = 0.5 }
[retraining]
budget = 1e9
states = ["CA", "TX"]
)",
                                    "s.toml");
  EXPECT_EQ(s.name, "fast");
  EXPECT_EQ(s.run.months, 24);
  EXPECT_EQ(s.run.seed, 7u);
  EXPECT_EQ(s.labor.adoption.imitation, 0.05);
  EXPECT_EQ(s.labor.adoption.innovation, Scenario().labor.adoption.innovation);
  EXPECT_EQ(s.labor.adoption.industry_speed.at("FINANCE_AND_INSURANCE"), 2.0);
  EXPECT_EQ(s.labor.retraining.budget, 1e9);
  EXPECT_EQ(s.labor.retraining.states.size(), 2u);
}

TEST(Scenario, UnknownKeysNameTheKeyAndWhatIsAllowed) {
  EXPECT_THAT(error_of("[adoption]\nimitaton = 0.1\n"),
              HasSubstr("s.toml:2: field 'adoption.imitaton': unknown key (did you mean "
                        "'adoption.imitation'?); keys here: adoption.initial, adoption.innovation, "
                        "adoption.imitation"));
  EXPECT_THAT(error_of("[adopt]\nx = 1\n"), HasSubstr("field 'adopt': unknown key"));
}

TEST(Scenario, OutOfRangeValuesNameTheRange) {
  EXPECT_THAT(error_of("[displacement]\nrate_at_full = 0.5\n"),
              HasSubstr("s.toml:2: field 'displacement.rate_at_full': 0.5 is outside [0, 0.2]"));
  EXPECT_THAT(error_of("[run]\nmonths = 12.5\n"), HasSubstr("expected a whole number"));
  EXPECT_THAT(error_of("[run]\nmonths = \"ten\"\n"), HasSubstr("expected a number"));
  EXPECT_THAT(error_of("[capability]\nlabeler = \"robot\"\n"),
              HasSubstr("'robot' is not one of: human, gpt4, mean"));
  EXPECT_THAT(error_of("[matching]\nown_county = 0.9\nown_state = 0.2\n"),
              HasSubstr("must not exceed 1"));
  EXPECT_THAT(error_of("[run\nmonths = 1\n"), HasSubstr("s.toml:1:"));
}

// talent-levers.toml is the baseline with the talent levers pulled, nothing else: every setting
// outside [talent] (and the name) is baseline.toml's, so comparing the two shows the levers alone.
TEST(Scenario, TalentLeversIsTheBaselinePlusLevers) {
  const std::string dir = std::string(FLOE_SOURCE_DIR) + "/scenarios/";
  Scenario base = read_scenario(dir + "baseline.toml");
  Scenario levers = read_scenario(dir + "talent-levers.toml");
  EXPECT_NE(levers.talent.non_compete, base.talent.non_compete);
  levers.talent = base.talent;
  levers.name = base.name;
  levers.description = base.description;
  EXPECT_EQ(scenario_toml(levers), scenario_toml(base));
}

}  // namespace
}  // namespace floe
