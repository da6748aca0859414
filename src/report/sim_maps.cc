// Where: states and counties at the last month. One run: its unemployment and employment change
// by state, and unemployment by county. Two runs: B - A of the same, by state and county.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/html.h"
#include "report/run_maps.h"
#include "report/sim_sections.h"

namespace floe::report {
namespace {

const Column kRate{"", "", ColumnKind::kShare, 1};
const Column kRate2{"", "", ColumnKind::kShare, 2};
const Column kCountFormat{"", "", ColumnKind::kCount};

std::string signed_percent(double fraction) {
  return fmt::format("{}{}", fraction > 0 ? "+" : "", format_value(fraction, kRate));
}

// The figures of places summed (a group of counties that one map shape stands for).
std::optional<RunFigures> sum(const std::map<std::string, RegionValues>& places,
                              const std::vector<std::string>& fips) {
  RunFigures total;
  bool any = false;
  for (const auto& code : fips) {
    const auto it = places.find(code);
    if (it == places.end()) continue;
    total.add(it->second.figures);
    any = true;
  }
  if (!any || total.labor_force() <= 0) return std::nullopt;
  return total;
}

// A place whose labor force is fewer agents than kFewAgents (include/floe/runs.h) is drawn grey,
// not colored: at the run's scale its rate is mostly sampling noise (docs/model.md §16).
constexpr const char* kFewLabel = "no data or too few agents";
std::optional<PlaceValue> too_few(const RunFigures& a, const RunFigures* b = nullptr) {
  const double agents = b ? std::min(a.agents, b->agents) : a.agents;
  if (agents >= kFewAgents) return std::nullopt;
  return PlaceValue{std::nan(""),
                    fmt::format("{} agents behind its figures{}, fewer than {}: too few to show at "
                                "this scale",
                                format_value(agents, kCountFormat), b ? " in one run" : "",
                                format_value(kFewAgents, kCountFormat))};
}

double employment_change(const RunFigures& now, const RunFigures& start) {
  return start.employed > 0 ? now.employed / start.employed - 1 : std::nan("");
}

// The range of the middle 96% of the values: a few tiny counties with extreme rates would
// otherwise take the whole color scale.
std::pair<double, double> central_range(std::vector<double> values) {
  std::erase_if(values, [](double x) { return std::isnan(x); });
  if (values.empty()) return {0, 0};
  std::sort(values.begin(), values.end());
  const double n = static_cast<double>(values.size() - 1);
  return {values[static_cast<std::size_t>(std::floor(0.02 * n))],
          values[static_cast<std::size_t>(std::ceil(0.98 * n))]};
}

std::pair<double, double> full_range(const MapLayers& map) {
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& a : map.areas) {
    if (std::isnan(a.value)) continue;
    lo = std::min(lo, a.value);
    hi = std::max(hi, a.value);
  }
  return lo > hi ? std::pair{0.0, 0.0} : std::pair{lo, hi};
}

std::vector<double> area_values(const MapLayers& map) {
  std::vector<double> out;
  for (const auto& a : map.areas) out.push_back(a.value);
  return out;
}

std::size_t with_value(const MapLayers& map) {
  return static_cast<std::size_t>(std::count_if(
      map.areas.begin(), map.areas.end(), [](const MapArea& a) { return !std::isnan(a.value); }));
}

std::string map_figure(const std::string& figure_id, const MapLayers& map, const ColorScale& scale,
                       const std::string& caption, const std::string& extra_attributes = "",
                       const std::string& no_data_label = "no data") {
  return fmt::format("<figure id=\"{}\"{}>\n", figure_id, extra_attributes) + svg_map(map, scale) +
         "<figcaption>" + svg_color_legend(scale, caption, any_without_value(map), no_data_label) +
         "<span class=\"hint\">Hover over a place for its figures.</span></figcaption>\n"
         "</figure>\n";
}

// The first state map: unemployment for one run, its B - A when comparing.
MapLayers unemployment_state_map(const SimulationView& v) {
  const PlaceMap place{"state-map", v.comparing() ? "Unemployment rate by state, B minus A"
                                                  : "Unemployment rate by state"};
  return state_value_map(
      v.atlas, place, [&](const std::vector<std::string>& fips) -> std::optional<PlaceValue> {
        const auto a = sum(v.a_states, fips), a0 = sum(v.a_start, fips);
        if (!a || !a0) return std::nullopt;
        if (!v.comparing()) {
          if (auto few = too_few(*a)) return few;
          return PlaceValue{
              a->unemployment_rate(),
              fmt::format("unemployment {} ({} at month 0); {} employed ({} since month 0)",
                          format_value(a->unemployment_rate(), kRate),
                          format_value(a0->unemployment_rate(), kRate),
                          format_value(a->employed, kCountFormat),
                          signed_percent(employment_change(*a, *a0)))};
        }
        const auto b = sum(v.b_states, fips);
        if (!b) return std::nullopt;
        if (auto few = too_few(*a, &*b)) return few;
        const double diff = b->unemployment_rate() - a->unemployment_rate();
        return PlaceValue{diff, fmt::format("unemployment {} in {}, {} in {} ({})",
                                            format_value(a->unemployment_rate(), kRate2), v.a_label,
                                            format_value(b->unemployment_rate(), kRate2), v.b_label,
                                            signed_points(100 * diff))};
      });
}

// Employment change since month 0 for one run; B's employment relative to A's when comparing.
MapLayers employment_state_map(const SimulationView& v) {
  const PlaceMap place{"state-change-map", v.comparing()
                                               ? "Employment by state, B relative to A"
                                               : "Employment change since month 0 by state"};
  return state_value_map(
      v.atlas, place, [&](const std::vector<std::string>& fips) -> std::optional<PlaceValue> {
        const auto a = sum(v.a_states, fips), a0 = sum(v.a_start, fips);
        if (!a || !a0) return std::nullopt;
        if (!v.comparing()) {
          const double change = employment_change(*a, *a0);
          return PlaceValue{change, fmt::format("{} employed at month {}, {} at month 0 ({})",
                                                format_value(a->employed, kCountFormat), v.month,
                                                format_value(a0->employed, kCountFormat),
                                                signed_percent(change))};
        }
        const auto b = sum(v.b_states, fips);
        if (!b) return std::nullopt;
        const double relative = employment_change(*b, *a);
        return PlaceValue{relative, fmt::format("{} employed in {}, {} in {} ({})",
                                                format_value(a->employed, kCountFormat), v.a_label,
                                                format_value(b->employed, kCountFormat), v.b_label,
                                                signed_percent(relative))};
      });
}

MapLayers county_unemployment_map(const SimulationView& v) {
  const PlaceMap place{"county-map", v.comparing() ? "Unemployment rate by county, B minus A"
                                                   : "Unemployment rate by county"};
  return county_value_map(
      v.atlas, v.geography, place,
      [&](const std::vector<std::string>& fips) -> std::optional<PlaceValue> {
        const auto a = sum(v.a_counties, fips);
        if (!a) return std::nullopt;
        if (!v.comparing()) {
          if (auto few = too_few(*a)) return few;
          return PlaceValue{a->unemployment_rate(),
                            fmt::format("unemployment {}; {} employed",
                                        format_value(a->unemployment_rate(), kRate),
                                        format_value(a->employed, kCountFormat))};
        }
        const auto b = sum(v.b_counties, fips);
        if (!b) return std::nullopt;
        if (auto few = too_few(*a, &*b)) return few;
        const double diff = b->unemployment_rate() - a->unemployment_rate();
        return PlaceValue{diff, fmt::format("unemployment {} in {}, {} in {} ({})",
                                            format_value(a->unemployment_rate(), kRate), v.a_label,
                                            format_value(b->unemployment_rate(), kRate), v.b_label,
                                            signed_points(100 * diff, 1))};
      });
}

ColorScale points_scale(double lo, double hi) {
  ColorScale s = diverging_scale(lo, hi, true);
  s.suffix = "";  // percentage points, said in the caption
  return s;
}

std::string territories_note(const SimulationView& v) {
  std::string names;
  for (const auto& [fips, region] : v.a_states) {
    const bool mapped = std::any_of(v.atlas.states.begin(), v.atlas.states.end(),
                                    [&fips = fips](const MapShape& s) { return s.id == fips; });
    if (!mapped) names += (names.empty() ? "" : ", ") + v.state_name(fips);
  }
  if (names.empty()) return "";
  return "<p class=\"note\">Not on the maps (they show the 50 states and DC), but in the table: " +
         html_escape(names) + ".</p>\n";
}

// The first state map's scale, which the table's swatches share.
ColorScale sim_state_scale(const SimulationView& v) {
  const auto [lo, hi] = full_range(unemployment_state_map(v));
  return v.comparing() ? points_scale(lo, hi) : round_scale(lo, hi);
}

}  // namespace

std::string sim_map_section(const SimulationView& v) {
  const MapLayers states = unemployment_state_map(v);
  const MapLayers change = employment_state_map(v);
  const ColorScale state_scale = sim_state_scale(v);
  const auto [change_lo, change_hi] = full_range(change);
  const ColorScale change_scale = diverging_scale(change_lo, change_hi, false);
  const std::string month = fmt::format("month {}", v.month);

  std::string h =
      fmt::format("<section id=\"maps\">\n<h2>Where: states at month {}</h2>\n", v.month);
  const std::string in_data = fmt::format(" data-states-in-data=\"{}\"", with_value(states));
  if (v.comparing()) {
    h += map_figure("state-figure", states, state_scale,
                    "Unemployment rate, B − A (percentage points), " + month, in_data, kFewLabel);
    h += fmt::format(
        "<p class=\"note\">Orange: unemployment is higher in {} (B) than in {} (A); blue: "
        "lower.</p>\n",
        html_escape(v.b_label), html_escape(v.a_label));
    h += map_figure("state-change-figure", change, change_scale,
                    "Employment in B relative to A, " + month);
  } else {
    h += map_figure("state-figure", states, state_scale, "Unemployment rate, " + month, in_data,
                    kFewLabel);
    h += map_figure("state-change-figure", change, change_scale,
                    "Employment change since month 0, at " + month);
  }
  h += territories_note(v);

  if (v.county_month < 0) return h + "</section>\n";
  const MapLayers counties = county_unemployment_map(v);
  const auto [lo, hi] = central_range(area_values(counties));
  const ColorScale county_scale = v.comparing() ? points_scale(lo, hi) : round_scale(lo, hi);
  h += fmt::format("<h2>Counties at month {}</h2>\n", v.county_month);
  h += map_figure("county-figure", counties, county_scale,
                  v.comparing() ? fmt::format("Unemployment rate, B − A (percentage points), "
                                              "month {}",
                                              v.county_month)
                                : fmt::format("Unemployment rate, month {}", v.county_month),
                  "", kFewLabel);
  h += fmt::format(
      "<p class=\"note\">The colors cover the middle 96% of counties; the rest take the end "
      "colors. Grey: no data, or fewer than {} simulated workers (agents) behind the "
      "figures, whose rate at this scale is mostly sampling noise (±1 point or more; "
      "docs/model.md §16); a larger scale shows more of them. Shapes are 2017 boundaries "
      "(docs/method.md §6).</p>\n",
      format_value(kFewAgents, kCountFormat));
  return h + "</section>\n";
}

std::string sim_table_section(const SimulationView& v) {
  const ColorScale scale = sim_state_scale(v);
  std::string h = "<section id=\"tables\">\n<h2>States ranked</h2>\n";
  if (v.comparing()) {
    Table t;
    for (auto& [name, table] : run_comparison_tables(*v.comparison)) {
      if (name == "states") t = std::move(table);
    }
    t.title = fmt::format("States at month {}, largest difference in unemployment first", v.month);
    t.notes.push_back(
        fmt::format("A: {}. B: {}. B-A pts: B's unemployment rate minus A's, in "
                    "percentage points. Employed B vs A: B's employment relative "
                    "to A's.",
                    v.a_label, v.b_label));
    const std::size_t points = t.column("unemployment_points");
    h += html_table(
        t, {.id = "states-table",
            .columns = {"name", "a_unemployment_rate", "b_unemployment_rate", "unemployment_points",
                        "employment_change", "a_employment_change", "b_employment_change",
                        "a_displaced", "b_displaced"},
            .swatch = [&](const std::vector<Value>& row) {
              const double p = std::get<double>(row[points]);
              return std::isnan(p) ? std::string(kNoDataColor) : scale.color(p / 100);
            }});
  } else {
    const Table t = run_states_table(v.a, v.month);
    const std::size_t rate = t.column("unemployment_rate");
    std::vector<std::string> columns = {"name", "unemployment_rate", "unemployment_points"};
    if (v.a.info().twin) {
      columns.insert(columns.end(), {"ai_effect_points", "ai_effect_margin", "few_agents"});
    }
    columns.insert(columns.end(), {"employed", "employment_change", "displaced_direct",
                                   "displaced_indirect", "exposed_wages"});
    h += html_table(
        t, {.id = "states-table", .columns = columns, .swatch = [&](const std::vector<Value>& row) {
              const double r = std::get<double>(row[rate]);
              return std::isnan(r) ? std::string(kNoDataColor) : scale.color(r);
            }});
  }
  return h + "</section>\n";
}

}  // namespace floe::report
