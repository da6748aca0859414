#include "serve/router.h"

#include "floe/error.h"
#include "serve/http.h"
#include "serve/routes.h"

namespace floe::serve {
namespace {

// A JSON body for the errors cpp-httplib answers itself (a malformed request, a URI too long).
httplib::Server::HandlerResponse error_body(const httplib::Request&, httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  const char* message = res.status == 400   ? "bad request"
                        : res.status == 404 ? "not found"
                        : res.status == 413 ? "request too large"
                        : res.status == 414 ? "request URI too long"
                                            : "the request could not be served";
  send({res.status, error_json(message)}, res);
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

Router::Router(const Dashboard& dashboard, const ServeOptions& options,
               const std::filesystem::path& web_dir, Sandbox* sandbox)
    : hosts_(options.host, options.allow_hosts) {
  // What cpp-httplib writes in Keep-Alive headers; the Transport enforces them.
  set_keep_alive_max_count(1000);
  set_keep_alive_timeout(std::max<time_t>(options.idle_timeout.count() / 1000, 1));
  set_payload_max_length(64 * 1024);  // only the sandbox's requests carry (small) bodies
  set_error_handler(HandlerWithResponse(error_body));
  set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    const std::string host = request.get_header_value("Host");
    if (hosts_.allows(host)) return HandlerResponse::Unhandled;
    const std::string message =
        host.empty() ? "no Host header"
                     : "host " + quote(host) + " is not served here: floe serve answers " +
                           hosts_.list() + " (add a name with --allow-host)";
    send({host.empty() ? 400 : 403, error_json(message)}, response);
    return HandlerResponse::Handled;
  });
  add_index_routes(*this, dashboard);
  add_occupation_routes(*this, dashboard);
  add_map_routes(*this, dashboard);
  add_run_routes(*this, dashboard);
  add_talent_routes(*this, dashboard);
  if (sandbox) add_sandbox_routes(*this, *sandbox);
  add_fallback_routes(*this, web_dir);
}

bool Router::process(httplib::Stream& stream, bool last, bool& closed) {
  return process_request(stream, last, closed, nullptr);
}

}  // namespace floe::serve
