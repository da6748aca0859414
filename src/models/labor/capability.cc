// Capability (docs/model.md §2): tasks exposed to an LLM alone (E1) count from the start; tasks
// exposed only with LLM-powered tools (E2) become capable along a logistic path.
#include <cmath>

#include "models/labor/model.h"

namespace floe::labor {
namespace {

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

void declare_capability_keys(CapabilitySettings& s, engine::Schema& schema) {
  schema.text("capability.labeler", s.labeler, {"human", "gpt4", "mean"}, "human | gpt4 | mean",
              "Whose GPTs-are-GPTs labels");
  schema.number("capability.midpoint_months", s.midpoint, 0, 600,
                "Month when tool-assisted (E2) capability is half realized");
  schema.number("capability.width_months", s.width, 0.1, 600,
                "Logistic time scale of capability growth");
  schema.flag("capability.transfer", s.transfer, "Capability flows through shared skills (DWAs)");
  schema.flag("capability.frozen", s.frozen,
              "Hold capability at its start (the no-AI twin of a run, docs/model.md §16)");
}

double capability_path(double month, double midpoint, double width) {
  const double start = sigmoid(-midpoint / width);
  return (sigmoid((month - midpoint) / width) - start) / (1.0 - start);
}

// E_o(t) = E_o(E1) + (E_o(E1+E2) - E_o(E1)) L(t): the index's formula (docs/method.md §7) on
// capability c(t), which is linear in the labels.
void capability_step(World& w, int month) {
  const Fixed& f = w.fixed;
  const CapabilitySettings& s = w.settings->capability;
  MonthTables& m = w.tables;
  m.month = month;
  const double path = s.frozen ? 0.0 : capability_path(month, s.midpoint, s.width);
  m.exposure.resize(f.layout.occupations);
  for (std::size_t o = 0; o < m.exposure.size(); ++o) {
    m.exposure[o] = f.exposure_now[o] + (f.exposure_full[o] - f.exposure_now[o]) * path;
  }
}

}  // namespace floe::labor
