// Scenario keys read from TOML: types, ranges, exact integers, suggestions for typos, one key set
// from a value, and a document written back that reads to the same values.
#include "engine/schema.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "floe/error.h"

namespace floe::engine {
namespace {

using ::testing::HasSubstr;

struct Settings {
  double rate = 0.5;
  int months = 12;
  std::uint64_t seed = 1;
  std::string mode = "fast";
  std::string start = "2025-01";
  bool on = false;
  std::map<std::string, double> speed;
  std::vector<std::string> states;
};

Schema schema_for(Settings& s) {
  Schema schema;
  schema.number("run.rate", s.rate, 0, 1, "a rate", When::kAnyMonth);
  schema.whole("run.months", s.months, 1, 600, "months");
  schema.whole("run.seed", s.seed, "seed");
  schema.text("mode", s.mode, {"fast", "slow"}, "fast | slow", "mode");
  schema.month("run.start", s.start, 2012, "start");
  schema.flag("run.on", s.on, "switch");
  schema.number_map("adoption.speed", s.speed, 0, 10, "group", "speeds");
  schema.text_list("adoption.states", s.states, "USPS", "states");
  return schema;
}

std::string error_of(const std::string& text) {
  Settings s;
  try {
    read_toml(text, "s.toml", schema_for(s));
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

TEST(Schema, ReadsEveryKindOfKey) {
  Settings s;
  read_toml(R"(mode = "slow"
[run]
rate = 0.25
months = 24
seed = 9007199254740993
start = "2030-06"
on = true
[adoption]
speed = { A = 2, B = 0.5 }
states = ["CA", "TX"]
)",
            "s.toml", schema_for(s));
  EXPECT_EQ(s.mode, "slow");
  EXPECT_EQ(s.rate, 0.25);
  EXPECT_EQ(s.months, 24);
  // 2^53 + 1 is not a double: read as a double it would become 2^53, another seed.
  EXPECT_EQ(s.seed, 9007199254740993ull);
  EXPECT_EQ(s.start, "2030-06");
  EXPECT_TRUE(s.on);
  EXPECT_EQ(s.speed.at("A"), 2.0);
  EXPECT_EQ(s.speed.at("B"), 0.5);
  EXPECT_EQ(s.states, (std::vector<std::string>{"CA", "TX"}));
}

TEST(Schema, ErrorsNameTheFileLineKeyAndWhatIsAllowed) {
  EXPECT_THAT(error_of("[run]\nrate = 2\n"),
              HasSubstr("s.toml:2: field 'run.rate': 2 is outside [0, 1] (allowed: [0, 1])"));
  EXPECT_THAT(error_of("[run]\nmonths = 1.5\n"), HasSubstr("expected a whole number"));
  EXPECT_THAT(error_of("[run]\nseed = 1.0\n"), HasSubstr("field 'run.seed': expected a whole"));
  EXPECT_THAT(error_of("[run]\nseed = -3\n"), HasSubstr("-3 is negative"));
  EXPECT_THAT(error_of("mode = \"medium\"\n"), HasSubstr("'medium' is not one of: fast, slow"));
  EXPECT_THAT(error_of("[run]\nstart = \"2011-12\"\n"), HasSubstr("from 2012-01"));
  EXPECT_THAT(error_of("[run]\non = 1\n"), HasSubstr("expected true or false"));
  EXPECT_THAT(error_of("[adoption]\nspeed = { A = 11 }\n"), HasSubstr("'A': 11 is outside"));
  EXPECT_THAT(error_of("[run]\nrate = \n"), HasSubstr("s.toml:2"));  // TOML syntax
}

TEST(Schema, UnknownKeysSuggestTheNearestAndListTheirTable) {
  EXPECT_THAT(error_of("[run]\nmonht = 3\n"),
              HasSubstr("s.toml:2: field 'run.monht': unknown key (did you mean 'run.months'?); "
                        "keys here: run.rate, run.months, run.seed, run.start, run.on"));
  EXPECT_THAT(error_of("[nothing]\nx = 1\n"), HasSubstr("field 'nothing': unknown key"));
  // Far from every key: no suggestion.
  EXPECT_THAT(error_of("[run]\nzzzzzzzz = 3\n"), ::testing::Not(HasSubstr("did you mean")));
}

TEST(Schema, SetsOneKeyFromAValueAsAFileWould) {
  Settings s;
  const Schema schema = schema_for(s);
  set_key(schema, "run.rate", "0.75", "--set");
  EXPECT_EQ(s.rate, 0.75);
  set_key(schema, "adoption.speed", "{ CA = 1.5 }", "--set");
  EXPECT_EQ(s.speed, (std::map<std::string, double>{{"CA", 1.5}}));
  try {
    set_key(schema, "run.rate", "7", "--set");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("--set: field 'run.rate': 7 is outside [0, 1]"));
  }
  EXPECT_THROW(set_key(schema, "run.rat", "0.1", "--set"), DataError);
  EXPECT_EQ(s.rate, 0.75);  // a refused value changes nothing
}

TEST(Schema, WritesADocumentThatReadsBackToTheSameValues) {
  Settings a;
  a.rate = 0.1 + 0.2;  // 0.30000000000000004: the shortest exact form is kept
  a.seed = 9007199254740993ull;
  a.mode = "slow";
  a.speed = {{"A", 1e-7}, {"B \"quoted\"", 3}};
  a.states = {"CA"};
  const std::string text = to_toml(schema_for(a));
  EXPECT_THAT(text, HasSubstr("mode = 'slow'\n\n[run]\nrate = 0.30000000000000004\n"));
  Settings b;
  read_toml(text, "written.toml", schema_for(b));
  EXPECT_EQ(b.rate, a.rate);
  EXPECT_EQ(b.seed, a.seed);
  EXPECT_EQ(b.mode, a.mode);
  EXPECT_EQ(b.speed, a.speed);
  EXPECT_EQ(b.states, a.states);
  EXPECT_EQ(b.months, a.months);
}

}  // namespace
}  // namespace floe::engine
