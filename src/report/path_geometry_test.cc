// Rings, bounds and centroids of SVG paths, against hand-computed areas.
#include "report/path_geometry.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace floe::report {
namespace {

constexpr const char* kSquare = "M0.0,0.0L10.0,0.0L10.0,10.0L0.0,10.0L0.0,0.0Z";

TEST(ReportPathGeometry, RingsAndBounds) {
  const auto rings = path_rings(std::string(kSquare) + "M20.0,0.0L22.0,0.0L22.0,2.0Z");
  ASSERT_EQ(rings.size(), 2u);
  EXPECT_EQ(rings[0].size(), 5u);
  EXPECT_EQ(rings[1].size(), 3u);
  const Bounds b = path_bounds(std::string(kSquare) + "M20.0,-1.5L22.0,0.0L22.0,2.0Z");
  EXPECT_DOUBLE_EQ(b.min_x, 0);
  EXPECT_DOUBLE_EQ(b.min_y, -1.5);
  EXPECT_DOUBLE_EQ(b.max_x, 22);
  EXPECT_DOUBLE_EQ(b.max_y, 10);
}

TEST(ReportPathGeometry, CentroidIsAreaWeighted) {
  const Point square = area_centroid({kSquare});
  EXPECT_NEAR(square.x, 5, 1e-12);
  EXPECT_NEAR(square.y, 5, 1e-12);
  // A 10 x 10 square (centroid 5,5) and a 2 x 2 one (21,1) in two paths:
  // x = (100*5 + 4*21) / 104, y = (100*5 + 4*1) / 104.
  const Point two = area_centroid({kSquare, "M20.0,0.0L22.0,0.0L22.0,2.0L20.0,2.0Z"});
  EXPECT_NEAR(two.x, 584.0 / 104, 1e-12);
  EXPECT_NEAR(two.y, 504.0 / 104, 1e-12);
  // A 2 x 2 hole in the corner, wound the other way: x = y = (100*5 - 4*1) / 96.
  const Point holed = area_centroid({std::string(kSquare) + "M0.0,0.0L0.0,2.0L2.0,2.0L2.0,0.0Z"});
  EXPECT_NEAR(holed.x, 496.0 / 96, 1e-12);
  EXPECT_NEAR(holed.y, 496.0 / 96, 1e-12);
}

TEST(ReportPathGeometry, NoAreaFallsBackToBoundsCenter) {
  const Point p = area_centroid({"M0.0,0.0L4.0,2.0Z"});
  EXPECT_DOUBLE_EQ(p.x, 2);
  EXPECT_DOUBLE_EQ(p.y, 1);
}

TEST(ReportPathGeometry, RejectsCommandsTheAtlasDoesNotWrite) {
  EXPECT_THROW(path_rings("M0,0C1,1,2,2,3,3"), std::invalid_argument);
  EXPECT_THROW(path_rings("M0,x"), std::invalid_argument);
}

}  // namespace
}  // namespace floe::report
