#include "floe/table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace floe {
namespace {

Table sample() {
  Table t;
  t.title = "States";
  t.columns = {{"name", "State", ColumnKind::kText},
               {"workers", "Workers", ColumnKind::kCount},
               {"wages", "Exposed wages", ColumnKind::kDollars},
               {"iceberg", "Iceberg", ColumnKind::kShare, 1},
               {"estimated", "Estimated", ColumnKind::kFlag}};
  t.rows = {{std::string("Alabama, \"AL\""), 1234567.0, 51.0e6, 51.0 / 105.2, true},
            {std::string("Alaska"), 800.0, 1.25e12, std::nan(""), false}};
  t.notes = {"Estimated from margins."};
  return t;
}

TEST(Table, FormatsValuesForPeople) {
  const Table t = sample();
  EXPECT_EQ(format_value(t.rows[0][1], t.columns[1]), "1,234,567");
  EXPECT_EQ(format_value(t.rows[0][2], t.columns[2]), "$51.0M");
  EXPECT_EQ(format_value(t.rows[1][2], t.columns[2]), "$1.25T");
  EXPECT_EQ(format_value(t.rows[0][3], t.columns[3]), "48.5%");
  EXPECT_EQ(format_value(t.rows[1][3], t.columns[3]), "-");
  EXPECT_EQ(format_value(t.rows[0][4], t.columns[4]), "yes");
}

TEST(Table, WritesCsvWithQuotingAndRawNumbers) {
  std::ostringstream out;
  write_csv(out, sample());
  EXPECT_EQ(out.str(),
            "name,workers,wages,iceberg,estimated\n"
            "\"Alabama, \"\"AL\"\"\",1234567,51000000,0.484790874525,true\n"
            "Alaska,800,1250000000000,,false\n");
}

TEST(Table, NegativesTakeTheMinusSignBeforeTheDollar) {
  const Column dollars{"d", "D", ColumnKind::kDollars};
  const Column count{"c", "C", ColumnKind::kCount};
  const Column share{"s", "S", ColumnKind::kShare, 1};
  const Column number{"n", "N", ColumnKind::kNumber, 2};
  EXPECT_EQ(format_value(-33.7e6, dollars), "\u2212$33.7M");
  EXPECT_EQ(format_value(-1234.4, dollars), "\u2212$1,234");
  EXPECT_EQ(format_value(-0.4, dollars), "$0");  // rounds to zero: no sign
  EXPECT_EQ(format_value(-1234567.0, count), "\u22121,234,567");
  EXPECT_EQ(format_value(-0.0123, share), "\u22121.2%");
  EXPECT_EQ(format_value(-0.00001, share), "0.0%");
  EXPECT_EQ(format_value(-2.5, number), "\u22122.50");
}

TEST(Table, StatisticsHaveThreeSignificantDigits) {
  const Column c{"s", "S", ColumnKind::kStatistic};
  EXPECT_EQ(format_value(168.3, c), "168");
  EXPECT_EQ(format_value(1234.5, c), "1,235");  // half away from zero
  EXPECT_EQ(format_value(0.14285, c), "0.143");
  EXPECT_EQ(format_value(19.64, c), "19.6");
  EXPECT_EQ(format_value(0.02312, c), "0.0231");
  EXPECT_EQ(format_value(20.0, c), "20");
  EXPECT_EQ(format_value(-2.5, c), "\u22122.5");
  EXPECT_EQ(format_value(0.0, c), "0");
}

TEST(Table, PlainNumbersHaveTwelveSignificantDigitsAndNoExponent) {
  EXPECT_EQ(plain_number(677779.9999999985), "677780");
  EXPECT_EQ(plain_number(9.876543210987e12), "9876543210987");
  EXPECT_EQ(plain_number(1.5e13), "15000000000000");
  EXPECT_EQ(plain_number(0.1 + 0.2), "0.3");
  EXPECT_EQ(plain_number(2.5e-7), "0.00000025");
  EXPECT_EQ(plain_number(-1234.5), "-1234.5");
  EXPECT_EQ(plain_number(-1e-30), "0");
  EXPECT_EQ(plain_number(0.0), "0");
  EXPECT_EQ(plain_number(std::nan("")), "");
}

TEST(Table, WritesWholeNumbersAsJsonIntegers) {
  Table t{"Tasks",
          {{"task_id", "Task ID", ColumnKind::kNumber, 0},
           {"weight", "Weight", ColumnKind::kNumber, 2}},
          {{21665.0, 677779.9999999985}, {8823.0, 0.25}},
          {}};
  std::ostringstream out;
  write_json(out, t);
  const std::string s = out.str();
  EXPECT_NE(s.find("\"task_id\": 21665,"), std::string::npos) << s;
  EXPECT_NE(s.find("\"weight\": 677780\n"), std::string::npos) << s;
  EXPECT_NE(s.find("\"weight\": 0.25\n"), std::string::npos) << s;
}

TEST(Table, AlignsColumnsByCharactersNotBytes) {
  Table t{"",
          {{"name", "Name", ColumnKind::kText}, {"d", "Change", ColumnKind::kDollars}},
          {{std::string("a"), -33.7e6}, {std::string("b"), 1.0e6}},
          {}};
  std::ostringstream out;
  write_text(out, t);
  EXPECT_EQ(out.str(),
            "  Name   Change\n"
            "  a     \u2212$33.7M\n"
            "  b       $1.0M\n");
}

TEST(Table, WritesJsonRowsAsObjects) {
  std::ostringstream out;
  write_json(out, sample());
  const std::string s = out.str();
  EXPECT_NE(s.find("\"name\": \"Alabama, \\\"AL\\\"\""), std::string::npos) << s;
  EXPECT_NE(s.find("\"iceberg\": null"), std::string::npos) << s;
  EXPECT_NE(s.find("\"notes\": [\n    \"Estimated from margins.\""), std::string::npos) << s;
}

TEST(Table, WritesAlignedTextAndTruncates) {
  std::ostringstream out;
  write_text(out, sample(), 1);
  EXPECT_EQ(out.str(),
            "States\n"
            "  State            Workers  Exposed wages  Iceberg  Estimated\n"
            "  Alabama, \"AL\"  1,234,567         $51.0M    48.5%        yes\n"
            "  ... 1 more rows\n"
            "  Estimated from margins.\n");
}

}  // namespace
}  // namespace floe
