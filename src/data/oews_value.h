// OEWS estimates with their special values kept as types, never turned into zeros.
//
// BLS writes, in place of a number (OEWS field descriptions, May 2021-2024):
//   *   wage estimate not released;          **  employment estimate not released;
//   #   wage at or above the top code ($115.00/h or $239,200/y from May 2022; $100/$208,000 in
//       May 2021);                            ~   under 0.5% of establishments (percent fields).
#pragma once

#include <cstdint>

namespace floe::data {

enum class OewsFlag : std::uint8_t {
  kValue,             // an estimate
  kMissing,           // empty field
  kNotReleased,       // "*" (wage) or "**" (employment)
  kTopCoded,          // "#": at least the year's top code
  kUnderHalfPercent,  // "~"
};

struct OewsValue {
  double value = 0.0;  // meaningful only when flag == kValue
  OewsFlag flag = OewsFlag::kMissing;

  bool has_value() const { return flag == OewsFlag::kValue; }
};

const char* to_string(OewsFlag flag);

}  // namespace floe::data
