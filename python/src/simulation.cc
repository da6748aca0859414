// floe.Simulation's run: stepping without the GIL, Ctrl-C between months, levers, checkpoints
// and the results file, as apps/floe/cmd_simulate.cc does them.
#include "simulation.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "floe/error.h"

namespace floe::python {

std::map<std::string, std::string> run_settings(const World& world,
                                                const std::string& population_source, double scale,
                                                bool twin) {
  const DatasetOptions& o = world.options;
  return {{"data", std::filesystem::absolute(world.dataset.data_dir).lexically_normal().string()},
          {"oews_year", std::to_string(o.oews_year)},
          {"oews_state", o.oews_state_file.string()},
          {"oews_msa", o.oews_msa_file.string()},
          {"cbp", o.cbp_file.string()},
          {"population", population_source},
          {"scale", fmt::format("{}", scale)},
          {"twin", twin ? "yes" : "no"}};
}

PySimulation::PySimulation(std::shared_ptr<const World> world, Simulation simulation)
    : world_(std::move(world)), simulation_(std::move(simulation)) {}

void PySimulation::check_not_stepping() const {
  if (stepping_) throw Error("the simulation is running a month in another thread");
}

void PySimulation::check_can_step() const {
  check_not_stepping();
  if (agent_memory_ && !agent_memory_().is_none()) {
    throw Error(fmt::format(
        "numpy arrays still view the agents of month {} (from agents()); a month may move the "
        "records, so delete them or copy them (numpy.array(a)) before stepping",
        simulation_.month()));
  }
}

const SimulationOutput& PySimulation::output(bool twin) const {
  check_not_stepping();
  if (!twin) return simulation_.output();
  const SimulationOutput* out = simulation_.twin_output();
  if (!out) throw Error("this run has no no-AI twin: it was made with twin=False");
  return *out;
}

void PySimulation::step() {
  check_can_step();
  if (simulation_.done()) simulation_.step();  // throws Error("the run is done ...")
  struct Stepping {                            // set while the month runs without the GIL
    bool& flag;
    explicit Stepping(bool& f) : flag(f) { flag = true; }
    ~Stepping() { flag = false; }
  } stepping(stepping_);
  py::gil_scoped_release release;
  simulation_.step();
}

void PySimulation::run(const py::object& self, std::optional<int> months,
                       const py::object& between) {
  const int left = simulation_.months() - simulation_.month();
  const int n = months.value_or(left);
  if (n < 0 || n > left) {
    throw Error(fmt::format("run({}): the run is at month {} of {}; {} months are left", n,
                            simulation_.month(), simulation_.months(), left));
  }
  for (int i = 0; i < n; ++i) {
    step();
    // Ctrl-C during the month (its handler only notes it while C++ runs): stop here, after the
    // month, before the callback, with KeyboardInterrupt; run() again continues.
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (!between.is_none()) between(self);
  }
}

void PySimulation::set(const std::string& key, const py::handle& value) {
  check_not_stepping();
  const std::string literal = toml_literal(value);
  simulation_.set(key, literal);
  changes_.push_back({simulation_.month(), key, literal});
}

void PySimulation::checkpoint(const std::filesystem::path& path) {
  check_not_stepping();
  py::gil_scoped_release release;
  simulation_.checkpoint(path);
}

namespace {

// Adds the levers changed during the run to the run table of the finished file `path`, as
// lever_changes: a JSON list of {month, key, value}.
void add_lever_changes(const std::filesystem::path& path, const std::string& json) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(path.c_str(), &db) == SQLITE_OK;
  sqlite3_stmt* insert = nullptr;
  ok = ok &&
       sqlite3_prepare_v2(db, "INSERT INTO run VALUES ('lever_changes', ?1)", -1, &insert,
                          nullptr) == SQLITE_OK &&
       sqlite3_bind_text(insert, 1, json.c_str(), -1, SQLITE_TRANSIENT) == SQLITE_OK &&
       sqlite3_step(insert) == SQLITE_DONE;
  sqlite3_finalize(insert);
  const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
  sqlite3_close(db);
  if (!ok) throw Error(path.string() + ": " + message);
}

}  // namespace

void PySimulation::write(const std::filesystem::path& path) {
  check_not_stepping();
  SimulationResult result = simulation_.result();
  result.interrupted = !simulation_.done();  // the run file says complete = no
  const auto& settings = simulation_.settings();
  const auto source = settings.find("population");
  const std::string population = source == settings.end() ? "" : source->second;
  nlohmann::ordered_json levers = nlohmann::ordered_json::array();
  for (const LeverChange& c : changes_) {
    levers.push_back({{"month", c.month}, {"key", c.key}, {"value", c.value}});
  }
  py::gil_scoped_release release;
  if (changes_.empty()) {
    write_simulation_db(path, world_->dataset, result, population);
    return;
  }
  // The file is finished beside `path` with its lever changes, then moved into place whole:
  // a failure leaves no file where a finished one is expected.
  std::filesystem::path unfinished = path;
  unfinished += ".levers";
  std::error_code ec;
  try {
    write_simulation_db(unfinished, world_->dataset, result, population);
    add_lever_changes(unfinished, levers.dump());
    std::filesystem::rename(unfinished, path, ec);
  } catch (...) {
    std::filesystem::remove(unfinished, ec);
    throw;
  }
  if (ec) {
    std::filesystem::remove(unfinished, ec);
    throw Error(path.string() + ": cannot move the finished file into place");
  }
}

std::string PySimulation::repr() const {
  const Scenario& sc = simulation_.scenario();
  return fmt::format("<floe.Simulation '{}': month {} of {}, scale {:g}, seed {}{}>", sc.name,
                     simulation_.month(), simulation_.months(), simulation_.scale(), sc.run.seed,
                     simulation_.twin_output() ? ", with its no-AI twin" : "");
}

}  // namespace floe::python
