// Demand and openings (docs/model.md §5), job finding from market tightness (§7), and the
// demand memory: the share of each occupation's work displaced by AI so far.
#include <algorithm>
#include <cmath>

#include "models/labor/model.h"

namespace floe::labor {

void declare_demand_keys(DemandSettings& s, engine::Schema& schema) {
  using engine::When;
  schema.flag("demand.use_projections", s.use_projections,
              "Baseline growth from BLS Employment Projections");
  schema.number("demand.ai_reduction", s.ai_reduction, 0, 1,
                "Share of AI-displaced work that is not re-hired (reduces openings)",
                When::kAnyMonth);
  schema.number_map("demand.ai_created", s.ai_created, 0, 1, "SOC major",
                    "New demand by SOC major group, as a share of its employment by the horizon");
}

// D_o(t) = N_o (1 + g_o)^{t/120} (1 − δ Λ_o(t)) + N_o x_maj(o) t / T;
// V_o(t) = max(0, D_o(t) − E_o(t)) + λ_layoff E_o(t);  f(t) = min(0.95, f_0 (θ/θ_0)^η).
void openings_step(World& w, int month) {
  const Fixed& f = w.fixed;
  const Layout& l = f.layout;
  const LaborSettings& sc = *w.settings;
  const engine::Slots& slots = *w.slots;
  const Dataset& ds = *w.dataset;
  const std::size_t n_occ = l.occupations;
  MonthTables& m = w.tables;

  // Employment and job seekers now, from the stocks.
  std::vector<double>& employed = m.employed;
  employed.assign(n_occ, 0.0);
  m.unemployed.assign(n_occ, 0.0);
  std::vector<double> adoption_weight(n_occ, 0.0);
  double unemployed = 0, total_employed = 0;
  // County by county, over the subcells with slots (engine/slots.h), skipping empty ones: adding
  // their zeros would change no sum.
  for (std::size_t c = 0; c < l.counties; ++c) {
    const double* adoption = &m.adoption[l.county_state[c] * l.groups];
    for (const engine::GroupSlots& g : slots.open_groups(c)) {
      const std::size_t k = g.group;
      const std::size_t e = k - c * l.entries;
      const std::uint32_t emp = slots.employed(k), seeking = slots.unemployed(k);
      if ((emp | seeking) == 0) continue;
      const std::uint16_t o = l.entry_occupation[e];
      employed[o] += emp;
      m.unemployed[o] += seeking;
      unemployed += seeking;
      total_employed += emp;
      adoption_weight[o] += emp * adoption[l.entry_group[e]];
    }
  }
  for (const auto& [k, a] : slots.waiting()) {  // hired or seeking, waiting for a slot
    if ((a.status & kStatusMask) == kEmployed) {
      employed[a.occupation] += 1;
      total_employed += 1;
    } else {
      m.unemployed[a.occupation] += 1;
      unemployed += 1;
    }
  }

  const double horizon = std::max(1, w.run->months);
  m.openings.resize(n_occ);
  m.total_openings = 0;
  double exposure_sum = 0, adoption_sum = 0, support_num = 0, support_den = 0;
  for (std::size_t o = 0; o < n_occ; ++o) {
    const double demand = f.employment0[o] * std::pow(1.0 + f.growth[o], month / 120.0) *
                              (1.0 - sc.demand.ai_reduction * w.ai_memory[o]) +
                          f.employment0[o] * f.created[o] * month / horizon;
    m.openings[o] = std::max(0.0, demand - employed[o]) + sc.displacement.layoffs * employed[o];
    m.total_openings += m.openings[o];
    exposure_sum += employed[o] * m.exposure[o];
    adoption_sum += adoption_weight[o];
    if (ds.taxonomy.major_groups[l.occupation_major[o]].soc_code == "43-0000") {
      support_num += employed[o] * m.exposure[o];
      support_den += employed[o];
    }
  }
  m.mean_exposure = total_employed > 0 ? exposure_sum / total_employed : 0;
  m.mean_adoption = total_employed > 0 ? adoption_sum / total_employed : 0;
  m.support_exposure = support_den > 0 ? support_num / support_den : 0;

  const double theta = unemployed > 0 ? m.total_openings / unemployed : 0;
  m.job_finding = sc.matching.job_finding;
  if (w.theta0 > 0 && theta > 0) {
    m.job_finding = std::min(
        0.95, sc.matching.job_finding * std::pow(theta / w.theta0, sc.matching.elasticity));
  }
}

// Λ_o += (AI-displaced in o this month) / (employed in o at the month's end).
void demand_memory_step(World& w, int) {
  const Layout& l = w.fixed.layout;
  const engine::Slots& slots = *w.slots;
  std::vector<double> employed(l.occupations, 0.0);
  for (const engine::GroupSlots& g : slots.open_groups()) {
    const std::size_t k = g.group;
    if (const std::uint32_t emp = slots.employed(k))
      employed[l.entry_occupation[k % l.entries]] += emp;
  }
  for (std::size_t o = 0; o < l.occupations; ++o) {
    double displaced = 0;
    for (const auto& e : w.events) displaced += e.ai_displaced[o];
    if (employed[o] > 0) w.ai_memory[o] += displaced / employed[o];
  }
}

}  // namespace floe::labor
