// The wage channel (docs/model.md §18): the wages of new hires in an occupation move with its
// unemployment along the wage curve, w_o(t) = w_o(0) (u_o(t) / u_0)^(-ε).
#include <algorithm>
#include <cmath>

#include "models/labor/model.h"

namespace floe::labor {

void declare_wage_keys(WageSettings& s, engine::Schema& schema) {
  schema.number("wages.unemployment_elasticity", s.unemployment_elasticity, 0, 1,
                "Elasticity of new hires' wages to their occupation's unemployment rate, sign "
                "reversed (the wage curve: Blanchflower and Oswald 1994, about 0.1)",
                engine::When::kAnyMonth);
}

// u_o is the unemployed whose last job was in o over o's labor force; u_0 the starting rate,
// the same in every occupation by construction (§1). The factor is bounded to [0.5, 1.5]: the
// wage curve is estimated on unemployment rates of a few percent, not on an occupation emptied.
void wage_step(World& w, int) {
  MonthTables& m = w.tables;
  const double u0 = w.settings->initial_unemployment;
  const double epsilon = w.settings->wages.unemployment_elasticity;
  m.wage_factor.assign(w.fixed.layout.occupations, 1.0);
  if (u0 <= 0 || epsilon <= 0) return;
  for (std::size_t o = 0; o < m.wage_factor.size(); ++o) {
    const double force = m.employed[o] + m.unemployed[o];
    if (force <= 0) continue;
    const double u = std::max(m.unemployed[o] / force, 0.005);
    m.wage_factor[o] = std::clamp(std::pow(u / u0, -epsilon), 0.5, 1.5);
  }
}

}  // namespace floe::labor
