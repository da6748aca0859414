// Industry names for people. The state margins name their industry groups in capitals with
// underscores ("FINANCE_AND_INSURANCE"); every table, page and terminal line shows the title
// made here, so that a change of industry classification changes one function.
#include <array>
#include <cctype>
#include <string_view>
#include <utility>

#include "floe/taxonomy.h"

namespace floe {
namespace {

// Names whose words are a list: the rule below would drop their commas and "and".
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kListed = {{
    {"ADMINISTRATIVE_SUPPORT_WASTE_SERVICES", "Administrative, support and waste services"},
    {"AGRICULTURE_FORESTRY_FISHING_HUNTING", "Agriculture, forestry, fishing and hunting"},
    {"ARCHITECTURAL_ENGINEERING_SERVICES", "Architectural and engineering services"},
    {"MINING_OIL_GAS_EXTRACTION", "Mining, oil and gas extraction"},
    {"REAL_ESTATE_RENTAL_LEASING", "Real estate, rental and leasing"},
    {"HEALTHCARE", "Health care"},
}};

}  // namespace

std::string industry_title(const IndustryGroup& group) {
  for (const auto& [name, title] : kListed) {
    if (group.name == name) return std::string(title);
  }
  // "FINANCE_AND_INSURANCE" -> "Finance and insurance"; a name already in lower case stays.
  std::string title = group.name;
  for (std::size_t i = 0; i < title.size(); ++i) {
    const auto c = static_cast<unsigned char>(title[i]);
    title[i] = c == '_' ? ' ' : static_cast<char>(i == 0 ? std::toupper(c) : std::tolower(c));
  }
  return title;
}

}  // namespace floe
