// The install layout (include/floe/install.h): <prefix>/share/floe/<what>, found by walking up
// from the binary that contains this code.
#include "floe/install.h"

#include <dlfcn.h>

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

#ifndef FLOE_SOURCE_DIR
#define FLOE_SOURCE_DIR "."
#endif

namespace floe {
namespace {

// The files this code is in: the program (/proc/self/exe) and, when floe is a Python module or
// another shared object, that object.
std::vector<std::filesystem::path> our_binaries() {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) out.push_back(exe);
  Dl_info info;
  if (dladdr(reinterpret_cast<const void*>(&shipped_dir), &info) && info.dli_fname) {
    const auto object = std::filesystem::weakly_canonical(info.dli_fname, ec);
    if (!ec) out.push_back(object);
  }
  return out;
}

}  // namespace

std::filesystem::path shipped_dir(std::string_view what) {
  const std::string name(what);
  std::string variable = "FLOE_";
  for (char c : name) variable += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (const char* env = std::getenv(variable.c_str()); env && *env) return env;
  // <prefix>/bin/floe, or <prefix>/lib/python3/dist-packages/floe/_floe*.so: a few levels up.
  std::error_code ec;
  for (const auto& binary : our_binaries()) {
    std::filesystem::path dir = binary.parent_path();
    for (int up = 0; up < 6 && !dir.empty(); ++up, dir = dir.parent_path()) {
      const auto candidate = dir / "share" / "floe" / name;
      if (std::filesystem::is_directory(candidate, ec)) return candidate;
      if (dir == dir.root_path()) break;
    }
  }
  return std::filesystem::path(FLOE_SOURCE_DIR) / name;
}

std::filesystem::path find_scenario(const std::filesystem::path& given) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(given, ec)) return given;
  if (!given.has_parent_path()) {
    std::filesystem::path shipped = shipped_dir("scenarios") / given;
    if (shipped.extension() != ".toml") shipped += ".toml";
    if (std::filesystem::is_regular_file(shipped, ec)) return shipped;
  }
  return given;
}

}  // namespace floe
