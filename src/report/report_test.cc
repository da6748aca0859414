// The report of the tiny world (testdata/tiny/README.md), with values worked out by hand:
//   Alabama: $51.0M of $105.2M in wages exposed = 48.5%; Alaska: $62.0M of $135.2M = 45.9%;
//   nation: $113.0M of $240.4M = 47.0%; surface (software developers) $64.0M = 26.6%.
// The color scale then has 0.5-point classes from 45.5% to 48.5% (palette_test.cc): Alaska in
// the first and lightest, Alabama in the sixth and darkest.
#include "floe/report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "dataset/tiny_world.h"
#include "report/html.h"
#include "report/map_data.h"
#include "report/test_report.h"

namespace floe {
namespace {

using testing::count;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::tiny_atlas;

const IndexResult& tiny_result() {
  // The hand-worked example: human labels, E2 = 0, and an ensemble of human labels at E2 = 1
  // (docs/method.md §9).
  IndexOptions o;
  o.technical = {Labeler::kHuman, 0.0};
  o.ensemble = {{Labeler::kHuman, 1.0, false}};
  static const IndexResult r = compute_index(tiny(), build_cells(tiny()), o);
  return r;
}

const ReportInfo kInfo{
    .options = "layer technical, labeler human", .surface = "15-0000", .date = "2025-01-02"};

const std::string& tiny_html() {
  static const std::string html = index_report_html(tiny(), tiny_atlas(), tiny_result(), kInfo);
  return html;
}

// One function writes the ratio below the surface for every output (include/floe/index.h).
TEST(Report, BelowTheSurfaceIsTheLibrarysText) {
  EXPECT_THAT(tiny_html(), HasSubstr(below_surface_text(tiny_result())));
}

TEST(Report, HeadlineFigures) {
  const std::string& h = tiny_html();
  EXPECT_THAT(h, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">47.0%</div><div class=\"label\">Iceberg index"));
  EXPECT_THAT(h, HasSubstr("$113.0 million of $240.4 million a year"));
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">26.6%</div><div class=\"label\">Surface index"));
  // Exposure-weighted workers: 1,000 developers x 2/3 + 2,000 clerks x 1/2.
  EXPECT_THAT(h, HasSubstr("<div class=\"value\">1,667</div>"));
  EXPECT_THAT(h, HasSubstr("SOC 15-0000, Computer and Mathematical Occupations"));
  EXPECT_THAT(h, HasSubstr("State indices range from 45.9% (Alaska) to 48.5% (Alabama)."));
}

TEST(Report, StateMapHasEveryStateWithItsFill) {
  const std::string& h = tiny_html();
  EXPECT_EQ(count(h, "<path class=\"state\""), 2u);
  EXPECT_THAT(h, HasSubstr("<path class=\"state\" data-fips=\"01\" fill=\"#123d6e\""));
  EXPECT_THAT(h, HasSubstr("<path class=\"state\" data-fips=\"02\" fill=\"#dcecf5\""));
  EXPECT_THAT(h, HasSubstr("<title>Alabama: Iceberg index 48.5%, surface index 22.8%"));
  EXPECT_THAT(h, HasSubstr("data-states-in-data=\"2\""));
}

TEST(Report, LegendShowsClassesAndBreaks) {
  const std::string& h = tiny_html();
  // Two legends (state and county maps) of six swatches each, breaks 45.5% .. 48.5%.
  EXPECT_EQ(count(h, "class=\"legend-swatch\""), 12u);
  EXPECT_THAT(h, HasSubstr("<rect class=\"legend-swatch\" x=\"18\" y=\"20\" width=\"46\" "
                           "height=\"14\" fill=\"#dcecf5\"><title>45.5% to 46.0%</title>"));
  EXPECT_THAT(h, HasSubstr(">48.5%</text>"));
  EXPECT_THAT(h, Not(HasSubstr("no data")));
}

TEST(Report, CountyMapHasFourShapesAndCircles) {
  const std::string& h = tiny_html();
  EXPECT_EQ(count(h, "<path class=\"county\""), 4u);
  // County shares are their state's.
  EXPECT_THAT(h, HasSubstr("<path class=\"county\" data-fips=\"01001\" fill=\"#123d6e\""));
  EXPECT_THAT(h, HasSubstr("<path class=\"county\" data-fips=\"02261\" fill=\"#dcecf5\""));
  EXPECT_EQ(count(h, "<circle cx="), 4u);
  // Exposure-weighted workers by population share: Alabama 866.7 x 0.2 and x 0.8; Alaska 800 x
  // 2/3; Valdez-Cordova on the 2017 map = Chugach (800 x 0.2) + Copper River (800 x 0.1333).
  EXPECT_THAT(h, HasSubstr("Autauga County, AL: 173 exposure-weighted workers"));
  EXPECT_THAT(h, HasSubstr("Baldwin County, AL: 693 exposure-weighted workers"));
  EXPECT_THAT(h, HasSubstr("Anchorage Municipality, AK: 533 exposure-weighted workers"));
  EXPECT_THAT(h, HasSubstr("Chugach Census Area + Copper River Census Area, AK: 267 "
                           "exposure-weighted workers"));
  EXPECT_THAT(h, HasSubstr("Valdez-Cordova (2017 boundary), now Chugach"));
  EXPECT_THAT(h, HasSubstr("county employment is estimated from state cells"));
}

TEST(Report, CountiesThatShareCensusCountiesShareOneCircle) {
  // Two 2017 shapes standing for the same census counties (as Connecticut's eight do): one
  // circle, with the workers once, at the centroid of both squares together.
  Atlas atlas;
  atlas.counties = {{"02261", "West", "M0.0,0.0L2.0,0.0L2.0,2.0L0.0,2.0Z"},
                    {"02261", "East", "M8.0,0.0L10.0,0.0L10.0,2.0L8.0,2.0Z"}};
  const report::MapLayers map = report::county_map(tiny(), atlas, tiny_result());
  ASSERT_EQ(map.areas.size(), 2u);
  ASSERT_EQ(map.circles.size(), 1u);
  EXPECT_NEAR(map.circles[0].value, 800.0 * 100000 / 300000, 1e-9);
  EXPECT_NEAR(map.circles[0].center.x, 5, 1e-12);
  EXPECT_NEAR(map.circles[0].center.y, 1, 1e-12);
}

TEST(Report, RankedTables) {
  const std::string& h = tiny_html();
  for (const char* id :
       {"states-table", "occupations-table", "major-groups-table", "industries-table"}) {
    EXPECT_THAT(h, HasSubstr(std::string("<table id=\"") + id + "\">")) << id;
  }
  // States, most exposed first, with their map color, index, its range (to 78.0 / 105.2 with
  // E2 = 1), surface and gap (27.0 / 105.2).
  EXPECT_THAT(h, HasSubstr("<tr><td class=\"num\">1</td><td><span class=\"swatch\" "
                           "style=\"background:#123d6e\"></span>Alabama</td><td class=\"num\">"
                           "48.5%</td><td class=\"num\">48.5%</td><td class=\"num\">74.1%</td>"
                           "<td class=\"num\">22.8%</td><td class=\"num\">25.7%</td>"));
  EXPECT_THAT(h, HasSubstr("<tr><td class=\"num\">2</td><td><span class=\"swatch\" "
                           "style=\"background:#dcecf5\"></span>Alaska</td>"));
  // No occupation has 100,000 workers here: all three are listed, developers (2/3) first.
  EXPECT_THAT(h, HasSubstr("No occupation has 100,000 or more workers"));
  EXPECT_THAT(
      h, HasSubstr(
             "<td class=\"code\">15-1252</td><td>Software Developers</td><td class=\"num\">66.7%"));
  EXPECT_THAT(h, HasSubstr("<td>Computer and Mathematical Occupations</td><td class=\"num\">"
                           "66.7%"));
  // Sectors by NAICS code and BLS title: finance's exposed wages $53.5M of $97.4M
  // (docs/method.md §9: Alabama $26.1M of $48.6M, Alaska $27.4M of $48.8M); information first
  // ($43.3M of $67.4M).
  EXPECT_THAT(h, HasSubstr("<td class=\"num\">2</td><td class=\"code\">52</td><td>Finance and "
                           "Insurance</td><td class=\"num\">54.9%"));
  EXPECT_THAT(h, HasSubstr("<td class=\"num\">1</td><td class=\"code\">51</td><td>Information"
                           "</td><td class=\"num\">64.2%"));
}

TEST(Report, FormulaOptionsAndProvenance) {
  const std::string& h = tiny_html();
  EXPECT_THAT(h, HasSubstr("docs/method.md"));
  EXPECT_THAT(h, HasSubstr("Exposure-weighted workers</dt>"));
  EXPECT_THAT(h, HasSubstr("<td>layer technical, labeler human</td>"));
  EXPECT_THAT(h, HasSubstr("2025-01-02"));
  for (const char* source : {"O*NET 29.1", "CC BY 4.0", "OEWS), May 2023", "GPTs are GPTs",
                             "Anthropic Economic Index, release 2025-02-10", "Vintage 2023",
                             "2024 Gazetteer", "July 2023", "us-atlas 3.0.1", "ISC"}) {
    EXPECT_THAT(h, HasSubstr(source)) << source;
  }
  EXPECT_THAT(h, HasSubstr("Every state and county figure on this page is estimated"));
}

TEST(Report, SelfContained) {
  const std::string& h = tiny_html();
  EXPECT_THAT(h, Not(HasSubstr("<script")));
  EXPECT_THAT(h, Not(HasSubstr("<link")));
  EXPECT_THAT(h, Not(HasSubstr("src=")));
  EXPECT_THAT(h, Not(HasSubstr("http")));
  EXPECT_THAT(h, Not(HasSubstr("@import")));
}

TEST(Report, EscapesTextFromTheData) {
  Dataset ds = tiny();
  ds.geography.states[ds.geography.find_state("AL")->index()].name = "Ala<b>\"&'ma";
  ds.geography.counties[ds.geography.find_county("01003")->index()].name = "<script>x</script>";
  const std::string h = index_report_html(ds, tiny_atlas(), tiny_result(), kInfo);
  EXPECT_THAT(h, HasSubstr("Ala&lt;b&gt;&quot;&amp;&#39;ma"));
  EXPECT_THAT(h, Not(HasSubstr("Ala<b>")));
  EXPECT_THAT(h, HasSubstr("&lt;script&gt;x&lt;/script&gt;, AL"));
  EXPECT_THAT(h, Not(HasSubstr("<script")));
}

TEST(Report, HtmlEscape) {
  EXPECT_EQ(report::html_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(report::html_escape("plain"), "plain");
}

}  // namespace
}  // namespace floe
