// The top of the talent report: the facts a reader should take away, each from the fitted model
// (no lever pulled, as in calibration) against what was observed.
#include <fmt/format.h>

#include "report/html.h"
#include "report/sections.h"
#include "report/talent_paths.h"
#include "report/talent_sections.h"

namespace floe::report {
namespace {

using Kind = TalentTarget::Kind;

std::string within(const TargetFit& f) {
  return f.within ? "within tolerance" : "outside tolerance";
}

std::string outward_figure(const TalentView& v, const TalentHeadline& h) {
  const std::string value = h.outward ? month_in_words(*h.outward, true) : "never";
  std::string detail = "no observation among the targets";
  if (h.outward_observed) {
    const TalentTarget& g = *h.outward_observed;
    detail = fmt::format("observed: {}{} ({})", month_in_words(g.first, true),
                         g.first == v.data.launch ? ", the first month after ChatGPT's launch" : "",
                         g.source);
  }
  return figure("outward-figure", value, "big tech's net flow of AI talent turns outward", detail);
}

std::string share_figure(const std::string& id, const TargetFit* f, const std::string& label) {
  if (!f) return figure(id, "-", label, "no such target in data/talent/targets.csv");
  const TalentTarget& g = *f->target;
  return figure(id, percent(f->model),
                fmt::format("{}, {}", label, period_in_words(g.first, g.last)),
                fmt::format("observed {} ± {:.1f} points, {} ({})", percent(g.observed),
                            100 * g.tolerance, within(*f), g.source));
}

std::string sentence(const TalentView& v, const TalentHeadline& h) {
  std::string s = "In the fitted model, big tech's net flow of AI-skilled workers ";
  s += h.outward ? "turns outward in " + month_in_words(*h.outward) : "never turns outward";
  if (h.outward_observed) s += " (observed: " + month_in_words(h.outward_observed->first) + ")";
  if (h.stealth) {
    const TalentTarget& g = *h.stealth->target;
    s += fmt::format("; {} of those leaving big tech from {} join stealth startups (observed: {})",
                     percent(h.stealth->model), period_in_words(g.first, g.last),
                     percent(g.observed));
  }
  if (h.phd_industry) {
    const TalentTarget& g = *h.phd_industry->target;
    s += fmt::format("; and {} of new AI PhDs go into industry in {} (observed: {})",
                     percent(h.phd_industry->model), period_in_words(g.first, g.last),
                     percent(g.observed));
  }
  std::size_t before = 0, after = 0;
  for (const auto& f : v.calibration.before) before += f.within;
  for (const auto& f : v.calibration.after) after += f.within;
  return s + fmt::format(". After fitting, {} of the {} targets are within tolerance ({} before).",
                         after, v.calibration.after.size(), before);
}

}  // namespace

TalentHeadline talent_headline(const TalentData& data, const TalentCalibration& c,
                               const TalentPath& baseline) {
  TalentHeadline h;
  h.outward = first_outward_month(baseline);
  for (const TalentTarget& g : data.targets) {
    if (g.statistic == "big_tech_net_flow" && g.kind == Kind::kEachBelow &&
        (!h.outward_observed || g.first < h.outward_observed->first)) {
      h.outward_observed = &g;
    }
  }
  h.stealth = find_fit(c.after, "stealth_share_of_big_tech_leavers", Kind::kValue);
  h.phd_industry = find_fit(c.after, "phd_industry_share", Kind::kValue);
  return h;
}

std::string talent_headline_section(const TalentView& v) {
  const TalentHeadline h = talent_headline(v.data, v.calibration, v.baseline);
  std::string s = "<section id=\"headline\">\n<div class=\"figures\">\n";
  s += outward_figure(v, h);
  s += share_figure("stealth-figure", h.stealth, "of big-tech leavers join stealth startups");
  s += share_figure("phd-figure", h.phd_industry, "of new AI PhDs go into industry");
  s += "</div>\n<p class=\"lede\">" + html_escape(sentence(v, h)) + "</p>\n";
  s += fmt::format(
      "<p class=\"caveat\">The model is fitted to the {} published facts in the targets table "
      "below; after the data (2024) it carries the fitted trends forward{}: a way to compare "
      "futures, not a forecast. Agent-form lines are {} simulated workers ({} of the US "
      "AI-skilled workforce), scaled to the US.</p>\n",
      v.data.targets.size(), v.levers_pulled() ? " under the scenario's levers" : "",
      format_value(v.agent_count, Column{"", "", ColumnKind::kCount}), scale_in_words(v.in.scale));
  return s + "</section>\n";
}

}  // namespace floe::report
