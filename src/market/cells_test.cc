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

// Moves the clerks into the developers' occupation cluster: the seed no longer meets the margins
// (Alabama's finance employment has no occupation left), so raking has work to do.
Dataset shared_group_world() {
  Dataset ds = tiny();
  Taxonomy& t = ds.taxonomy;
  const auto tech = *t.find_cluster("TECHNOLOGY_AND_SOFTWARE_DEVELOPMENT");
  const auto clerk = *t.find_occupation("43-3031");
  t.occupation_clusters.values[t.occupation_clusters.offsets[clerk.index()]].cluster = tech;
  return ds;
}

// The tiny world's staffing pattern (testdata/tiny/bls-oews/industry): developers 10% in
// construction (estimated), 60% information, 30% finance; clerks 20%, 10%, 70%; laborers all in
// construction. Alabama's 400 developers, 1,200 clerks and 400 laborers: construction
// 40 + 240 + 400 = 680, information 240 + 120 = 360, finance 120 + 840 = 960.
TEST(Cells, StateCellsSplitBySectorWithTheNationalPattern) {
  const Cells cells = build_cells(tiny());
  const Ids id = ids(tiny());
  const Taxonomy& t = tiny().taxonomy;
  const std::size_t entries = t.occupation_sectors.values.size();
  std::vector<double> by_sector(t.sectors.size(), 0.0);
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    for (std::uint32_t e = t.occupation_sectors.offsets[o]; e < t.occupation_sectors.offsets[o + 1];
         ++e) {
      by_sector[t.occupation_sectors.values[e].sector.index()] +=
          cells.employment(id.al, OccupationId(o)) *
          cells.sector_share[id.al.index() * entries + e];
    }
  }
  EXPECT_DOUBLE_EQ(by_sector[t.find_sector("construction")->index()], 680);
  EXPECT_NEAR(by_sector[t.find_sector("information")->index()], 360, 1e-9);
  EXPECT_NEAR(by_sector[t.find_sector("finance")->index()], 960, 1e-9);
  EXPECT_EQ(cells.county_source, CountySource::kStateShares);
}

// With County Business Patterns (testdata/cbp): Alabama's construction 600, information 200,
// finance 500 (100 of it statewide); Alaska has no rows.
const Dataset& tiny_with_cbp() {
  static const Dataset ds =
      load_dataset({.data_dir = FLOE_TINY_DATA_DIR,
                    .cbp_file = std::filesystem::path(FLOE_TINY_DATA_DIR).parent_path() /
                                "cbp/cbp23co_tiny.txt"});
  return ds;
}

TEST(Cells, CountyBusinessPatternsSetStateSectorsAndCountyCells) {
  const Dataset& ds = tiny_with_cbp();
  const Cells cells = build_cells(ds);
  const Ids id = ids(ds);
  const Taxonomy& t = ds.taxonomy;
  EXPECT_EQ(cells.county_source, CountySource::kIndustry);
  EXPECT_EQ(ds.labor.cbp_unplaced, std::vector<std::string>{"01005"});
  // State cells are unchanged; Alabama's sectors now meet CBP's mix: 600 : 200 : 500 of the
  // state's 2,000 workers (all three sectors are covered).
  EXPECT_DOUBLE_EQ(cells.employment(id.al, id.dev), 400);
  const std::size_t entries = t.occupation_sectors.values.size();
  const std::size_t al = id.al.index();
  auto part = [&](OccupationId o, const char* sector) {
    const auto k = *t.find_sector(sector);
    for (std::uint32_t e = t.occupation_sectors.offsets[o.index()];
         e < t.occupation_sectors.offsets[o.index() + 1]; ++e) {
      if (t.occupation_sectors.values[e].sector == k)
        return cells.employment(id.al, o) * cells.sector_share[al * entries + e];
    }
    return 0.0;
  };
  double construction = 0, information = 0, finance = 0;
  for (OccupationId o : {id.dev, id.clerk, id.laborer}) {
    construction += part(o, "construction");
    information += part(o, "information");
    finance += part(o, "finance");
  }
  EXPECT_NEAR(construction, 2000.0 * 600 / 1300, 1e-6);
  EXPECT_NEAR(information, 2000.0 * 200 / 1300, 1e-6);
  EXPECT_NEAR(finance, 2000.0 * 500 / 1300, 1e-6);
  // IPF keeps the seed's cross-product ratio: developers and clerks in information and finance,
  // 240 x 840 / (120 x 120) = 14.
  EXPECT_NEAR(part(id.dev, "information") * part(id.clerk, "finance") /
                  (part(id.dev, "finance") * part(id.clerk, "information")),
              14.0, 1e-6);
  // Counties: laborers are all in construction, which CBP splits 300 : 300 between Autauga and
  // Baldwin (not 1 : 4 by population).
  const Geography& g = ds.geography;
  auto county = [&](const char* fips, OccupationId o) {
    return cells.county_employment[g.find_county(fips)->index() * cells.occupations + o.index()];
  };
  EXPECT_NEAR(county("01001", id.laborer), 200, 1e-9);
  // Developers in Autauga: construction half, information none, finance a quarter (100 of 400
  // in counties).
  EXPECT_NEAR(county("01001", id.dev),
              0.5 * part(id.dev, "construction") + 0.25 * part(id.dev, "finance"), 1e-9);
  for (OccupationId o : {id.dev, id.clerk, id.laborer}) {
    EXPECT_NEAR(county("01001", o) + county("01003", o), cells.employment(id.al, o), 1e-9);
  }
  // Alaska, without CBP rows, keeps population shares.
  EXPECT_DOUBLE_EQ(county("02066", id.laborer), 600.0 * 40000 / 300000);
}

// --oews-state with BLS's workbook as published (testdata/xlsx/state_tiny.xlsx): Alabama's
// developers 500 and clerks 1,100 are published; laborers (**) stay estimated; the workbook's
// metropolitan row is not a state.
TEST(Cells, PublishedStateWorkbookReplacesTheEstimate) {
  const Dataset ds = load_dataset(
      {.data_dir = FLOE_TINY_DATA_DIR,
       .oews_state_file = std::filesystem::path(FLOE_XLSX_FIXTURES_DIR) / "state_tiny.xlsx"});
  const Cells cells = build_cells(ds);
  const Ids id = ids(ds);
  const auto flags = [&](StateId s, OccupationId o) {
    return cells.state_flags[s.index() * cells.occupations + o.index()];
  };
  EXPECT_EQ(cells.employment(id.al, id.dev), 500);
  EXPECT_EQ(cells.employment(id.al, id.clerk), 1100);
  EXPECT_EQ(flags(id.al, id.dev) & kEmploymentEstimated, 0);
  EXPECT_EQ(cells.employment(id.al, id.laborer), 400);
  EXPECT_NE(flags(id.al, id.laborer) & kEmploymentEstimated, 0);
  EXPECT_EQ(cells.employment(id.ak, id.dev), 600);  // Alaska is not in the file: estimated
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
