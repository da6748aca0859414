// The HTTP layer of the dashboard server (private to src/serve): what a handler answers, the
// errors it may throw, checked query parameters, and registering a GET route so that every
// error becomes a JSON answer with the right status.
#pragma once

#include <httplib.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "floe/error.h"

namespace floe::serve {

// A response body with its type. `filename` (optional) makes it a download.
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::string filename;
};

// A bad request: answered 400 with {"error": what(), "parameter": parameter}. Both are stored
// as one bounded line (floe::one_line), so a NUL or a newline from the request cannot cut or
// split the answer.
class BadRequest : public std::runtime_error {
 public:
  BadRequest(const std::string& parameter, const std::string& message)
      : std::runtime_error(one_line(message)), parameter_(one_line(parameter, kMaxQuoted)) {}
  const std::string& parameter() const { return parameter_; }

 private:
  std::string parameter_;
};

// Nothing at this address: answered 404 with {"error": what()}, stored as BadRequest's.
class NotFound : public std::runtime_error {
 public:
  explicit NotFound(const std::string& message) : std::runtime_error(one_line(message)) {}
};

// A request refused for the server's state rather than its content (the sandbox is off: 403;
// it runs enough already: 429): answered with `status` and {"error": what()}.
class Refused : public std::runtime_error {
 public:
  Refused(int status, const std::string& message)
      : std::runtime_error(one_line(message)), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// The query parameters of a request, checked against the names an endpoint accepts: an unknown
// or repeated name is a BadRequest. Every accessor names the parameter in its error.
class Params {
 public:
  Params(const httplib::Request& request, std::vector<std::string_view> accepted);

  std::optional<std::string> text(const std::string& name) const;
  // One of `choices`; `fallback` when absent.
  std::string choice(const std::string& name, const std::vector<std::string>& choices,
                     const std::string& fallback) const;
  // A whole number in [lo, hi]; `fallback` when absent.
  long integer(const std::string& name, long lo, long hi, long fallback) const;
  std::optional<long> integer(const std::string& name, long lo, long hi) const;
  // A finite number in [lo, hi]; nullopt when absent. Every number a route takes has bounds
  // (docs/security.md §4): nothing outside them reaches a computation.
  std::optional<double> number(const std::string& name, double lo, double hi) const;

 private:
  const httplib::Request& request_;
};

using Handler = std::function<Reply(const httplib::Request&)>;

// Registers `handler` for GET (and HEAD) requests whose path matches `pattern` (a regex over
// the whole path). Exceptions become answers: BadRequest 400, NotFound 404, anything else 500,
// each as a JSON error.
void get(httplib::Server& server, const std::string& pattern, Handler handler);

// Registers `handler` for POST requests whose path matches `pattern`, as get() does. The body
// must be JSON (Content-Type application/json: a cross-site form cannot send that without the
// browser asking first, which the server never allows; docs/security.md §6), else 415; and a
// request with an Origin header must come from the dashboard's own origin, else 403.
void post(httplib::Server& server, const std::string& pattern, Handler handler);

// {"error": message} (and "parameter" when not empty), compact.
std::string error_json(std::string_view message, std::string_view parameter = {});

// Writes a Reply into an httplib response, with the headers every answer carries.
void send(const Reply& reply, httplib::Response& response);

}  // namespace floe::serve
