#include "labor/retraining.h"

#include <algorithm>

#include "labor/blocks.h"

namespace floe::labor {
namespace {

constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);
constexpr auto kTraining = static_cast<std::uint8_t>(AgentStatus::kTraining);

}  // namespace

void retraining_step(World& w, const MonthTables& m, const std::vector<CountyEvents>& counties,
                     MonthIndicators& ind) {
  const Scenario& sc = *w.scenario;
  const Layout& l = w.fixed.layout;
  AgentRecords& p = w.agents;
  const auto started = static_cast<std::uint16_t>(kMonthBase + m.month);

  // Completions: completers search from the occupation they trained for.
  std::vector<Trainee> still;
  std::vector<Arrival> completers;
  for (const Trainee& t : w.trainees) {
    if (t.end_month > m.month) {
      still.push_back(t);
      continue;
    }
    const std::uint64_t i = find(w, t.subcell, 2, t.id);
    if (i == UINT64_MAX) continue;  // cannot happen: trainees stay in their subcell
    if (t.completes) {
      AgentRecord a = take_out(w, t.subcell, i, 2);
      a.status = kUnemployed | kRetrained;
      a.months = started;
      a.occupation = t.target;
      a.industry = l.entry_group[l.entry_offset[t.target]];
      completers.emplace_back(l.subcell(a.county, a.occupation, a.industry), a);
      ind.trainees_completed += 1;
    } else {
      p[i].status = static_cast<std::uint8_t>((p[i].status & ~kStatusMask) | kUnemployed);
      p[i].months = started;
      change_block(w, t.subcell, i, 2, 1);
    }
  }
  w.trainees = std::move(still);
  // Completers join the unemployed of the occupation they trained for (a slot is found for them
  // like for new hires; they are job seekers while they wait).
  place_seekers(w, std::move(completers));

  // Enrollment, most exposed first (or only in the target states), state budgets then national.
  const bool funded = sc.retraining_budget > 0 || !sc.state_budget.empty();
  if (!funded) return;
  // Budgets are for the whole workforce: a population at scale S gets S of them.
  w.budget_left += sc.retraining_budget * w.scale / 12.0;
  double state_dollars = 0;
  for (const auto& [usps, budget] : sc.state_budget) {
    w.state_budget_left[w.dataset->geography.find_state(usps)->index()] += budget * w.scale / 12.0;
  }
  for (double b : w.state_budget_left) state_dollars += b;
  std::vector<std::uint8_t> in_region(w.dataset->geography.states.size(), sc.targeting != "region");
  for (const auto& s : sc.target_states) in_region[w.dataset->geography.find_state(s)->index()] = 1;
  std::vector<CountyEvents::Candidate> pool;
  for (const auto& c : counties) {
    for (const auto& candidate : c.retraining) {
      if (in_region[candidate.state]) pool.push_back(candidate);
    }
  }
  // Only the first candidates can be afforded: order just enough of them (a partial sort).
  const auto affordable = std::min<std::size_t>(
      pool.size(),
      static_cast<std::size_t>((w.budget_left + state_dollars) / sc.cost_per_trainee) + 1);
  auto first = [](const auto& a, const auto& b) {
    return a.exposure != b.exposure ? a.exposure > b.exposure : a.id < b.id;
  };
  if (sc.state_budget.empty()) {
    std::partial_sort(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(affordable),
                      pool.end(), first);
    pool.resize(affordable);
  } else {
    std::sort(pool.begin(), pool.end(), first);  // state budgets may reach further down
  }
  auto enroll = [&](const CountyEvents::Candidate& c) {
    const std::uint16_t target = m.retrain_target[c.occupation];
    if (target == 0xffff) return false;
    const std::uint64_t i = find(w, c.subcell, 1, c.id);
    if (i == UINT64_MAX) return false;
    p[i].status = static_cast<std::uint8_t>((p[i].status & ~kStatusMask) | kTraining);
    p[i].months = started;
    change_block(w, c.subcell, i, 1, 2);
    const bool completes = w.rng.uniform(stream(Draw::kTraining), c.id,
                                         static_cast<std::uint32_t>(m.month)) < sc.completion;
    w.trainees.push_back({c.id, c.subcell, target, m.month + sc.training_months, completes});
    ind.trainees_started += 1;
    ind.training_spending += sc.cost_per_trainee;
    return true;
  };
  std::vector<std::uint8_t> used(pool.size(), 0);
  for (std::size_t k = 0; k < pool.size(); ++k) {  // state budgets: their own residents
    double& left = w.state_budget_left[pool[k].state];
    if (left < sc.cost_per_trainee) continue;
    if (enroll(pool[k])) {
      left -= sc.cost_per_trainee;
      used[k] = 1;
    }
  }
  for (std::size_t k = 0; k < pool.size() && w.budget_left >= sc.cost_per_trainee; ++k) {
    if (used[k]) continue;
    if (enroll(pool[k])) w.budget_left -= sc.cost_per_trainee;
  }
}

}  // namespace floe::labor
