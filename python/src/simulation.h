// floe.Simulation: a run month by month from Python (the step API, include/floe/simulation.h),
// made and written as `floe simulate` makes and writes one, so that the same scenario, scale
// and seed give the same results file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "binding.h"
#include "floe/simulation.h"

namespace floe::python {

// A lever changed between months (Simulation.set), as recorded in the run.
struct LeverChange {
  int month = 0;  // the last month run when it changed: it acts from month + 1
  std::string key, value;
};

// Not thread-safe, like floe::Simulation; a call while another thread steps the run is an
// Error rather than a race.
class PySimulation {
 public:
  PySimulation(std::shared_ptr<const World> world, Simulation simulation);

  void step();
  // Runs `months` more months (default: to the horizon), calling between(self) after each;
  // Ctrl-C stops it after the current month with KeyboardInterrupt.
  void run(const py::object& self, std::optional<int> months, const py::object& between);
  void set(const std::string& key, const py::handle& value);
  void checkpoint(const std::filesystem::path& path);
  // The run's results file, as `floe simulate --out` writes it.
  void write(const std::filesystem::path& path);
  // The agent records of the month (of the run or its twin), read-only and zero-copy
  // (agents.cc).
  py::array agents(const py::object& self, bool twin);

  const Simulation& simulation() const { return simulation_; }
  const Dataset& dataset() const { return world_->dataset; }
  // The results so far of the run or (twin) of its no-AI twin; Error when it has none.
  const SimulationOutput& output(bool twin) const;
  const std::vector<LeverChange>& changes() const { return changes_; }
  std::string repr() const;

 private:
  // Throws Error while another thread runs a month, or while numpy arrays still view the
  // agents of this month (a month may move the records and leave them pointing at freed
  // memory).
  void check_can_step() const;
  void check_not_stepping() const;

  std::shared_ptr<const World> world_;
  Simulation simulation_;
  std::vector<LeverChange> changes_;
  py::object agent_memory_;  // a weak reference to what this month's agent arrays view
  bool stepping_ = false;
};

// The settings beside the scenario that define a run, as `floe simulate` keeps them in its
// checkpoints (data, population, scale, twin), so that either can resume the other's run.
std::map<std::string, std::string> run_settings(const World& world,
                                                const std::string& population_source, double scale,
                                                bool twin);

// The run's tables as arrays in workers (outputs.cc): months on the first axis, then places,
// then occupation groups.
py::dict national_arrays(const SimulationOutput& output, double scale);
py::dict state_arrays(const SimulationOutput& output, const Dataset& dataset, double scale,
                      bool by_major);
py::dict county_arrays(const SimulationOutput& output, const Dataset& dataset, double scale);
py::dict flow_arrays(const SimulationOutput& output, const Dataset& dataset, double scale);

// A Python value as a TOML value literal for set_scenario_key: 0.5, true, "region",
// ["CA", "NY"], { CA = 2e8 } (toml.cc).
std::string toml_literal(const py::handle& value);
// A TOML value literal as a Python value, and a TOML document as a dict (tomllib).
py::object from_toml(const std::string& literal);
py::object toml_document(const std::string& text);

void bind_agents(py::module_& m);

}  // namespace floe::python
