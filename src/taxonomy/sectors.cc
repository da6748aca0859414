// Names of the NAICS sectors: the key scenarios use, the code ranges people write, and hints for
// the old occupation-cluster names (docs/data.md, "Sectors").
#include <algorithm>
#include <array>

#include "floe/taxonomy.h"
#include "taxonomy/sectors.h"

namespace floe {
namespace {

struct SectorName {
  std::string_view naics, key, range;
};

// OEWS writes a sector by its first code: 31 is manufacturing (31-33), 44 retail (44-45), 48
// transportation and warehousing (48-49), 99 its own designation for government.
constexpr std::array<SectorName, 20> kNames = {{
    {"11", "agriculture", "11"},
    {"21", "mining", "21"},
    {"22", "utilities", "22"},
    {"23", "construction", "23"},
    {"31", "manufacturing", "31-33"},
    {"42", "wholesale_trade", "42"},
    {"44", "retail_trade", "44-45"},
    {"48", "transportation", "48-49"},
    {"51", "information", "51"},
    {"52", "finance", "52"},
    {"53", "real_estate", "53"},
    {"54", "professional_services", "54"},
    {"55", "management_of_companies", "55"},
    {"56", "administrative_services", "56"},
    {"61", "education", "61"},
    {"62", "health_care", "62"},
    {"71", "arts_and_recreation", "71"},
    {"72", "accommodation_and_food", "72"},
    {"81", "other_services", "81"},
    {"99", "government", "99"},
}};

const SectorName* name_of(std::string_view naics) {
  for (const auto& n : kNames) {
    if (n.naics == naics) return &n;
  }
  return nullptr;
}

// The 23 occupation clusters of the derived state margins and the sectors that employ most of
// their occupations.
struct ClusterHint {
  std::string_view cluster;
  std::array<std::string_view, 2> naics;
};
constexpr std::array<ClusterHint, 23> kHints = {{
    {"ADMINISTRATIVE_SUPPORT_WASTE_SERVICES", {"56", ""}},
    {"AGRICULTURE_FORESTRY_FISHING_HUNTING", {"11", ""}},
    {"ARCHITECTURAL_ENGINEERING_SERVICES", {"54", ""}},
    {"CONSTRUCTION", {"23", ""}},
    {"EDUCATIONAL_SERVICES", {"61", ""}},
    {"ENERGY", {"22", "21"}},
    {"FINANCE_AND_INSURANCE", {"52", ""}},
    {"GOVERNMENT", {"99", ""}},
    {"HEALTHCARE", {"62", ""}},
    {"LEGAL_SERVICES", {"54", ""}},
    {"MANAGEMENT", {"55", ""}},
    {"MANAGEMENT_CONSULTING_SERVICES", {"54", ""}},
    {"MANUFACTURING", {"31", ""}},
    {"MEDIA_AND_COMMUNICATIONS_SERVICES", {"51", ""}},
    {"MINING_OIL_GAS_EXTRACTION", {"21", ""}},
    {"PACKAGING_AND_GOODS_TRANSPORTATION", {"48", ""}},
    {"PASSENGER_TRANSPORTATION", {"48", ""}},
    {"REAL_ESTATE_RENTAL_LEASING", {"53", ""}},
    {"RETAIL_TRADE", {"44", ""}},
    {"SCIENTIFIC_RESEARCH_AND_DEVELOPMENT", {"54", ""}},
    {"SPECIAL_INDUSTRIES", {"81", ""}},
    {"TECHNOLOGY_AND_SOFTWARE_DEVELOPMENT", {"51", "54"}},
    {"TRAVEL_AND_ENTERTAINMENT_SERVICES", {"72", "71"}},
}};

}  // namespace

std::string sector_key(std::string_view naics) {
  if (const SectorName* n = name_of(naics)) return std::string(n->key);
  return "naics_" + std::string(naics);
}

std::string sector_code_range(std::string_view naics) {
  if (const SectorName* n = name_of(naics)) return std::string(n->range);
  return std::string(naics);
}

std::optional<SectorId> Taxonomy::find_sector(std::string_view name) const {
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    const Sector& s = sectors[i];
    if (name == s.key || name == s.naics || name == s.title || name == sector_code_range(s.naics)) {
      return SectorId(i);
    }
  }
  return std::nullopt;
}

std::string sector_hint_for_cluster(std::string_view name) {
  const auto it = std::find_if(kHints.begin(), kHints.end(),
                               [&](const ClusterHint& h) { return h.cluster == name; });
  if (it == kHints.end()) return "";
  std::string out;
  for (std::string_view naics : it->naics) {
    if (naics.empty()) continue;
    if (!out.empty()) out += " or ";
    out += sector_key(naics) + " (NAICS " + sector_code_range(naics) + ")";
  }
  return out;
}

}  // namespace floe
