// The fixed split of occupations into a fit half and a held-out half (include/floe/validation.h).
#include <cctype>

#include "floe/error.h"
#include "floe/random.h"
#include "floe/validation.h"

namespace floe {

Half occupation_half(std::string_view soc) {
  const bool well_formed = soc.size() == 7 && soc[2] == '-' && [&] {
    for (std::size_t i : {0, 1, 3, 4, 5, 6}) {
      if (!std::isdigit(static_cast<unsigned char>(soc[i]))) return false;
    }
    return true;
  }();
  if (!well_formed) {
    throw Error("validation split: '" + std::string(soc) + "' is not a SOC code like 15-1252");
  }
  std::uint64_t digits = 0;
  for (char c : soc) {
    if (c != '-') digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
  }
  // Seed 0: the split is part of the method's definition, not of a run (docs/method.md §11).
  return Random(0).uniform(Stream::kValidationSplit, digits) < 0.5 ? Half::kFit : Half::kHeldOut;
}

std::vector<Half> occupation_halves(const Taxonomy& t) {
  std::vector<Half> halves;
  halves.reserve(t.occupations.size());
  for (const Occupation& o : t.occupations) halves.push_back(occupation_half(o.soc_code));
  return halves;
}

const char* to_string(Half half) { return half == Half::kFit ? "fit" : "held-out"; }

}  // namespace floe
