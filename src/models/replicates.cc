// Replicates of a run (docs/model.md §16): the scenario again with other seeds, and the spread
// of its national measures over them.
#include <algorithm>
#include <cmath>

#include "floe/error.h"
#include "floe/simulation.h"

namespace floe {

std::vector<MonthFigures> national_figures(const SimulationOutput& output) {
  std::vector<MonthFigures> out;
  out.reserve(output.state_major.size());
  for (const auto& month : output.state_major) {
    MonthFigures total;
    for (const MonthFigures& f : month) total.add(f);
    out.push_back(total);
  }
  return out;
}

Replicate replicate_of(const SimulationResult& result) {
  Replicate r{.seed = result.scenario.run.seed, .national = national_figures(result.output)};
  if (result.twin) r.twin_national = national_figures(*result.twin);
  return r;
}

std::vector<Replicate> run_replicates(const Dataset& ds, const Cells& cells,
                                      const Scenario& scenario, double scale, int count, bool twin,
                                      const std::function<void(int, int, int)>& progress,
                                      const std::atomic<bool>* interrupt) {
  std::vector<Replicate> out;
  for (int r = 1; r <= count; ++r) {
    Scenario sc = scenario;
    sc.run.seed = scenario.run.seed + static_cast<std::uint64_t>(r);
    SimulationOptions options;
    options.twin = twin;
    options.interrupt = interrupt;
    if (progress) options.progress = [&](int month, int months) { progress(r, month, months); };
    const SimulationResult result = simulate(
        ds, cells, synthesize(ds, cells, {.scale = scale, .seed = sc.run.seed}), sc, options);
    if (result.interrupted) break;  // an unfinished replicate is not one
    out.push_back(replicate_of(result));
  }
  return out;
}

namespace {

// Everyone not employed in the labor force, trainees included (docs/model.md §9).
double unemployment_rate(const MonthFigures& f) {
  const double force = f.employed + f.unemployed + f.training;
  return force > 0 ? (f.unemployed + f.training) / force : std::nan("");
}

// The p-th quantile of sorted values, R's type 7: linear between order statistics.
double quantile(const std::vector<double>& sorted, double p) {
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto i = static_cast<std::size_t>(std::floor(h));
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - static_cast<double>(i)) * (sorted[i + 1] - sorted[i]);
}

}  // namespace

std::vector<ReplicateInterval> replicate_intervals(const std::vector<Replicate>& replicates,
                                                   double scale) {
  if (replicates.size() < 2) return {};
  const std::size_t months = replicates.front().national.size();
  bool twins = true;
  for (const Replicate& r : replicates) {
    if (r.national.size() != months) throw Error("replicates: runs of different lengths");
    twins = twins && r.twin_national.size() == months;
  }
  struct Measure {
    const char* name;
    bool needs_twin;
    double (*read)(const MonthFigures& run, const MonthFigures* twin, double scale);
  };
  static constexpr Measure kMeasures[] = {
      {"unemployment_rate", false,
       [](const MonthFigures& f, const MonthFigures*, double) { return unemployment_rate(f); }},
      {"twin_unemployment_rate", true,
       [](const MonthFigures&, const MonthFigures* t, double) { return unemployment_rate(*t); }},
      {"ai_effect_points", true,
       [](const MonthFigures& f, const MonthFigures* t, double) {
         return 100 * (unemployment_rate(f) - unemployment_rate(*t));
       }},
      {"employed", false,
       [](const MonthFigures& f, const MonthFigures*, double s) { return f.employed / s; }},
      {"ai_effect_employed", true,
       [](const MonthFigures& f, const MonthFigures* t, double s) {
         return (f.employed - t->employed) / s;
       }},
      {"wage_bill", false,
       [](const MonthFigures& f, const MonthFigures*, double s) { return f.wage_bill / s; }},
      {"ai_effect_wage_bill", true,
       [](const MonthFigures& f, const MonthFigures* t, double s) {
         return (f.wage_bill - t->wage_bill) / s;
       }},
  };
  std::vector<ReplicateInterval> out;
  std::vector<double> values(replicates.size());
  for (std::size_t m = 0; m < months; ++m) {
    for (const Measure& measure : kMeasures) {
      if (measure.needs_twin && !twins) continue;
      double sum = 0;
      for (std::size_t r = 0; r < replicates.size(); ++r) {
        const Replicate& rep = replicates[r];
        values[r] = measure.read(rep.national[m], twins ? &rep.twin_national[m] : nullptr, scale);
        sum += values[r];
      }
      std::vector<double> sorted = values;
      std::sort(sorted.begin(), sorted.end());
      out.push_back({static_cast<int>(m), measure.name, sum / static_cast<double>(values.size()),
                     quantile(sorted, 0.05), quantile(sorted, 0.95),
                     static_cast<int>(values.size())});
    }
  }
  return out;
}

}  // namespace floe
