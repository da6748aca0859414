// The month's outputs (docs/model.md §12): stocks and events by state and SOC major group, by
// county every few months, occupation flows between major groups, national indicators.
#include "models/labor/model.h"

namespace floe {

void MonthFigures::add(const MonthFigures& o) {
  for (auto field : kMonthFigureFields) this->*field += o.*field;
}

namespace labor {

void CountyEvents::reset(std::size_t states, std::size_t counties, std::size_t majors,
                         std::size_t occupations) {
  by_state_major.assign(states * majors, {});
  if (by_county_major.size() != counties * majors) by_county_major.assign(counties * majors, {});
  flows.assign(majors * majors, 0.0);
  retraining.clear();
  ai_displaced.assign(occupations, 0.0);
  trainees_reemployed = 0;
  seekers.clear();
}

void reset_month(World& w) {
  const SimulationOutput& out = *w.output;
  for (CountyEvents& e : w.events)
    e.reset(out.states, out.counties, out.majors, w.fixed.layout.occupations);
  w.indicators = {};
}

void outputs_step(World& w, int month) {
  const Layout& l = w.fixed.layout;
  const engine::Slots& slots = *w.slots;
  const MonthTables& m = w.tables;
  SimulationOutput& out = *w.output;
  const std::size_t majors = out.majors;
  const bool county_month = month % w.settings->county_every == 0 || month == w.run->months;
  std::vector<MonthFigures> figures(out.states * majors);
  std::vector<double> flows(majors * majors, 0.0);
  for (const CountyEvents& e : w.events) {
    for (std::size_t i = 0; i < figures.size(); ++i) figures[i].add(e.by_state_major[i]);
    for (std::size_t i = 0; i < flows.size(); ++i) flows[i] += e.flows[i];
  }
  // Threads' county events are folded into the world every month, so a checkpoint holds them.
  w.county_pending.resize(out.counties * majors);
  for (CountyEvents& e : w.events) {
    for (std::size_t i = 0; i < w.county_pending.size(); ++i) {
      w.county_pending[i].add(e.by_county_major[i]);
    }
    e.by_county_major.assign(w.county_pending.size(), {});
  }
  std::vector<MonthFigures> county;
  if (county_month) {
    county = std::move(w.county_pending);
    w.county_pending.assign(out.counties * majors, {});
  }
  // County by county, over the subcells with slots (engine/slots.h), skipping empty ones (adding
  // their zeros would change no sum).
  for (std::size_t c = 0; c < l.counties; ++c) {
    for (const engine::GroupSlots& g : slots.open_groups(c)) {
      const std::size_t k = g.group;
      const std::size_t e = k - c * l.entries;
      if ((slots.employed(k) | slots.unemployed(k) | slots.training(k)) == 0 &&
          slots.wages(k) == 0.0) {
        continue;  // a wage bill kept by additions can leave a residue: only true zeros skip
      }
      const std::uint16_t o = l.entry_occupation[e];
      const std::size_t major = l.occupation_major[o];
      for (MonthFigures* f : {&figures[l.county_state[c] * majors + major],
                              county_month ? &county[c * majors + major] : nullptr}) {
        if (!f) continue;
        f->employed += slots.employed(k);
        f->unemployed += slots.unemployed(k);
        f->training += slots.training(k);
        f->wage_bill += slots.wages(k);
        f->exposed_wages += slots.wages(k) * m.exposure[o];
      }
    }
  }
  // Hired (employed) or seeking (unemployed), waiting for a slot; in a subcell without slots, the
  // employed's wages are counted here (one with slots has them in its wage bill).
  for (const auto& [k, a] : slots.waiting()) {
    const std::size_t c = k / l.entries;
    const std::uint16_t o = l.entry_occupation[k % l.entries];
    const std::size_t major = l.occupation_major[o];
    const bool hired = (a.status & kStatusMask) == kEmployed;
    const double wage = hired && slots.capacity(k) == 0 ? a.wage : 0.0;
    for (MonthFigures* f : {&figures[l.county_state[c] * majors + major],
                            county_month ? &county[c * majors + major] : nullptr}) {
      if (!f) continue;
      (hired ? f->employed : f->unemployed) += 1;
      f->wage_bill += wage;
      f->exposed_wages += wage * m.exposure[o];
    }
  }
  MonthIndicators indicators = w.indicators;
  for (const CountyEvents& e : w.events) indicators.trainees_reemployed += e.trainees_reemployed;
  for (std::uint32_t n : m.entrants) indicators.entrants += n;
  indicators.exposure = m.mean_exposure;
  indicators.adoption = m.mean_adoption;
  indicators.job_finding = m.job_finding;
  indicators.openings = m.total_openings;
  indicators.multiplier = m.multiplier;
  out.state_major.push_back(std::move(figures));
  out.flows.push_back(std::move(flows));
  out.indicators.push_back(indicators);
  if (county_month) {
    out.county_months.push_back(month);
    out.county_major.push_back(std::move(county));
  }
  reset_month(w);
}

}  // namespace labor
}  // namespace floe
