// Test support: the hand-made tiny world (testdata/tiny/README.md: 3 occupations, 5 tasks,
// 2 states), loaded once per test program. FLOE_TINY_DATA_DIR is defined for test targets.
#pragma once

#include "floe/dataset.h"

namespace floe {

inline const Dataset& tiny() {
  static const Dataset ds = load_dataset({.data_dir = FLOE_TINY_DATA_DIR});
  return ds;
}

// An occupation of the tiny world by its SOC code (one it has).
inline OccupationId occ(const char* soc) { return *tiny().taxonomy.find_occupation(soc); }

}  // namespace floe
