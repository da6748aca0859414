// Cells of the tiny world (testdata/tiny/README.md). Each occupation is alone in its industry
// group there, so the seed already meets both margins and the cells equal the state margins.
#include "floe/market.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dataset/tiny_world.h"
#include "floe/error.h"

namespace floe {
namespace {

using ::testing::HasSubstr;

struct Ids {
  StateId al, ak;
  OccupationId dev, clerk, laborer;
};
Ids ids(const Dataset& ds) {
  return {*ds.geography.find_state("AL"), *ds.geography.find_state("AK"),
          *ds.taxonomy.find_occupation("15-1252"), *ds.taxonomy.find_occupation("43-3031"),
          *ds.taxonomy.find_occupation("47-2061")};
}

TEST(Cells, StateCellsOfTheTinyWorld) {
  const Cells cells = build_cells(tiny());
  const Ids id = ids(tiny());
  EXPECT_DOUBLE_EQ(cells.employment(id.al, id.dev), 400);
  EXPECT_DOUBLE_EQ(cells.employment(id.al, id.clerk), 1200);
  EXPECT_DOUBLE_EQ(cells.employment(id.al, id.laborer), 400);
  EXPECT_DOUBLE_EQ(cells.employment(id.ak, id.dev), 600);
  EXPECT_DOUBLE_EQ(cells.employment(id.ak, id.clerk), 800);
  EXPECT_DOUBLE_EQ(cells.employment(id.ak, id.laborer), 600);
  EXPECT_LE(cells.max_margin_error, 1e-12);
  EXPECT_EQ(cells.iterations, 1);
  // Territories have no margins in the tiny world: empty, not an error.
  EXPECT_EQ(cells.employment(*tiny().geography.find_state("PR"), id.dev), 0);
}

TEST(Cells, WagesAndFlags) {
  const Cells cells = build_cells(tiny());
  const Ids id = ids(tiny());
  const auto flags = [&](StateId s, OccupationId o) {
    return cells.state_flags[s.index() * cells.occupations + o.index()];
  };
  EXPECT_EQ(cells.wage(id.al, id.dev), 90000);
  EXPECT_EQ(flags(id.al, id.dev), kEmploymentEstimated);
  EXPECT_EQ(cells.wage(id.ak, id.dev), 100000);  // not released in Alaska: national
  EXPECT_EQ(flags(id.ak, id.dev), kEmploymentEstimated | kWageNational);
  EXPECT_EQ(cells.wage(id.ak, id.laborer), 52000);  // $25.00/h x 2,080
  EXPECT_EQ(flags(id.ak, id.laborer), kEmploymentEstimated | kWageFromHourly);
}

TEST(Cells, CountiesSplitStatesByPopulation) {
  const Cells cells = build_cells(tiny());
  const Ids id = ids(tiny());
  const Geography& g = tiny().geography;
  const auto county = [&](const char* fips, OccupationId o) {
    return cells.county_employment[g.find_county(fips)->index() * cells.occupations + o.index()];
  };
  EXPECT_DOUBLE_EQ(county("01001", id.dev), 80);   // 400 x 60,000 / 300,000
  EXPECT_DOUBLE_EQ(county("01003", id.dev), 320);  // 400 x 240,000 / 300,000
  EXPECT_DOUBLE_EQ(county("02020", id.clerk), 800.0 * 2 / 3);
  EXPECT_DOUBLE_EQ(county("02066", id.laborer), 600.0 * 40000 / 300000);
  for (OccupationId o : {id.dev, id.clerk, id.laborer}) {
    EXPECT_DOUBLE_EQ(county("02020", o) + county("02063", o) + county("02066", o),
                     cells.employment(id.ak, o));
  }
}

// Moves the clerks into the developers' industry group: the seed no longer meets the margins
// (Alabama's finance employment has no occupation left), so raking has work to do.
Dataset shared_group_world() {
  Dataset ds = tiny();
  Taxonomy& t = ds.taxonomy;
  const auto tech = *t.find_industry_group("TECHNOLOGY_AND_SOFTWARE_DEVELOPMENT");
  const auto clerk = *t.find_occupation("43-3031");
  t.occupation_groups.values[t.occupation_groups.offsets[clerk.index()]].group = tech;
  return ds;
}

TEST(Cells, ProductSeedIsGroupEmploymentTimesNationalShares) {
  const Dataset ds = shared_group_world();
  const Ids id = ids(ds);
  const Cells cells = build_cells(ds, {.method = CellMethod::kProduct});
  // Technology group: developers 1,000 and clerks 2,000 nationally: shares 1/3 and 2/3.
  EXPECT_DOUBLE_EQ(cells.employment(id.al, id.dev), 400.0 / 3);
  EXPECT_DOUBLE_EQ(cells.employment(id.al, id.clerk), 800.0 / 3);
  EXPECT_DOUBLE_EQ(cells.employment(id.ak, id.clerk), 400.0);
  EXPECT_DOUBLE_EQ(cells.employment(id.ak, id.laborer), 600.0);
}

TEST(Cells, RakingMeetsStateAndOccupationTotals) {
  const Dataset ds = shared_group_world();
  const Ids id = ids(ds);
  const Cells cells = build_cells(ds);
  EXPECT_LE(cells.max_margin_error, 1e-10);
  for (StateId s : {id.al, id.ak}) {
    double sum = 0;
    for (OccupationId o : {id.dev, id.clerk, id.laborer}) sum += cells.employment(s, o);
    EXPECT_NEAR(sum, 2000, 1e-6);
  }
  EXPECT_NEAR(cells.employment(id.al, id.dev) + cells.employment(id.ak, id.dev), 1000, 1e-6);
  EXPECT_NEAR(cells.employment(id.al, id.clerk) + cells.employment(id.ak, id.clerk), 2000, 1e-6);
  // Raking preserves the seed's cross-product ratios (the defining property of IPF).
  const double seed_ratio = (400.0 / 3) / (800.0 / 3) / (200.0 / 400.0);
  const double ratio = cells.employment(id.al, id.dev) / cells.employment(id.al, id.clerk) /
                       (cells.employment(id.ak, id.dev) / cells.employment(id.ak, id.clerk));
  EXPECT_NEAR(ratio, seed_ratio, 1e-9);
}

TEST(Cells, AStateMissingFromTheMarginsIsAnError) {
  Dataset ds = tiny();
  ds.labor.state_total_employment[ds.geography.find_state("AK")->index()] = std::nan("");
  try {
    build_cells(ds);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("state_totals_M2023.csv: field 'state': "
                                    "no employment margins for Alaska"));
  }
}

}  // namespace
}  // namespace floe
