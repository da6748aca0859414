// Counter-based random numbers (Philox4x32-10, Salmon et al. 2011, via Random123).
//
// There is no generator state to share or advance: a random number is a pure function of
//   (seed, stream, subject, step)
// where `stream` names what the number is for (a wage draw, a tenure draw, a displacement
// event ...), `subject` is the agent id or cell index it is about, and `step` the month. Any
// thread may draw any number in any order and get the same value, so results are identical for
// any number of threads (and, later, MPI ranks).
#pragma once

#include <Random123/philox.h>

#include <cstdint>

namespace floe {

// What a random number is for. Values are part of the output's definition: never renumber.
enum class Stream : std::uint32_t {
  kWage = 1,
  kTenure = 2,
  // Which half of the occupations validation fits on (validation.h), and the bootstrap
  // resamples of that half (docs/method.md §11).
  kValidationSplit = 3,
  kValidationBootstrap = 4,
  kSimulation = 100,      // the simulation's streams start here
  kTalent = 200,          // the talent segment's streams start here
  kGeographyCheck = 300,  // permutations of `floe validate geography`
};

class Random {
 public:
  explicit Random(std::uint64_t seed)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}} {}

  // Four independent 32-bit words for (stream, subject, step). Always inlined: the simulation's
  // hot loops call it tens of millions of times a month, and with unity sources GCC's unit-growth
  // limit left it out of line in them.
  [[gnu::always_inline]] r123::Philox4x32::ctr_type words(Stream stream, std::uint64_t subject,
                                                          std::uint32_t step = 0) const {
    const r123::Philox4x32::ctr_type counter = {{static_cast<std::uint32_t>(subject),
                                                 static_cast<std::uint32_t>(subject >> 32),
                                                 static_cast<std::uint32_t>(stream), step}};
    return r123::Philox4x32()(counter, key_);
  }

  // A uniform double in (0, 1) with 53 random bits; `which` (0 or 1) picks one of the two
  // independent values a counter yields.
  double uniform(Stream stream, std::uint64_t subject, std::uint32_t step = 0,
                 int which = 0) const {
    const auto w = words(stream, subject, step);
    return to_uniform(w[2 * which], w[2 * which + 1]);
  }

  // Two random words as a uniform double in (0, 1) with 53 random bits.
  static double to_uniform(std::uint32_t high, std::uint32_t low) {
    const std::uint64_t bits = (static_cast<std::uint64_t>(high) << 21) ^ (low >> 11);
    return (static_cast<double>(bits & ((1ull << 53) - 1)) + 0.5) * 0x1.0p-53;
  }

 private:
  r123::Philox4x32::key_type key_;
};

}  // namespace floe
