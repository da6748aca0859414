// The occupation endpoints: the list, and one occupation's page (floe explain's tables: its
// profile, its tasks with AI capability and work activities, its exposure under every option,
// and where its workers could move), with job openings added.
#include <sstream>

#include "floe/error.h"
#include "index/table_set.h"
#include "serve/json.h"
#include "serve/openings.h"
#include "serve/routes.h"
#include "serve/table_reply.h"

namespace floe::serve {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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
  if (const auto q = params.text("q")) {
    const std::string needle = lower(*q);
    std::erase_if(t.rows, [&](const auto& row) {
      return lower(std::get<std::string>(row[1])).find(needle) == std::string::npos &&
             std::get<std::string>(row[0]).find(needle) == std::string::npos;
    });
  }
  if (const auto min = params.number("min_employment")) {
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

// The page's tables, by name, openings added to the profile.
detail::NamedTables page_tables(const Dashboard& d, OccupationId o) {
  const auto e = d.explanation(o);
  return {{"profile", with_openings(d.dataset(), e->profile)},
          {"tasks", e->tasks},
          {"exposure", e->exposure},
          {"moves", e->moves}};  // career moves carry their openings
}

Reply occupation_page(const Dashboard& d, const httplib::Request& request) {
  const Params params(request, {"format"});
  const std::string format = params.choice("format", {"json", "csv"}, "json");
  const OccupationId o = find(d, request.matches[1].str());
  const detail::NamedTables tables = page_tables(d, o);
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
  const Params params(request, table_params());
  const OccupationId o = find(d, request.matches[1].str());
  const std::string which = request.matches[2].str();
  for (auto& [name, table] : page_tables(d, o)) {
    if (name == which) {
      return table_reply(std::move(table), params,
                         "occupation-" + d.dataset().taxonomy[o].soc_code + "-" + name);
    }
  }
  throw NotFound("no table '" + which + "' (profile, tasks, exposure or moves)");
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
