// The Iceberg Index of the tiny world, worked out by hand (docs/method.md §9 walks through it),
// and invariants on the shipped data.
#include "floe/index.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "index/hand_worked.h"

namespace floe {
namespace {

const Cells& tiny_cells() {
  static const Cells cells = build_cells(tiny());
  return cells;
}
const Dataset& shipped() {
  static const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  return ds;
}
const Cells& shipped_cells() {
  static const Cells cells = build_cells(shipped());
  return cells;
}

StateId state(const char* usps) { return *tiny().geography.find_state(usps); }

// Tasks (weight, label): developers 101 (core 2, E1), 102 (supplemental 1, E0);
// clerks 103 (core 2, E1), 104 (core 2, E2 -> 0); laborers 105 (n/a 1, E0).
TEST(TinyIndex, OccupationExposure) {
  const IndexResult r = compute_index(tiny(), tiny_cells(), by_hand());
  EXPECT_DOUBLE_EQ(r.exposure[occ("15-1252").index()], 2.0 / 3.0);  // (2*1 + 1*0) / 3
  EXPECT_DOUBLE_EQ(r.exposure[occ("43-3031").index()], 0.5);        // (2*1 + 2*0) / 4
  EXPECT_DOUBLE_EQ(r.exposure[occ("47-2061").index()], 0.0);
}

TEST(TinyIndex, StatesNationDollarsAndSurface) {
  const IndexResult r = compute_index(tiny(), tiny_cells(), by_hand());
  // Alabama: 400 x $90,000 x 2/3 + 1,200 x $45,000 x 1/2 = $51.0M of $105.2M.
  const IndexFigures& al = r.states[state("AL").index()];
  EXPECT_DOUBLE_EQ(al.wage_bill, 105.2e6);
  EXPECT_DOUBLE_EQ(al.exposed_wages, 51.0e6);
  EXPECT_DOUBLE_EQ(al.iceberg(), 51.0 / 105.2);
  EXPECT_DOUBLE_EQ(al.surface(), 24.0 / 105.2);
  EXPECT_DOUBLE_EQ(al.exposed_workers, 400.0 * 2 / 3 + 600.0);
  EXPECT_TRUE(al.estimated);
  // Alaska: 600 x $100,000 x 2/3 + 800 x $55,000 x 1/2 = $62.0M of $135.2M.
  const IndexFigures& ak = r.states[state("AK").index()];
  EXPECT_DOUBLE_EQ(ak.exposed_wages, 62.0e6);
  EXPECT_DOUBLE_EQ(ak.iceberg(), 62.0 / 135.2);
  EXPECT_DOUBLE_EQ(ak.surface(), 40.0 / 135.2);
  // Nation: $113.0M of $240.4M; surface $64.0M.
  EXPECT_DOUBLE_EQ(r.nation.exposed_wages, 113.0e6);
  EXPECT_DOUBLE_EQ(r.nation.wage_bill, 240.4e6);
  EXPECT_DOUBLE_EQ(r.nation.iceberg(), 113.0 / 240.4);
  EXPECT_DOUBLE_EQ(r.nation.surface(), 64.0 / 240.4);
  EXPECT_DOUBLE_EQ(r.nation.exposed_workers, 1000.0 * 2 / 3 + 1000.0);
}

TEST(TinyIndex, StateGapAndConcentration) {
  const IndexResult r = compute_index(tiny(), tiny_cells(), by_hand());
  const StateExtras& al = r.state_extras[state("AL").index()];
  EXPECT_DOUBLE_EQ(al.gap, 27.0 / 105.2);
  // Exposed wages by sector (developers' $24M split 10/60/30 over construction, information,
  // finance; clerks' $27M 20/10/70): construction 2.4 + 5.4 = $7.8M, information 14.4 + 2.7 =
  // $17.1M, finance 7.2 + 18.9 = $26.1M.
  EXPECT_NEAR(al.hhi, (7.8 * 7.8 + 17.1 * 17.1 + 26.1 * 26.1) / (51.0 * 51), 1e-12);
}

// The chosen layer (human, E2 = 0) and an ensemble of human E2 = 1 (task 104 -> 1: clerks
// (2 + 2) / 4 = 1) and GPT-4 E2 = 0 (the same exposures as the chosen layer here).
// Human E2 = 1: Alabama 400 x 90,000 x 2/3 + 1,200 x 45,000 = $78M; Alaska $40M + 800 x
// $55,000 = $84M; nation $162M of $240.4M; surface unchanged ($64M).
TEST(TinyIndex, RangesOverTheEnsemble) {
  IndexOptions o = by_hand();
  o.ensemble = {{Labeler::kHuman, 1.0, false}, {Labeler::kGpt4, 0.0, false}};
  const IndexResult r = compute_index(tiny(), tiny_cells(), o);
  const Interval& al = r.ranges.states[state("AL").index()];
  EXPECT_NEAR(al.low, 51.0 / 105.2, 1e-15);
  EXPECT_NEAR(al.high, 78.0 / 105.2, 1e-15);
  EXPECT_NEAR(r.ranges.nation.low, 113.0 / 240.4, 1e-15);
  EXPECT_NEAR(r.ranges.nation.high, 162.0 / 240.4, 1e-15);
  const Interval& autauga = r.ranges.counties[tiny().geography.find_county("01001")->index()];
  EXPECT_NEAR(autauga.high, 78.0 / 105.2, 1e-15);  // a county's shares are its state's
  EXPECT_EQ(r.ranges.occupations[occ("43-3031").index()].low, 0.5);
  EXPECT_EQ(r.ranges.occupations[occ("43-3031").index()].high, 1.0);
  EXPECT_EQ(r.ranges.occupations[occ("15-1252").index()].high, 2.0 / 3.0);
  // Finance (NAICS 52) employs clerks, whose exposure moves from 0.5 to 1 over the ensemble:
  // the sector's range is not a point.
  const auto finance = tiny().taxonomy.find_sector("52");
  ASSERT_TRUE(finance);
  EXPECT_GT(r.ranges.industries[finance->index()].high, r.ranges.industries[finance->index()].low);
  const auto support = tiny().taxonomy.find_major_group("43-0000");
  EXPECT_NEAR(r.ranges.major_groups[support->index()].low, 0.5, 1e-15);
  // Below the surface: (113 - 64) / 64 = 0.77 at the chosen layer, (162 - 64) / 64 = 1.53.
  EXPECT_NEAR(below_surface_ratio(r.nation), 49.0 / 64, 1e-15);
  EXPECT_NEAR(r.ranges.below_surface.high, 98.0 / 64, 1e-15);
  EXPECT_EQ(below_surface_text(r), "0.8x (range 0.8x-1.5x)");
  EXPECT_EQ(interval_text(r.ranges.nation), "47.0-67.4%");

  o.ensemble.clear();  // no ensemble: no intervals, the ratio alone
  const IndexResult bare = compute_index(tiny(), tiny_cells(), o);
  EXPECT_TRUE(std::isnan(bare.ranges.nation.low));
  EXPECT_EQ(below_surface_text(bare), "0.8x");
  EXPECT_EQ(interval_text(bare.ranges.nation), "");
}

// One function writes the ratio, and the nation table carries its text for every output.
TEST(TinyIndex, TheNationTableCarriesTheBelowSurfaceText) {
  const IndexResult r = compute_index(tiny(), tiny_cells(), by_hand());
  const Table t = index_table(tiny(), r, Breakdown::kNation);
  EXPECT_EQ(std::get<std::string>(t.rows[0][t.column("below_surface")]), below_surface_text(r));
}

TEST(TinyIndex, CountiesOccupationsMajorsAndIndustries) {
  const IndexResult r = compute_index(tiny(), tiny_cells(), by_hand());
  const auto& autauga = r.counties[tiny().geography.find_county("01001")->index()];
  EXPECT_DOUBLE_EQ(autauga.exposed_wages, 0.2 * 51.0e6);
  EXPECT_DOUBLE_EQ(autauga.iceberg(), 51.0 / 105.2);
  EXPECT_DOUBLE_EQ(r.occupations[occ("43-3031").index()].exposed_wages, 49.0e6);
  EXPECT_DOUBLE_EQ(r.occupations[occ("43-3031").index()].employment, 2000);
  const auto major = tiny().taxonomy.find_major_group("15-0000");
  EXPECT_DOUBLE_EQ(r.major_groups[major->index()].exposed_wages, 64.0e6);
  // Finance: Alabama $26.1M (above) + Alaska (developers $40M x 0.3, clerks $22M x 0.7) $27.4M.
  const auto finance = *tiny().taxonomy.find_sector("finance");
  EXPECT_NEAR(r.industries[finance.index()].exposed_wages, 53.5e6, 1e-6);
  const auto& al_finance = r.state_industries[state("AL").index() * 3 + finance.index()];
  EXPECT_NEAR(al_finance.exposed_wages, 26.1e6, 1e-6);
  EXPECT_NEAR(al_finance.wage_bill, 120 * 90000.0 + 840 * 45000.0, 1e-6);
  EXPECT_TRUE(al_finance.estimated);
}

// Metro areas from county cells (testdata/tiny/census/list1_2023.csv): Daphne-Fairhope-Foley
// is Baldwin County, 4/5 of Alabama's population; its index is Alabama's.
TEST(TinyIndex, MetroAreasFromCounties) {
  const IndexResult r = compute_index(tiny(), tiny_cells(), by_hand());
  ASSERT_EQ(r.metros.size(), 3u);
  const auto daphne = std::find_if(r.metros.begin(), r.metros.end(),
                                   [](const MetroFigures& m) { return m.code == "19300"; });
  ASSERT_NE(daphne, r.metros.end());
  EXPECT_EQ(daphne->title, "Daphne-Fairhope-Foley, AL");
  EXPECT_EQ(daphne->states, "AL");
  EXPECT_FALSE(daphne->published);
  EXPECT_NEAR(daphne->figures.exposed_wages, 0.8 * 51.0e6, 1e-6);
  EXPECT_NEAR(daphne->figures.iceberg(), 51.0 / 105.2, 1e-12);
  // Listed by CBSA code, not ranked: without county industry data they are their states'.
  const Table t = index_table(tiny(), r, Breakdown::kMetro);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(t.rows[0][0]), "11260");
  EXPECT_EQ(std::get<std::string>(t.rows[2][0]), "33860");
}

// --oews-msa with BLS's workbook as published (testdata/xlsx/msa_tiny.xlsx): Daphne's
// developers 100 at $80,000 and clerks 300 at $40,000 (laborers not released): wage bill $20M,
// exposed 8M x 2/3 + 12M x 1/2. "Nowhere" is not in the delineation; its wage is not released
// (the national $100,000 stands in). The nonmetropolitan area and the state row are skipped.
TEST(TinyIndex, PublishedMetroAreas) {
  const Dataset ds =
      load_dataset({.data_dir = FLOE_TINY_DATA_DIR,
                    .oews_msa_file = std::filesystem::path(FLOE_TINY_DATA_DIR).parent_path() /
                                     "xlsx/msa_tiny.xlsx"});
  const IndexResult r = compute_index(ds, build_cells(ds), by_hand());
  ASSERT_EQ(r.metros.size(), 2u);
  EXPECT_TRUE(r.metros[0].published);
  EXPECT_EQ(r.metros[0].states, "AL");
  EXPECT_DOUBLE_EQ(r.metros[0].figures.wage_bill, 20.0e6);
  EXPECT_NEAR(r.metros[0].figures.exposed_wages, 8.0e6 * 2 / 3 + 6.0e6, 1e-6);
  EXPECT_EQ(r.metros[1].title, "Nowhere, AL");
  EXPECT_EQ(r.metros[1].states, "");
  EXPECT_DOUBLE_EQ(r.metros[1].figures.wage_bill, 1.0e6);
  // Published areas are ranked: Nowhere (2/3) above Daphne (0.567).
  const Table t = index_table(ds, r, Breakdown::kMetro);
  EXPECT_EQ(std::get<std::string>(t.rows[0][0]), "99999");
}

TEST(TinyIndex, OptionsChangeTheLabels) {
  IndexOptions o = by_hand();
  o.technical = {Labeler::kGpt4, 1.0};  // 102 E2 -> 1: developers (2 + 1) / 3 = 1
  IndexResult r = compute_index(tiny(), tiny_cells(), o);
  EXPECT_DOUBLE_EQ(r.exposure[occ("15-1252").index()], 1.0);
  o = by_hand();
  o.transfer = true;  // 104 shares a DWA with 103 (E1): clerks (2 + 2) / 4 = 1
  r = compute_index(tiny(), tiny_cells(), o);
  EXPECT_DOUBLE_EQ(r.exposure[occ("43-3031").index()], 1.0);
  EXPECT_DOUBLE_EQ(r.exposure[occ("15-1252").index()], 2.0 / 3.0);
  o = by_hand();
  o.weighting = TaskWeighting::kEqual;  // developers (1 + 0) / 2
  r = compute_index(tiny(), tiny_cells(), o);
  EXPECT_DOUBLE_EQ(r.exposure[occ("15-1252").index()], 0.5);
  o = by_hand();
  o.layer = LayerKind::kObserved;  // observed: 101 and 103
  r = compute_index(tiny(), tiny_cells(), o);
  EXPECT_DOUBLE_EQ(r.exposure[occ("43-3031").index()], 0.5);
  o = by_hand();
  o.surface = {"43-3031"};
  r = compute_index(tiny(), tiny_cells(), o);
  EXPECT_DOUBLE_EQ(r.nation.surface_wages, 49.0e6);
}

TEST(TinyIndex, UnknownSurfaceCodeIsAnError) {
  IndexOptions o;
  o.surface = {"99-0000"};
  EXPECT_THROW(compute_index(tiny(), tiny_cells(), o), Error);
  o.surface = {"fifteen"};
  EXPECT_THROW(compute_index(tiny(), tiny_cells(), o), Error);
}

// --- invariants on the shipped data -------------------------------------------------------

void expect_unit(double x, const std::string& what) {
  EXPECT_GE(x, 0.0) << what;
  EXPECT_LE(x, 1.0) << what;
}

TEST(ShippedIndex, EveryIndexIsInTheUnitInterval) {
  for (Labeler labeler : {Labeler::kHuman, Labeler::kGpt4, Labeler::kMean}) {
    IndexOptions o;
    o.technical = {labeler, 1.0};
    o.transfer = labeler == Labeler::kMean;
    const IndexResult r = compute_index(shipped(), shipped_cells(), o);
    expect_unit(r.nation.iceberg(), "nation");
    for (const auto& s : r.states) expect_unit(s.iceberg(), "state");
    for (const auto& c : r.counties) expect_unit(c.iceberg(), "county");
    for (const auto& c : r.counties) expect_unit(c.surface(), "county surface");
    for (const auto& x : r.occupations) expect_unit(x.iceberg(), "occupation");
    for (const auto& x : r.industries) expect_unit(x.iceberg(), "industry");
    for (const auto& x : r.state_extras) expect_unit(x.hhi, "hhi");
    for (double e : r.exposure) expect_unit(e, "exposure");
  }
}

TEST(ShippedIndex, StatesCountiesAndIndustriesAddUpToTheNation) {
  const IndexResult r = compute_index(shipped(), shipped_cells(), {});
  double states = 0, counties = 0, industries = 0, majors = 0;
  for (const auto& s : r.states) states += s.exposed_wages;
  for (const auto& c : r.counties) counties += c.exposed_wages;
  for (const auto& x : r.industries) industries += x.exposed_wages;
  for (const auto& x : r.major_groups) majors += x.exposed_wages;
  const double nation = r.nation.exposed_wages;
  EXPECT_NEAR(states, nation, 1e-9 * nation);
  EXPECT_NEAR(counties, nation, 1e-9 * nation);  // territories are one county-equivalent each
  EXPECT_NEAR(industries, nation, 1e-9 * nation);
  EXPECT_NEAR(majors, nation, 1e-9 * nation);
}

// Occupations whose exposure differs between two results.
std::set<std::size_t> changed(const IndexResult& a, const IndexResult& b) {
  std::set<std::size_t> out;
  for (std::size_t o = 0; o < a.exposure.size(); ++o) {
    if (a.exposure[o] != b.exposure[o]) out.insert(o);
  }
  return out;
}

TEST(ShippedIndex, ChangingOneTaskChangesOnlyItsOccupationsOrItsSkillsUnderTransfer) {
  const Dataset& ds = shipped();
  const Taxonomy& t = ds.taxonomy;
  // An E0 task whose DWAs link it to more than 3 tasks, all E0 too (so that under transfer
  // raising it to E1 raises them all).
  TaskId task;
  for (std::size_t i = 0; i < t.tasks.size() && !task.valid(); ++i) {
    if (ds.technical.human[i] != 0 || t.task_dwas.row(i).empty()) continue;
    std::size_t linked = 0;
    bool all_e0 = true;
    for (DwaId d : t.task_dwas.row(i)) {
      for (TaskId x : t.dwa_tasks.row(d.index())) {
        ++linked;
        all_e0 = all_e0 && ds.technical.human[x.index()] == 0;
      }
    }
    if (all_e0 && linked > 3) task = TaskId(i);
  }
  ASSERT_TRUE(task.valid());
  const auto holders = [&](const std::set<TaskId>& tasks) {
    std::set<std::size_t> out;
    for (std::size_t o = 0; o < t.occupations.size(); ++o) {
      for (TaskId x : t.occupation_tasks.row(o)) {
        if (tasks.count(x)) out.insert(o);
      }
    }
    return out;
  };
  for (bool transfer : {false, true}) {
    IndexOptions o;
    o.transfer = transfer;
    const IndexResult before = compute_index(ds, shipped_cells(), o);
    Dataset edited = ds;
    edited.technical.human[task.index()] = 1;  // E0 -> E1
    const IndexResult after = compute_index(edited, shipped_cells(), o);
    std::set<TaskId> reach = {task};
    if (transfer) {
      for (DwaId d : t.task_dwas.row(task.index())) {
        for (TaskId x : t.dwa_tasks.row(d.index())) reach.insert(x);
      }
    }
    const auto allowed = holders(reach);
    const auto moved = changed(before, after);
    EXPECT_FALSE(moved.empty());
    for (std::size_t o : moved) EXPECT_TRUE(allowed.count(o)) << t.occupations[o].soc_code;
    if (transfer) {
      EXPECT_GT(allowed.size(), holders({task}).size());
    } else {
      EXPECT_EQ(moved, holders({task}));
    }
  }
}

}  // namespace
}  // namespace floe
