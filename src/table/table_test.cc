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
            "\"Alabama, \"\"AL\"\"\",1234567,51000000,0.4847908745247148,true\n"
            "Alaska,800,1250000000000,,false\n");
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
