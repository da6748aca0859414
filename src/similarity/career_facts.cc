// What a career move needs besides the rule: preparation time by Job Zone, openings, and the
// skills to learn (include/floe/career.h, docs/method.md §14).
#include <algorithm>
#include <cmath>
#include <limits>

#include "floe/career.h"

namespace floe {

std::string preparation_time(double zone) {
  // O*NET Job Zone Reference: the Specific Vocational Preparation range of each zone (below 4,
  // 4 to < 6, 6 to < 7, 7 to < 8, 8 and above), in the DOT's time units.
  switch (static_cast<int>(std::lround(zone))) {
    case 1:
      return "up to 3 months";
    case 2:
      return "3 months to 1 year";
    case 3:
      return "1 to 2 years";
    case 4:
      return "2 to 4 years";
    case 5:
      return "4 years or more";
  }
  return "unknown";
}

double annual_openings(const Dataset& ds, OccupationId o) {
  const LaborData& l = ds.labor;
  if (o.index() >= l.projections.size() || o.index() >= l.national.size()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const NationalOccupation& n = l.national[o.index()];
  if (!n.employment_released) return std::numeric_limits<double>::quiet_NaN();
  const Projection& p = l.projections[o.index()];
  return n.employment * (p.growth_10y / 10 + p.exit_rate + p.transfer_rate);
}

std::vector<LearningGap> what_to_learn(const Taxonomy& t, OccupationId from, OccupationId to,
                                       std::size_t most) {
  const std::size_t k = t.descriptors.size();
  std::vector<LearningGap> gaps;
  for (std::size_t j = 0; j < k; ++j) {
    const std::size_t a = from.index() * k + j, b = to.index() * k + j;
    // Both rated (importance > 0), important where they are going, and a higher level there.
    if (t.descriptor_importance[a] <= 0 || t.descriptor_importance[b] < 3) continue;
    // A quarter of a level point or more: smaller differences are within rating noise.
    if (t.descriptor_level[b] >= t.descriptor_level[a] + 0.25f) {
      gaps.push_back({j, t.descriptor_level[a], t.descriptor_level[b]});
    }
  }
  std::stable_sort(gaps.begin(), gaps.end(), [](const LearningGap& x, const LearningGap& y) {
    return x.to_level - x.from_level > y.to_level - y.from_level;
  });
  if (gaps.size() > most) gaps.resize(most);
  return gaps;
}

}  // namespace floe
