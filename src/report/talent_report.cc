// The talent report page: the facts (headline), the model over time (charts), the scenario's
// levers, the fit (targets and parameters) and the method, from what a reader needs first to
// what a reviewer needs to check it.
#include <fmt/format.h>

#include "floe/error.h"
#include "models/talent/agents.h"
#include "report/html.h"
#include "report/sections.h"
#include "report/svg_chart.h"
#include "report/talent_paths.h"
#include "report/talent_sections.h"

namespace floe::report {
namespace {

std::string scenario_name(const TalentView& v) {
  if (v.levers_pulled()) return v.in.scenario.empty() ? "levers given" : v.in.scenario;
  return v.in.scenario.empty() ? "none (no lever pulled)" : v.in.scenario + " (no lever pulled)";
}

// A saved fit has no iterations: its parameters were read, not fitted here.
std::string calibration_text(const TalentCalibration& c) {
  if (c.iterations == 0) {
    return fmt::format("parameters read from a file; 'before' is the '{}' starting point",
                       c.start_name);
  }
  return fmt::format("from the '{}' starting point: loss {:.4g} to {:.4g} in {} iterations, {}",
                     c.start_name, c.loss_before, c.loss_after, c.iterations,
                     c.converged ? "converged" : "not converged");
}

}  // namespace

TalentView make_talent_view(const TalentReportInput& in) {
  if (!in.data || !in.calibration) throw Error("talent report: no talent data or calibration");
  TalentView v{.in = in, .data = *in.data, .calibration = *in.calibration};
  const TalentParameters& fitted = v.calibration.fitted;
  v.path = expected_talent_path(v.data, fitted, in.levers);
  v.baseline = v.levers_pulled() ? expected_talent_path(v.data, fitted) : v.path;
  talent::TalentAgents agents(v.data, fitted, in.levers, in.scale, in.seed);
  agents.start();
  std::vector<TalentMonth> months;
  months.reserve(v.data.months);
  for (int t = 0; t < v.data.months; ++t) months.push_back(agents.step(t));
  v.agents = talent::path_of_counts(months, in.scale);
  if (!months.empty()) {
    for (double h : months.back().headcount) v.agent_count += h;
  }
  return v;
}

std::string talent_tables_section(const TalentView& v) {
  std::string h = "<section id=\"tables\">\n<h2>The facts the model is fitted to</h2>\n";
  h += html_table(talent_fit_table(v.calibration),
                  {.id = "targets-table",
                   .columns = {"description", "goal", "before", "before_within", "after",
                               "after_within", "source"}});
  h += "<h2>Parameters</h2>\n";
  h += html_table(talent_parameter_table(v.calibration),
                  {.id = "parameters-table",
                   .columns = {"parameter", "start", "fitted", "prior", "prior_sd", "meaning"}});
  return h + "</section>\n";
}

std::string talent_method_section(const TalentView& v) {
  const TalentCalibration& c = v.calibration;
  std::string h = "<section id=\"method\">\n<h2>How it is computed</h2>\n";
  h += "<p>AI-skilled workers of three kinds (researchers; machine-learning engineers and data "
       "scientists; AI and MLOps engineers), sized from OEWS national employment and BLS "
       "Employment Projections, move month by month among eight employer classes. Each month a "
       "worker may leave the occupation, at the segment's BLS exit rate; otherwise they stay or "
       "move to one of the seven other classes by a multinomial logit over what each class "
       "offers (pay, expected equity, autonomy, mission and openings, with generative-AI demand "
       "after ChatGPT's launch and a retrenchment at big tech), less a cost of switching. New "
       "workers and new PhDs choose the same way. The expected form follows the expected flows; "
       "its parameters are fitted to the targets above by Levenberg-Marquardt on exact "
       "gradients (dual numbers), with weak priors. The agent form draws each worker's choice "
       "with counter-based random numbers and averages to the expected form.</p>\n";
  h += "<p>Every formula is written out in docs/talent.md in the floe repository: the monthly "
       "step in §3, the targets in §4, the levers in §5, the parameters and their priors in §6, "
       "the calibration in §7, the agent form in §8.</p>\n";
  const int last = v.data.months - 1;
  h += named_rows_table(
      "settings-table", "Settings of this report", {},
      {{"Scenario", scenario_name(v)},
       {"Months", fmt::format("{} to {}", talent_date(0), talent_date(last))},
       {"Calibration", calibration_text(c)},
       {"Agent form", fmt::format("{} agents in {} ({} of the US AI-skilled workforce), seed {}",
                                  format_value(v.agent_count, {"", "", ColumnKind::kCount}),
                                  talent_date(last), scale_in_words(v.in.scale), v.in.seed)},
       {"Data", v.data.dir.string()},
       {"Made", v.in.date + " with floe talent report"}});
  return h + "</section>\n";
}

}  // namespace floe::report

namespace floe {

std::string talent_report_html(const TalentReportInput& in) {
  using namespace report;
  const TalentView v = make_talent_view(in);
  const std::string title = "The war for AI talent: where AI-skilled workers go";
  std::string h = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n<main>\n",
      html_escape(title), page_style(), chart_style());
  const std::string scenario =
      v.levers_pulled() ? " &middot; scenario " + html_escape(scenario_name(v)) : "";
  h += fmt::format(
      "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">United States, {} to {} &middot; fitted to {} "
      "published facts{} &middot; {}</p>\n</header>\n",
      html_escape(title), html_escape(month_in_words(0)),
      html_escape(month_in_words(v.data.months - 1)), v.data.targets.size(), scenario,
      html_escape(in.date));
  h += talent_headline_section(v);
  h += talent_chart_section(v);
  h += talent_levers_section(v);
  h += talent_tables_section(v);
  h += talent_method_section(v);
  h += fmt::format(
      "<footer>Made with floe on {}. Every figure can be reproduced with the settings "
      "above.</footer>\n",
      html_escape(in.date));
  return h + "</main>\n</body>\n</html>\n";
}

}  // namespace floe
