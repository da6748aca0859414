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

namespace {

// This rank's events of the month, summed over its threads and then over ranks: the state and
// major group figures, the flows, and the indicators counted where they happen. Whole numbers,
// so the sums are exact in any order.
void sum_events(World& w, std::vector<MonthFigures>& figures, std::vector<double>& flows,
                MonthIndicators& indicators) {
  const auto fields = kMonthFigureFields.size();
  std::vector<double> sums(figures.size() * fields + flows.size() + 2, 0.0);
  for (const CountyEvents& e : w.events) {
    for (std::size_t i = 0; i < figures.size(); ++i) {
      for (std::size_t f = 0; f < fields; ++f) {
        sums[i * fields + f] += e.by_state_major[i].*kMonthFigureFields[f];
      }
    }
    for (std::size_t i = 0; i < flows.size(); ++i) sums[figures.size() * fields + i] += e.flows[i];
    sums[sums.size() - 1] += e.trainees_reemployed;
  }
  sums[sums.size() - 2] = w.indicators.trainees_completed;
  w.ranks->sum(sums);
  for (std::size_t i = 0; i < figures.size(); ++i) {
    for (std::size_t f = 0; f < fields; ++f) {
      figures[i].*kMonthFigureFields[f] = sums[i * fields + f];
    }
  }
  for (std::size_t i = 0; i < flows.size(); ++i) flows[i] = sums[figures.size() * fields + i];
  indicators.trainees_completed = sums[sums.size() - 2];
  indicators.trainees_reemployed = sums[sums.size() - 1];
}

// The stocks (employed, unemployed, in training, wage bill, exposed wages) of this rank's
// counties by major group: [(county - first) * majors + major].
std::vector<MonthFigures> county_stocks(const World& w) {
  const Layout& l = w.fixed.layout;
  const engine::Slots& slots = *w.slots;
  const std::vector<double>& exposure = w.tables.exposure;
  const std::size_t majors = w.output->majors, first = w.first_county();
  std::vector<MonthFigures> stocks((w.last_county() - first) * majors);
  // Over the subcells with slots (engine/slots.h).
  for (std::size_t c = first; c < w.last_county(); ++c) {
    for (const engine::GroupSlots& g : slots.open_groups(c)) {
      const std::size_t k = g.group;
      const std::uint16_t o = l.entry_occupation[k - c * l.entries];
      MonthFigures& f = stocks[(c - first) * majors + l.occupation_major[o]];
      f.employed += g.employed;
      f.unemployed += g.unemployed;
      f.training += g.training;
      f.wage_bill += g.wages;
      f.exposed_wages += g.wages * exposure[o];
    }
  }
  // Hired (employed) or seeking (unemployed), waiting for a slot; in a subcell without slots, the
  // employed's wages are counted here (one with slots has them in its wage bill).
  for (const auto& [k, a] : slots.waiting()) {
    const std::size_t c = k / l.entries;
    const std::uint16_t o = l.entry_occupation[k % l.entries];
    MonthFigures& f = stocks[(c - first) * majors + l.occupation_major[o]];
    const bool hired = (a.status & kStatusMask) == kEmployed;
    const double wage = hired && slots.capacity(k) == 0 ? a.wage : 0.0;
    (hired ? f.employed : f.unemployed) += 1;
    f.wage_bill += wage;
    f.exposed_wages += wage * exposure[o];
  }
  return stocks;
}

}  // namespace

// The state figures are the month's events plus the stocks of the state's counties, added county
// by county in order, whatever rank holds them: every rank's counties' stocks are gathered, so
// the outputs are the same for any number of ranks (docs/scaling.md §6).
void outputs_step(World& w, int month) {
  const Layout& l = w.fixed.layout;
  const MonthTables& m = w.tables;
  SimulationOutput& out = *w.output;
  const std::size_t majors = out.majors;
  const bool county_month = month % w.settings->county_every == 0 || month == w.run->months;
  std::vector<MonthFigures> figures(out.states * majors);
  std::vector<double> flows(majors * majors, 0.0);
  MonthIndicators indicators = w.indicators;
  sum_events(w, figures, flows, indicators);
  // Threads' county events are folded into the world every month, so a checkpoint holds them.
  w.county_pending.resize(out.counties * majors);
  for (CountyEvents& e : w.events) {
    for (std::size_t i = 0; i < w.county_pending.size(); ++i) {
      w.county_pending[i].add(e.by_county_major[i]);
    }
    e.by_county_major.assign(w.county_pending.size(), {});
  }
  std::vector<MonthFigures> stocks = county_stocks(w);
  if (county_month) {  // this rank's counties' events since the last county month join them
    const std::size_t first = w.first_county() * majors;
    for (std::size_t i = 0; i < stocks.size(); ++i) stocks[i].add(w.county_pending[first + i]);
    w.county_pending.assign(out.counties * majors, {});
  }
  std::vector<MonthFigures> county = w.ranks->gather_all(std::move(stocks));  // in county order
  for (std::size_t c = 0; c < l.counties; ++c) {
    const std::size_t state = l.county_state[c];
    for (std::size_t major = 0; major < majors; ++major) {
      const MonthFigures& f = county[c * majors + major];
      MonthFigures& s = figures[state * majors + major];
      s.employed += f.employed;
      s.unemployed += f.unemployed;
      s.training += f.training;
      s.wage_bill += f.wage_bill;
      s.exposed_wages += f.exposed_wages;
    }
  }
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
