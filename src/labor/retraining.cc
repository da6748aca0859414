#include "labor/retraining.h"

#include <algorithm>
#include <cmath>

namespace floe::labor {
namespace {

constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);
constexpr auto kTraining = static_cast<std::uint8_t>(AgentStatus::kTraining);

// Where agent `id` sits now: trainees stay in their subcell while training.
std::uint64_t find_agent(const World& w, const Trainee& t) {
  for (std::uint64_t i = w.stocks.offsets[t.subcell]; i < w.stocks.offsets[t.subcell + 1]; ++i) {
    if (w.agents.id[i] == t.id) return i;
  }
  return UINT64_MAX;
}

}  // namespace

void retraining_step(World& w, const MonthTables& m, std::vector<CountyEvents>& counties,
                     MonthIndicators& ind, std::vector<std::uint64_t>& movers) {
  const Scenario& sc = *w.scenario;
  const Layout& l = w.fixed.layout;
  Population& p = w.agents;

  // Completions: completers search from the occupation they trained for.
  std::vector<Trainee> still;
  for (const Trainee& t : w.trainees) {
    if (t.end_month > m.month) {
      still.push_back(t);
      continue;
    }
    const std::uint64_t i = find_agent(w, t);
    if (i == UINT64_MAX) continue;  // cannot happen: trainees do not move
    p.months[i] = 0;
    if (t.completes) {
      p.status[i] = kUnemployed | kRetrained | kTouched;
      p.occupation[i] = t.target;
      p.industry[i] = l.entry_group[l.entry_offset[t.target]];
      movers.push_back(i);  // the new occupation is another subcell
      ind.trainees_completed += 1;
    } else {
      p.status[i] = kUnemployed | kTouched;
    }
  }
  w.trainees = std::move(still);

  // Enrollment, most exposed first (or only in the target states), state budgets then national.
  const bool funded = sc.retraining_budget > 0 || !sc.state_budget.empty();
  if (!funded) return;
  w.budget_left += sc.retraining_budget / 12.0;
  for (const auto& [usps, budget] : sc.state_budget) {
    w.state_budget_left[w.dataset->geography.find_state(usps)->index()] += budget / 12.0;
  }
  std::vector<CountyEvents::Candidate> pool;
  for (auto& c : counties) pool.insert(pool.end(), c.retraining.begin(), c.retraining.end());
  std::sort(pool.begin(), pool.end(), [](const auto& a, const auto& b) {
    return a.exposure != b.exposure ? a.exposure > b.exposure : a.id < b.id;
  });
  std::vector<std::uint8_t> in_region(w.dataset->geography.states.size(), sc.targeting != "region");
  for (const auto& s : sc.target_states) in_region[w.dataset->geography.find_state(s)->index()] = 1;

  auto enroll = [&](const CountyEvents::Candidate& c) {
    const std::uint16_t target = m.retrain_target[c.occupation];
    if (target == 0xffff) return false;
    const std::uint64_t i = c.position;
    p.status[i] = kTraining | kTouched;
    p.months[i] = 0;
    const bool completes = w.rng.uniform(stream(Draw::kTraining), c.id,
                                         static_cast<std::uint32_t>(m.month)) < sc.completion;
    w.trainees.push_back({c.id, l.subcell(p.county[i], p.occupation[i], p.industry[i]), target,
                          m.month + sc.training_months, completes});
    ind.trainees_started += 1;
    ind.training_spending += sc.cost_per_trainee;
    return true;
  };
  std::vector<std::uint8_t> used(pool.size(), 0);
  for (std::size_t k = 0; k < pool.size(); ++k) {  // state budgets: their own residents
    double& left = w.state_budget_left[pool[k].state];
    if (left < sc.cost_per_trainee || !in_region[pool[k].state]) continue;
    if (enroll(pool[k])) {
      left -= sc.cost_per_trainee;
      used[k] = 1;
    }
  }
  for (std::size_t k = 0; k < pool.size() && w.budget_left >= sc.cost_per_trainee; ++k) {
    if (used[k] || !in_region[pool[k].state]) continue;
    if (enroll(pool[k])) w.budget_left -= sc.cost_per_trainee;
  }
}

}  // namespace floe::labor
