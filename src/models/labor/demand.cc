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

  // Employment and job seekers now, from the stocks: per occupation, and employment per
  // (state, industry group) for the mean adoption. Whole numbers, summed over ranks (exact).
  const std::size_t n_sg = m.adoption.size();
  std::vector<double> counts(2 * n_occ + n_sg, 0.0);
  double* employed_now = counts.data();
  double* seeking_now = employed_now + n_occ;
  double* employed_sg = seeking_now + n_occ;
  // County by county, over the subcells with slots (engine/slots.h).
  for (std::size_t c = w.first_county(); c < w.last_county(); ++c) {
    for (const engine::GroupSlots& g : slots.open_groups(c)) {
      const std::size_t k = g.group;
      const std::size_t e = k - c * l.entries;
      const std::uint16_t o = l.entry_occupation[e];
      employed_now[o] += slots.employed(k);
      seeking_now[o] += slots.unemployed(k);
      employed_sg[l.county_state[c] * l.groups + l.entry_group[e]] += slots.employed(k);
    }
  }
  for (const auto& [k, a] : slots.waiting()) {  // hired or seeking, waiting for a slot
    (((a.status & kStatusMask) == kEmployed) ? employed_now : seeking_now)[a.occupation] += 1;
  }
  w.ranks->sum(counts);
  std::vector<double>& employed = m.employed;
  employed.assign(employed_now, employed_now + n_occ);
  m.unemployed.assign(seeking_now, seeking_now + n_occ);
  double unemployed = 0, total_employed = 0;
  for (std::size_t o = 0; o < n_occ; ++o) {
    unemployed += m.unemployed[o];
    total_employed += employed[o];
  }
  double adoption_sum = 0;
  for (std::size_t i = 0; i < n_sg; ++i) adoption_sum += employed_sg[i] * m.adoption[i];

  const double horizon = std::max(1, w.run->months);
  m.openings.resize(n_occ);
  m.total_openings = 0;
  double exposure_sum = 0, support_num = 0, support_den = 0;
  for (std::size_t o = 0; o < n_occ; ++o) {
    const double demand = f.employment0[o] * std::pow(1.0 + f.growth[o], month / 120.0) *
                              (1.0 - sc.demand.ai_reduction * w.ai_memory[o]) +
                          f.employment0[o] * f.created[o] * month / horizon;
    m.openings[o] = std::max(0.0, demand - employed[o]) + sc.displacement.layoffs * employed[o];
    m.total_openings += m.openings[o];
    exposure_sum += employed[o] * m.exposure[o];
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
  // Employed and AI-displaced per occupation: whole numbers, summed over ranks (exact).
  std::vector<double> counts(2 * l.occupations, 0.0);
  double* employed = counts.data();
  double* displaced = employed + l.occupations;
  for (const engine::GroupSlots& g : slots.open_groups()) {
    employed[l.entry_occupation[g.group % l.entries]] += g.employed;
  }
  for (const auto& e : w.events) {
    for (std::size_t o = 0; o < l.occupations; ++o) displaced[o] += e.ai_displaced[o];
  }
  w.ranks->sum(counts);
  for (std::size_t o = 0; o < l.occupations; ++o) {
    if (employed[o] > 0) w.ai_memory[o] += displaced[o] / employed[o];
  }
}

}  // namespace floe::labor
