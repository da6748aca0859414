// The staffing pattern's estimate of suppressed cells (docs/method.md §5), on a hand-made file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "floe/error.h"
#include "taxonomy/build.h"

namespace floe::taxonomy {
namespace {

using data::OewsFlag;
using data::OewsGroup;
using ::testing::HasSubstr;

data::OewsRow row(const std::string& naics, const std::string& code, OewsGroup group,
                  double employment) {
  data::OewsRow r;
  r.naics = naics;
  r.naics_title = "Sector " + naics;
  r.occ_code = code;
  r.group = group;
  r.employment = std::isnan(employment) ? data::OewsValue{0, OewsFlag::kNotReleased}
                                        : data::OewsValue{employment, OewsFlag::kValue};
  return r;
}

const double kSuppressed = std::nan("");

// Occupations A 11-1011 (100 workers), B 11-1021 (200), C 13-2011 (50), D 13-2051 (30, absent
// from the industry file). Sectors X (total 130), Y (170), Z (50).
//   A: X 60, Y **, Z **  -> remainder 40      X: released 60 + 50 -> remainder 20
//   B: X **, Y 150, Z ** -> remainder 50      Y: released 150     -> remainder 20
//   C: X 50                                   Z: released 0       -> remainder 50
// The suppressed cells must meet both remainders: a_Y = 20 (Y's only one), b_X = 20 (X's only
// one), so a_Z = 40 - 20 = 20 and b_Z = 50 - 20 = 30, whatever the seeds (11-0000's rooms).
// D takes the pattern of its major group 13-0000: X 50, Y 10.
struct World {
  Taxonomy t;
  data::OewsTable natsector{"natsector.csv", {}}, national{"national.csv", {}};
  World() {
    for (const auto& [code, n] : std::vector<std::pair<std::string, double>>{
             {"11-1011", 100}, {"11-1021", 200}, {"13-2011", 50}, {"13-2051", 30}}) {
      t.occupation_index.emplace(code, OccupationId(t.occupations.size()));
      t.occupations.push_back({code, code, "", "", MajorGroupId(0), {}, TaskSource::kNone});
      national.rows.push_back(row("000000", code, OewsGroup::kDetailed, n));
    }
    auto& r = natsector.rows;
    r.push_back(row("X", "00-0000", OewsGroup::kTotal, 130));
    r.push_back(row("X", "11-0000", OewsGroup::kMajor, 80));
    r.push_back(row("X", "11-1011", OewsGroup::kDetailed, 60));
    r.push_back(row("X", "11-1021", OewsGroup::kDetailed, kSuppressed));
    r.push_back(row("X", "13-0000", OewsGroup::kMajor, 50));
    r.push_back(row("X", "13-2011", OewsGroup::kDetailed, 50));
    r.push_back(row("Y", "00-0000", OewsGroup::kTotal, 170));
    r.push_back(row("Y", "11-0000", OewsGroup::kMajor, 180));
    r.push_back(row("Y", "11-1011", OewsGroup::kDetailed, kSuppressed));
    r.push_back(row("Y", "11-1021", OewsGroup::kDetailed, 150));
    r.push_back(row("Y", "13-0000", OewsGroup::kMajor, 10));
    r.push_back(row("Z", "00-0000", OewsGroup::kTotal, 50));
    r.push_back(row("Z", "11-0000", OewsGroup::kMajor, 50));
    r.push_back(row("Z", "11-1011", OewsGroup::kDetailed, kSuppressed));
    r.push_back(row("Z", "11-1021", OewsGroup::kDetailed, kSuppressed));
  }
};

TEST(Staffing, SuppressedCellsMeetBothRemainders) {
  World w;
  add_sectors(w.natsector, w.national, w.t);
  ASSERT_EQ(w.t.sectors.size(), 3u);
  EXPECT_EQ(w.t.sectors[1].title, "Sector Y");
  const auto a = w.t.occupation_sectors.row(0);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_FALSE(a[0].estimated);
  EXPECT_DOUBLE_EQ(a[0].employment, 60);
  EXPECT_TRUE(a[1].estimated);
  EXPECT_NEAR(a[1].employment, 20, 1e-6);
  EXPECT_NEAR(a[2].employment, 20, 1e-6);
  EXPECT_NEAR(a[2].share, 0.2, 1e-8);
  const auto b = w.t.occupation_sectors.row(1);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_NEAR(b[0].employment, 20, 1e-6);
  EXPECT_DOUBLE_EQ(b[1].employment, 150);
  EXPECT_NEAR(b[2].employment, 30, 1e-6);
  EXPECT_NEAR(b[1].share, 0.75, 1e-8);
  const auto c = w.t.occupation_sectors.row(2);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].share, 1.0);
  const auto d = w.t.occupation_sectors.row(3);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_TRUE(d[0].estimated && d[1].estimated);
  EXPECT_DOUBLE_EQ(d[0].share, 50.0 / 60);
  EXPECT_DOUBLE_EQ(d[1].employment, 5.0);  // 30 x 1/6
}

TEST(Staffing, ASectorWithoutATotalRowIsAnError) {
  World w;
  w.natsector.rows.erase(w.natsector.rows.begin() + 11);  // Z's total
  w.natsector.rows[11].line = 14;
  try {
    add_sectors(w.natsector, w.national, w.t);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("natsector.csv:14: field 'NAICS': sector 'Z' has no "
                                    "all-occupations (00-0000) row"));
  }
}

}  // namespace
}  // namespace floe::taxonomy
