// The map JSON with a territory: the tiny world's atlas plus a hand-made Puerto Rico inset of two
// municipios (the tiny world has Puerto Rico, the U.S. Virgin Islands and Guam as territories,
// each one territory-wide county-equivalent, "72000").
#include "serve/maps.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dataset/tiny_world.h"

namespace floe::serve {
namespace {

using json = nlohmann::json;

Atlas with_puerto_rico() {
  Atlas atlas = load_atlas(FLOE_TINY_DATA_DIR);
  atlas.insets.push_back({"72",
                          "Puerto Rico",
                          {26, 8, 29, 9.5},
                          {"72", "Puerto Rico", "M26.5,8.5L28.5,8.5L28.5,9L26.5,9Z"},
                          {{"72001", "Adjuntas", "M26.5,8.5L27.5,8.5L27.5,9L26.5,9Z"},
                           {"72003", "Aguada", "M27.5,8.5L28.5,8.5L28.5,9L27.5,9Z"}}});
  atlas.insets.push_back({"60", "American Samoa", {0, 0, 1, 1}, {"60", "American Samoa", ""}, {}});
  return atlas;
}

const Maps& maps() {
  static const Maps m = build_maps(tiny(), with_puerto_rico());
  return m;
}

TEST(Maps, TerritoriesDrawnInTheirBoxesOnTheStateMap) {
  const json states = json::parse(maps().states);
  ASSERT_EQ(states["shapes"].size(), 3u);  // Alabama, Alaska; Puerto Rico (not American Samoa)
  EXPECT_EQ(states["shapes"][2]["id"], "72");
  ASSERT_EQ(states["insets"].size(), 1u);
  EXPECT_EQ(states["insets"][0]["name"], "Puerto Rico");
  EXPECT_EQ(states["insets"][0]["box"], json::array({26.0, 8.0, 29.0, 9.5}));
  // The states fill 0..30 x 0..10; the box lies inside.
  EXPECT_EQ(states["bounds"], json::array({0.0, 0.0, 30.0, 10.0}));
}

TEST(Maps, MunicipiosStandForTheTerritoryAsAWhole) {
  ASSERT_TRUE(maps().counties_by_state.contains("72"));
  const json pr = json::parse(maps().counties_by_state.at("72"));
  ASSERT_EQ(pr["shapes"].size(), 2u);
  EXPECT_EQ(pr["shapes"][0]["group"], 0);
  EXPECT_EQ(pr["shapes"][1]["group"], 0);
  ASSERT_EQ(pr["groups"].size(), 1u);
  EXPECT_EQ(pr["groups"][0]["counties"][0]["fips"], "72000");
  EXPECT_EQ(pr["bounds"], json::array({26.5, 8.5, 28.5, 9.0}));
  EXPECT_NE(pr["note"].get<std::string>().find("Puerto Rico's municipios"), std::string::npos);
  // Every county map includes them; a state's own has no note.
  EXPECT_EQ(json::parse(maps().counties)["shapes"].size(), 6u);
  EXPECT_FALSE(json::parse(maps().counties_by_state.at("02")).contains("note"));
}

TEST(Maps, WithoutShapesANote) {
  EXPECT_FALSE(maps().counties_by_state.contains("78"));
  const State& vi = tiny().geography[*tiny().geography.find_state("78")];
  const json none = json::parse(no_county_map(vi));
  EXPECT_TRUE(none["shapes"].empty());
  EXPECT_NE(none["note"].get<std::string>().find("no county shapes for Virgin Islands"),
            std::string::npos);
}

}  // namespace
}  // namespace floe::serve
