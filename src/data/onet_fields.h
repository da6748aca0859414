// Fields that the O*NET readers (onet.cc) and the exposure labels (exposure.cc, which key on
// O*NET's codes and task IDs) read alike.
#pragma once

#include <cstdint>
#include <string>

#include "data/delimited.h"

namespace floe::data {

// An O*NET-SOC code (like 15-1252.00); fails the record otherwise.
std::string onet_code(const DelimitedReader& r, std::size_t col);
// A task ID: a positive whole number ("8823" or, as pandas writes it, "8823.0").
std::int32_t task_id(const DelimitedReader& r, std::size_t col);

}  // namespace floe::data
