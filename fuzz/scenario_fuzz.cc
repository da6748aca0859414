// libFuzzer target for the scenario reader (floe::parse_scenario): any text must either give a
// scenario or raise floe::Error naming the file, line and key; never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string>

#include "floe/error.h"
#include "floe/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(bytes), size);
  try {
    (void)floe::parse_scenario(text, "fuzz.toml");
  } catch (const floe::Error&) {
    // A clear error is a correct answer to bad input.
  }
  return 0;
}
