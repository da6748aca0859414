#include "serve/http.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace floe::serve {
namespace {

std::string list(const std::vector<std::string_view>& names) {
  return names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

Params::Params(const httplib::Request& request, std::vector<std::string_view> accepted)
    : request_(request) {
  for (const auto& [name, value] : request.params) {
    bool known = false;
    for (std::string_view a : accepted) known = known || a == name;
    if (!known) {
      throw BadRequest(name, fmt::format("unknown parameter {} (this endpoint accepts: {})",
                                         quote(name), list(accepted)));
    }
    if (request.get_param_value_count(name) > 1) {
      throw BadRequest(name, fmt::format("parameter {} is given more than once", quote(name)));
    }
  }
}

std::optional<std::string> Params::text(const std::string& name) const {
  if (!request_.has_param(name)) return std::nullopt;
  return request_.get_param_value(name);
}

std::string Params::choice(const std::string& name, const std::vector<std::string>& choices,
                           const std::string& fallback) const {
  const auto value = text(name);
  if (!value) return fallback;
  for (const auto& c : choices) {
    if (*value == c) return c;
  }
  throw BadRequest(name, fmt::format("parameter '{}': {} is not one of {}", name, quote(*value),
                                     fmt::join(choices, ", ")));
}

std::optional<long> Params::integer(const std::string& name, long lo, long hi) const {
  const auto value = text(name);
  if (!value) return std::nullopt;
  long v = 0;
  const char* end = value->data() + value->size();
  const auto [ptr, ec] = std::from_chars(value->data(), end, v);
  if (value->empty() || ec != std::errc() || ptr != end) {
    throw BadRequest(name,
                     fmt::format("parameter '{}': {} is not a whole number", name, quote(*value)));
  }
  if (v < lo || v > hi) {
    throw BadRequest(name, fmt::format("parameter '{}': {} is outside {}..{}", name, v, lo, hi));
  }
  return v;
}

long Params::integer(const std::string& name, long lo, long hi, long fallback) const {
  return integer(name, lo, hi).value_or(fallback);
}

std::optional<double> Params::number(const std::string& name, double lo, double hi) const {
  const auto value = text(name);
  if (!value) return std::nullopt;
  double v = 0;
  const char* end = value->data() + value->size();
  const auto [ptr, ec] = std::from_chars(value->data(), end, v);
  if (value->empty() || ec != std::errc() || ptr != end || !std::isfinite(v)) {
    throw BadRequest(name,
                     fmt::format("parameter '{}': {} is not a finite number", name, quote(*value)));
  }
  if (v < lo || v > hi) {
    throw BadRequest(
        name, fmt::format("parameter '{}': {} is outside {}..{}", name, quote(*value), lo, hi));
  }
  return v;
}

std::string error_json(std::string_view message, std::string_view parameter) {
  nlohmann::ordered_json j;
  j["error"] = one_line(message);
  if (!parameter.empty()) j["parameter"] = one_line(parameter, kMaxQuoted);
  // Replace invalid UTF-8 (a parameter name echoed from a request) instead of throwing.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send(const Reply& reply, httplib::Response& response) {
  response.status = reply.status;
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("Cache-Control", "no-cache");
  if (!reply.filename.empty()) {
    response.set_header("Content-Disposition",
                        fmt::format("attachment; filename=\"{}\"", reply.filename));
  }
  response.set_content(reply.body, reply.content_type);
}

namespace {

// The handler's reply, with every error as a JSON answer.
Reply answer(const Handler& handler, const httplib::Request& request) {
  try {
    return handler(request);
  } catch (const BadRequest& e) {
    return {400, error_json(e.what(), e.parameter())};
  } catch (const NotFound& e) {
    return {404, error_json(e.what())};
  } catch (const Refused& e) {
    return {e.status(), error_json(e.what())};
  } catch (const std::exception& e) {
    return {500, error_json(std::string("internal error: ") + e.what())};
  }
}

}  // namespace

void get(httplib::Server& server, const std::string& pattern, Handler handler) {
  server.Get(pattern, [handler = std::move(handler)](const httplib::Request& request,
                                                     httplib::Response& response) {
    send(answer(handler, request), response);
  });
}

void post(httplib::Server& server, const std::string& pattern, Handler handler) {
  server.Post(pattern, [handler = std::move(handler)](const httplib::Request& request,
                                                      httplib::Response& response) {
    const std::string type = request.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0) {
      send({415, error_json("send the body as JSON (Content-Type: application/json)")}, response);
      return;
    }
    // A browser names the page that sent a request: only the dashboard's own pages may.
    const std::string origin = request.get_header_value("Origin");
    if (!origin.empty() && origin != "http://" + request.get_header_value("Host")) {
      send({403, error_json("origin " + quote(origin) +
                            " may not start runs here: only the "
                            "dashboard's own page may")},
           response);
      return;
    }
    send(answer(handler, request), response);
  });
}

}  // namespace floe::serve
