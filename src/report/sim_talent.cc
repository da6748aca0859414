// The AI-talent segment of a simulation run (docs/talent.md): big tech's net flow of AI-skilled
// workers by month and summed since the run started, agents and expected form, both runs on the
// same axes when comparing; AI-skilled workers by employer class at the last month; the targets.
// Flows are shown for the whole US (agent counts divided by the run's talent scale), so that they
// read against the observed facts.
#include <fmt/format.h>

#include <algorithm>

#include "floe/talent.h"
#include "report/html.h"
#include "report/sim_sections.h"
#include "report/svg_chart.h"
#include "report/talent_paths.h"

namespace floe::report {
namespace {

constexpr int kShownMonths = 24;  // at least, when the series ends before 2015

struct TalentRunView {
  const RunTalent& talent;
  std::string label;  // "" for one run
  const char* color;
};

std::vector<TalentRunView> talent_runs(const SimulationView& v) {
  std::vector<TalentRunView> runs;
  if (v.a_talent) runs.push_back({*v.a_talent, v.comparing() ? v.a_label : "", kRunAColor});
  if (v.b_talent) runs.push_back({*v.b_talent, v.b_label, kRunBColor});
  return runs;
}

std::string with_run(const std::string& what, const TalentRunView& r) {
  return r.label.empty() ? what : what + ", " + r.label;
}

// From January 2015, or the last two years of a shorter series.
int first_shown(const RunTalent& t) {
  return std::max(0, std::min(kFrom2015, t.series.back().index - (kShownMonths - 1)));
}

LineChart net_flow_chart(const std::vector<TalentRunView>& runs) {
  LineChart c{.id = "chart-talent-net-flow",
              .title = "Net flow of AI-skilled workers into big tech, a month (US)",
              .kind = ColumnKind::kCount,
              .calendar_year = kTalentFirstYear,
              .markers = {{static_cast<double>(talent_month(2022, 12)), "ChatGPT"}}};
  for (const TalentRunView& r : runs) {
    ChartSeries agents{.label = with_run("agents", r), .color = r.color};
    ChartSeries expected{.label = with_run("expected", r), .color = r.color, .dashed = true};
    for (const TalentSeriesMonth& m : r.talent.series) {
      if (m.index < first_shown(r.talent)) continue;
      agents.x.push_back(m.index);
      agents.y.push_back(m.big_tech_net_flow / r.talent.scale);
      expected.x.push_back(m.index);
      expected.y.push_back(m.big_tech_net_flow_expected / r.talent.scale);
    }
    c.series.push_back(std::move(agents));
    c.series.push_back(std::move(expected));
  }
  if (!runs.empty()) {
    const int start = parse_talent_date(runs.front().talent.start);
    if (start >= 0) c.markers.push_back({static_cast<double>(start), "run starts"});
  }
  return c;
}

LineChart cumulative_chart(const std::vector<TalentRunView>& runs) {
  LineChart c{.id = "chart-talent-cumulative",
              .title = "Net moves into big tech since the run started (US)",
              .kind = ColumnKind::kCount,
              .from_zero = true,
              .calendar_year = kTalentFirstYear};
  for (const TalentRunView& r : runs) {
    ChartSeries agents{.label = with_run("agents", r), .color = r.color};
    ChartSeries expected{.label = with_run("expected", r), .color = r.color, .dashed = true};
    double a = 0, e = 0;
    for (const TalentSeriesMonth& m : r.talent.series) {
      if (m.month < 1) continue;  // before run.start
      a += m.big_tech_net_flow / r.talent.scale;
      e += m.big_tech_net_flow_expected / r.talent.scale;
      agents.x.push_back(m.index);
      agents.y.push_back(a);
      expected.x.push_back(m.index);
      expected.y.push_back(e);
    }
    c.series.push_back(std::move(agents));
    c.series.push_back(std::move(expected));
  }
  return c;
}

std::string tables(const TalentRunView& r, const std::string& suffix) {
  Table headcount = run_talent_headcount_table(r.talent);
  Table targets = run_talent_targets_table(r.talent);
  if (!r.label.empty()) {
    headcount.title += " (" + r.label + ")";
    targets.title += " (" + r.label + ")";
  }
  return html_table(headcount,
                    {.id = "talent-headcount-table" + suffix,
                     .columns = {"employer", "researchers", "ml_engineers", "ai_engineers",
                                 "headcount", "us_headcount", "share", "net_flow"}}) +
         html_table(targets, {.id = "talent-targets-table" + suffix,
                              .columns = {"description", "goal", "expected", "expected_within",
                                          "agents", "agents_within"}});
}

}  // namespace

std::string sim_talent_section(const SimulationView& v) {
  const std::vector<TalentRunView> runs = talent_runs(v);
  if (runs.empty()) return "";
  const RunTalent& first = runs.front().talent;
  std::string h = "<section id=\"talent\">\n<h2>AI talent</h2>\n";
  h += "<p class=\"note\">" +
       html_escape(fmt::format(
           "The AI-talent segment: AI-skilled workers moving among big tech, AI labs, stealth "
           "startups, other employers and universities (docs/talent.md), simulated as agents "
           "({} of the US) from January 2011 to {}; parameters {}. Flows are for the US: agent "
           "counts divided by the scale. Expected: the model's expected flows at the same "
           "parameters and levers.",
           scale_in_words(first.scale), first.last_date, first.parameters_from)) +
       "</p>\n";
  if (v.comparing() && runs.size() == 1) {
    h += fmt::format(
        "<p class=\"note\">{} has no AI-talent tables (talent.enabled = false, or an "
        "older run file): only {} is shown.</p>\n",
        html_escape(v.a_talent ? v.b_label : v.a_label),
        html_escape(v.a_talent ? v.a_label : v.b_label));
  }
  h += "<div class=\"charts\">\n";
  for (const LineChart& c : {net_flow_chart(runs), cumulative_chart(runs)}) {
    h += "<figure class=\"chart\">\n" + svg_line_chart(c) + "</figure>\n";
  }
  h += "</div>\n";
  for (std::size_t i = 0; i < runs.size(); ++i) h += tables(runs[i], i == 0 ? "" : "-b");
  return h + "</section>\n";
}

}  // namespace floe::report
