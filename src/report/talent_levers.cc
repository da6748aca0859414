// The scenario's levers against the baseline (both the expected form with the fitted
// parameters), from the month the levers act: big tech's net flow, and moves into stealth
// startups and AI labs, where the levers bite first (docs/talent.md §5).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html.h"
#include "report/svg_chart.h"
#include "report/talent_paths.h"
#include "report/talent_sections.h"

namespace floe::report {
namespace {

constexpr int kStealth = static_cast<int>(Employer::kStealth);
constexpr int kAiLabs = static_cast<int>(Employer::kAiLabs);
constexpr const char* kBaselineColor = "#123d6e";
constexpr const char* kScenarioColor = "#e8590c";

using Read = double (*)(const TalentPath&, int);

double net_flow(const TalentPath& p, int t) { return big_tech_net_flow(p, t); }
double into_stealth(const TalentPath& p, int t) { return moves_into(p, t, kStealth); }
double into_labs(const TalentPath& p, int t) { return moves_into(p, t, kAiLabs); }

ChartSeries from_levers(const TalentView& v, const TalentPath& p, std::string label,
                        const char* color, Read read) {
  ChartSeries s{.label = std::move(label), .color = color};
  for (int t = std::max(v.in.levers.from, 0); t < flow_months(p); ++t) {
    s.x.push_back(t);
    s.y.push_back(read(p, t));
  }
  return s;
}

LineChart versus_chart(const TalentView& v, std::string id, std::string title, Read read) {
  const std::string scenario = v.in.scenario.empty() ? "scenario" : v.in.scenario;
  return {.id = std::move(id),
          .title = std::move(title),
          .kind = ColumnKind::kCount,
          .series = {from_levers(v, v.baseline, "baseline", kBaselineColor, read),
                     from_levers(v, v.path, scenario, kScenarioColor, read)},
          .calendar_year = kTalentFirstYear};
}

// Mean a month over the levers' months.
double mean(const TalentPath& p, int first, Read read) {
  double sum = 0;
  int n = 0;
  for (int t = std::max(first, 0); t < flow_months(p); ++t, ++n) sum += read(p, t);
  return n > 0 ? sum / n : std::nan("");
}

std::string signed_number(double v) {
  return fmt::format("{}{}", v > 0.5 ? "+" : "",
                     format_value(v, Column{"", "", ColumnKind::kCount}));
}

std::string levers_table(const TalentView& v) {
  const TalentLevers& l = v.in.levers;
  const Column share{"", "", ColumnKind::kShare, 0};
  const auto pct = [&](double x) { return format_value(x, share); };
  return named_rows_table(
      "levers-table", fmt::format("The levers, from {}", month_in_words(l.from)),
      {"Lever", "Value", "What it does"},
      {{"talent.non_compete", pct(l.non_compete),
        "share of moves from incumbents to competing tech employers that enforcement prevents"},
       {"talent.immigration", fmt::format("{}{}", l.immigration > 0 ? "+" : "", pct(l.immigration)),
        "change in new AI-skilled workers a month"},
       {"talent.big_tech_pay",
        fmt::format("{}{}", l.big_tech_pay > 0 ? "+" : "", pct(l.big_tech_pay)),
        "change in big tech's pay"},
       {"talent.funding_drought", pct(l.funding_drought),
        "share of AI labs' and startups' expected equity value lost"}});
}

std::string means_table(const TalentView& v) {
  const int from = v.in.levers.from;
  const std::string scenario = v.in.scenario.empty() ? "scenario" : v.in.scenario;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [name, read] : {std::pair<const char*, Read>{"Net flow into big tech", net_flow},
                                   {"Moves into stealth startups", into_stealth},
                                   {"Moves into AI labs", into_labs}}) {
    const double base = mean(v.baseline, from, read), other = mean(v.path, from, read);
    rows.push_back({name, format_value(base, Column{"", "", ColumnKind::kCount}),
                    format_value(other, Column{"", "", ColumnKind::kCount}),
                    signed_number(other - base)});
  }
  return named_rows_table("levers-means",
                          fmt::format("Mean a month, {} to {}", month_in_words(from),
                                      month_in_words(flow_months(v.path) - 1)),
                          {"", "baseline", scenario, "difference"}, rows);
}

}  // namespace

bool TalentView::levers_pulled() const {
  const TalentLevers& l = in.levers;
  return l.non_compete != 0 || l.immigration != 0 || l.big_tech_pay != 0 || l.funding_drought != 0;
}

std::string talent_levers_section(const TalentView& v) {
  if (!v.levers_pulled()) return "";
  std::string h = "<section id=\"levers\">\n<h2>The scenario against the baseline</h2>\n";
  h += levers_table(v);
  h += means_table(v);
  h += "<div class=\"charts\">\n";
  for (const LineChart& c :
       {versus_chart(v, "chart-levers-net-flow", "Net flow into big tech, a month", net_flow),
        versus_chart(v, "chart-levers-stealth", "Moves into stealth startups, a month",
                     into_stealth),
        versus_chart(v, "chart-levers-labs", "Moves into AI labs, a month", into_labs)}) {
    h += "<figure class=\"chart\">\n" + svg_line_chart(c) + "</figure>\n";
  }
  h += "</div>\n<p class=\"note\">Both lines are the expected form with the fitted parameters, "
       "in people a month across the US; the scenario's levers act from its start. Moves: "
       "job-to-job moves from the other employer classes (new workers not counted).</p>\n";
  return h + "</section>\n";
}

}  // namespace floe::report
