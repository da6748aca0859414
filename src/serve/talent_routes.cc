// The AI-talent endpoints of a run: what its talent segment covers, the indicators by month,
// headcount by employer class, the classes in one month, moves and new PhDs over a period, the
// targets and the parameters; and two runs' moves side by side.
#include <fmt/format.h>

#include "serve/json.h"
#include "serve/routes.h"
#include "serve/table_reply.h"
#include "serve/talent_tables.h"

namespace floe::serve {
namespace {

std::string no_talent(const RunInfo& r) {
  return fmt::format(
      "run '{}' has no AI-talent tables: it was simulated with talent.enabled = false, or by a "
      "floe without the talent model (docs/talent.md)",
      r.id);
}

// The run of the path and its talent segment: 404 when either is missing.
const RunFile& talent_run(const Dashboard& d, const httplib::Request& request) {
  const RunFile& run = d.run(request.matches[1].str());
  if (!run.info().talent) throw NotFound(no_talent(run.info()));
  return run;
}

const TalentInfo& talent_of(const RunFile& run) { return *run.info().talent; }

// A month parameter: YYYY-MM from `first` through `last` (canonical YYYY-MM text compares as
// the months do).
std::optional<std::string> month_param(const Params& params, const std::string& name,
                                       const std::string& first, const std::string& last) {
  const auto value = params.text(name);
  if (!value) return std::nullopt;
  if (!parse_talent_month(*value)) {
    throw BadRequest(name, fmt::format("parameter '{}': '{}' is not a month (YYYY-MM, e.g. {})",
                                       name, value->substr(0, 40), kTalentLaunch));
  }
  if (*value < first || *value > last) {
    throw BadRequest(name, fmt::format("parameter '{}': {} is outside the talent months {}..{}",
                                       name, *value, first, last));
  }
  return value;
}

// from and to (inclusive), each defaulting to the end of [first, last].
DateRange range_params(const Params& params, const std::string& first, const std::string& last) {
  DateRange r{month_param(params, "from", first, last).value_or(first),
              month_param(params, "to", first, last).value_or(last)};
  if (r.from > r.to) {
    throw BadRequest("from", fmt::format("parameter 'from': {} is after 'to' ({})", r.from, r.to));
  }
  return r;
}

std::string file_name(const RunFile& run, std::string_view what, const DateRange& months) {
  return fmt::format("{}-talent-{}-{}-{}", run.info().id, what, months.from, months.to);
}

Reply summary(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, {});
  const RunFile& run = talent_run(d, request);
  Json j;
  j["run"] = run.info().id;
  j["scenario"] = run.info().scenario;
  const Json talent = talent_json(run.info());
  for (const auto& [key, value] : talent.items()) j[key] = value;
  return {200, dump(j)};
}

Reply series_route(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"from", "to"}));
  const RunFile& run = talent_run(d, request);
  const DateRange months =
      range_params(params, talent_of(run).first_date, talent_of(run).last_date);
  return table_reply(talent_series(run, months), params, file_name(run, "series", months));
}

Reply headcount(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"segment", "from", "to"}));
  const RunFile& run = talent_run(d, request);
  std::vector<std::string> segments = {"all"};
  for (const auto& s : talent_of(run).segments) segments.push_back(s);
  const std::string segment = params.choice("segment", segments, "all");
  const DateRange months =
      range_params(params, talent_of(run).first_date, talent_of(run).last_date);
  return table_reply(talent_headcount(run, segment == "all" ? "headcount" : segment, months),
                     params, file_name(run, "headcount-" + segment, months));
}

Reply employers(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"date"}));
  const RunFile& run = talent_run(d, request);
  const TalentInfo& t = talent_of(run);
  const auto date = month_param(params, "date", t.first_date, t.last_date);
  if (!date) {
    throw BadRequest("date", fmt::format("parameter 'date' is required (a month {}..{})",
                                         t.first_date, t.last_date));
  }
  return table_reply(talent_employers(run, *date), params,
                     fmt::format("{}-talent-employers-{}", run.info().id, *date));
}

Reply moves(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"from", "to"}));
  const RunFile& run = talent_run(d, request);
  const DateRange months =
      range_params(params, talent_of(run).first_date, talent_of(run).last_date);
  return table_reply(talent_moves(run, months), params, file_name(run, "moves", months));
}

Reply phd(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"from", "to"}));
  const RunFile& run = talent_run(d, request);
  const DateRange months =
      range_params(params, talent_of(run).first_date, talent_of(run).last_date);
  return table_reply(talent_phd(run, months), params, file_name(run, "phd", months));
}

Reply targets(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params());
  const RunFile& run = talent_run(d, request);
  return table_reply(talent_targets(run), params, run.info().id + "-talent-targets");
}

Reply parameters(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params());
  const RunFile& run = talent_run(d, request);
  return table_reply(talent_parameters(run), params, run.info().id + "-talent-parameters");
}

// A run named by a parameter, with talent tables: 400 naming the parameter otherwise.
const RunFile& talent_run_parameter(const Dashboard& d, const Params& params,
                                    const std::string& name) {
  const auto id = params.text(name);
  if (!id) throw BadRequest(name, "parameter '" + name + "' is required (a run id)");
  try {
    const RunFile& run = d.run(*id);
    if (!run.info().talent) throw NotFound(no_talent(run.info()));
    return run;
  } catch (const NotFound& e) {
    throw BadRequest(name, "parameter '" + name + "': " + e.what());
  }
}

Reply compare_route(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"a", "b", "from", "to"}));
  const RunFile& a = talent_run_parameter(d, params, "a");
  const RunFile& b = talent_run_parameter(d, params, "b");
  // The months both runs have.
  const std::string first = std::max(talent_of(a).first_date, talent_of(b).first_date);
  const std::string last = std::min(talent_of(a).last_date, talent_of(b).last_date);
  if (first > last) {
    throw BadRequest("b", fmt::format("parameter 'b': runs '{}' and '{}' share no talent months",
                                      a.info().id, b.info().id));
  }
  const DateRange months = range_params(params, first, last);
  return table_reply(
      compare_talent(a, b, months), params,
      fmt::format("compare-talent-{}-{}-{}-{}", b.info().id, a.info().id, months.from, months.to));
}

}  // namespace

void add_talent_routes(httplib::Server& server, const Dashboard& d) {
  const auto route = [&](const std::string& pattern,
                         Reply (*answer)(const Dashboard&, const httplib::Request&)) {
    get(server, pattern, [&d, answer](const httplib::Request& r) { return answer(d, r); });
  };
  route("/api/runs/([^/]+)/talent", summary);
  route("/api/runs/([^/]+)/talent/series", series_route);
  route("/api/runs/([^/]+)/talent/headcount", headcount);
  route("/api/runs/([^/]+)/talent/employers", employers);
  route("/api/runs/([^/]+)/talent/moves", moves);
  route("/api/runs/([^/]+)/talent/phd", phd);
  route("/api/runs/([^/]+)/talent/targets", targets);
  route("/api/runs/([^/]+)/talent/parameters", parameters);
  route("/api/compare/talent", compare_route);
}

}  // namespace floe::serve
