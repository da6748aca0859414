// The index endpoints: the nation, states, counties, SOC major groups, industries, and the
// color scale of the maps.
#include <fmt/format.h>

#include "report/palette.h"
#include "serve/json.h"
#include "serve/routes.h"
#include "serve/run_tables.h"
#include "serve/state_tables.h"
#include "serve/table_reply.h"
#include "serve/talent_tables.h"

namespace floe::serve {
namespace {

Json run_json(const RunInfo& r) {
  return {{"id", r.id},
          {"scenario", r.scenario},
          {"description", r.description},
          {"seed", r.seed},
          {"file", r.file},
          {"first_month", r.first_month},
          {"last_month", r.last_month},
          {"county_months", r.county_months},
          {"talent", talent_json(r)},
          {"twin", r.twin}};  // false: no AI effect (effect_tables.h)
}

Reply meta(const Dashboard& d, const httplib::Request& request) {
  const Params no_params(request, {});  // any parameter is a 400
  const Dataset& ds = d.dataset();
  const IndexResult& r = d.index();
  Json j;
  j["title"] = "floe: the Iceberg Index";
  j["options"] = d.options().index_description;
  j["layer"] = r.layer;
  j["provenance"] = r.provenance;
  j["oews_year"] = ds.labor.year;
  j["surface_codes"] = d.options().index.surface;
  const Table& nation = d.table(Breakdown::kNation);
  j["nation"] = table_json(nation)["rows"][0];
  j["states"] = d.table(Breakdown::kState).rows.size();
  j["counties"] = d.table(Breakdown::kCounty).rows.size();
  j["occupations"] = ds.taxonomy.occupations.size();
  Json runs = Json::array();
  for (const auto& run : d.runs()) runs.push_back(run_json(run->info()));
  j["runs"] = std::move(runs);
  Json metrics = Json::array();
  for (const std::string& m : region_metrics()) metrics.push_back(m);
  j["run_metrics"] = std::move(metrics);
  j["notes"] = {
      "State and county employment is estimated from state occupation-cluster margins, the "
      "national staffing pattern by NAICS sector and county population or industry "
      "(docs/method.md §5).",
      d.index().county_source == CountySource::kStateShares
          ? "A county's shares (Iceberg, Surface) equal its state's; its counts (workers, "
            "dollars) scale with its population."
          : "County figures follow County Business Patterns employment by sector."};
  return {200, dump(j)};
}

Reply one_state(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params());
  const StateId s = d.state(request.matches[1].str());
  Table t = d.table(Breakdown::kState);
  const std::string fips = d.dataset().geography[s].fips;
  std::erase_if(t.rows, [&](const auto& row) { return std::get<std::string>(row[0]) != fips; });
  t.title = d.dataset().geography[s].name;
  return table_reply(std::move(t), params, "state-" + fips);
}

Reply state_occupation_table(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"major", "q"}));
  const StateId s = d.state(request.matches[1].str());
  Table t = state_occupations(d.dataset(), d.cells(), d.index(), s);
  if (const auto q = params.text("q")) keep_matching_occupations(t, *q);
  if (const auto major = params.text("major")) {
    if (!d.dataset().taxonomy.find_major_group(*major)) {
      throw BadRequest("major", "parameter 'major': no SOC major group '" + major->substr(0, 40) +
                                    "' (e.g. 15-0000)");
    }
    const std::size_t col = t.column("major");
    std::erase_if(t.rows,
                  [&](const auto& row) { return std::get<std::string>(row[col]) != *major; });
  }
  return table_reply(std::move(t), params, "occupations-" + d.dataset().geography[s].fips);
}

Reply index_counties(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"state"}));
  Table t = d.table(Breakdown::kCounty);
  std::string name = "counties";
  if (const auto state = params.text("state")) {
    const auto s = d.dataset().geography.find_state(*state);
    if (!s) {
      throw BadRequest("state", "parameter 'state': no state '" + state->substr(0, 40) +
                                    "' (use a FIPS or USPS code)");
    }
    const std::string fips = d.dataset().geography[*s].fips;
    std::erase_if(t.rows, [&](const auto& row) {
      return std::get<std::string>(row[0]).compare(0, 2, fips) != 0;
    });
    t.title = "Counties of " + d.dataset().geography[*s].name;
    name += "-" + fips;
  }
  return table_reply(std::move(t), params, name);
}

// The report's color classes for values in [lo, hi]: sequential (round_scale), or diverging
// from 0 (diverging_scale: warm is worse, so higher_is_worse says which side that is).
Reply scale(const httplib::Request& request) {
  const Params params(request, {"lo", "hi", "classes", "type", "higher_is_worse"});
  // Shares, differences of shares, and counts per 1,000 people: well inside a million.
  const auto lo = params.number("lo", -1e6, 1e6);
  const auto hi = params.number("hi", -1e6, 1e6);
  if (!lo) throw BadRequest("lo", "parameter 'lo' is required (the smallest value to color)");
  if (!hi) throw BadRequest("hi", "parameter 'hi' is required (the largest value to color)");
  const bool diverging =
      params.choice("type", {"sequential", "diverging"}, "sequential") == "diverging";
  const bool worse = params.choice("higher_is_worse", {"true", "false"}, "true") == "true";
  const int classes = static_cast<int>(params.integer("classes", 1, 12, diverging ? 8 : 7));
  const report::ColorScale s = diverging ? report::diverging_scale(*lo, *hi, worse, classes)
                                         : report::round_scale(*lo, *hi, classes);
  Json ramp = Json::array();
  for (int i = 0; i <= 8; ++i) ramp.push_back(report::ramp_color(i / 8.0));
  Json j;
  j["breaks"] = s.breaks;
  j["colors"] = s.colors;
  j["decimals"] = s.decimals;
  j["no_data"] = report::kNoDataColor;
  j["ramp"] = std::move(ramp);
  return {200, dump(j)};
}

// A table made at start, as it is (sorted, limited, as CSV when asked).
Handler whole_table(const Dashboard& d, Breakdown by, std::string name) {
  return [&d, by, name](const httplib::Request& request) {
    return table_reply(d.table(by), Params(request, table_params()), name);
  };
}

}  // namespace

void add_index_routes(httplib::Server& server, const Dashboard& d) {
  get(server, "/api/meta", [&d](const httplib::Request& r) { return meta(d, r); });
  get(server, "/api/nation", whole_table(d, Breakdown::kNation, "nation"));
  get(server, "/api/states", whole_table(d, Breakdown::kState, "states"));
  get(server, "/api/states/([^/]+)", [&d](const httplib::Request& r) { return one_state(d, r); });
  get(server, "/api/states/([^/]+)/occupations",
      [&d](const httplib::Request& r) { return state_occupation_table(d, r); });
  get(server, "/api/states/([^/]+)/majors", [&d](const httplib::Request& r) {
    const Params params(r, table_params());
    const StateId s = d.state(r.matches[1].str());
    return table_reply(state_majors(d.dataset(), d.cells(), d.index(), s), params,
                       "majors-" + d.dataset().geography[s].fips);
  });
  get(server, "/api/counties", [&d](const httplib::Request& r) { return index_counties(d, r); });
  get(server, "/api/majors", whole_table(d, Breakdown::kMajor, "majors"));
  get(server, "/api/industries", whole_table(d, Breakdown::kIndustry, "industries"));
  get(server, "/api/scale", scale);
}

}  // namespace floe::serve
