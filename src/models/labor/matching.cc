// Where people go (docs/model.md §6): the destination occupation among the origin's most
// skill-similar candidates, by similarity and openings; the place, by distance; the industry
// group, by the new state's proportions; the wage, from the new cell less a penalty for moving
// to dissimilar work.
#include <algorithm>
#include <cmath>

#include "models/labor/model.h"

namespace floe::labor {
void declare_matching_keys(MatchingSettings& s, engine::Schema& schema) {
  using engine::When;
  schema.number("matching.job_finding", s.job_finding, 0, 1,
                "Monthly job-finding probability of the unemployed at baseline tightness (CPS "
                "flows)",
                When::kAnyMonth);
  schema.number("matching.elasticity", s.elasticity, 0, 2,
                "Elasticity of job finding to vacancies per job seeker", When::kAnyMonth);
  schema.number("matching.quits", s.quits, 0, 0.2,
                "Monthly job-to-job moves (JOLTS 2023 quits: 2.3%)");
  schema.number("matching.similarity_sharpness", s.similarity_sharpness, 0, 100,
                "How strongly job seekers favor skill-similar occupations", When::kAnyMonth);
  schema.whole("matching.candidates", s.candidates, 1, 200, "Occupations a job seeker considers");
  schema.number("matching.own_county", s.own_county, 0, 1, "Share of hires in the seeker's county",
                When::kAnyMonth);
  schema.number("matching.own_state", s.own_state, 0, 1,
                "Share of hires elsewhere in the seeker's state", When::kAnyMonth);
  schema.number("matching.wage_penalty", s.wage_penalty, 0, 1,
                "Wage loss on moving to a dissimilar occupation (times 1 - similarity)",
                When::kAnyMonth);
}

// P(o -> o') ∝ exp(β (s(o, o') − 1)) V_o'(t) among o's candidates; and the retraining target:
// o's best suggested career move this month (include/floe/career.h, docs/model.md §9).
void destinations_step(World& w, int) {
  const Fixed& f = w.fixed;
  const double sharpness = w.settings->matching.similarity_sharpness;
  MonthTables& m = w.tables;
  const std::size_t n_occ = f.layout.occupations;
  m.destination.clear();
  std::vector<double> weights;
  for (std::size_t o = 0; o < n_occ; ++o) {
    const auto& cand = f.candidates[o];
    weights.resize(cand.size());
    for (std::size_t j = 0; j < cand.size(); ++j) {
      weights[j] = std::exp(sharpness * (f.candidate_similarity[o][j] - 1.0)) * m.openings[cand[j]];
    }
    m.destination.add(weights);  // table o
  }
  std::vector<OccupationId> best(n_occ);
  best_career_moves(f.careers, {m.exposure, m.openings, f.mean_wage}, best);
  m.retrain_target.assign(n_occ, 0xffff);
  for (std::size_t o = 0; o < n_occ; ++o) {
    if (best[o].valid()) m.retrain_target[o] = static_cast<std::uint16_t>(best[o].index());
  }
}

std::uint32_t take_new_job(const World& w, AgentRecord& a, double change_occupation,
                           bool from_unemployment, CountyEvents& out) {
  const Fixed& f = w.fixed;
  const Layout& l = f.layout;
  const MonthTables& m = w.tables;
  const MatchingSettings& sc = w.settings->matching;
  const std::size_t n_occ = l.occupations;
  const std::size_t entries = l.entries;
  const auto month = static_cast<std::uint32_t>(m.month);
  const auto r1 = w.rng.words(stream(Draw::kMatch), a.id, month);
  const auto r2 = w.rng.words(stream(Draw::kMatchMore), a.id, month);

  // Occupation: the origin's candidates, by similarity and openings.
  const std::uint16_t origin = a.occupation;
  std::uint16_t target = origin;
  double similarity = 1.0;
  if (r2[3] * kWord < change_occupation && !m.destination.empty(origin)) {
    const std::uint32_t j = m.destination.draw(origin, r1[0]);
    target = f.candidates[origin][j];
    similarity = f.candidate_similarity[origin][j];
  }
  // County: the own county if it has such jobs, else the own state, else the nation.
  const std::size_t county = a.county;
  const std::size_t state = l.county_state[county];
  std::size_t to_county = county;
  const double where = r1[1] * kWord;
  const std::size_t in_state = state * n_occ + target;
  if (where < sc.own_county && f.county_has[county * n_occ + target]) {
    to_county = county;
  } else if (where < sc.own_county + sc.own_state &&
             !f.county_of_state_occupation.empty(in_state)) {
    to_county = f.state_counties[f.state_county_offset[state] +
                                 f.county_of_state_occupation.draw(in_state, r1[2])];
  } else if (!f.state_of_occupation.empty(target)) {
    const std::size_t s2 = f.state_of_occupation.draw(target, r1[2]);
    const std::size_t in_s2 = s2 * n_occ + target;
    if (!f.county_of_state_occupation.empty(in_s2)) {
      to_county = f.state_counties[f.state_county_offset[s2] +
                                   f.county_of_state_occupation.draw(in_s2, r1[3])];
    }
  }
  const std::size_t to_state = l.county_state[to_county];
  // Sector: the target occupation's sectors, in the new state's proportions.
  const std::uint32_t first = l.entry_offset[target], last = l.entry_offset[target + 1];
  std::uint32_t entry = first;
  double u = r2[0] * kWord;
  for (std::uint32_t e = first; e < last; ++e) {
    const double share = w.cells->sector_share[to_state * entries + e];
    entry = e;
    if (u < share) break;
    u -= share;
  }
  // Wage: the new cell's distribution, moved by the occupation's slack (§18), less a penalty
  // for moving to dissimilar work.
  const double mean = w.cells->state_wage[to_state * n_occ + target] * m.wage_factor[target];
  const double draw = Random::to_uniform(r2[1], r2[2]);
  const double wage =
      mean * f.wage_shapes[target].quantile(draw) * (1.0 - sc.wage_penalty * (1.0 - similarity));
  // Retrained workers hired for the first time since (the cost per worker re-employed, §9).
  if (from_unemployment && (a.status & kRetrained) && !(a.status & kReemployed)) {
    a.status |= kReemployed;
    out.trainees_reemployed += 1;
  }

  a.occupation = target;
  a.county = static_cast<std::uint16_t>(to_county);
  a.industry = l.entry_group[entry];
  a.wage = static_cast<float>(wage);
  a.status = static_cast<std::uint8_t>((a.status & (kRetrained | kReemployed)) | kEmployed);
  a.months = static_cast<std::uint16_t>(kMonthBase + m.month);

  const std::size_t majors = w.output->majors;
  MonthFigures& fig = out.by_state_major[state * majors + l.occupation_major[origin]];
  (from_unemployment ? fig.hires : fig.quits) += 1;
  if (target != origin) {
    fig.occupation_changes += 1;
    out.flows[l.occupation_major[origin] * majors + l.occupation_major[target]] += 1;
  }
  return static_cast<std::uint32_t>(to_county * entries + entry);
}

}  // namespace floe::labor
