// Names of NAICS sectors (sectors.cc).
#pragma once

#include <string>
#include <string_view>

namespace floe {

// The scenario key of a sector by its OEWS code: "31" -> "manufacturing"; "naics_<code>" for a
// code floe does not know.
std::string sector_key(std::string_view naics);
// The NAICS code range a sector covers: "31" -> "31-33", "51" -> "51".
std::string sector_code_range(std::string_view naics);

}  // namespace floe
