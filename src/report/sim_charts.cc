// The national series as line charts: one line per run (A blue, B orange), on shared axes.
#include <fmt/format.h>

#include "report/html.h"
#include "report/sim_sections.h"
#include "report/svg_chart.h"

namespace floe::report {
namespace {

using Read = double (*)(const NationalMonth&);

ChartSeries series(const SimulationRun& run, const std::string& label, const char* color, Read read,
                   bool dashed = false) {
  ChartSeries s{.label = label, .color = color, .dashed = dashed};
  for (const NationalMonth& n : run.national()) {
    s.x.push_back(n.month);
    s.y.push_back(read(n));
  }
  return s;
}

// One line per run.
LineChart runs_chart(const SimulationView& v, std::string id, std::string title, ColumnKind kind,
                     bool from_zero, Read read) {
  LineChart c{.id = std::move(id), .title = std::move(title), .kind = kind, .from_zero = from_zero};
  c.series.push_back(series(v.a, v.a_label, kRunAColor, read));
  if (v.b) c.series.push_back(series(*v.b, v.b_label, kRunBColor, read));
  return c;
}

// Adoption (solid) and exposure (dashed) of each run.
LineChart adoption_chart(const SimulationView& v) {
  LineChart c{.id = "chart-adoption",
              .title = "AI adoption (solid) and exposure of wages (dashed)",
              .kind = ColumnKind::kShare,
              .from_zero = true};
  const auto adoption = [](const NationalMonth& n) { return n.adoption; };
  const auto exposure = [](const NationalMonth& n) { return n.exposure; };
  const std::string a = v.b ? ", " + v.a_label : "", b = v.b ? ", " + v.b_label : "";
  c.series.push_back(series(v.a, "adoption" + a, kRunAColor, adoption));
  c.series.push_back(series(v.a, "exposure" + a, kRunAColor, exposure, true));
  if (v.b) {
    c.series.push_back(series(*v.b, "adoption" + b, kRunBColor, adoption));
    c.series.push_back(series(*v.b, "exposure" + b, kRunBColor, exposure, true));
  }
  return c;
}

}  // namespace

std::string sim_chart_section(const SimulationView& v) {
  const std::vector<LineChart> charts = {
      runs_chart(v, "chart-unemployment", "Unemployment rate", ColumnKind::kShare, false,
                 [](const NationalMonth& n) { return n.unemployment_rate; }),
      runs_chart(v, "chart-employment", "Employed", ColumnKind::kCount, false,
                 [](const NationalMonth& n) { return n.figures.employed; }),
      runs_chart(v, "chart-displaced-direct", "Displaced by AI directly, so far",
                 ColumnKind::kCount, true,
                 [](const NationalMonth& n) { return n.displaced_direct_cumulative; }),
      runs_chart(v, "chart-displaced-indirect", "Displaced through local cascades, so far",
                 ColumnKind::kCount, true,
                 [](const NationalMonth& n) { return n.displaced_indirect_cumulative; }),
      adoption_chart(v),
      runs_chart(v, "chart-job-finding", "Job-finding rate of the unemployed, a month",
                 ColumnKind::kShare, false, [](const NationalMonth& n) { return n.job_finding; }),
  };
  std::string h =
      "<section id=\"charts\">\n<h2>Over time: the nation</h2>\n<div class=\"charts\">\n";
  for (const LineChart& c : charts)
    h += "<figure class=\"chart\">\n" + svg_line_chart(c) + "</figure>\n";
  h += "</div>\n<p class=\"note\">Displaced by AI directly: workers separated because AI took over "
       "work in their own occupation and place. Through local cascades: local jobs lost because "
       "those workers' spending fell. Both summed from month 0. Exposure: the share of wages in "
       "tasks AI can perform at that month's capability. Hover over a line for its first and "
       "last values.</p>\n";
  return h + "</section>\n";
}

}  // namespace floe::report
