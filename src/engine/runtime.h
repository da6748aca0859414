// The runtime that runs models month by month (docs/engine.md).
//
// A model is an ordered list of named substeps plus its state for checkpoints. A substep runs
// either once a month or once per county; the runtime runs each month's substeps in order,
// model after model, and runs consecutive county substeps of a model fused: counties in
// parallel (OpenMP, dynamic schedule), and within a county its substeps one after another, so
// that a county's data stays in cache across them. A county substep may change only its own
// county's agents and must write its results to per-thread accumulators (`thread`): the
// outcome is then independent of the number of threads, provided the model's random numbers are
// counter-based (include/floe/random.h) and its sums are of whole numbers or in a fixed order.
//
// The runtime measures each substep's time: month substeps by the wall clock; fused county
// substeps by the sum over threads of each substep's time, scaled to the fused loop's wall time.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/state_io.h"

namespace floe::engine {

struct Substep {
  std::string name;
  // Exactly one of the two.
  std::function<void(int month)> month;
  std::function<void(int month, std::size_t county, int thread)> county;
};

class Model {
 public:
  virtual ~Model() = default;
  virtual std::string_view name() const = 0;
  // The substeps of a month, in order. Called once, when the model joins a runtime.
  virtual std::vector<Substep> substeps() = 0;
  // The model's state beyond the agent records, for checkpoints; load() restores what save()
  // wrote, after the model was built for the same scenario and data.
  virtual void save(StateWriter& out) const = 0;
  virtual void load(StateReader& in) = 0;
};

struct SubstepTime {
  std::string model, substep;
  double seconds = 0;  // summed over the months run
};

class Runtime {
 public:
  // County substeps run over counties [first, last): all of them, or those of this rank when a
  // run is spread over ranks (engine/partition.h).
  Runtime(std::size_t first, std::size_t last);
  // Appends the model's substeps after those already added.
  void add(Model& model);
  // Runs every substep of every model once, for `month`.
  void run_month(int month);
  const std::vector<SubstepTime>& timing() const { return timing_; }
  // Adds outside work (e.g. a checkpoint) to the timing table.
  void add_time(const std::string& what, double seconds);

 private:
  struct Stage {  // one month substep, or consecutive county substeps of one model
    std::vector<std::size_t> steps;  // into steps_
    bool county = false;
  };
  std::size_t first_, last_;
  std::vector<Substep> steps_;
  std::vector<Stage> stages_;
  std::vector<SubstepTime> timing_;  // per step, then extra rows
  Model* last_model_ = nullptr;
};

}  // namespace floe::engine
