// The top of the report: the national figures a reader should take away in ten seconds.
#include <fmt/format.h>

#include <cmath>

#include "floe/table.h"
#include "report/html.h"
#include "report/sections.h"

namespace floe::report {
namespace {

// What the capability layer counts as "AI can perform", for the sentence.
std::string capability_phrase(const IndexResult& r) {
  if (r.layer.starts_with("technical")) {
    return "AI can technically perform (by the task labels of Eloundou et al. 2023)";
  }
  if (r.layer.starts_with("observed")) {
    return "people already use AI for (by the Anthropic Economic Index)";
  }
  return "AI can perform according to the capability layer '" + r.layer + "'";
}

// "SOC 15-0000, Computer and Mathematical Occupations" when the surface is one major group.
std::string surface_phrase(const Dataset& ds, const std::string& codes) {
  for (const auto& group : ds.taxonomy.major_groups) {
    if (group.soc_code == codes) return "SOC " + codes + ", " + group.title;
  }
  return "SOC " + codes;
}

// "from 15.1% (North Dakota) to 18.2% (District of Columbia)" over states, not territories.
std::string state_range_phrase(const Dataset& ds, const IndexResult& r) {
  const Geography& g = ds.geography;
  std::size_t lo = g.states.size(), hi = g.states.size();
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    if (g.states[s].territory || r.states[s].wage_bill <= 0) continue;
    if (lo == g.states.size() || r.states[s].iceberg() < r.states[lo].iceberg()) lo = s;
    if (hi == g.states.size() || r.states[s].iceberg() > r.states[hi].iceberg()) hi = s;
  }
  if (lo == g.states.size()) return "";
  return fmt::format(" State indices range from {} ({}) to {} ({}).",
                     percent(r.states[lo].iceberg()), g.states[lo].name,
                     percent(r.states[hi].iceberg()), g.states[hi].name);
}

}  // namespace

std::string figure(const std::string& id, const std::string& value, const std::string& label,
                   const std::string& detail) {
  return fmt::format(
      "<div class=\"figure\" id=\"{}\"><div class=\"value\">{}</div><div class=\"label\">{}"
      "</div><div class=\"detail\">{}</div></div>\n",
      id, html_escape(value), html_escape(label), html_escape(detail));
}

std::string dollars_in_words(double v) {
  const double a = std::abs(v);
  if (a >= 1e12) return fmt::format("${:.2f} trillion", v / 1e12);
  if (a >= 1e9) return fmt::format("${:.1f} billion", v / 1e9);
  if (a >= 1e6) return fmt::format("${:.1f} million", v / 1e6);
  return format_value(v, Column{"", "", ColumnKind::kDollars});
}

std::string count_in_words(double v) {
  if (std::abs(v) >= 1e6) return fmt::format("{:.1f} million", v / 1e6);
  return format_value(v, Column{"", "", ColumnKind::kCount});
}

std::string headline_section(const Dataset& ds, const IndexResult& r, const ReportInfo& info) {
  const IndexFigures& n = r.nation;
  const std::string surface = surface_phrase(ds, info.surface);
  std::string h = "<section id=\"headline\">\n<div class=\"figures\">\n";
  const std::string range = interval_text(r.ranges.nation);
  h += figure("iceberg-figure", percent(n.iceberg()), "Iceberg index",
              fmt::format("of the wage value of US work: {} of {} a year{}",
                          dollars_in_words(n.exposed_wages), dollars_in_words(n.wage_bill),
                          range.empty() ? "" : "; range " + range));
  h += figure("workers-figure", count_in_words(n.exposed_workers), "exposure-weighted workers",
              fmt::format("of {} workers, each counted by the exposed share of their job",
                          count_in_words(n.employment)));
  h += figure("surface-figure", percent(n.surface()), "Surface index",
              "the same measure, counting only the visible occupations (" + surface + ")");
  h += "</div>\n";

  // One sentence a reader can repeat, then the ratio that gives the index its name.
  std::string sentence =
      fmt::format("Tasks that {} account for {} of the wages paid to US workers: {} a year.",
                  capability_phrase(r), percent(n.iceberg()), dollars_in_words(n.exposed_wages));
  if (!range.empty()) {
    sentence += " Over the capability layers the evidence cannot tell apart, it ranges " + range +
                " (docs/method.md §11-12).";
  }
  if (n.surface() > 0) {
    sentence += fmt::format(
        " Only {} is in the occupations where AI's effect is most visible ({}); the other {} "
        "lies below the surface, in other occupations: {} the visible part.",
        percent(n.surface()), surface, percent(n.iceberg() - n.surface()), below_surface_text(r));
  }
  sentence += state_range_phrase(ds, r);
  h += "<p class=\"lede\">" + html_escape(sentence) + "</p>\n";
  h += "<p class=\"caveat\">The index measures what AI can do, not what it will replace: exposed "
       "tasks may be automated, assisted or left as they are. State and county figures are "
       "estimates (see <a href=\"#method\">how it is computed</a>).</p>\n";
  return h + "</section>\n";
}

}  // namespace floe::report
