// The simulation endpoints: the runs, their national and state time series, states, counties,
// major groups and flows at a month, and the difference between two runs by state.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "serve/effect_tables.h"
#include "serve/json.h"
#include "serve/routes.h"
#include "serve/run_tables.h"
#include "serve/table_reply.h"
#include "serve/talent_tables.h"

namespace floe::serve {
namespace {

// The month parameter: required, within the run's months.
int month_of(const Params& params, const RunInfo& run) {
  const auto month = params.integer("month", run.first_month, run.last_month);
  if (!month) {
    throw BadRequest("month", fmt::format("parameter 'month' is required ({}..{})", run.first_month,
                                          run.last_month));
  }
  return static_cast<int>(*month);
}

std::optional<std::string> major_of(const Dashboard& d, const Params& params) {
  const auto major = params.text("major");
  if (major && !d.dataset().taxonomy.find_major_group(*major)) {
    throw BadRequest("major", "parameter 'major': no SOC major group '" + major->substr(0, 40) +
                                  "' (e.g. 15-0000)");
  }
  return major;
}

std::optional<StateId> state_of(const Dashboard& d, const Params& params) {
  const auto state = params.text("state");
  if (!state) return std::nullopt;
  const auto s = d.dataset().geography.find_state(*state);
  if (!s) {
    throw BadRequest("state", "parameter 'state': no state '" + state->substr(0, 40) +
                                  "' (use a FIPS or USPS code)");
  }
  return s;
}

Reply run_list(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params());
  Table t;
  t.title = "Simulation runs";
  t.columns = {{"id", "Run", ColumnKind::kText},
               {"scenario", "Scenario", ColumnKind::kText},
               {"description", "Description", ColumnKind::kText},
               {"seed", "Seed", ColumnKind::kText},
               {"first_month", "First month", ColumnKind::kNumber, 0},
               {"last_month", "Last month", ColumnKind::kNumber, 0},
               {"county_months", "Months with counties", ColumnKind::kText},
               {"talent", "AI talent", ColumnKind::kFlag},
               {"file", "File", ColumnKind::kText}};
  for (const auto& run : d.runs()) {
    const RunInfo& r = run->info();
    t.rows.push_back({r.id, r.scenario, r.description, r.seed, double(r.first_month),
                      double(r.last_month), fmt::format("{}", fmt::join(r.county_months, " ")),
                      r.talent.has_value(), r.file});
  }
  if (d.runs().empty()) t.notes.push_back("No runs: start floe serve with --run RUN.db.");
  return table_reply(std::move(t), params, "runs");
}

Reply run_page(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, {});
  const RunInfo& r = d.run(request.matches[1].str()).info();
  Json j;
  j["id"] = r.id;
  j["scenario"] = r.scenario;
  j["description"] = r.description;
  j["seed"] = r.seed;
  j["file"] = r.file;
  j["first_month"] = r.first_month;
  j["last_month"] = r.last_month;
  j["county_months"] = r.county_months;
  j["talent"] = talent_json(r);
  j["twin"] = r.twin;  // false: no AI effect (effect_tables.h)
  Json info = Json::object();
  for (const auto& [key, value] : r.run) info[key] = value;
  j["run"] = std::move(info);
  return {200, dump(j)};
}

// The scenario the run read, as its file said it (floe simulate keeps the text), so that it can
// be repeated: floe simulate --scenario <id>.toml, with the run's scale.
Reply scenario_toml(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, {});
  const RunInfo& r = d.run(request.matches[1].str()).info();
  const auto text = r.run.find("scenario_text");
  if (text == r.run.end() || text->second.empty()) {
    throw NotFound("run " + quote(r.id) + " does not keep its scenario's text");
  }
  return {200, text->second, "application/toml; charset=utf-8", r.id + ".toml"};
}

Reply series(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"state"}));
  const RunFile& run = d.run(request.matches[1].str());
  if (const auto s = state_of(d, params)) {
    return table_reply(state_series(d.dataset(), run, *s), params,
                       run.info().id + "-series-" + d.dataset().geography[*s].fips);
  }
  return table_reply(national_series(run), params, run.info().id + "-national");
}

Reply states(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"month", "major"}));
  const RunFile& run = d.run(request.matches[1].str());
  const int month = month_of(params, run.info());
  return table_reply(states_at(d.dataset(), run, month, major_of(d, params)), params,
                     fmt::format("{}-states-month-{}", run.info().id, month));
}

Reply counties(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"month", "state", "major"}));
  const RunFile& run = d.run(request.matches[1].str());
  const int month = month_of(params, run.info());
  const auto& months = run.info().county_months;
  if (std::find(months.begin(), months.end(), month) == months.end()) {
    throw BadRequest("month",
                     fmt::format("parameter 'month': the run has county figures for "
                                 "months {} only",
                                 months.empty() ? std::string("(none)")
                                                : fmt::format("{}", fmt::join(months, ", "))));
  }
  const auto state = state_of(d, params);
  return table_reply(counties_at(d.dataset(), run, month, state, major_of(d, params)), params,
                     fmt::format("{}-counties-month-{}", run.info().id, month));
}

Reply majors(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"month", "state"}));
  const RunFile& run = d.run(request.matches[1].str());
  const int month = month_of(params, run.info());
  return table_reply(majors_at(d.dataset(), run, month, state_of(d, params)), params,
                     fmt::format("{}-majors-month-{}", run.info().id, month));
}

Reply flows(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"month"}));
  const RunFile& run = d.run(request.matches[1].str());
  const int month = month_of(params, run.info());
  return table_reply(flows_at(d.dataset(), run, month), params,
                     fmt::format("{}-flows-month-{}", run.info().id, month));
}

// The run minus its no-AI twin: the national series, or (`level`) the places at a month.
Reply national_effect_reply(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params());
  const RunFile& run = d.run(request.matches[1].str());
  return table_reply(national_effect(run), params, run.info().id + "-ai-effect");
}

Reply effects(const Dashboard& d, const httplib::Request& request, EffectLevel level) {
  const bool counties = level == EffectLevel::kCounties;
  const Params params(request, table_params(level == EffectLevel::kStates
                                                ? std::vector<std::string_view>{"month"}
                                                : std::vector<std::string_view>{"month", "state"}));
  const RunFile& run = d.run(request.matches[1].str());
  const int month = month_of(params, run.info());
  const auto& months = run.info().county_months;
  if (counties && std::find(months.begin(), months.end(), month) == months.end()) {
    throw BadRequest("month",
                     fmt::format("parameter 'month': the run has county figures for "
                                 "months {} only",
                                 months.empty() ? std::string("(none)")
                                                : fmt::format("{}", fmt::join(months, ", "))));
  }
  const auto state = level == EffectLevel::kStates ? std::nullopt : state_of(d, params);
  const char* name = level == EffectLevel::kStates     ? "states"
                     : level == EffectLevel::kCounties ? "counties"
                                                       : "majors";
  return table_reply(region_effects(d.dataset(), run, level, month, state), params,
                     fmt::format("{}-ai-effect-{}-month-{}", run.info().id, name, month));
}

const RunFile& run_parameter(const Dashboard& d, const Params& params, const std::string& name) {
  const auto id = params.text(name);
  if (!id) throw BadRequest(name, "parameter '" + name + "' is required (a run id)");
  try {
    return d.run(*id);
  } catch (const NotFound& e) {
    throw BadRequest(name, "parameter '" + name + "': " + e.what());
  }
}

Reply compare(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"a", "b", "month", "metric"}));
  const RunFile& a = run_parameter(d, params, "a");
  const RunFile& b = run_parameter(d, params, "b");
  RunInfo both = a.info();
  both.last_month = std::min(a.info().last_month, b.info().last_month);
  both.first_month = std::max(a.info().first_month, b.info().first_month);
  const int month = month_of(params, both);
  const std::string metric = params.choice("metric", region_metrics(), "unemployment_rate");
  Table t = compare_states(d.dataset(), a, b, month, metric);
  sort_table(t, t.column("difference"), true);
  return table_reply(
      std::move(t), params,
      fmt::format("compare-{}-{}-{}-month-{}", b.info().id, a.info().id, metric, month));
}

}  // namespace

void add_run_routes(httplib::Server& server, const Dashboard& d) {
  get(server, "/api/runs", [&d](const httplib::Request& r) { return run_list(d, r); });
  get(server, "/api/runs/([^/]+)", [&d](const httplib::Request& r) { return run_page(d, r); });
  get(server, "/api/runs/([^/]+)/scenario.toml",
      [&d](const httplib::Request& r) { return scenario_toml(d, r); });
  get(server, "/api/runs/([^/]+)/series", [&d](const httplib::Request& r) { return series(d, r); });
  get(server, "/api/runs/([^/]+)/states", [&d](const httplib::Request& r) { return states(d, r); });
  get(server, "/api/runs/([^/]+)/counties",
      [&d](const httplib::Request& r) { return counties(d, r); });
  get(server, "/api/runs/([^/]+)/majors", [&d](const httplib::Request& r) { return majors(d, r); });
  get(server, "/api/runs/([^/]+)/flows", [&d](const httplib::Request& r) { return flows(d, r); });
  get(server, "/api/runs/([^/]+)/effect",
      [&d](const httplib::Request& r) { return national_effect_reply(d, r); });
  get(server, "/api/runs/([^/]+)/effect/states",
      [&d](const httplib::Request& r) { return effects(d, r, EffectLevel::kStates); });
  get(server, "/api/runs/([^/]+)/effect/counties",
      [&d](const httplib::Request& r) { return effects(d, r, EffectLevel::kCounties); });
  get(server, "/api/runs/([^/]+)/effect/majors",
      [&d](const httplib::Request& r) { return effects(d, r, EffectLevel::kMajors); });
  get(server, "/api/compare", [&d](const httplib::Request& r) { return compare(d, r); });
}

}  // namespace floe::serve
