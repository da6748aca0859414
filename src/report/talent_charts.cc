// The talent model over time, on a calendar axis: the net flow into big tech (expected and agent
// form, the observed mean, ChatGPT's launch), headcount by employer class, where new AI PhDs go
// by year against the observed shares, and the gen-AI postings index.
#include <fmt/format.h>

#include <algorithm>

#include "report/html.h"
#include "report/svg_chart.h"
#include "report/talent_paths.h"
#include "report/talent_sections.h"

namespace floe::report {
namespace {

constexpr int kFrom2022 = (2022 - kTalentFirstYear) * 12;

using Kind = TalentTarget::Kind;

// One value a month, months first .. the path's last.
template <class Read>
ChartSeries monthly(std::string label, const char* color, const TalentPath& p, int first, Read read,
                    bool dashed = false) {
  ChartSeries s{.label = std::move(label), .color = color, .dashed = dashed};
  for (int t = std::max(first, 0); t < flow_months(p); ++t) {
    s.x.push_back(t);
    s.y.push_back(read(p, t));
  }
  return s;
}

ChartMarker launch_marker(const TalentData& d) {
  return {static_cast<double>(d.launch), "ChatGPT"};
}

LineChart net_flow_chart(const TalentView& v) {
  LineChart c{.id = "chart-net-flow",
              .title = "Net flow of AI-skilled workers into big tech, a month",
              .kind = ColumnKind::kCount,
              .calendar_year = kTalentFirstYear,
              .markers = {launch_marker(v.data)}};
  c.series.push_back(monthly("agent form", kAgentsColor, v.agents, kFrom2015,
                             [](const TalentPath& p, int t) { return big_tech_net_flow(p, t); }));
  c.series.push_back(monthly("expected form", kExpectedColor, v.path, kFrom2015,
                             [](const TalentPath& p, int t) { return big_tech_net_flow(p, t); }));
  // The observed mean over its months, as a level line.
  for (const TalentTarget& g : v.data.targets) {
    if (g.statistic != "big_tech_net_flow" || g.kind != Kind::kValue) continue;
    c.series.push_back(
        {.label = "observed mean",
         .color = kObservedColor,
         .dashed = true,
         .x = {static_cast<double>(g.first), static_cast<double>(g.last)},
         .y = {g.observed, g.observed},
         .tooltip = fmt::format("observed: {:+.0f} a month on average, {} ({})", g.observed,
                                period_in_words(g.first, g.last), g.source)});
  }
  if (v.levers_pulled()) c.markers.push_back({static_cast<double>(v.in.levers.from), "levers"});
  return c;
}

LineChart headcount_chart(const TalentView& v) {
  LineChart c{.id = "chart-headcount",
              .title = "AI-skilled workers by employer class (expected form)",
              .kind = ColumnKind::kCount,
              .from_zero = true,
              .calendar_year = kTalentFirstYear,
              .markers = {launch_marker(v.data)}};
  for (int k = 0; k < kEmployers; ++k) {
    c.series.push_back(
        monthly(short_label(v.data.employers[k]), kEmployerColors[k], v.path, 0,
                [k](const TalentPath& p, int t) { return employer_headcount(p, t, k); }));
  }
  return c;
}

// "industry: 41.8% in 2011, 74.0% in 2034".
std::string yearly_tooltip(const std::string& label, const std::vector<PhdYear>& years,
                           double PhdYear::*share) {
  if (years.empty()) return label + ": no full year";
  const Column column{"", "", ColumnKind::kShare, 1};
  return fmt::format("{}: {} in {}, {} in {}", label, format_value(years.front().*share, column),
                     years.front().year, format_value(years.back().*share, column),
                     years.back().year);
}

LineChart phd_chart(const TalentView& v) {
  LineChart c{.id = "chart-phds",
              .title = "Where new AI PhDs go, share by year",
              .kind = ColumnKind::kShare,
              .from_zero = true,
              .calendar_year = kTalentFirstYear};
  const std::vector<PhdYear> years = phd_shares_by_year(v.path);
  ChartSeries industry{.label = "industry", .color = kExpectedColor};
  ChartSeries academia{.label = "academia", .color = kAgentsColor};
  for (const PhdYear& y : years) {
    const double middle = (y.year - kTalentFirstYear) * 12 + 5.5;
    industry.x.push_back(middle);
    industry.y.push_back(y.industry);
    academia.x.push_back(middle);
    academia.y.push_back(y.academia);
  }
  industry.tooltip = yearly_tooltip("industry", years, &PhdYear::industry);
  academia.tooltip = yearly_tooltip("academia", years, &PhdYear::academia);
  c.series.push_back(std::move(industry));
  c.series.push_back(std::move(academia));
  // Every observed share, at the middle of its period.
  ChartSeries observed{.label = "observed", .color = kObservedColor, .points = true};
  std::string tooltip;
  for (const TalentTarget& g : v.data.targets) {
    const bool into_industry = g.statistic == "phd_industry_share";
    if ((!into_industry && g.statistic != "phd_academia_share") || g.kind != Kind::kValue) continue;
    observed.x.push_back((g.first + g.last) / 2.0);
    observed.y.push_back(g.observed);
    tooltip +=
        fmt::format("{}{} into {} in {}", tooltip.empty() ? "observed: " : "; ",
                    format_value(g.observed, Column{"", "", ColumnKind::kShare, 0}),
                    into_industry ? "industry" : "academia", period_in_words(g.first, g.last));
  }
  if (!observed.x.empty()) {
    observed.tooltip = tooltip;
    c.series.push_back(std::move(observed));
  }
  return c;
}

LineChart genai_chart(const TalentView& v) {
  return {.id = "chart-genai",
          .title = "Generative-AI job postings (May 2024 = 1)",
          .kind = ColumnKind::kNumber,
          .from_zero = true,
          .series = {monthly("gen-AI postings", kExpectedColor, v.path, kFrom2022,
                             [](const TalentPath& p, int t) { return p.genai[t]; })},
          .calendar_year = kTalentFirstYear,
          .markers = {launch_marker(v.data)}};
}

std::string genai_note(const TalentView& v) {
  const TargetFit* f = find_fit(v.calibration.after, "genai_postings", Kind::kRatioAtLeast);
  if (!f) return "";
  const TalentTarget& g = *f->target;
  return fmt::format(
      " Gen-AI postings grow {:.0f}-fold from {} to {} in the fitted model "
      "(observed: more than {:.0f}-fold, {}).",
      f->model, month_in_words(g.base_first), month_in_words(g.last), g.observed, g.source);
}

}  // namespace

std::string short_label(const EmployerClass& e) {
  const std::size_t cut = e.label.find(" (");
  return cut == std::string::npos ? e.label : e.label.substr(0, cut);
}

std::string talent_chart_section(const TalentView& v) {
  std::string h = "<section id=\"charts\">\n<h2>Over time</h2>\n<div class=\"charts\">\n";
  for (const LineChart& c : {net_flow_chart(v), headcount_chart(v), phd_chart(v), genai_chart(v)}) {
    h += "<figure class=\"chart\">\n" + svg_line_chart(c) + "</figure>\n";
  }
  h += "</div>\n<p class=\"note\">" +
       html_escape(
           "Net flow into big tech: job-to-job moves of AI-skilled workers into big tech minus "
           "moves out of it, in people a month across the US. Expected form: the model's "
           "expected flows; agent form: the same model drawn worker by worker and scaled to the "
           "US, with its sampling noise. The dashed line is the observed mean over its months; "
           "the dotted line marks ChatGPT's launch. New PhDs: shares of all new AI PhDs, jobs "
           "outside the modelled employers included." +
           genai_note(v) + " Hover over a line for its values.") +
       "</p>\n";
  return h + "</section>\n";
}

}  // namespace floe::report
