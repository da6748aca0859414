// The workbook reader on hand-made workbooks (testdata/xlsx, written by make_fixtures.py: every
// value below is in that script) and on the real BLS workbook against its CSV twin.
#include "data/xlsx.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "data/delimited.h"
#include "data/oews.h"
#include "floe/error.h"

namespace floe::data {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kFixtures = FLOE_XLSX_FIXTURES_DIR;
const std::filesystem::path kShared = FLOE_SHARED_DATA_DIR;

std::string error_of(const std::filesystem::path& path) {
  try {
    xlsx_sheet_as_csv(path);
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Xlsx, RecognizesWorkbooksByExtension) {
  EXPECT_TRUE(is_xlsx("a/state_M2023_dl.xlsx"));
  EXPECT_TRUE(is_xlsx("B.XLSX"));
  EXPECT_FALSE(is_xlsx("b.csv"));
  EXPECT_FALSE(is_xlsx("b.xlsx.zst"));
}

TEST(Xlsx, ReadsTheFirstVisibleSheetRowByRow) {
  DelimitedReader r(kFixtures / "good.xlsx");
  r.read_header();
  EXPECT_EQ(r.column("OCC_CODE"), 0u);
  EXPECT_EQ(r.column("NOTE"), 5u);
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.line(), 2u);                  // line = sheet row
  EXPECT_EQ(r.text(1), "All Occupations");  // rich-text runs joined, phonetic run left out
  EXPECT_EQ(r.count(3), 4000);
  EXPECT_EQ(r.text(5), "");
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.number(4), 100000.5);
  EXPECT_EQ(r.text(5), "says \"hi\", twice");
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.text(1), "Bookkeeping, Accounting, and Auditing Clerks");  // inline string
  EXPECT_EQ(r.oews(3).flag, OewsFlag::kNotReleased);
  EXPECT_EQ(r.oews(4).flag, OewsFlag::kTopCoded);
  EXPECT_EQ(r.text(5), "two lines");
  ASSERT_TRUE(r.next());  // row 5 is blank
  EXPECT_EQ(r.line(), 6u);
  EXPECT_EQ(r.text(0), "47-2061");  // cells without references take the next column
  EXPECT_EQ(r.number(4), 2.3);      // stored as 2.2999999999999998: the same double
  EXPECT_EQ(r.text(5), "TRUE");
  EXPECT_FALSE(r.next());
}

TEST(Xlsx, OewsReaderTakesAWorkbook) {
  const OewsTable t = read_oews(kFixtures / "good.xlsx");
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[1].occ_title, "Software Developers");
  EXPECT_EQ(t.rows[1].employment.value, 1000);
  EXPECT_EQ(t.rows[2].employment.flag, OewsFlag::kNotReleased);
  EXPECT_EQ(t.rows[3].line, 6u);
}

TEST(Xlsx, DamagedWorkbooksAreOneLineErrors) {
  EXPECT_THAT(error_of(kFixtures / "not_a_zip.xlsx"),
              HasSubstr("not_a_zip.xlsx: not a readable .xlsx workbook (not a zip archive)"));
  EXPECT_THAT(error_of(kFixtures / "missing_sheet.xlsx"),
              HasSubstr("missing_sheet.xlsx: sheet 'Data': part 'xl/worksheets/sheet2.xml' is "
                        "missing"));
  EXPECT_THAT(error_of(kFixtures / "bad_shared_string.xlsx"),
              HasSubstr("bad_shared_string.xlsx:3: sheet 'Data': cell A3: shared string 9999 out "
                        "of range (the workbook has 18)"));
  EXPECT_THAT(error_of(kFixtures / "truncated_entry.xlsx"),
              HasSubstr("truncated_entry.xlsx: part 'xl/worksheets/sheet2.xml' is damaged "
                        "(truncated or corrupt)"));
  EXPECT_THAT(error_of(kFixtures / "no_such.xlsx"), HasSubstr("no_such.xlsx: missing file"));
  for (const char* name :
       {"not_a_zip.xlsx", "missing_sheet.xlsx", "bad_shared_string.xlsx", "truncated_entry.xlsx"}) {
    EXPECT_EQ(error_of(kFixtures / name).find('\n'), std::string::npos) << name;
  }
}

// The BLS workbook exactly as published and the CSV BLS's first sheet was converted to: every
// field of every row the same text, or the same number.
TEST(Xlsx, RealBlsWorkbookMatchesItsCsvTwin) {
  const auto dir = kShared / "bls-oews/industry";
  ASSERT_TRUE(std::filesystem::exists(dir / "natsector_M2023_dl.xlsx"))
      << "needs ../shared/data beside the checkout";
  DelimitedReader book(dir / "natsector_M2023_dl.xlsx");
  DelimitedReader csv(dir / "natsector_M2023_dl.csv");
  book.read_header();
  csv.read_header();
  ASSERT_EQ(book.header(), csv.header());
  std::size_t rows = 0, numbers = 0;
  while (csv.next()) {
    ASSERT_TRUE(book.next()) << "workbook ends before CSV line " << csv.line();
    ++rows;
    for (std::size_t c = 0; c < csv.column_count(); ++c) {
      if (book.text(c) == csv.text(c)) continue;
      const auto a = parse_number(book.text(c)), b = parse_number(csv.text(c));
      ASSERT_TRUE(a && b && *a == *b) << "row " << book.line() << " column " << csv.header()[c]
                                      << ": '" << book.text(c) << "' vs '" << csv.text(c) << "'";
      ++numbers;
    }
  }
  EXPECT_FALSE(book.next());
  EXPECT_EQ(rows, 16376u);
  EXPECT_GT(numbers, 0u);  // stored with 17 digits in the workbook, shortest form in the CSV
}

}  // namespace
}  // namespace floe::data
