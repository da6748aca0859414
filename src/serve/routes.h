// The dashboard's routes, one function per resource (private to src/serve). src/serve/README.md
// lists every endpoint and its parameters.
#pragma once

#include <httplib.h>

#include <filesystem>

#include "serve/dashboard.h"
#include "serve/http.h"

namespace floe::serve {

// /api/meta, /api/nation, /api/states..., /api/counties, /api/majors, /api/industries,
// /api/scale
void add_index_routes(httplib::Server& server, const Dashboard& dashboard);
// /api/occupations, /api/occupations/{code}[/{table}]
void add_occupation_routes(httplib::Server& server, const Dashboard& dashboard);
// /api/map/states, /api/map/counties
void add_map_routes(httplib::Server& server, const Dashboard& dashboard);
// /api/runs..., /api/compare
void add_run_routes(httplib::Server& server, const Dashboard& dashboard);
// /api/runs/{run}/talent..., /api/compare/talent
void add_talent_routes(httplib::Server& server, const Dashboard& dashboard);
// /api/sandbox... (GET, and POST to start and stop runs)
class Sandbox;
void add_sandbox_routes(httplib::Server& server, Sandbox& sandbox);
// Any other /api path: 404 in JSON; other methods than GET and HEAD: 405; everything else: a
// file under `web_dir`.
void add_fallback_routes(httplib::Server& server, const std::filesystem::path& web_dir);

}  // namespace floe::serve
