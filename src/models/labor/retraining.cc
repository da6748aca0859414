// Retraining policy (docs/model.md §9): budgets buy training for displaced job seekers; those
// who complete it look for work in the occupation they trained for.
#include <fmt/format.h>

#include <algorithm>

#include "floe/error.h"
#include "models/labor/county.h"
#include "models/labor/model.h"

namespace floe::labor {

void declare_retraining_keys(RetrainingSettings& s, engine::Schema& schema) {
  using engine::When;
  schema.number("retraining.budget", s.budget, 0, 1e12,
                "National retraining budget, dollars per year", When::kAnyMonth);
  schema.number_map("retraining.state_budget", s.state_budget, 0, 1e11, "USPS",
                    "Per-state budgets, dollars per year", When::kAnyMonth);
  schema.text("retraining.targeting", s.targeting, {"most_exposed", "region"},
              "most_exposed | region", "Who is trained first");
  schema.text_list("retraining.states", s.states, "USPS",
                   "States trained first with targeting = region");
  schema.number("retraining.cost_per_trainee", s.cost_per_trainee, 1, 1e6, "Dollars per trainee",
                When::kAnyMonth);
  schema.whole("retraining.duration_months", s.duration_months, 1, 60, "Length of training");
  schema.number("retraining.completion", s.completion, 0, 1, "Probability of completing training",
                When::kAnyMonth);
}

// Displaced job seekers still looking, who have not been retrained, may be offered training.
void retraining_pool_step(World& w, int, std::size_t county, int thread) {
  const RetrainingSettings& sc = w.settings->retraining;
  if (sc.budget <= 0 && sc.state_budget.empty()) return;
  const CountyRange c = county_range(w, county);
  const Layout& l = w.fixed.layout;
  const engine::Slots& slots = *w.slots;
  CountyEvents& out = w.events_of(thread);
  for (const engine::GroupSlots& g : slots.open_groups(county)) {
    const std::size_t k = g.group;
    const std::uint64_t begin = slots.block_begin(k, engine::kUnemployedBlock);
    for (std::uint64_t i = begin; i < begin + slots.unemployed(k); ++i) {
      const std::uint8_t st = slots[i].status;
      if (!(st & (kDisplacedDirect | kDisplacedIndirect)) || (st & kRetrained)) continue;
      const std::uint16_t o = l.entry_occupation[k - c.first];
      out.retraining.push_back({w.tables.exposure[o], slots[i].id, static_cast<std::uint32_t>(k), o,
                                static_cast<std::uint16_t>(c.state)});
    }
  }
}

namespace {

// Completions: completers search from the occupation they trained for; the others return to
// searching in their old one.
void finish_training(World& w, int month) {
  const Layout& l = w.fixed.layout;
  engine::Slots& slots = *w.slots;
  const auto started = static_cast<std::uint16_t>(kMonthBase + month);
  std::vector<Trainee> still;
  std::vector<Arrival> completers;
  for (const Trainee& t : w.trainees) {
    if (t.end_month > month) {
      still.push_back(t);
      continue;
    }
    const std::uint64_t i = slots.find(t.subcell, engine::kTrainingBlock, t.id);
    if (i == UINT64_MAX) continue;  // cannot happen: trainees stay in their subcell
    if (t.completes) {
      AgentRecord a = slots.take_out(t.subcell, i, engine::kTrainingBlock);
      a.status = kUnemployed | kRetrained;
      a.months = started;
      a.occupation = t.target;
      a.industry = l.entry_group[l.entry_offset[t.target]];
      completers.push_back({l.subcell(a.county, a.occupation, a.industry), a});
      w.indicators.trainees_completed += 1;
    } else {
      slots[i].status = static_cast<std::uint8_t>((slots[i].status & ~kStatusMask) | kUnemployed);
      slots[i].months = started;
      slots.change_block(t.subcell, i, engine::kTrainingBlock, engine::kUnemployedBlock);
    }
  }
  w.trainees = std::move(still);
  // Completers join the unemployed of the occupation they trained for (a slot is found for them
  // like for new hires; they are job seekers while they wait).
  slots.place_seekers(std::move(completers));
}

}  // namespace

// Enrollment, most exposed first (or only in the target states), state budgets then national.
void retraining_step(World& w, int month) {
  finish_training(w, month);
  const RetrainingSettings& sc = w.settings->retraining;
  if (sc.budget <= 0 && sc.state_budget.empty()) return;
  const Geography& geo = w.dataset->geography;
  engine::Slots& slots = *w.slots;
  // Budgets are for the whole workforce: a population at scale S gets S of them.
  w.budget_left += sc.budget * w.scale / 12.0;
  double state_dollars = 0;
  for (const auto& [usps, budget] : sc.state_budget) {
    w.state_budget_left[geo.find_state(usps)->index()] += budget * w.scale / 12.0;
  }
  for (double b : w.state_budget_left) state_dollars += b;
  std::vector<std::uint8_t> in_region(geo.states.size(), sc.targeting != "region");
  for (const auto& s : sc.states) in_region[geo.find_state(s)->index()] = 1;
  std::vector<CountyEvents::Candidate> pool;
  for (const auto& c : w.events) {
    for (const auto& candidate : c.retraining) {
      if (in_region[candidate.state]) pool.push_back(candidate);
    }
  }
  // Only the first candidates can be afforded: order just enough of them (a partial sort). The
  // order is total (ids are unique), so the first ones do not depend on the pool's order.
  const auto can_pay =
      static_cast<std::size_t>((w.budget_left + state_dollars) / sc.cost_per_trainee) + 1;
  auto first = [](const auto& a, const auto& b) {
    return a.exposure != b.exposure ? a.exposure > b.exposure : a.id < b.id;
  };
  if (w.ranks->size() > 1) {
    // Every rank chooses from the whole pool. Without state budgets the first `can_pay` of all
    // are among the first `can_pay` of each rank, so only those travel.
    if (sc.state_budget.empty() && pool.size() > can_pay) {
      std::partial_sort(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(can_pay),
                        pool.end(), first);
      pool.resize(can_pay);
    }
    pool = w.ranks->gather_all(std::move(pool));
  }
  const auto affordable = std::min(pool.size(), can_pay);
  if (sc.state_budget.empty()) {
    std::partial_sort(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(affordable),
                      pool.end(), first);
    pool.resize(affordable);
  } else {
    std::sort(pool.begin(), pool.end(), first);  // state budgets may reach further down
  }
  const auto started = static_cast<std::uint16_t>(kMonthBase + month);
  // Every rank takes the same decisions and keeps the same budgets; the rank that owns the
  // candidate's county moves them into training.
  auto enroll = [&](const CountyEvents::Candidate& c) {
    const std::uint16_t target = w.tables.retrain_target[c.occupation];
    if (target == 0xffff) return false;
    if (w.owns(c.subcell)) {
      // Found: candidates are this month's unemployed, who have not moved since.
      const std::uint64_t i = slots.find(c.subcell, engine::kUnemployedBlock, c.id);
      if (i == UINT64_MAX) throw Error(fmt::format("retraining: candidate {} lost", c.id));
      slots[i].status = static_cast<std::uint8_t>((slots[i].status & ~kStatusMask) | kTraining);
      slots[i].months = started;
      slots.change_block(c.subcell, i, engine::kUnemployedBlock, engine::kTrainingBlock);
      const bool completes = w.rng.uniform(stream(Draw::kTraining), c.id,
                                           static_cast<std::uint32_t>(month)) < sc.completion;
      w.trainees.push_back({c.id, c.subcell, target, month + sc.duration_months, completes});
    }
    w.indicators.trainees_started += 1;
    w.indicators.training_spending += sc.cost_per_trainee;
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
