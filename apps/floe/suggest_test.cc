#include "suggest.h"

#include <gtest/gtest.h>

namespace floe::cli {
namespace {

TEST(Closest, FewEditsOrTheOnlyCommandItBegins) {
  const std::vector<std::string> commands = {"index", "explain", "simulate", "serve", "report"};
  EXPECT_EQ(closest("indx", commands), "index");     // one deletion
  EXPECT_EQ(closest("reprot", commands), "report");  // two letters swapped: one edit
  EXPECT_EQ(closest("simulte", commands), "simulate");
  EXPECT_EQ(closest("sim", commands), "simulate");  // too short for edits; begins one command
  EXPECT_EQ(closest("s", commands), "");            // begins two
  EXPECT_EQ(closest("banana", commands), "");
  EXPECT_EQ(closest("--topp", {"--top", "--by", "--db"}), "--top");
}

class Suggestion : public testing::Test {
 protected:
  Suggestion() {
    app.name("floe");
    app.require_subcommand(1);
    CLI::App* index = app.add_subcommand("index");
    index->add_option("--top", top);
    index->add_option("--by", by);
    CLI::App* talent = app.add_subcommand("talent");
    talent->require_subcommand(1);
    talent->add_subcommand("calibrate")->add_option("--start", by);
    talent->add_subcommand("report");
  }
  CLI::App app{"test"};
  int top = 0;
  std::string by;
};

TEST_F(Suggestion, MistypedCommand) {
  EXPECT_EQ(suggestion(app, {"indx"}), "unknown command 'indx'; did you mean 'floe index'?");
  EXPECT_EQ(suggestion(app, {"talent", "calbrate", "--start", "all"}),
            "unknown command 'calbrate'; did you mean 'floe talent calibrate'?");
}

TEST_F(Suggestion, MistypedOption) {
  EXPECT_EQ(suggestion(app, {"index", "--topp", "5"}),
            "unknown option '--topp' for 'floe index'; did you mean '--top'?");
  EXPECT_EQ(suggestion(app, {"index", "--by=state", "--tpo=5"}),
            "unknown option '--tpo' for 'floe index'; did you mean '--top'?");
}

TEST_F(Suggestion, NothingToSayWhenAllIsKnownOrNothingIsClose) {
  EXPECT_EQ(suggestion(app, {"index", "--top", "5", "--by", "stat"}), "");  // a value: CLI11's
  EXPECT_EQ(suggestion(app, {"zebra"}), "");
  EXPECT_EQ(suggestion(app, {"index", "--zebra"}), "");
}

}  // namespace
}  // namespace floe::cli
