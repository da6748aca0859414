#include <gtest/gtest.h>

#include "floe/taxonomy.h"

namespace floe {
namespace {

std::string title(std::string name) { return industry_title(IndustryGroup{std::move(name)}); }

TEST(IndustryTitle, WordsInSentenceCase) {
  EXPECT_EQ(title("FINANCE_AND_INSURANCE"), "Finance and insurance");
  EXPECT_EQ(title("RETAIL_TRADE"), "Retail trade");
  EXPECT_EQ(title("CONSTRUCTION"), "Construction");
}

TEST(IndustryTitle, ListsGetTheirCommas) {
  EXPECT_EQ(title("ADMINISTRATIVE_SUPPORT_WASTE_SERVICES"),
            "Administrative, support and waste services");
  EXPECT_EQ(title("MINING_OIL_GAS_EXTRACTION"), "Mining, oil and gas extraction");
  EXPECT_EQ(title("HEALTHCARE"), "Health care");
}

TEST(IndustryTitle, EmptyStaysEmpty) { EXPECT_EQ(title(""), ""); }

}  // namespace
}  // namespace floe
