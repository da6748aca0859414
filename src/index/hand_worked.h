// Test support: the index options under which the tiny world's figures are worked by hand
// (human labels, E2 = 0: docs/method.md §9), not the default.
#pragma once

#include "floe/index.h"

namespace floe {

inline IndexOptions by_hand() {
  IndexOptions o;
  o.technical = {Labeler::kHuman, 0.0};
  return o;
}

}  // namespace floe
