// The map shapes on a hand-made atlas (testdata/us-atlas): two states in Albers USA units and,
// unprojected, Puerto Rico as two municipios and American Samoa (which floe does not draw).
#include <gtest/gtest.h>

#include "floe/geo.h"

namespace floe {
namespace {

const Atlas& atlas() {
  static const Atlas a = load_atlas(FLOE_TESTDATA_DIR, /*territories=*/true);
  return a;
}

TEST(Atlas, StatesAndCountiesAsSvgPaths) {
  ASSERT_EQ(atlas().states.size(), 2u);
  EXPECT_EQ(atlas().states[0].id, "01");
  EXPECT_EQ(atlas().states[0].svg_path, "M0.0,0.0L10.0,0.0L10.0,10.0L0.0,10.0L0.0,0.0Z");
  EXPECT_EQ(atlas().counties.size(), 4u);
  EXPECT_EQ(atlas().width, 975);
}

// Puerto Rico spans longitude -67..-66 and latitude 18..18.5. Its box is 838..936 x 566..602,
// less 2 of padding: 94 x 32. At the middle latitude 18.25, a degree of longitude is cos(18.25°)
// = 0.949699 of a degree of latitude, so the island is 0.949699 x 0.5 "degrees"; the height
// limits the scale to 32 / 0.5 = 64 per degree, drawing it 60.7807 x 32, centred:
// left = 838 + (98 - 60.7807) / 2 = 856.6096, top = 566 + (36 - 32) / 2 = 568.
TEST(Atlas, TerritoriesInTheirBoxes) {
  ASSERT_EQ(atlas().insets.size(), 1u);  // American Samoa has no place: floe has no data for it
  const MapInset& pr = atlas().insets[0];
  EXPECT_EQ(pr.id, "72");
  EXPECT_EQ(pr.name, "Puerto Rico");
  EXPECT_EQ(pr.box, (std::array<double, 4>{838, 566, 936, 602}));
  ASSERT_EQ(pr.counties.size(), 2u);
  EXPECT_EQ(pr.counties[0].id, "72001");
  // Adjuntas, the western half: -67 -> 856.61, -66.5 -> 856.61 + 30.39 = 887.00; north up.
  EXPECT_EQ(pr.counties[0].svg_path,
            "M856.61,600.00L887.00,600.00L887.00,568.00L856.61,568.00L856.61,600.00Z");
  EXPECT_EQ(pr.counties[1].svg_path,
            "M887.00,600.00L917.39,600.00L917.39,568.00L887.00,568.00L887.00,600.00Z");
  EXPECT_EQ(pr.state.svg_path, pr.counties[0].svg_path + pr.counties[1].svg_path);
}

TEST(Atlas, InsetsOnlyWhenAskedAndTheUnprojectedFileIsThere) {
  EXPECT_TRUE(load_atlas(FLOE_TESTDATA_DIR).insets.empty());
  EXPECT_TRUE(load_atlas(FLOE_TINY_DATA_DIR, /*territories=*/true).insets.empty());
}

}  // namespace
}  // namespace floe
