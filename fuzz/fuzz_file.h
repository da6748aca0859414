// For fuzz targets whose reader takes a path (snapshots, run files): the input written to a
// file of the fuzzing process's own, replaced on every input and removed at exit.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace floe::fuzz {

inline std::filesystem::path input_file(const std::uint8_t* bytes, std::size_t size,
                                        const char* suffix) {
  static const std::filesystem::path path = [suffix] {
    auto p = std::filesystem::temp_directory_path() /
             ("floe-fuzz-" + std::to_string(::getpid()) + suffix);
    static std::string remove_at_exit = p.string();
    std::atexit([] { std::remove(remove_at_exit.c_str()); });
    return p;
  }();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size > 0 && std::fwrite(bytes, 1, size, f) != size) std::abort();
  std::fclose(f);
  return path;
}

}  // namespace floe::fuzz
