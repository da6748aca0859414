// libFuzzer target for the run-file reader (floe::SimulationRun): a results file of any bytes
// must open and answer every query, or raise floe::Error; never crash or read out of bounds.
#include <cstddef>
#include <cstdint>

#include "floe/error.h"
#include "floe/runs.h"
#include "fuzz_file.h"

namespace {

template <typename Query>
void answer(Query query) {
  try {
    query();
  } catch (const floe::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const auto path = floe::fuzz::input_file(bytes, size, ".db");
  try {
    const floe::SimulationRun run(path);
    const int last = run.info().months;
    for (int month : {0, last, last + 1, -1}) answer([&] { (void)run.states(month); });
    for (int month : run.info().county_months) answer([&] { (void)run.counties(month); });
    answer([&] { (void)run.flows(0, last); });
    answer([&] { (void)run.talent(); });
  } catch (const floe::Error&) {
  }
  return 0;
}
