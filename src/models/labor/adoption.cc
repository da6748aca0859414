// Adoption (docs/model.md §3): Bass diffusion per industry group and state.
#include <cmath>

#include "models/labor/model.h"

namespace floe::labor {

void declare_adoption_keys(AdoptionSettings& s, engine::Schema& schema) {
  using engine::When;
  schema.number("adoption.initial", s.initial, 0, 1,
                "Share of firms using AI at the start (Census BTOS)");
  schema.number("adoption.innovation", s.innovation, 0, 1,
                "Bass innovation coefficient p, per month", When::kAnyMonth);
  schema.number("adoption.imitation", s.imitation, 0, 1, "Bass imitation coefficient q, per month",
                When::kAnyMonth);
  schema.number_map("adoption.industry_speed", s.industry_speed, 0, 10, "sector",
                    "Multiplier of p and q per NAICS sector (key, code or title; docs/data.md)",
                    When::kAnyMonth);
  schema.number_map("adoption.state_speed", s.state_speed, 0, 10, "USPS",
                    "Multiplier of p and q per state", When::kAnyMonth);
  schema.flag("adoption.frozen", s.frozen,
              "Hold adoption at its start (the no-AI twin of a run, docs/model.md §16)");
}

double bass_adoption(double month, double p, double q, double initial) {
  // F(tau) = (1 - e^{-(p+q) tau}) / (1 + (q/p) e^{-(p+q) tau}); the run starts at tau0 with
  // F(tau0) = initial: e^{-(p+q) tau0} = (1 - F0) / (1 + F0 q / p).
  if (p <= 0) return initial;  // no innovators: nothing new adopts
  const double rate = p + q;
  const double x0 = (1.0 - initial) / (1.0 + initial * q / p);
  const double x = x0 * std::exp(-rate * month);
  return (1.0 - x) / (1.0 + (q / p) * x);
}

void adoption_step(World& w, int month) {
  const AdoptionSettings& s = w.settings->adoption;
  if (s.frozen) month = 0;
  const Dataset& ds = *w.dataset;
  const std::size_t n_states = ds.geography.states.size();
  const std::size_t n_sectors = ds.taxonomy.sectors.size();
  // Scenario keys name a sector by its key, NAICS code or title (checked in check_names).
  std::vector<double> sector_speed(n_sectors, 1.0);
  for (const auto& [name, speed] : s.industry_speed) {
    if (const auto k = ds.taxonomy.find_sector(name)) sector_speed[k->index()] = speed;
  }
  MonthTables& m = w.tables;
  m.adoption.resize(n_states * n_sectors);
  for (std::size_t st = 0; st < n_states; ++st) {
    const auto it_state = s.state_speed.find(ds.geography.states[st].usps);
    const double state_speed = it_state == s.state_speed.end() ? 1.0 : it_state->second;
    for (std::size_t k = 0; k < n_sectors; ++k) {
      const double speed = state_speed * sector_speed[k];
      m.adoption[st * n_sectors + k] =
          bass_adoption(month, s.innovation * speed, s.imitation * speed, s.initial);
    }
  }
}

}  // namespace floe::labor
