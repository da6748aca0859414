#include "data/delimited.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "floe/error.h"

namespace floe::data {
namespace {

using ::testing::HasSubstr;

// Expects `body` to throw a DataError at `line` in column `field` whose message contains `what`.
template <typename Body>
void ExpectDataError(Body body, std::size_t line, const std::string& field,
                     const std::string& what) {
  try {
    body();
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(e.line(), line) << e.what();
    EXPECT_EQ(e.field(), field) << e.what();
    EXPECT_THAT(e.what(), HasSubstr(what));
  }
}

TEST(DelimitedReader, ReadsQuotedCsvWithEscapesAndEmbeddedNewlines) {
  DelimitedReader r("t.csv",
                    "code,title,n\n11-1011,\"Chief \"\"Top\"\" Executives\",5\n"
                    "13-2011,\"Accountants,\nand Auditors\",7\n");
  r.read_header();
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.text(1), "Chief \"Top\" Executives");
  EXPECT_EQ(r.line(), 2u);
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.text(1), "Accountants,\nand Auditors");
  EXPECT_EQ(r.count(2), 7);
  EXPECT_EQ(r.line(), 3u);
  EXPECT_FALSE(r.next());
}

TEST(DelimitedReader, UnquotedTabDialectKeepsQuotesAsText) {
  // O*NET's files: tab-separated, no quoting, '"' is part of the text.
  DelimitedReader r("Task Statements.txt", "id\ttask\n15287\tConduct \"head counts\" first.\n",
                    {'\t', false});
  r.read_header();
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.text(1), "Conduct \"head counts\" first.");
}

TEST(DelimitedReader, HandlesBomCrlfSemicolonsThousandsAndNoFinalNewline) {
  DelimitedReader r("state.csv",
                    "\xEF\xBB\xBF"
                    "AREA;OCC;A_MEAN\r\nAlabama;00-0000;53,400\r\n"
                    "Alaska;00-0000;1,234,567.5");
  r.read_header();
  EXPECT_EQ(r.header()[0], "AREA");
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.number(2), 53400.0);
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.text(0), "Alaska");
  EXPECT_EQ(r.number(2), 1234567.5);
  EXPECT_FALSE(r.next());
}

TEST(DelimitedReader, SniffsTheDelimiterFromTheHeader) {
  DelimitedReader semi("a.csv", "a;b;c\n1;2;3\n");
  semi.read_header();
  EXPECT_EQ(semi.column_count(), 3u);
  DelimitedReader tab("a.tsv", "a\tb, c\tc\n1\t2\t3\n");
  tab.read_header();
  EXPECT_EQ(tab.column_count(), 3u);
  EXPECT_EQ(tab.header()[1], "b, c");
}

TEST(DelimitedReader, SkipsPreambleBlankAndAllEmptyRows) {
  DelimitedReader r("x.csv",
                    "Bureau of Labor Statistics,,\nAs of 2023,,\n,,\n"
                    "Sort,Code,Title\n\n1,11-1011,Chief\n,,\n2,11-1021,General\n");
  r.read_header("Sort");
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.line(), 6u);
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.text(2), "General");
  EXPECT_FALSE(r.next());
}

TEST(DelimitedReader, TrimsSpacesAroundUnquotedFields) {
  DelimitedReader r("g.txt", "USPS\tNAME\tLAT   \nAL\tAutauga County\t32.5   \n", {'\t', false});
  r.read_header();
  EXPECT_EQ(r.header()[2], "LAT");
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.number(2), 32.5);
}

TEST(DelimitedReader, TrailingDelimiterMeansAnEmptyLastField) {
  DelimitedReader r("x.csv", "a,b,c\n1,2,");
  r.read_header();
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.text(2), "");
  EXPECT_EQ(r.optional_number(2), std::nullopt);
}

TEST(DelimitedReader, MissingColumnNamesTheHeaderLine) {
  DelimitedReader r("emp.csv", "title\nx\n");
  r.read_header();
  ExpectDataError([&] { r.column("TOT_EMP"); }, 1, "TOT_EMP", "missing column");
  EXPECT_EQ(r.column_any({"O_GROUP", "title"}), 0u);
}

TEST(DelimitedReader, NonNumericCountIsAnError) {
  DelimitedReader r("emp.csv", "code,emp\n11-1011,abc\n");
  r.read_header();
  ASSERT_TRUE(r.next());
  ExpectDataError([&] { r.count(1); }, 2, "emp", "not a number: 'abc'");
}

TEST(DelimitedReader, NegativeCountIsAnError) {
  DelimitedReader r("emp.csv", "code,emp\n11-1011,-5\n");
  r.read_header();
  ASSERT_TRUE(r.next());
  ExpectDataError([&] { r.count(1); }, 2, "emp", "negative count");
}

TEST(DelimitedReader, NanAndInfinityAreErrors) {
  DelimitedReader r("w.csv", "code,wage,x\n11-1011,NaN,inf\n");
  r.read_header();
  ASSERT_TRUE(r.next());
  ExpectDataError([&] { r.number(1); }, 2, "wage", "not a finite number");
  ExpectDataError([&] { r.number(2); }, 2, "x", "not a finite number");
}

TEST(DelimitedReader, FractionalCountAndBadGroupingAreErrors) {
  DelimitedReader r("emp.csv", "a,b\n2.5,\"1,23,4\"\n");
  r.read_header();
  ASSERT_TRUE(r.next());
  ExpectDataError([&] { r.count(0); }, 2, "a", "not a whole number");
  ExpectDataError([&] { r.count(1); }, 2, "b", "bad thousands separators");
}

TEST(DelimitedReader, TruncatedLastLineIsAnError) {
  DelimitedReader r("emp.csv", "code,title,emp\n11-1011,Chief,5\n11-1021,Gen");
  r.read_header();
  ASSERT_TRUE(r.next());
  ExpectDataError([&] { r.next(); }, 3, "", "expected 3 fields, found 2 (file truncated?)");
}

TEST(DelimitedReader, UnterminatedQuoteIsAnError) {
  DelimitedReader r("emp.csv", "code,title\n11-1011,\"Chief Exec");
  r.read_header();
  ExpectDataError([&] { r.next(); }, 2, "title", "unterminated quoted field");
}

TEST(DelimitedReader, ExtraFieldIsAnError) {
  DelimitedReader r("emp.csv", "code,emp\n11-1011,5,6\n");
  r.read_header();
  ExpectDataError([&] { r.next(); }, 2, "", "expected 2 fields, found 3");
}

TEST(DelimitedReader, OewsSpecialValuesAreTyped) {
  DelimitedReader r("oews.csv", "a,b,c,d,e,f\n*,**,#,~,,\"61,900\"\n");
  r.read_header();
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.oews(0).flag, OewsFlag::kNotReleased);
  EXPECT_EQ(r.oews(1).flag, OewsFlag::kNotReleased);
  EXPECT_EQ(r.oews(2).flag, OewsFlag::kTopCoded);
  EXPECT_EQ(r.oews(3).flag, OewsFlag::kUnderHalfPercent);
  EXPECT_EQ(r.oews(4).flag, OewsFlag::kMissing);
  EXPECT_FALSE(r.oews(2).has_value());
  const OewsValue v = r.oews(5);
  EXPECT_TRUE(v.has_value());
  EXPECT_EQ(v.value, 61900.0);
}

TEST(DelimitedReader, EmptyFileIsAnError) {
  ExpectDataError([] { DelimitedReader r("e.csv", "\n\n"); }, 0, "", "empty file");
}

// A header and nothing under it (a weights file cut short, a totals file emptied) was read as an
// empty table, and everything it should have given fell back to defaults unseen.
TEST(DelimitedReader, AHeaderWithoutRowsIsAnError) {
  DelimitedReader r("w.csv", "# weights\ntask_id,weight\n\n,\n");
  r.read_header("task_id");
  ExpectDataError([&] { r.next(); }, 2, "", "no data rows under the header");
}

TEST(DelimitedReader, MissingHeaderIsAnError) {
  DelimitedReader r("x.csv", "title line\nnot it\n");
  ExpectDataError([&] { r.read_header("Sort"); }, 0, "Sort", "no header row");
}

TEST(ParseNumber, AcceptsSignsExponentsAndGroups) {
  EXPECT_EQ(parse_number("-1.5e3"), -1500.0);
  EXPECT_EQ(parse_number("+7"), 7.0);
  EXPECT_EQ(parse_number("239,200"), 239200.0);
  EXPECT_EQ(parse_number("1,000,000.25"), 1000000.25);
  EXPECT_FALSE(parse_number("1,0000"));
  EXPECT_FALSE(parse_number(",100"));
  EXPECT_FALSE(parse_number("12abc"));
  EXPECT_FALSE(parse_number(""));
  EXPECT_FALSE(parse_number("nan"));
  EXPECT_FALSE(parse_number("1e999"));
}

}  // namespace
}  // namespace floe::data
