#include "engine/runtime.h"

#include <omp.h>

#include <chrono>

#include "floe/error.h"

namespace floe::engine {
namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

Runtime::Runtime(std::size_t first, std::size_t last) : first_(first), last_(last) {}

void Runtime::add(Model& model) {
  for (Substep& s : model.substeps()) {
    if (!s.month == !s.county) {
      throw Error("model " + std::string(model.name()) + ": substep '" + s.name +
                  "' must run either once a month or per county");
    }
    const bool county = static_cast<bool>(s.county);
    // A county substep joins the previous stage when that is the same model's county stage.
    if (county && !stages_.empty() && stages_.back().county && last_model_ == &model) {
      stages_.back().steps.push_back(steps_.size());
    } else {
      stages_.push_back({{steps_.size()}, county});
    }
    timing_.push_back({std::string(model.name()), s.name, 0});
    steps_.push_back(std::move(s));
    last_model_ = &model;
  }
}

void Runtime::run_month(int month) {
  const int threads = std::max(1, omp_get_max_threads());
  std::vector<double> busy;  // [thread * steps + i]: CPU seconds per thread and substep
  for (const Stage& stage : stages_) {
    const auto begin = Clock::now();
    if (!stage.county) {
      steps_[stage.steps[0]].month(month);
      timing_[stage.steps[0]].seconds += seconds(begin, Clock::now());
      continue;
    }
    const std::size_t n = stage.steps.size();
    busy.assign(static_cast<std::size_t>(threads) * n, 0.0);
#pragma omp parallel for schedule(dynamic, 4)
    for (std::size_t c = first_; c < last_; ++c) {
      const int thread = omp_get_thread_num();
      auto from = Clock::now();
      for (std::size_t i = 0; i < n; ++i) {
        steps_[stage.steps[i]].county(month, c, thread);
        const auto now = Clock::now();
        busy[static_cast<std::size_t>(thread) * n + i] += seconds(from, now);
        from = now;
      }
    }
    const double wall = seconds(begin, Clock::now());
    double total = 0;
    for (double b : busy) total += b;
    for (std::size_t i = 0; i < n; ++i) {
      double mine = 0;
      for (int t = 0; t < threads; ++t) mine += busy[static_cast<std::size_t>(t) * n + i];
      timing_[stage.steps[i]].seconds += total > 0 ? wall * mine / total : wall / n;
    }
  }
}

void Runtime::add_time(const std::string& what, double s) {
  for (SubstepTime& t : timing_) {
    if (t.model.empty() && t.substep == what) {
      t.seconds += s;
      return;
    }
  }
  timing_.push_back({"", what, s});
}

}  // namespace floe::engine
