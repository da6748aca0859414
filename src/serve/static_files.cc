#include "serve/static_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "serve/http.h"
#include "serve/routes.h"

namespace floe::serve {

StaticFile resolve_static(const std::filesystem::path& root, std::string_view path) {
  namespace fs = std::filesystem;
  if (path.empty() || path.front() != '/' || path.find('\0') != std::string_view::npos ||
      path.find('\\') != std::string_view::npos) {
    return {400, {}};
  }
  fs::path relative;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, end - start);
    if (segment == "..") return {400, {}};
    if (!segment.empty() && segment.front() == '.') return {404, {}};
    if (!segment.empty()) relative /= fs::path(std::string(segment));
    start = end + 1;
  }
  if (relative.empty() || path.back() == '/') relative /= "index.html";
  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return {404, {}};
  const fs::path file = fs::canonical(base / relative, ec);  // symlinks resolved
  if (ec) return {404, {}};
  const auto [in_base, in_file] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  if (in_base != base.end() || !fs::is_regular_file(file, ec)) return {404, {}};
  return {200, file};
}

std::string content_type(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".txt" || ext == ".md") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

namespace {

// The dashboard loads only its own files: no inline scripts, nothing from other origins.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

Reply static_file(const std::filesystem::path& root, const httplib::Request& request) {
  const StaticFile f = resolve_static(root, request.path);
  if (f.status == 400) throw BadRequest("", "bad path: '..', NUL and '\\' are not allowed");
  if (f.status != 200) throw NotFound("not found: " + request.path.substr(0, 200));
  std::ifstream in(f.path, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  if (!in) throw NotFound("not found: " + request.path.substr(0, 200));
  return {200, body.str(), content_type(f.path)};
}

void method_not_allowed(const httplib::Request&, httplib::Response& response) {
  send({405, error_json("only GET and HEAD are served: the dashboard never changes anything")},
       response);
  response.set_header("Allow", "GET, HEAD");
}

}  // namespace

void add_fallback_routes(httplib::Server& server, const std::filesystem::path& web_dir) {
  get(server, "/api(/.*)?", [](const httplib::Request& request) -> Reply {
    throw NotFound("no endpoint " + request.path.substr(0, 200) +
                   " (src/serve/README.md lists them)");
  });
  server.Get(".*", [root = web_dir](const httplib::Request& request, httplib::Response& response) {
    Reply reply;
    try {
      reply = static_file(root, request);
    } catch (const BadRequest& e) {
      reply = {400, error_json(e.what())};
    } catch (const NotFound& e) {
      reply = {404, error_json(e.what())};
    }
    send(reply, response);
    response.set_header("Content-Security-Policy", kContentSecurityPolicy);
  });
  server.Post(".*", method_not_allowed);
  server.Put(".*", method_not_allowed);
  server.Patch(".*", method_not_allowed);
  server.Delete(".*", method_not_allowed);
  server.Options(".*", method_not_allowed);
}

}  // namespace floe::serve
