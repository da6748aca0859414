// Replicates of a run (docs/model.md §16): the scenario again with other seeds, and the spread
// of its national measures over them.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>

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

SimulationResult simulate_with_seed(const Dataset& ds, const Cells& cells, Scenario scenario,
                                    double scale, std::uint64_t seed,
                                    const SimulationOptions& options) {
  scenario.run.seed = seed;
  return simulate(ds, cells, synthesize(ds, cells, {.scale = scale, .seed = seed}), scenario,
                  options);
}

namespace {

// The memory one replicate holds at `scale`: a fixed part (the run's tables, the subcell index)
// and bytes per agent (the synthesized population, the agent records with their free slots, the
// twin's records), fitted to peak RSS at scales 0.001-0.05 (docs/model.md §16); larger scales
// need less per agent, so the estimate errs high.
std::uint64_t replicate_bytes(const Dataset& ds, double scale, bool twin) {
  const double agents = scale * ds.labor.national_total_employment;
  return static_cast<std::uint64_t>(twin ? 0.6e9 + 90 * agents : 0.3e9 + 60 * agents);
}

// The memory this machine can still give, from /proc/meminfo (Linux); 0 when unknown.
std::uint64_t memory_available() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::uint64_t kib = 0;
  std::string unit;
  while (meminfo >> key >> kib >> unit) {
    if (key == "MemAvailable:") return kib * 1024;
  }
  return 0;
}

}  // namespace

int replicates_at_once(const Dataset& ds, int count, double scale, bool twin) {
  const int threads = std::max(1, omp_get_max_threads());
  const std::uint64_t available = memory_available();
  // Leave a fifth of what is free for everything else; unknown memory: one at a time.
  const auto fit =
      available == 0 ? 1 : static_cast<int>(available * 4 / 5 / replicate_bytes(ds, scale, twin));
  return std::clamp(std::min(fit, threads), 1, std::max(1, count));
}

std::vector<Replicate> run_replicates(const Dataset& ds, const Cells& cells,
                                      const Scenario& scenario, double scale, int count, bool twin,
                                      const std::function<void(int, int, int)>& progress,
                                      const std::atomic<bool>* interrupt, int at_once) {
  if (count <= 0) return {};
  if (at_once <= 0) at_once = replicates_at_once(ds, count, scale, twin);
  at_once = std::clamp(at_once, 1, count);
  // Each replicate is bit-identical for any number of threads, so splitting the threads between
  // replicates changes only when they finish, not what they hold.
  const int threads = std::max(1, omp_get_max_threads() / at_once);
  std::vector<std::optional<Replicate>> done(static_cast<std::size_t>(count));
  std::mutex mutex;  // progress calls, one at a time; the first failure
  std::exception_ptr failure;
  const int levels = omp_get_max_active_levels();
  omp_set_max_active_levels(std::max(levels, 2));  // each replicate's own parallel loops
#pragma omp parallel for num_threads(at_once) schedule(dynamic, 1)
  for (int r = 1; r <= count; ++r) {
    try {
      omp_set_num_threads(threads);
      SimulationOptions options;
      options.twin = twin;
      options.interrupt = interrupt;
      if (progress) {
        options.progress = [&, r](int month, int months) {
          const std::lock_guard lock(mutex);
          progress(r, month, months);
        };
      }
      const SimulationResult result = simulate_with_seed(
          ds, cells, scenario, scale, scenario.run.seed + static_cast<std::uint64_t>(r), options);
      // An unfinished replicate is not one.
      if (!result.interrupted) done[static_cast<std::size_t>(r - 1)] = replicate_of(result);
    } catch (...) {
      const std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
    }
  }
  omp_set_max_active_levels(levels);
  if (failure) std::rethrow_exception(failure);
  // The replicates completed without a gap: seeds s + 1, ..., s + k.
  std::vector<Replicate> out;
  for (auto& r : done) {
    if (!r) break;
    out.push_back(std::move(*r));
  }
  return out;
}

namespace {

// Everyone not employed in the labor force, trainees included (docs/model.md §9).
double replicate_unemployment_rate(const MonthFigures& f) {
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
       [](const MonthFigures& f, const MonthFigures*, double) {
         return replicate_unemployment_rate(f);
       }},
      {"twin_unemployment_rate", true,
       [](const MonthFigures&, const MonthFigures* t, double) {
         return replicate_unemployment_rate(*t);
       }},
      {"ai_effect_points", true,
       [](const MonthFigures& f, const MonthFigures* t, double) {
         return 100 * (replicate_unemployment_rate(f) - replicate_unemployment_rate(*t));
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
