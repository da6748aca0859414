// The tiny hand-made world (testdata/tiny/README.md) loaded and joined: every value here is read
// off the fixture files by hand.
#include "floe/dataset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "dataset/tiny_world.h"
#include "floe/error.h"

namespace floe {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::filesystem::path kTiny = FLOE_TINY_DATA_DIR;

std::vector<std::int32_t> task_ids(const Taxonomy& t, std::span<const TaskId> tasks) {
  std::vector<std::int32_t> ids;
  for (TaskId id : tasks) ids.push_back(t[id].onet_task_id);
  return ids;
}

TEST(TinyDataset, JoinsOccupationsTasksAndSkills) {
  const Taxonomy& t = tiny().taxonomy;
  ASSERT_EQ(t.occupations.size(), 3u);
  const OccupationId dev = *t.find_occupation("15-1252");
  EXPECT_EQ(t[dev].broad_code, "15-1250");
  EXPECT_EQ(t[dev].minor_code, "15-1200");
  EXPECT_EQ(t.major_groups[t[dev].major.index()].soc_code, "15-0000");
  EXPECT_EQ(t[dev].task_source, TaskSource::kOnet);
  EXPECT_THAT(task_ids(t, t.occupation_tasks.row(dev.index())), ElementsAre(101, 102));
  const OccupationId clerk = *t.find_occupation("43-3031");
  EXPECT_THAT(task_ids(t, t.occupation_tasks.row(clerk.index())), ElementsAre(103, 104));

  const TaskId t104 = *t.find_task(104);
  ASSERT_EQ(t.task_dwas.row(t104.index()).size(), 1u);
  const DwaId records = t.task_dwas.row(t104.index())[0];
  EXPECT_EQ(t[records].title, "Maintain financial records.");
  EXPECT_THAT(task_ids(t, t.dwa_tasks.row(records.index())), ElementsAre(103, 104));

  ASSERT_EQ(t.occupation_clusters.row(clerk.index()).size(), 1u);
  EXPECT_EQ(t.clusters[t.occupation_clusters.row(clerk.index())[0].cluster.index()].name,
            "FINANCE_AND_INSURANCE");
  EXPECT_EQ(t.occupation_clusters.row(clerk.index())[0].share, 1.0);

  // Skills in element-id order, then Knowledge (testdata/tiny/onet/db_30_1_text).
  ASSERT_EQ(t.descriptors.size(), 4u);
  EXPECT_EQ(t.descriptors[0].name, "Reading Comprehension");
  EXPECT_EQ(t.descriptors[1].name, "Programming");
  EXPECT_EQ(t.descriptors[2].name, "Economics and Accounting");
  EXPECT_EQ(t.descriptors[2].kind, DescriptorKind::kKnowledge);
  EXPECT_EQ(t.descriptor_importance[dev.index() * 4 + 0], 4.0f);
  EXPECT_EQ(t.descriptor_importance[dev.index() * 4 + 1], 5.0f);
  EXPECT_EQ(t.descriptor_level[dev.index() * 4 + 0], 4.5f);
  EXPECT_EQ(t.descriptor_level[clerk.index() * 4 + 2], 5.0f);
  EXPECT_EQ(t[*t.find_onet("15-1252.00")].job_zone, 4);
  EXPECT_EQ(t.related.row(t.find_onet("47-2061.00")->index()).size(), 1u);
  ASSERT_EQ(t.related_tier.size(), t.related.values.size());
  EXPECT_EQ(t.related_tier.back(), RelatedTier::kSupplemental);  // 47-2061.00's only row
  EXPECT_EQ(t.technology.row(t.find_onet("15-1252.00")->index())[0].example, "Python");
}

// bls-oews/industry/natsector_M2023_dl.csv of the tiny world: developers 600 in information and
// 300 in finance, construction suppressed (**): the remainder 1,000 - 900 = 100, which is also
// construction's own remainder (1,500 - 400 - 1,000).
TEST(TinyDataset, SectorsAndTheStaffingPattern) {
  const Taxonomy& t = tiny().taxonomy;
  ASSERT_EQ(t.sectors.size(), 3u);
  EXPECT_EQ(t.sectors[0].naics, "23");
  EXPECT_EQ(t.sectors[0].key, "construction");
  EXPECT_EQ(t.sectors[2].title, "Finance and Insurance");
  EXPECT_EQ(t.find_sector("finance"), SectorId(2));
  EXPECT_EQ(t.find_sector("52"), SectorId(2));
  EXPECT_EQ(t.find_sector("Information"), SectorId(1));
  EXPECT_FALSE(t.find_sector("FINANCE_AND_INSURANCE"));
  const auto dev = t.occupation_sectors.row(t.find_occupation("15-1252")->index());
  ASSERT_EQ(dev.size(), 3u);
  EXPECT_EQ(dev[0].sector, SectorId(0));
  EXPECT_TRUE(dev[0].estimated);
  EXPECT_DOUBLE_EQ(dev[0].employment, 100);
  EXPECT_DOUBLE_EQ(dev[0].share, 0.1);
  EXPECT_FALSE(dev[1].estimated);
  EXPECT_DOUBLE_EQ(dev[1].share, 0.6);
  EXPECT_DOUBLE_EQ(dev[2].share, 0.3);
  const auto clerk = t.occupation_sectors.row(t.find_occupation("43-3031")->index());
  ASSERT_EQ(clerk.size(), 3u);
  EXPECT_DOUBLE_EQ(clerk[0].share, 0.2);
  EXPECT_DOUBLE_EQ(clerk[1].share, 0.1);
  EXPECT_DOUBLE_EQ(clerk[2].share, 0.7);
  const auto laborer = t.occupation_sectors.row(t.find_occupation("47-2061")->index());
  ASSERT_EQ(laborer.size(), 1u);
  EXPECT_EQ(laborer[0].share, 1.0);
}

TEST(TinyDataset, BuildsStatesAndCountiesWithBoundaryChanges) {
  const Geography& g = tiny().geography;
  // Alabama and Alaska from the estimates, plus the three territories OEWS covers.
  ASSERT_EQ(g.states.size(), 5u);
  EXPECT_EQ(g[*g.find_state("Alaska")].population, 300000);
  EXPECT_TRUE(g[*g.find_state("PR")].territory);
  ASSERT_EQ(g.counties.size(), 8u);  // 5 + one territory-wide county-equivalent per territory
  EXPECT_TRUE(g[*g.find_county("72000")].territory_wide);
  const County& baldwin = g[*g.find_county("01003")];
  EXPECT_EQ(baldwin.population, 240000);
  EXPECT_DOUBLE_EQ(baldwin.land_sq_mi, 1589.884);
  EXPECT_EQ(baldwin.cbsa_kind, CbsaKind::kMetropolitan);
  EXPECT_EQ(g.state_counties.row(g.find_state("01")->index()).size(), 2u);
  const auto valdez = g.census_counties_for_atlas("02261");
  ASSERT_EQ(valdez.size(), 2u);
  EXPECT_EQ(g[valdez[0]].fips, "02063");
  EXPECT_EQ(g[valdez[1]].fips, "02066");
  EXPECT_EQ(g.census_counties_for_atlas("01001").size(), 1u);
  EXPECT_TRUE(g.census_counties_for_atlas("99999").empty());
  // A municipio (Adjuntas) and an island (St. Croix) stand for their territory as a whole.
  const auto adjuntas = g.census_counties_for_atlas("72001");
  ASSERT_EQ(adjuntas.size(), 1u);
  EXPECT_EQ(g[adjuntas[0]].fips, "72000");
  const auto st_croix = g.census_counties_for_atlas("78010");
  ASSERT_EQ(st_croix.size(), 1u);
  EXPECT_EQ(g[st_croix[0]].fips, "78000");
}

TEST(TinyDataset, JoinsCapabilityLabelsAndUsage) {
  const Dataset& ds = tiny();
  const Taxonomy& t = ds.taxonomy;
  EXPECT_EQ(ds.technical.human[t.find_task(104)->index()], 2);
  EXPECT_EQ(ds.technical.gpt4[t.find_task(102)->index()], 2);
  EXPECT_EQ(ds.technical.automation[t.find_task(103)->index()], 4);
  EXPECT_EQ(ds.technical.rows_read, 6u);
  EXPECT_THAT(ds.technical.task_ids_not_in_onet, ElementsAre(999));

  EXPECT_EQ(ds.observed.percent[t.find_task(101)->index()], 55.0f);
  EXPECT_EQ(ds.observed.percent[t.find_task(103)->index()], 40.0f);
  EXPECT_EQ(ds.observed.percent[t.find_task(104)->index()], 0.0f);
  EXPECT_EQ(ds.observed.texts_matched, 2u);
  EXPECT_DOUBLE_EQ(ds.observed.percent_matched, 95.0);
  EXPECT_THAT(ds.observed.unmatched_texts, ElementsAre("operate forklifts to move pallets."));
  EXPECT_DOUBLE_EQ(ds.observed.automation_share, 40.0 / 95.0);
}

TEST(TinyDataset, JoinsWagesAndMargins) {
  const Dataset& ds = tiny();
  const LaborData& l = ds.labor;
  const auto dev = *ds.taxonomy.find_occupation("15-1252");
  const auto laborer = *ds.taxonomy.find_occupation("47-2061");
  EXPECT_EQ(l.national_total_employment, 4000.0);
  EXPECT_EQ(l.national[dev.index()].employment, 1000.0);
  EXPECT_EQ(l.national[dev.index()].mean.annual, 100000.0);
  EXPECT_EQ(l.national[dev.index()].percentiles[4].source, WageSource::kTopCoded);
  EXPECT_EQ(l.national[dev.index()].percentiles[4].annual, 239200.0);
  const auto al = *ds.geography.find_state("Alabama");
  const auto ak = *ds.geography.find_state("Alaska");
  EXPECT_EQ(l.state_wage(al, dev).annual, 90000.0);
  EXPECT_EQ(l.state_wage(ak, dev).source, WageSource::kMissing);
  EXPECT_EQ(l.state_wage(ak, laborer).source, WageSource::kFromHourly);
  EXPECT_DOUBLE_EQ(l.state_wage(ak, laborer).annual, 52000.0);
  EXPECT_EQ(l.state_total_employment[al.index()], 2000.0);
  EXPECT_EQ(l.margins_national_employment, 4000.0);
  EXPECT_TRUE(l.state_employment.empty());
  // Projections: line items for developers and clerks; laborers from their major group.
  EXPECT_DOUBLE_EQ(l.projections[dev.index()].growth_10y, 0.158);
  EXPECT_FALSE(l.projections[dev.index()].from_group);
  EXPECT_DOUBLE_EQ(l.projections[laborer.index()].transfer_rate, 0.06);
  EXPECT_TRUE(l.projections[laborer.index()].from_group);
}

TEST(TinyDataset, CarriesPeerMeasuresAcrossCodeSystems) {
  const PeerMeasures& p = tiny().peers;
  ASSERT_EQ(p.aioe_occupation.size(), 3u);
  EXPECT_EQ(p.aioe_occupation[0].code, "15-1252");
  EXPECT_DOUBLE_EQ(p.aioe_occupation[0].score, 0.9);  // mean of 15-1132 (1.0) and 15-1133 (0.8)
  EXPECT_EQ(p.aioe_county.size(), 4u);                // state rows (x000) left out
  EXPECT_EQ(p.microsoft.size(), 3u);
  EXPECT_EQ(p.eloundou_gpt4_beta[0].score, 0.75);
}

TEST(TinyDataset, AtlasHasEveryShape) {
  const Atlas atlas = load_atlas(kTiny);
  ASSERT_EQ(atlas.states.size(), 2u);
  EXPECT_EQ(atlas.states[0].svg_path, "M0.0,0.0L10.0,0.0L10.0,10.0L0.0,10.0L0.0,0.0Z");
  EXPECT_EQ(atlas.counties.size(), 4u);
  EXPECT_EQ(atlas.width, 30.0);
}

// A copy of the tiny world with one file replaced, for bad-input tests.
class BrokenWorld : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("floe_broken_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::copy(kTiny, dir_, std::filesystem::copy_options::recursive);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void append(const std::string& file, const std::string& text) {
    std::ofstream(dir_ / file, std::ios::app | std::ios::binary) << text;
  }
  std::string load_error() {
    try {
      load_dataset({.data_dir = dir_});
    } catch (const DataError& e) {
      return e.what();
    }
    return "no error";
  }
  std::filesystem::path dir_;
};

TEST_F(BrokenWorld, TaskToUnknownDwaNamesFileLineAndField) {
  append("onet/db_29_1_text/Tasks to DWAs.txt",
         "47-2061.00\t105\t4.A.9.z.9.I99.D99\t03/2014\tAnalyst\r\n");
  EXPECT_THAT(load_error(), HasSubstr("Tasks to DWAs.txt:7: field 'DWA ID': unknown DWA ID"));
}

TEST_F(BrokenWorld, UnknownTaskIdInDwaLinks) {
  append("onet/db_29_1_text/Tasks to DWAs.txt",
         "47-2061.00\t777\t4.A.3.a.2.I05.D01\t03/2014\tAnalyst\r\n");
  EXPECT_THAT(load_error(),
              HasSubstr("Tasks to DWAs.txt:7: field 'Task ID': unknown task ID '777'"));
}

TEST_F(BrokenWorld, UnknownStateInMargins) {
  append("derived/state_industry_group_employment_M2023.csv",
         "Atlantis,CONSTRUCTION,5.0,100.0\r\n");
  EXPECT_THAT(load_error(), HasSubstr("state_industry_group_employment_M2023.csv:11: field "
                                      "'state': unknown state 'Atlantis'"));
}

TEST_F(BrokenWorld, AStateUnderAnotherSpellingIsADuplicate) {
  // "AL" and "01" are Alabama, already on line 2: before, the last row silently won.
  append("derived/state_totals_M2023.csv", "AL,1.0,1.0\r\n");
  EXPECT_THAT(load_error(), HasSubstr("state_totals_M2023.csv:5: field 'state': duplicate key: "
                                      "'AL' (Alabama) is already on line 2"));
  std::filesystem::copy_file(kTiny / "derived/state_totals_M2023.csv",
                             dir_ / "derived/state_totals_M2023.csv",
                             std::filesystem::copy_options::overwrite_existing);
  append("derived/state_industry_group_employment_M2023.csv", "01,CONSTRUCTION,1.0,1.0\r\n");
  EXPECT_THAT(load_error(), HasSubstr("state_industry_group_employment_M2023.csv:11: field "
                                      "'state': duplicate key: '01' (Alabama) with "
                                      "'CONSTRUCTION' is already on line 4"));
}

TEST_F(BrokenWorld, AHeaderOnlyTotalsFileNamesItself) {
  std::ofstream(dir_ / "derived/state_totals_M2023.csv") << "state,employment,wage_bill_usd\n";
  EXPECT_THAT(load_error(), HasSubstr("state_totals_M2023.csv:1: no data rows under the header"));
}

TEST_F(BrokenWorld, AStateWithoutATotalNamesTheTotalsFile) {
  std::ofstream(dir_ / "derived/state_totals_M2023.csv")
      << "state,employment,wage_bill_usd\nAlabama,2000.0,105200000.0\nNational,4000.0,1.0\n";
  EXPECT_THAT(load_error(), HasSubstr("state_totals_M2023.csv: field 'state': no row for Alaska"));
}

TEST_F(BrokenWorld, ImplausibleWorkersAndWagesAreErrors) {
  std::ofstream(dir_ / "derived/state_totals_M2023.csv")
      << "state,employment,wage_bill_usd\nAlabama,2000.0,1e308\n";
  EXPECT_THAT(load_error(), HasSubstr("state_totals_M2023.csv:2: field 'wage_bill_usd': '1e308' "
                                      "for '2000.0' workers is a mean wage above $1,000,000"));
  std::ofstream(dir_ / "derived/state_totals_M2023.csv")
      << "state,employment,wage_bill_usd\nAlabama,1e15,1.0\n";
  EXPECT_THAT(load_error(), HasSubstr("state_totals_M2023.csv:2: field 'employment': more than a "
                                      "billion workers: '1e15'"));
}

TEST_F(BrokenWorld, GrosslyInconsistentSumsAreRefused) {
  // Alabama's total 3,000 against its groups' 2,000 and a national row of 4,000.
  std::ofstream(dir_ / "derived/state_totals_M2023.csv")
      << "state,employment,wage_bill_usd\nAlabama,3000.0,105200000.0\n"
         "Alaska,2000.0,135200000.0\nNational,4000.0,240400000.0\n";
  EXPECT_THAT(load_error(),
              HasSubstr("state_totals_M2023.csv: employment of the states and territories is "
                        "5000, +25.0% off the file's National row (4000)"));
}

TEST_F(BrokenWorld, DataCheckNamesASumBeyondItsTolerance) {
  const Dataset consistent = load_dataset({.data_dir = dir_});
  EXPECT_TRUE(check_dataset(consistent, load_atlas(dir_)).problems.empty());
  // 20 more construction workers in Alabama: its groups sum to 2,020, 1% over its total of
  // 2,000 (tolerance 0.5%), and the national sums move by 0.5% only: within theirs.
  std::string groups = "state,industry_group,employment,wage_bill_usd\n";
  groups += "Alabama,TECHNOLOGY_AND_SOFTWARE_DEVELOPMENT,400.0,36000000.0\n";
  groups += "Alabama,FINANCE_AND_INSURANCE,1200.0,54000000.0\n";
  groups += "Alabama,CONSTRUCTION,420.0,15200000.0\n";
  groups += "Alaska,TECHNOLOGY_AND_SOFTWARE_DEVELOPMENT,600.0,60000000.0\n";
  groups += "Alaska,FINANCE_AND_INSURANCE,800.0,44000000.0\n";
  groups += "Alaska,CONSTRUCTION,600.0,31200000.0\n";
  std::ofstream(dir_ / "derived/state_industry_group_employment_M2023.csv") << groups;
  const DataCheck check = check_dataset(load_dataset({.data_dir = dir_}), load_atlas(dir_));
  ASSERT_EQ(check.problems.size(), 1u);
  EXPECT_THAT(check.problems[0],
              HasSubstr("state_industry_group_employment_M2023.csv: employment of Alabama's "
                        "occupation clusters is 2020, +1.000% off Alabama's total"));
  EXPECT_THAT(check.report,
              HasSubstr("states whose occupation clusters add up to their total: 1 of 2"));
}

TEST_F(BrokenWorld, MissingFile) {
  std::filesystem::remove(dir_ / "census/list1_2023.csv");
  EXPECT_THAT(load_error(), HasSubstr("list1_2023.csv: missing file"));
}

TEST_F(BrokenWorld, MissingDirectory) {
  EXPECT_THROW(load_dataset({.data_dir = dir_ / "nope"}), DataError);
}

}  // namespace
}  // namespace floe
