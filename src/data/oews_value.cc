#include "data/oews_value.h"

namespace floe::data {

const char* to_string(OewsFlag flag) {
  switch (flag) {
    case OewsFlag::kValue:
      return "value";
    case OewsFlag::kMissing:
      return "missing";
    case OewsFlag::kNotReleased:
      return "not released";
    case OewsFlag::kTopCoded:
      return "top-coded";
    case OewsFlag::kUnderHalfPercent:
      return "under 0.5%";
  }
  return "?";
}

}  // namespace floe::data
