// libFuzzer target for the population snapshot and checkpoint loader (floe::read_snapshot_info,
// floe::load_population with and without a slot layout): any bytes must load, or raise
// floe::Error, without crashing, reading out of bounds or allocating what no header justifies
// (libFuzzer's -malloc_limit_mb catches that).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "floe/error.h"
#include "floe/population.h"
#include "fuzz_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const auto path = floe::fuzz::input_file(bytes, size, ".snapshot");
  try {
    (void)floe::read_snapshot_info(path);
  } catch (const floe::Error&) {
  }
  try {
    (void)floe::load_population(path);
  } catch (const floe::Error&) {
  }
  try {
    std::vector<std::uint64_t> slots;
    (void)floe::load_population(path, {}, &slots);
  } catch (const floe::Error&) {
  }
  return 0;
}
