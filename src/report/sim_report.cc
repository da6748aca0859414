// The simulation report page: what happened (headline, charts), where (maps, states), and what
// was run (scenarios), in that order.
#include <fmt/format.h>

#include <cmath>

#include "floe/report.h"
#include "report/html.h"
#include "report/sections.h"
#include "report/sim_sections.h"
#include "report/svg_chart.h"

namespace floe::report {
namespace {

std::map<std::string, RegionValues> by_fips(std::vector<RegionValues> regions) {
  std::map<std::string, RegionValues> out;
  for (auto& r : regions) out.emplace(r.fips, std::move(r));
  return out;
}

std::string count(double v) { return format_value(v, Column{"", "", ColumnKind::kCount}); }

double displaced(const NationalMonth& n) {
  return n.displaced_direct_cumulative + n.displaced_indirect_cumulative;
}

// "higher" or "lower" for a difference, "the same" for none at the shown precision.
std::string direction(double difference, double resolution) {
  if (std::abs(difference) < resolution / 2) return "the same";
  return difference > 0 ? "higher" : "lower";
}

std::string one_run_headline(const SimulationView& v) {
  const NationalMonth& start = v.a.national().front();
  const NationalMonth& end = v.a.national().back();
  const double change =
      start.figures.employed > 0 ? end.figures.employed / start.figures.employed - 1 : std::nan("");
  std::string h = "<div class=\"figures\">\n";
  // Over the run's replicates (other seeds, docs/model.md §16), when it has them.
  const auto rate_range = v.a.replicate_range(v.month, "unemployment_rate");
  const auto effect_range = v.a.replicate_range(v.month, "ai_effect_points");
  h += figure(
      "unemployment-figure", percent(end.unemployment_rate),
      fmt::format("unemployment at month {}", v.month),
      fmt::format("{} at month 0{}", percent(start.unemployment_rate),
                  rate_range
                      ? fmt::format("; {} to {} in 90% of {} seeds", percent(rate_range->low, 2),
                                    percent(rate_range->high, 2), rate_range->replicates)
                      : ""));
  h += figure("employment-figure", fmt::format("{}{}", change > 0 ? "+" : "", percent(change)),
              "employment since month 0",
              fmt::format("{} employed at month {}, {} at month 0", count(end.figures.employed),
                          v.month, count(start.figures.employed)));
  h += figure("displaced-figure", count_in_words(displaced(end)), "workers displaced by AI",
              fmt::format("{} directly, {} more through local cascades, months 0 to {}",
                          count(end.displaced_direct_cumulative),
                          count(end.displaced_indirect_cumulative), v.month));
  std::string effect;
  if (v.a.info().twin) {
    // How much of it is AI's: the run against its no-AI twin (docs/model.md §16).
    const NationalMonth& twin = v.a.twin_national()[static_cast<std::size_t>(v.month)];
    const UnemploymentEffect e = unemployment_effect(end.figures, twin.figures);
    const std::string seeds =
        effect_range
            ? fmt::format("{} to {} points in 90% of {} seeds",
                          signed_points(effect_range->low, 2, false),
                          signed_points(effect_range->high, 2, false), effect_range->replicates)
            : "";
    h += figure("ai-effect-figure", signed_points(e.points, 2, false),
                "points of unemployment due to AI's progress",
                fmt::format("against the no-AI twin's {} (90% margin ±{:.2f} points{})",
                            percent(twin.unemployment_rate, 2), e.margin,
                            seeds.empty() ? "" : "; " + seeds));
    effect = fmt::format(
        " Without AI's progress (the no-AI twin: capability and adoption held at month 0) it "
        "would be {}: AI's share of the change is {} points (±{:.2f}{}).",
        percent(twin.unemployment_rate, 2), signed_points(e.points, 2, false), e.margin,
        seeds.empty() ? "" : "; run with other seeds, " + seeds);
  }
  h += "</div>\n";
  const std::string sentence = fmt::format(
      "By month {} of the {} scenario, unemployment is {} ({} at month 0).{} AI has displaced "
      "{} workers directly, and local cascades {} more; AI adoption has reached {} and "
      "exposure {} of wages. Counts are workers of the economy simulated (agents ÷ the run's "
      "scale).",
      v.month, v.a_label, percent(end.unemployment_rate), percent(start.unemployment_rate), effect,
      count(end.displaced_direct_cumulative), count(end.displaced_indirect_cumulative),
      percent(end.adoption), percent(end.exposure));
  return h + "<p class=\"lede\">" + html_escape(sentence) + "</p>\n";
}

std::string comparison_headline(const SimulationView& v) {
  const NationalMonth& a = v.a.national().back();
  const NationalMonth& b = v.b->national().back();
  const double points = 100 * (b.unemployment_rate - a.unemployment_rate);
  const double employed = b.figures.employed - a.figures.employed;
  std::string h = "<div class=\"figures\">\n";
  h += figure("unemployment-figure", signed_points(points, 2, false),
              fmt::format("points of unemployment, B\u00a0−\u00a0A at month {}", v.month),
              fmt::format("{} {}, {} {}", v.a_label, percent(a.unemployment_rate, 2), v.b_label,
                          percent(b.unemployment_rate, 2)));
  h += figure("employment-figure", signed_count(employed),
              fmt::format("employed, B\u00a0−\u00a0A at month {}", v.month),
              fmt::format("{} {}, {} {}", v.a_label, count(a.figures.employed), v.b_label,
                          count(b.figures.employed)));
  h += figure("displaced-figure", signed_count(displaced(b) - displaced(a)),
              "displaced by AI, B\u00a0−\u00a0A",
              fmt::format("{} {}, {} {} (directly and through local cascades, months 0 to {})",
                          v.a_label, count(displaced(a)), v.b_label, count(displaced(b)), v.month));
  h += "</div>\n";
  const std::string sentence = fmt::format(
      "By month {}, unemployment is {} in {} than in {} ({} against {}), and AI has displaced "
      "{} workers in {} against {} in {}.",
      v.month, direction(points, 0.01), v.b_label, v.a_label, percent(b.unemployment_rate, 2),
      percent(a.unemployment_rate, 2), count(displaced(b)), v.b_label, count(displaced(a)),
      v.a_label);
  return h + "<p class=\"lede\">" + html_escape(sentence) + "</p>\n";
}

}  // namespace

std::string signed_points(double points, int decimals, bool unit) {
  const double shown = std::abs(points) < 0.5 * std::pow(10, -decimals) ? 0 : points;
  return fmt::format("{}{:.{}f}{}", shown > 0 ? "+" : "", shown, decimals, unit ? " points" : "");
}

std::string signed_count(double v) {
  return fmt::format("{}{}", std::llround(v) > 0 ? "+" : "", count(v));
}

std::string SimulationView::state_name(const std::string& fips) const {
  if (const auto id = geography.find_state(fips)) return geography[*id].name;
  return fips;
}

SimulationView make_view(const Geography& g, const Atlas& atlas, const SimulationRun& a,
                         const SimulationRun* b) {
  SimulationView v{.geography = g, .atlas = atlas, .a = a, .b = b};
  v.month = a.info().months;
  v.county_month = a.info().county_months.empty() ? -1 : a.info().county_months.back();
  if (b) {
    v.comparison = compare_runs(a, *b);  // checks that the runs can be compared
    v.a_label = v.comparison->a_label;
    v.b_label = v.comparison->b_label;
    v.b_states = by_fips(b->states(v.month));
    v.b_start = by_fips(b->states(0));
    if (v.county_month >= 0) v.b_counties = by_fips(b->counties(v.county_month));
  } else {
    v.a_label = a.info().scenario.empty() ? a.path().stem().string() : a.info().scenario;
  }
  if (a.info().talent) v.a_talent = a.talent();
  if (b && b->info().talent) v.b_talent = b->talent();
  v.a_states = by_fips(a.states(v.month));
  v.a_start = by_fips(a.states(0));
  if (v.county_month >= 0) v.a_counties = by_fips(a.counties(v.county_month));
  return v;
}

std::string sim_headline_section(const SimulationView& v) {
  return "<section id=\"headline\">\n" +
         (v.comparing() ? comparison_headline(v) : one_run_headline(v)) +
         "<p class=\"caveat\">A simulation of the labor market on a synthetic population, under "
         "the scenario's assumptions: a way to compare futures, not a forecast. Figures are for "
         "the simulated population (see the run settings below).</p>\n</section>\n";
}

}  // namespace floe::report

namespace floe {

std::string simulation_report_html(const Geography& geography, const Atlas& atlas,
                                   const SimulationRun& a, const SimulationRun* b,
                                   const SimulationReportInfo& info) {
  using namespace report;
  const SimulationView v = make_view(geography, atlas, a, b);
  const std::string title =
      v.comparing() ? fmt::format("Simulation: {} compared with {}", v.b_label, v.a_label)
                    : fmt::format("Simulation: {}", v.a_label);
  std::string h = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}{}{}</style>\n</head>\n<body>\n<main>\n",
      html_escape(title), page_style(), chart_style(), simulation_style());
  std::string runs_key;
  if (v.comparing()) {
    runs_key = fmt::format(
        " &middot; <span class=\"run-key\"><span class=\"key-line\" style=\"background:{}\">"
        "</span>A: {}</span> <span class=\"run-key\"><span class=\"key-line\" "
        "style=\"background:{}\"></span>B: {}</span>",
        kRunAColor, html_escape(v.a_label), kRunBColor, html_escape(v.b_label));
  }
  h += fmt::format(
      "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">The US labor market month by month, months 0 "
      "to {} &middot; {}{}</p>\n</header>\n",
      html_escape(title), v.month, html_escape(info.date), runs_key);
  h += sim_headline_section(v);
  h += sim_chart_section(v);
  h += sim_map_section(v);
  h += sim_table_section(v);
  h += sim_talent_section(v);
  h += sim_scenario_section(v);
  h += fmt::format(
      "<footer>Made with floe on {} from {}. Every figure can be reproduced with the scenario "
      "files and settings above.</footer>\n",
      html_escape(info.date),
      html_escape(v.comparing()
                      ? a.path().filename().string() + " and " + b->path().filename().string()
                      : a.path().filename().string()));
  return h + "</main>\n</body>\n</html>\n";
}

}  // namespace floe
