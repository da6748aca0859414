// Per-month tables: capability, adoption, demand and openings, job finding, destinations
// (docs/model.md §2-§8).
#include <algorithm>
#include <cmath>

#include "labor/setup.h"

namespace floe::labor {
namespace {

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

double capability_path(double month, double midpoint, double width) {
  const double start = sigmoid(-midpoint / width);
  return (sigmoid((month - midpoint) / width) - start) / (1.0 - start);
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

MonthTables month_tables(const World& w, int month) {
  const Fixed& f = w.fixed;
  const Scenario& sc = *w.scenario;
  const Dataset& ds = *w.dataset;
  const Layout& l = f.layout;
  const std::size_t n_occ = l.occupations;
  const std::size_t n_states = ds.geography.states.size();
  const std::size_t n_groups = ds.taxonomy.sectors.size();
  MonthTables m;
  m.month = month;

  const double path = capability_path(month, sc.capability_midpoint, sc.capability_width);
  m.exposure.resize(n_occ);
  for (std::size_t o = 0; o < n_occ; ++o) {
    m.exposure[o] = f.exposure_now[o] + (f.exposure_full[o] - f.exposure_now[o]) * path;
  }

  // Scenario keys name a sector by its key, NAICS code or title (checked in build_fixed).
  std::vector<double> sector_speed(n_groups, 1.0);
  for (const auto& [name, speed] : sc.industry_speed) {
    if (const auto k = ds.taxonomy.find_sector(name)) sector_speed[k->index()] = speed;
  }
  m.adoption.resize(n_states * n_groups);
  for (std::size_t s = 0; s < n_states; ++s) {
    const auto st = sc.state_speed.find(ds.geography.states[s].usps);
    const double state_speed = st == sc.state_speed.end() ? 1.0 : st->second;
    for (std::size_t gi = 0; gi < n_groups; ++gi) {
      const double speed = state_speed * sector_speed[gi];
      m.adoption[s * n_groups + gi] =
          bass_adoption(month, sc.innovation * speed, sc.imitation * speed, sc.adoption_initial);
    }
  }

  // Separation hazards (§4): baseline layoffs plus AI displacement.
  m.separation.assign(n_states * l.entries, 0.0);
  m.separation_log_stay.assign(n_states * l.entries, 0.0);
  m.separation_ai_share.assign(n_states * l.entries, 0.0f);
  for (std::size_t s = 0; s < n_states; ++s) {
    for (std::size_t e = 0; e < l.entries; ++e) {
      const std::uint16_t o = l.entry_occupation[e];
      const double ai = sc.displacement_rate * m.exposure[o] *
                        m.adoption[s * n_groups + l.entry_group[e]] * f.automation[o];
      const double hazard = std::min(1.0, sc.layoffs + ai);
      if (hazard <= 0) continue;
      const std::size_t i = s * l.entries + e;
      m.separation[i] = hazard;
      m.separation_log_stay[i] = hazard < 1 ? std::log1p(-hazard) : 0.0;
      m.separation_ai_share[i] = static_cast<float>(ai / hazard);
    }
  }

  // Employment and job seekers now, from the stocks.
  std::vector<double> employed(n_occ, 0.0), adoption_weight(n_occ, 0.0);
  double unemployed = 0, total_employed = 0;
  for (std::size_t k = 0; k < l.subcells(); ++k) {
    const std::size_t e = k % l.entries;
    const std::uint16_t o = l.entry_occupation[e];
    const double emp = w.sub.employed[k];
    employed[o] += emp;
    unemployed += w.sub.unemployed[k];
    total_employed += emp;
    const std::size_t s = l.county_state[k / l.entries];
    adoption_weight[o] += emp * m.adoption[s * n_groups + l.entry_group[e]];
  }

  for (const auto& [k, a] : w.waiting) {  // hired, employed, waiting for a slot
    employed[a.occupation] += 1;
    total_employed += 1;
  }

  // Demand and openings (§5): projected growth, less the AI-displaced work not re-hired, plus
  // AI-created demand; openings are the unmet demand plus the replacement of layoffs.
  const double horizon = std::max(1, sc.months);
  m.openings.resize(n_occ);
  double exposure_sum = 0, adoption_sum = 0, support_num = 0, support_den = 0;
  for (std::size_t o = 0; o < n_occ; ++o) {
    const double demand = f.employment0[o] * std::pow(1.0 + f.growth[o], month / 120.0) *
                              (1.0 - sc.ai_demand_reduction * w.ai_memory[o]) +
                          f.employment0[o] * f.created[o] * month / horizon;
    m.openings[o] = std::max(0.0, demand - employed[o]) + sc.layoffs * employed[o];
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

  // Job finding from market tightness (§7): f = f0 (theta / theta0)^eta.
  const double theta = unemployed > 0 ? m.total_openings / unemployed : 0;
  m.job_finding = sc.job_finding;
  if (w.theta0 > 0 && theta > 0) {
    m.job_finding =
        std::min(0.95, sc.job_finding * std::pow(theta / w.theta0, sc.matching_elasticity));
  }

  // Cascade multiplier (§8): automating local support work weakens it.
  const double support_exposure = support_den > 0 ? support_num / support_den : 0;
  m.multiplier = sc.multiplier * (1.0 - sc.support_automation * support_exposure * m.mean_adoption);

  // Destinations (§6): among an occupation's candidates, in proportion to skill similarity
  // (sharpened by beta) times openings.
  m.destination.resize(n_occ);
  m.retrain_target.assign(n_occ, 0xffff);
  std::vector<double> weights;
  for (std::size_t o = 0; o < n_occ; ++o) {
    const auto& cand = f.candidates[o];
    weights.resize(cand.size());
    float best = -1;
    for (std::size_t j = 0; j < cand.size(); ++j) {
      const double s = f.candidate_similarity[o][j];
      weights[j] = std::exp(sc.similarity_sharpness * (s - 1.0)) * m.openings[cand[j]];
      // Retraining target: the most similar candidate with lower exposure and openings.
      if (j > 0 && m.exposure[cand[j]] < m.exposure[o] && m.openings[cand[j]] > 0 && s > best) {
        best = static_cast<float>(s);
        m.retrain_target[o] = cand[j];
      }
    }
    m.destination[o] = engine::AliasTable(weights);
  }
  return m;
}

}  // namespace floe::labor
