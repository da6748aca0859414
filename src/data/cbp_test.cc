// The County Business Patterns reader on testdata/cbp (its README lists every value) and on
// broken and older-format copies.
#include "data/cbp.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "floe/error.h"

namespace floe::data {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kFile =
    std::filesystem::path(FLOE_TINY_DATA_DIR).parent_path() / "cbp/cbp23co_tiny.txt";

std::filesystem::path cbp_file(const std::string& name, const std::string& text) {
  const auto dir =
      std::filesystem::path(::testing::TempDir()) / ("floe_cbp_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name) << text;
  return dir / name;
}

TEST(CountyBusinessPatterns, ReadsTheSectorRows) {
  const auto rows = read_county_business_patterns(kFile);
  ASSERT_EQ(rows.size(), 10u);  // every "NN----" row; totals and 3-digit rows left out
  EXPECT_EQ(rows[0].county_fips, "01001");
  EXPECT_EQ(rows[0].naics, "23");
  EXPECT_EQ(rows[0].employment, 300);
  EXPECT_EQ(rows[1].naics, "31");
  EXPECT_EQ(rows.back().county_fips, "01999");
  EXPECT_EQ(rows.back().line, 14u);
  EXPECT_FALSE(rows.back().withheld);
}

TEST(CountyBusinessPatterns, OlderFilesWithheldCellsTakeTheirClassMidpoint) {
  const auto rows =
      read_county_business_patterns(cbp_file("cbp15co.txt",
                                             "FIPSTATE,FIPSCTY,NAICS,EMPFLAG,EMP_NF,EMP\n"
                                             "1,1,23----,,G,120\n"
                                             "1,1,52----,B,D,0\n"));  // B: 20-99 employees
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].county_fips, "01001");
  EXPECT_EQ(rows[1].employment, 60);
  EXPECT_TRUE(rows[1].withheld);
}

TEST(CountyBusinessPatterns, BadRowsAreOneLineErrors) {
  const std::string header = "fipstate,fipscty,naics,emp\n";
  auto error = [](const std::filesystem::path& p) {
    try {
      read_county_business_patterns(p);
    } catch (const DataError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_THAT(error(cbp_file("a.txt", header + "01,001,23----,-5\n")),
              HasSubstr("a.txt:2: field 'emp': negative count"));
  EXPECT_THAT(error(cbp_file("b.txt", header + "01,0x1,23----,5\n")),
              HasSubstr("b.txt:2: field 'fipscty': not a 3-digit FIPS code: '0x1'"));
  EXPECT_THAT(error(cbp_file("c.txt", header + "01,001,23----,5\n01,001,23----,6\n")),
              HasSubstr("c.txt:3: field 'naics': duplicate key"));
  EXPECT_THAT(error(cbp_file("d.txt", "fipstate,fipscty,naics\n01,001,23----\n")),
              HasSubstr("d.txt:1: field 'emp': missing column"));
}

}  // namespace
}  // namespace floe::data
