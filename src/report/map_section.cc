// The maps of the report: where exposure is (states) and where exposed workers are (counties).
#include <fmt/format.h>

#include "report/html.h"
#include "report/map_data.h"
#include "report/sections.h"

namespace floe::report {
namespace {

// States (and DC) with workers in the data, which the state map must show; territories have
// no shape in the Albers USA atlas.
std::size_t mapped_states_in_data(const Dataset& ds, const IndexResult& r) {
  std::size_t n = 0;
  for (std::size_t s = 0; s < ds.geography.states.size(); ++s) {
    if (!ds.geography.states[s].territory && r.states[s].wage_bill > 0) ++n;
  }
  return n;
}

std::string territories_note(const Dataset& ds, const IndexResult& r) {
  std::string names;
  for (std::size_t s = 0; s < ds.geography.states.size(); ++s) {
    if (!ds.geography.states[s].territory || r.states[s].wage_bill <= 0) continue;
    names += (names.empty() ? "" : ", ") + ds.geography.states[s].name;
  }
  if (names.empty()) return "";
  return "<p class=\"note\">Not on the map (the atlas shows the 50 states and DC), but in the "
         "tables: " +
         html_escape(names) + ".</p>\n";
}

}  // namespace

std::string map_section(const Dataset& ds, const Atlas& atlas, const IndexResult& r,
                        const ColorScale& scale) {
  const MapLayers states = state_map(ds, atlas, r);
  const MapLayers counties = county_map(ds, atlas, r);
  std::string h = "<section id=\"maps\">\n<h2>Where: the Iceberg index by state</h2>\n";
  h += fmt::format("<figure id=\"state-figure\" data-states-in-data=\"{}\">\n",
                   mapped_states_in_data(ds, r));
  h += svg_map(states, scale);
  h += "<figcaption>" +
       svg_color_legend(scale, "Iceberg index: share of wage value in tasks AI can perform",
                        any_without_value(states)) +
       "<span class=\"hint\">Hover over a state for its figures.</span></figcaption>\n";
  h += "</figure>\n";
  h += territories_note(ds, r);

  const bool state_shares = r.county_source == CountySource::kStateShares;
  h += "<h2>Where exposed workers are: counties</h2>\n<figure id=\"county-figure\">\n";
  h += svg_map(counties, scale);
  h += "<figcaption>" +
       svg_color_legend(
           scale,
           state_shares ? "Iceberg index: the state's (no county industry data)" : "Iceberg index",
           any_without_value(counties)) +
       svg_circle_legend(counties, "Exposure-weighted workers") + "</figcaption>\n</figure>\n";
  h += state_shares
           ? "<p class=\"note\">County employment by industry is not in the public data used "
             "here: a county's cells are the state's employment in each occupation times the "
             "county's share of the state's population (docs/method.md §5). So every county's "
             "index is its state's, and the colors repeat the state map: they do not say that "
             "counties differ. The circles show what does differ between counties: the number of "
             "exposure-weighted workers, which follows population (a circle's area is "
             "proportional to it). With County Business Patterns (floe report --cbp FILE) "
             "counties get their own industry mix. "
           : "<p class=\"note\">County cells: County Business Patterns employment by NAICS "
             "sector times BLS's national staffing pattern, raked to the state cells "
             "(docs/method.md §5). The circles' area is proportional to the county's "
             "exposure-weighted workers. ";
  h += "Shapes are 2017 boundaries: Connecticut's old counties together show its nine planning "
       "regions, and Valdez-Cordova shows Chugach and Copper River (docs/method.md §6).</p>\n";
  return h + "</section>\n";
}

}  // namespace floe::report
