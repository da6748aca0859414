// Serving the dashboard's files from the web folder, and nothing outside it (private to
// src/serve).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace floe::serve {

struct StaticFile {
  int status = 404;            // 200, 400 (a ".." segment, a NUL or backslash) or 404
  std::filesystem::path path;  // the file, when 200
};

// The file a (percent-decoded) request path names under `root`: "/" and paths ending in "/"
// name index.html. A path with a ".." segment is refused (400) before the file system is asked;
// names starting with '.' are not served; a path that resolves, through symlinks, to a place
// outside `root`, or to no regular file, is 404.
StaticFile resolve_static(const std::filesystem::path& root, std::string_view request_path);

// The Content-Type for a file name's extension.
std::string content_type(const std::filesystem::path& file);

}  // namespace floe::serve
