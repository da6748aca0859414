// Each reader on the hand-made fixture in testdata/tiny (values known from its README), and on
// broken copies of it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "data/census.h"
#include "data/crosswalk.h"
#include "data/exposure.h"
#include "data/margins.h"
#include "data/oews.h"
#include "data/onet.h"
#include "data/projections.h"
#include "data/text_file.h"
#include "data/topojson.h"
#include "floe/error.h"

namespace floe::data {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kTiny = FLOE_TINY_DATA_DIR;
const std::filesystem::path kOnet = kTiny / "onet/db_29_1_text";

// Writes `text` to a fresh temporary file and returns its path.
std::filesystem::path temp_file(const std::string& name, const std::string& text) {
  const auto dir =
      std::filesystem::path(::testing::TempDir()) / ("floe_readers_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The fixture file's text with `from` replaced by `to` (once), as a temporary file.
std::filesystem::path broken_copy(const std::filesystem::path& original, const std::string& from,
                                  const std::string& to) {
  std::string text = read_text_file(original);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  return temp_file(original.filename().string(), text);
}

template <typename Body>
std::string error_of(Body body) {
  try {
    body();
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

TEST(OnetReaders, ReadTheFixture) {
  const auto occupations = read_onet_occupations(kOnet / "Occupation Data.txt");
  ASSERT_EQ(occupations.size(), 3u);
  EXPECT_EQ(occupations[1].code, "43-3031.00");
  EXPECT_EQ(occupations[1].title, "Bookkeeping, Accounting, and Auditing Clerks");

  const auto tasks = read_onet_tasks(kOnet / "Task Statements.txt");
  ASSERT_EQ(tasks.size(), 5u);
  EXPECT_EQ(tasks[0].task_id, 101);
  EXPECT_EQ(tasks[0].statement, "Write and test \"production\" software code.");
  EXPECT_EQ(tasks[1].type, TaskType::kSupplemental);
  EXPECT_EQ(tasks[4].type, TaskType::kUnrated);

  const auto links = read_onet_task_dwas(kOnet / "Tasks to DWAs.txt");
  ASSERT_EQ(links.size(), 5u);
  EXPECT_EQ(links[3].task_id, 104);
  EXPECT_EQ(links[3].dwa_id, "4.A.3.b.6.I07.D01");

  const auto dwas = read_onet_dwas(kOnet / "DWA Reference.txt");
  ASSERT_EQ(dwas.size(), 4u);
  EXPECT_EQ(dwas[2].title, "Maintain financial records.");
  EXPECT_EQ(dwas[2].iwa_id, "4.A.3.b.6.I07");

  const auto tech = read_onet_technology_skills(kOnet / "Technology Skills.txt");
  ASSERT_EQ(tech.size(), 2u);
  EXPECT_EQ(tech[0].example, "Python");
  EXPECT_EQ(tech[0].commodity_code, 43232403);
  EXPECT_TRUE(tech[0].in_demand);
  EXPECT_FALSE(tech[1].in_demand);

  const auto related = read_onet_related_occupations(kOnet / "Related Occupations.txt");
  ASSERT_EQ(related.size(), 3u);
  EXPECT_EQ(related[2].tier, "Supplemental");

  const auto zones = read_onet_job_zones(kOnet / "Job Zones.txt");
  ASSERT_EQ(zones.size(), 3u);
  EXPECT_EQ(zones[0].zone, 4);

  const auto skills = read_onet_skills(kTiny / "onet/db_30_1_text/Skills.txt");
  ASSERT_EQ(skills.size(), 12u);  // importance and level of 2 skills for 3 occupations
  EXPECT_TRUE(skills[0].importance);
  EXPECT_FALSE(skills[1].importance);
  EXPECT_EQ(skills[1].value, 4.5);
}

TEST(OnetReaders, RejectBadInput) {
  EXPECT_THAT(error_of([] { read_onet_tasks(kOnet / "No Such File.txt"); }),
              HasSubstr("No Such File.txt: missing file"));
  const auto file = kOnet / "Task Statements.txt";
  EXPECT_THAT(error_of([&] { read_onet_tasks(broken_copy(file, "Task Type", "Kind")); }),
              HasSubstr(":1: field 'Task Type': missing column"));
  EXPECT_THAT(error_of([&] { read_onet_tasks(broken_copy(file, "\t102\t", "\t101\t")); }),
              HasSubstr(":3: field 'Task ID': duplicate key '101' (first on line 2)"));
  EXPECT_THAT(error_of([&] { read_onet_tasks(broken_copy(file, "\t103\t", "\tabc\t")); }),
              HasSubstr(":4: field 'Task ID': not a number: 'abc'"));
  EXPECT_THAT(
      error_of([&] { read_onet_tasks(broken_copy(file, "43-3031.00\t104", "43-30\t104")); }),
      HasSubstr(":5: field 'O*NET-SOC Code': not an O*NET-SOC code"));
  EXPECT_THAT(
      error_of([&] { read_onet_tasks(broken_copy(file, "\tSupplemental\t", "\tOften\t")); }),
      HasSubstr(":3: field 'Task Type': expected Core, Supplemental or n/a"));
  EXPECT_THAT(
      error_of([&] {
        read_onet_tasks(broken_copy(file, "\tAnalyst\r\n", "\tAnalyst\r\n47-2061.00\t106\tDig"));
      }),
      HasSubstr(":7: expected 7 fields, found 3 (file truncated?)"));
  EXPECT_THAT(error_of([&] {
                read_onet_job_zones(broken_copy(kOnet / "Job Zones.txt", "\t4\t", "\t9\t"));
              }),
              HasSubstr(":2: field 'Job Zone': out of range"));
}

TEST(OewsReader, ReadsTheNationalFileWithSpecialValues) {
  const auto table = read_oews(kTiny / "bls-oews/national/national_M2023_dl.csv");
  ASSERT_EQ(table.rows.size(), 7u);
  const OewsRow& dev = table.rows[2];
  EXPECT_EQ(dev.occ_code, "15-1252");
  EXPECT_EQ(dev.group, OewsGroup::kDetailed);
  EXPECT_EQ(dev.employment.value, 1000.0);
  EXPECT_EQ(dev.annual_mean.value, 100000.0);
  EXPECT_EQ(dev.annual_percentiles[2].value, 95000.0);
  EXPECT_EQ(dev.annual_percentiles[4].flag, OewsFlag::kTopCoded);
  EXPECT_EQ(dev.area_title, "U.S.");
  EXPECT_EQ(dev.line, 4u);
}

TEST(OewsReader, ReadsTheSemicolonStateWageSubset) {
  const auto table = read_oews(kTiny / "bls-oews/state/state_M2023_wages_only.csv");
  ASSERT_EQ(table.rows.size(), 8u);
  EXPECT_EQ(table.rows[1].area_title, "Alabama");
  EXPECT_EQ(table.rows[1].annual_mean.value, 90000.0);
  EXPECT_EQ(table.rows[1].group, OewsGroup::kUnknown);
  EXPECT_EQ(table.rows[5].annual_mean.flag, OewsFlag::kNotReleased);
  EXPECT_EQ(table.rows[7].annual_mean.flag, OewsFlag::kNotReleased);
  EXPECT_EQ(table.rows[7].hourly_mean.value, 25.0);
  EXPECT_FALSE(table.rows[5].employment.has_value());  // no TOT_EMP column in this file
}

TEST(OewsReader, ReadsThe2021LayoutWithThousandsSeparators) {
  const auto path = temp_file(
      "national_May2021_dl.csv",
      "\xEF\xBB\xBF"
      "AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,"
      "OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,H_MEAN,A_MEAN\r\n"
      "99,U.S.,1,US,000000,Cross-industry,cross-industry,1235,00-0000,All Occupations,total,"
      "\"140,886,310\",28.01,\"58,260\"\r\n"
      "99,U.S.,1,US,000000,Cross-industry,cross-industry,1235,29-1211,Anesthesiologists,"
      "detailed,\"31,130\",#,#");
  const auto table = read_oews(path);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].employment.value, 140886310.0);
  EXPECT_EQ(table.rows[0].annual_mean.value, 58260.0);
  EXPECT_EQ(table.rows[1].annual_mean.flag, OewsFlag::kTopCoded);
  EXPECT_EQ(oews_top_code(2021).annual, 208000.0);
  EXPECT_EQ(oews_top_code(2023).annual, 239200.0);
}

TEST(OewsReader, KeepsOnlyCrossIndustryAllOwnershipRows) {
  const auto path =
      temp_file("all_data.csv",
                "AREA,AREA_TITLE,NAICS,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP\n"
                "01,Alabama,000000,cross-industry,1235,15-1252,Software Developers,detailed,10\n"
                "01,Alabama,000000,cross-industry,5,15-1252,Software Developers,detailed,7\n"
                "01,Alabama,511200,4-digit,5,15-1252,Software Developers,detailed,3\n"
                "01,Alabama,000000,cross-industry,1235,13-1020,Buyers,broad,4\n"
                "01,Alabama,000000,cross-industry,1235,13-1020,Buyers,detailed,4\n");
  const auto table = read_oews(path);
  ASSERT_EQ(table.rows.size(), 3u);  // an aggregate is both a broad and a detailed row
  EXPECT_EQ(table.rows[0].employment.value, 10.0);
  EXPECT_EQ(table.rows[2].group, OewsGroup::kDetailed);
}

TEST(OewsReader, RejectsBadInput) {
  const auto file = kTiny / "bls-oews/national/national_M2023_dl.csv";
  EXPECT_THAT(error_of([&] { read_oews(broken_copy(file, "detailed,1000,", "detailed,-1000,")); }),
              HasSubstr(":4: field 'TOT_EMP': negative value: '-1000'"));
  EXPECT_THAT(error_of([&] { read_oews(broken_copy(file, "detailed,1000,", "detailed,NaN,")); }),
              HasSubstr(":4: field 'TOT_EMP': not a finite number"));
  EXPECT_THAT(error_of([&] { read_oews(broken_copy(file, "47-2061,", "47-2061X,")); }),
              HasSubstr(":8: field 'OCC_CODE': not a SOC code"));
  EXPECT_THAT(error_of([&] { read_oews(broken_copy(file, "47-2061,", "43-3031,")); }),
              HasSubstr(":8: field 'OCC_CODE': duplicate key"));
  EXPECT_THAT(error_of([&] { read_oews(broken_copy(file, "OCC_CODE", "CODE")); }),
              HasSubstr(":1: field 'OCC_CODE': missing column"));
}

TEST(CensusReaders, ReadTheFixture) {
  const auto pop = read_population_estimates(kTiny / "census/co-est2023-alldata.csv");
  ASSERT_EQ(pop.size(), 7u);
  EXPECT_TRUE(pop[0].is_state);
  EXPECT_EQ(pop[0].state_fips, "01");
  EXPECT_EQ(pop[2].county_fips, "01003");
  EXPECT_EQ(pop[2].population, 240000);

  const auto gaz = read_gazetteer_counties(kTiny / "census/2024_Gaz_counties_national.txt");
  ASSERT_EQ(gaz.size(), 5u);
  EXPECT_EQ(gaz[0].county_fips, "01001");
  EXPECT_DOUBLE_EQ(gaz[0].land_sq_mi, 594.455);
  EXPECT_DOUBLE_EQ(gaz[4].longitude, -144.412);

  const auto cbsa = read_cbsa_delineation(kTiny / "census/list1_2023.csv");
  ASSERT_EQ(cbsa.size(), 3u);  // the note row at the end is not a county
  EXPECT_EQ(cbsa[0].county_fips, "02020");
  EXPECT_TRUE(cbsa[0].metropolitan);
  EXPECT_FALSE(cbsa[2].central);
}

TEST(CensusReaders, RejectBadInput) {
  const auto file = kTiny / "census/co-est2023-alldata.csv";
  EXPECT_THAT(error_of([&] { read_population_estimates(file, 2031); }),
              HasSubstr("field 'POPESTIMATE2031': missing column"));
  EXPECT_THAT(
      error_of([&] {
        read_population_estimates(broken_copy(file, "County,58000,60000", "County,58000,-5"));
      }),
      HasSubstr(":3: field 'POPESTIMATE2023': negative count"));
  EXPECT_THAT(
      error_of([&] { read_population_estimates(broken_copy(file, "2,66,Alaska", "2,63,Alaska")); }),
      HasSubstr(":8: field 'COUNTY': duplicate key '02063'"));
}

TEST(CrosswalkReaders, ReadTheFixture) {
  const auto nem =
      read_onet_to_soc(kTiny / "crosswalks/nem-onet-to-soc-crosswalk__ONET_to_SOC_crosswalk.csv");
  ASSERT_EQ(nem.size(), 3u);
  EXPECT_EQ(nem[1].onet_code, "43-3031.00");
  EXPECT_EQ(nem[1].soc_code, "43-3031");

  const auto soc = read_soc_structure(kTiny / "crosswalks/soc_structure_2019.csv");
  ASSERT_EQ(soc.size(), 15u);
  EXPECT_EQ(soc[0].level, SocLevel::kMajor);
  EXPECT_EQ(soc[2].level, SocLevel::kBroad);
  EXPECT_EQ(soc[2].code, "15-1250");
  EXPECT_EQ(soc[4].level, SocLevel::kOnet);

  const auto old = read_soc_2010_to_2018(kTiny / "crosswalks/soc_2010_to_2018_crosswalk.csv");
  ASSERT_EQ(old.size(), 4u);
  EXPECT_EQ(old[1].soc2010, "15-1133");
  EXPECT_EQ(old[1].soc2018, "15-1252");
}

TEST(MarginReaders, ReadTheFixture) {
  const auto totals = read_state_totals(kTiny / "derived/state_totals_M2023.csv");
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(totals[1].state, "Alaska");
  EXPECT_EQ(totals[1].wage_bill, 135200000.0);
  const auto groups =
      read_state_industry_groups(kTiny / "derived/state_industry_group_employment_M2023.csv");
  ASSERT_EQ(groups.size(), 9u);
  EXPECT_EQ(groups[1].industry_group, "FINANCE_AND_INSURANCE");
  EXPECT_EQ(groups[1].employment, 1200.0);
  const auto map = read_occupation_industry_groups(kTiny / "derived/onet_soc_industry_group.csv");
  ASSERT_EQ(map.size(), 3u);
  EXPECT_EQ(map[2].industry_group, "CONSTRUCTION");
}

TEST(MarginReaders, RejectBadInput) {
  const auto file = kTiny / "derived/state_industry_group_employment_M2023.csv";
  EXPECT_THAT(
      error_of([&] {
        read_state_industry_groups(broken_copy(file, "CONSTRUCTION,400.0", "CONSTRUCTION,4x"));
      }),
      HasSubstr(":4: field 'employment': not a number: '4x'"));
  EXPECT_THAT(error_of([&] {
                read_state_industry_groups(
                    broken_copy(file, "Alaska,FINANCE_AND_INSURANCE", "Alaska,CONSTRUCTION"));
              }),
              HasSubstr(":7: field 'industry_group': duplicate key 'Alaska|CONSTRUCTION'"));
}

TEST(ExposureReaders, ReadTheFixture) {
  const auto labels = read_gpt_task_labels(kTiny / "ai-exposure/gpts-are-gpts/full_labelset.tsv");
  ASSERT_EQ(labels.size(), 6u);
  EXPECT_EQ(labels[0].statement, "Write and test \"production\" software code.");
  EXPECT_EQ(labels[1].human, ExposureLabel::kE0);
  EXPECT_EQ(labels[1].gpt4, ExposureLabel::kE2);
  EXPECT_EQ(labels[2].automation, 4);

  const auto weights =
      read_gpt_task_weights(kTiny / "ai-exposure/gpts-are-gpts/full_onet_data.tsv");
  ASSERT_EQ(weights.size(), 5u);
  EXPECT_EQ(weights[1].core_weight, 1.0);

  const auto dir = kTiny / "ai-exposure/anthropic-economic-index/release_2025_02_10";
  const auto usage = read_task_usage(dir / "onet_task_mappings.csv");
  ASSERT_EQ(usage.size(), 3u);
  EXPECT_EQ(usage[0].task_text, "write and test \"production\" software code.");
  EXPECT_EQ(usage[0].percent, 55.0);
  const auto statements = read_task_statements_csv(dir / "onet_task_statements.csv");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[1].task_id, 103);
  const auto shares = read_interaction_shares(dir / "automation_vs_augmentation.csv");
  ASSERT_EQ(shares.size(), 6u);
  EXPECT_EQ(shares[1].interaction, "feedback loop");

  const auto county = read_score_table(kTiny / "ai-exposure/aioe/AIOE_DataAppendix__Appendix_C.csv",
                                       ScoreKey::kFips, "FIPS Code", "Geographic Area", "AIGE");
  ASSERT_EQ(county.size(), 6u);
  EXPECT_EQ(county[1].code, "01001");
  EXPECT_EQ(county[1].score, -0.7);
}

TEST(ExposureReaders, RejectBadInput) {
  const auto file = kTiny / "ai-exposure/gpts-are-gpts/full_labelset.tsv";
  EXPECT_THAT(
      error_of([&] { read_gpt_task_labels(broken_copy(file, "\tE2\tE0\tE0", "\tE7\tE0\tE0")); }),
      HasSubstr(":5: field 'human_exposure_agg': expected E0, E1 or E2, got 'E7'"));
  EXPECT_THAT(
      error_of([&] { read_gpt_task_labels(broken_copy(file, "\t\"Write", "\t\"Write\"x")); }),
      HasSubstr(":2: field 'Task': text after a closing quote"));
  const auto usage =
      kTiny / "ai-exposure/anthropic-economic-index/release_2025_02_10/onet_task_mappings.csv";
  EXPECT_THAT(error_of([&] { read_task_usage(broken_copy(usage, "40.0", "140.0")); }),
              HasSubstr(":3: field 'pct': out of range"));
  // Task texts are joined normalized: one differing only in case and the final period is the
  // same task, so a duplicate (it once added its share to the first one's silently).
  EXPECT_THAT(error_of([&] {
                read_task_usage(broken_copy(usage, "operate forklifts to move pallets.,5.0",
                                            "Reconcile and record  financial accounts,5.0"));
              }),
              HasSubstr(":4: field 'task_name': duplicate key 'reconcile and record financial "
                        "accounts' (first on line 3)"));
}

TEST(ProjectionsReader, ReadsTable110AndSkipsTheSourceNote) {
  const auto rows = read_projections(kTiny / "bls-ep/occupation__Table_1_10.csv");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_FALSE(rows[0].line_item);
  EXPECT_EQ(rows[2].code, "15-1252");
  EXPECT_TRUE(rows[2].line_item);
  EXPECT_EQ(rows[2].change_percent, 15.8);
  EXPECT_EQ(rows[3].exit_rate, 5.6);
  EXPECT_EQ(rows[3].transfer_rate, 6.9);
  const auto bad = broken_copy(kTiny / "bls-ep/occupation__Table_1_10.csv", ",2.0,4.3,", ",2.0,x,");
  EXPECT_THAT(error_of([&] { read_projections(bad); }),
              HasSubstr(":5: field 'Occupational transfer rate, 2024\u201334 annual average': "
                        "not a number: 'x'"));
}

TEST(TopoJson, DecodesQuantizedDeltaArcsAndStitchesRings) {
  // Two arcs on a grid of 10 x 100: arc 0 from (0,0) right then up; arc 1 back to the start.
  const auto topo =
      parse_topojson("t.json",
                     R"({"type":"Topology","transform":{"scale":[10,100],"translate":[5,7]},
          "objects":{"shapes":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","id":"01","arcs":[[0,1]],"properties":{"name":"A"}},
            {"type":"Polygon","id":"02","arcs":[[-1,-2]]}]}},
          "arcs":[[[0,0],[1,0],[0,1]],[[1,1],[-1,-1]]]})");
  ASSERT_EQ(topo.arcs.size(), 2u);
  EXPECT_EQ(topo.arcs[0][1].x, 15.0);   // (0+1)*10+5
  EXPECT_EQ(topo.arcs[0][2].y, 107.0);  // (0+0+1)*100+7
  const auto& shapes = topo.objects.at("shapes");
  ASSERT_EQ(shapes.size(), 2u);
  EXPECT_EQ(shapes[0].name, "A");
  const auto ring = ring_points(topo, shapes[0].polygons[0][0]);
  ASSERT_EQ(ring.size(), 4u);  // 3 points + 2 points - 1 shared
  EXPECT_EQ(ring.front().x, ring.back().x);
  EXPECT_EQ(ring.front().y, ring.back().y);
  const auto reversed = ring_points(topo, shapes[1].polygons[0][0]);
  EXPECT_EQ(reversed[1].x, ring[2].x);
}

TEST(TopoJson, ReadsTheFixtureAndRejectsBadInput) {
  const auto topo = read_topojson(kTiny / "us-atlas/counties-albers-10m.json");
  ASSERT_EQ(topo.objects.at("counties").size(), 4u);
  EXPECT_EQ(topo.objects.at("counties")[3].id, "02261");
  EXPECT_THAT(error_of([] { parse_topojson("x.json", "{\"arcs\": [}"); }),
              HasSubstr("x.json: invalid JSON"));
  EXPECT_THAT(error_of([] { parse_topojson("x.json", "{\"arcs\": []}"); }),
              HasSubstr("field 'objects': missing member"));
  EXPECT_THAT(error_of([] {
                parse_topojson("x.json", R"({"arcs":[],"objects":{"s":{"geometries":[
                                     {"type":"Polygon","arcs":[[3]]}]}}})");
              }),
              HasSubstr("arc index out of range"));
}

}  // namespace
}  // namespace floe::data
