// What was run: the files and their settings, the scenario keys that differ, the scenario texts.
#include <fmt/format.h>

#include "report/html.h"
#include "report/sim_sections.h"

namespace floe::report {
namespace {

std::vector<std::pair<std::string, std::string>> run_fields(const SimulationRun& run) {
  const RunInfo& i = run.info();
  return {{"File", run.path().filename().string()},
          {"Scenario", i.scenario},
          {"Description", i.description},
          {"Seed", i.seed},
          {"Months", fmt::format("0 to {}", i.months)},
          {"Population", i.population},
          {"Data", i.data_dir},
          {"Made", i.created},
          {"Complete", i.complete ? "yes" : "no: interrupted; continue it with --resume"}};
}

std::string runs_table(const SimulationView& v) {
  const auto a = run_fields(v.a);
  const auto b = v.b ? run_fields(*v.b) : decltype(a){};
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < a.size(); ++i) {
    rows.push_back({a[i].first, a[i].second});
    if (v.b) rows.back().push_back(b[i].second);
  }
  return named_rows_table("runs-table", v.comparing() ? "The runs" : "The run",
                          v.comparing()
                              ? std::vector<std::string>{"", "A: " + v.a_label, "B: " + v.b_label}
                              : std::vector<std::string>{"", v.a_label},
                          rows);
}

std::string scenario_text(const std::string& heading, const SimulationRun& run) {
  const std::string& text = run.info().scenario_text;
  return fmt::format("<div>\n<h3>{}</h3>\n<pre class=\"scenario\">{}</pre>\n</div>\n",
                     html_escape(heading),
                     text.empty() ? "(not stored in the run file)" : html_escape(text));
}

}  // namespace

std::string sim_scenario_section(const SimulationView& v) {
  std::string h = "<section id=\"scenarios\">\n<h2>What was run</h2>\n" + runs_table(v);
  if (v.comparing()) {
    Table keys;
    for (auto& [name, table] : run_comparison_tables(*v.comparison)) {
      if (name == "scenario") keys = std::move(table);
    }
    if (keys.rows.empty()) {
      h += "<p id=\"scenario-keys\">The two scenario files set the same values: the runs differ "
           "only in their seeds or populations.</p>\n";
    } else {
      std::vector<std::vector<std::string>> rows;
      for (const auto& row : keys.rows) {
        rows.push_back({});
        for (const Value& cell : row) rows.back().push_back(std::get<std::string>(cell));
      }
      h += named_rows_table("scenario-table", keys.title,
                            {"Key", "A: " + v.a_label, "B: " + v.b_label}, rows);
      for (const auto& note : keys.notes) h += "<p class=\"note\">" + html_escape(note) + "</p>\n";
    }
  }
  h += "<div class=\"scenarios\">\n";
  h += scenario_text(v.comparing() ? "A: " + v.a_label : "Scenario file: " + v.a_label, v.a);
  if (v.b) h += scenario_text("B: " + v.b_label, *v.b);
  h += "</div>\n";
  return h + "</section>\n";
}

const char* simulation_style() {
  return R"(
.run-key { white-space: nowrap; margin-right: 10px; }
.key-line { display: inline-block; width: 22px; height: 3px; border-radius: 2px;
  vertical-align: middle; margin-right: 6px; }
.scenarios { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
  gap: 0 24px; }
pre.scenario { background: #f5f9fc; border: 1px solid var(--rule); border-radius: 8px;
  padding: 10px 12px; font-size: 12px; line-height: 1.45; overflow-x: auto; white-space: pre-wrap;
  overflow-wrap: anywhere; }
#runs-table td:first-child, #runs-table td:nth-child(2) { white-space: nowrap; }
)";
}

}  // namespace floe::report
