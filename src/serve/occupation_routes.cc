// The occupation endpoints: the list, and one occupation's page (floe explain's tables: its
// profile, its tasks with AI capability and work activities, its exposure under every option,
// and where its workers could move), with job openings added.
#include <optional>
#include <sstream>

#include "floe/error.h"
#include "index/table_set.h"
#include "serve/json.h"
#include "serve/openings.h"
#include "serve/routes.h"
#include "serve/state_tables.h"
#include "serve/table_reply.h"

namespace floe::serve {
namespace {

Reply occupation_list(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"major", "q", "min_employment"}));
  const Dataset& ds = d.dataset();
  Table t = with_openings(ds, d.table(Breakdown::kOccupation));
  if (const auto major = params.text("major")) {
    const auto id = ds.taxonomy.find_major_group(*major);
    if (!id) {
      throw BadRequest("major", "parameter 'major': no SOC major group '" + major->substr(0, 40) +
                                    "' (e.g. 15-0000)");
    }
    std::erase_if(t.rows, [&](const auto& row) {
      const auto o = ds.taxonomy.find_occupation(std::get<std::string>(row[0]));
      return !o || ds.taxonomy[*o].major != *id;
    });
  }
  if (const auto q = params.text("q")) keep_matching_occupations(t, *q);
  if (const auto min = params.number("min_employment", 0, 1e9)) {
    const std::size_t col = t.column("employment");
    std::erase_if(t.rows, [&](const auto& row) {
      const auto* v = std::get_if<double>(&row[col]);
      return !v || !(*v >= *min);
    });
  }
  return table_reply(std::move(t), params, "occupations");
}

OccupationId find(const Dashboard& d, const std::string& code) {
  try {
    return find_occupation_query(d.dataset(), code).occupation;
  } catch (const Error& e) {
    throw NotFound(e.what());
  }
}

// The occupation in one state: its row of the state's occupation table (the table the dashboard
// lists a state's occupations from, so both show one number), none when it has no workers there.
Table in_state(const Dashboard& d, OccupationId o, StateId s) {
  Table t = state_occupations(d.dataset(), d.cells(), d.index(), s);
  const std::string& soc = d.dataset().taxonomy[o].soc_code;
  std::erase_if(t.rows, [&](const auto& row) { return std::get<std::string>(row[0]) != soc; });
  t.title = d.dataset().taxonomy[o].title + " in " + d.dataset().geography[s].name;
  return t;
}

// The page's tables, by name, openings added to the profile (career moves carry theirs); with a
// state, its figures for the occupation as "state".
detail::NamedTables page_tables(const Dashboard& d, OccupationId o, std::optional<StateId> s) {
  const auto e = d.explanation(o);
  detail::NamedTables tables{{"profile", with_openings(d.dataset(), e->profile)},
                             {"tasks", e->tasks},
                             {"exposure", e->exposure},
                             {"moves", e->moves}};  // career moves carry their openings
  if (s) tables.emplace_back("state", in_state(d, o, *s));
  return tables;
}

std::optional<StateId> state_param(const Dashboard& d, const Params& params) {
  const auto state = params.text("state");
  if (!state) return std::nullopt;
  const auto s = d.dataset().geography.find_state(*state);
  if (!s) {
    throw BadRequest("state", "parameter 'state': no state '" + state->substr(0, 40) +
                                  "' (use a FIPS or USPS code)");
  }
  return s;
}

Reply occupation_page(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, {"format", "state"});
  const std::string format = params.choice("format", {"json", "csv"}, "json");
  const OccupationId o = find(d, request.matches[1].str());
  const detail::NamedTables tables = page_tables(d, o, state_param(d, params));
  if (format == "csv") {
    std::ostringstream out;
    detail::write_tables_csv(out, tables);
    return {200, out.str(), "text/csv; charset=utf-8",
            "floe-occupation-" + d.dataset().taxonomy[o].soc_code + ".csv"};
  }
  Json j = Json::object();
  for (const auto& [name, table] : tables) j[name] = table_json(table);
  return {200, dump(j)};
}

Reply occupation_table(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, table_params({"state"}));
  const OccupationId o = find(d, request.matches[1].str());
  const std::string which = request.matches[2].str();
  const auto state = state_param(d, params);
  if (which == "state" && !state) {
    throw BadRequest("state", "parameter 'state' is required for the table 'state'");
  }
  for (auto& [name, table] : page_tables(d, o, state)) {
    if (name == which) {
      return table_reply(std::move(table), params,
                         "occupation-" + d.dataset().taxonomy[o].soc_code + "-" + name);
    }
  }
  throw NotFound("no table '" + which + "' (profile, tasks, exposure, moves or state)");
}

}  // namespace

void add_occupation_routes(httplib::Server& server, const Dashboard& d) {
  get(server, "/api/occupations",
      [&d](const httplib::Request& r) { return occupation_list(d, r); });
  get(server, "/api/occupations/([^/]+)",
      [&d](const httplib::Request& r) { return occupation_page(d, r); });
  get(server, "/api/occupations/([^/]+)/([^/]+)",
      [&d](const httplib::Request& r) { return occupation_table(d, r); });
}

}  // namespace floe::serve
