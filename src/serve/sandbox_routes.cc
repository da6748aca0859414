// The sandbox's endpoints (src/serve/sandbox.h): its settings and runs, a shipped scenario's
// keys, starting and stopping a run, and a run's scenario as TOML.
#include "serve/routes.h"
#include "serve/sandbox.h"

namespace floe::serve {
namespace {

Reply json_reply(const Json& j, int status = 200) { return {status, dump(j)}; }

}  // namespace

void add_sandbox_routes(httplib::Server& server, Sandbox& sandbox) {
  get(server, "/api/sandbox", [&sandbox](const httplib::Request& r) {
    const Params params(r, {});
    return json_reply(sandbox.info());
  });
  get(server, "/api/sandbox/scenarios/([^/]+)", [&sandbox](const httplib::Request& r) {
    const Params params(r, {});
    return json_reply(sandbox.scenario(r.matches[1].str()));
  });
  get(server, "/api/sandbox/jobs/([^/]+)", [&sandbox](const httplib::Request& r) {
    const Params params(r, {});
    return json_reply(sandbox.job(r.matches[1].str()));
  });
  get(server, "/api/sandbox/jobs/([^/]+)/scenario.toml", [&sandbox](const httplib::Request& r) {
    const Params params(r, {});
    const std::string id = r.matches[1].str();
    return Reply{200, sandbox.toml(id), "application/toml; charset=utf-8", id + ".toml"};
  });
  post(server, "/api/sandbox/runs", [&sandbox](const httplib::Request& r) {
    const Params params(r, {});
    return json_reply(sandbox.start(r.body), 202);
  });
  post(server, "/api/sandbox/jobs/([^/]+)/cancel", [&sandbox](const httplib::Request& r) {
    const Params params(r, {});
    return json_reply(sandbox.cancel(r.matches[1].str()));
  });
}

}  // namespace floe::serve
