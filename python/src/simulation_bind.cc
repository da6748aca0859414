// floe.Simulation as Python sees it: construction (as `floe simulate` builds a run), resuming,
// stepping, levers, results as arrays, and floe.scenario_keys().
#include <fmt/format.h>
#include <pybind11/stl/filesystem.h>

#include <limits>
#include <optional>

#include "floe/error.h"
#include "floe/install.h"
#include "floe/population.h"
#include "simulation.h"

namespace floe::python {
namespace {

std::unique_ptr<PySimulation> create(const py::object& scenario, double scale,
                                     std::optional<long long> seed, std::optional<int> months,
                                     const py::object& population, const py::object& data,
                                     const py::object& settings, bool twin) {
  // The command line's checks of its options, before anything is read.
  check_range("--scale", scale, 1e-9, 1.0);
  if (months) check_range("--months", *months, 1, 600);
  if (seed) check_range("--seed", *seed, 0LL, std::numeric_limits<long long>::max());
  Scenario sc = read_scenario(find_scenario(to_path(scenario)));
  if (!settings.is_none()) {
    for (const auto& [key, value] : settings.cast<py::dict>()) {
      set_scenario_key(sc, key.cast<std::string>(), toml_literal(value), "settings");
    }
  }
  if (months) sc.run.months = *months;
  if (seed) sc.run.seed = static_cast<std::uint64_t>(*seed);
  std::shared_ptr<const World> w = world(data);
  const std::filesystem::path snapshot = population.is_none() ? "" : to_path(population);
  std::optional<Simulation> simulation;
  {
    py::gil_scoped_release release;
    Population agents;
    std::string source;
    if (!snapshot.empty()) {
      agents = load_population(snapshot);
      source = snapshot.string();
    } else {
      agents = synthesize(w->dataset, w->cells, {.scale = scale, .seed = sc.run.seed});
      source = fmt::format("synthesized at scale {:g}, seed {}", scale, sc.run.seed);
    }
    simulation.emplace(w->dataset, w->cells, std::move(agents), sc, twin);
    simulation->settings() = run_settings(*w, source, scale, twin);
  }
  return std::make_unique<PySimulation>(std::move(w), std::move(*simulation));
}

std::string setting(const CheckpointSummary& run, const std::string& key) {
  const auto it = run.settings.find(key);
  return it == run.settings.end() ? std::string() : it->second;
}

// A run continues on the data it started with: that of its checkpoint, or `data` when it is
// the same directory.
std::unique_ptr<PySimulation> resume(const py::object& checkpoint, const py::object& data) {
  const std::filesystem::path path = to_path(checkpoint);
  const CheckpointSummary run = read_checkpoint_summary(path);
  std::shared_ptr<const World> w;
  if (data.is_none()) {
    DatasetOptions options;
    options.data_dir = setting(run, "data");
    if (const std::string year = setting(run, "oews_year"); !year.empty()) {
      options.oews_year = std::stoi(year);
    }
    options.oews_state_file = setting(run, "oews_state");
    options.oews_msa_file = setting(run, "oews_msa");
    options.cbp_file = setting(run, "cbp");
    w = load_world(options);
  } else {
    w = world(data);
    const std::string given =
        std::filesystem::absolute(w->dataset.data_dir).lexically_normal().string();
    const std::string recorded = setting(run, "data");
    if (!recorded.empty() && given != recorded) {
      throw Error("data " + given + " conflicts with the run in " + path.string() + " (" +
                  recorded + "): a resumed run keeps the data it started with; leave data out");
    }
  }
  std::optional<Simulation> simulation;
  {
    py::gil_scoped_release release;
    simulation.emplace(Simulation::resume(w->dataset, w->cells, path));
  }
  return std::make_unique<PySimulation>(std::move(w), std::move(*simulation));
}

// Every key with its value in `values`, read back from the scenario as TOML (scenario_toml
// writes every key exactly; ScenarioKey::value is the form for people).
py::list scenario_key_list(const Scenario& values) {
  const py::object document = toml_document(scenario_toml(values));
  py::list out;
  for (const ScenarioKey& k : scenario_keys(values)) {
    const auto dot = k.key.rfind('.');
    const py::object value =
        dot == std::string::npos
            ? document[py::str(k.key)]
            : document[py::str(k.key.substr(0, dot))][py::str(k.key.substr(dot + 1))];
    py::dict d;
    d["key"] = k.key;
    d["value"] = value;
    d["range"] = k.range;
    d["meaning"] = k.meaning;
    d["lever"] = k.lever;
    out.append(std::move(d));
  }
  return out;
}

py::list timing(const PySimulation& s) {
  py::list out;
  for (const SubstepSeconds& t : s.simulation().timing()) {
    py::dict d;
    d["model"] = t.model;
    d["substep"] = t.substep;
    d["seconds"] = t.seconds;
    out.append(std::move(d));
  }
  return out;
}

py::list changes(const PySimulation& s) {
  py::list out;
  for (const LeverChange& c : s.changes()) {
    py::dict d;
    d["month"] = c.month;
    d["key"] = c.key;
    d["value"] = from_toml(c.value);
    out.append(std::move(d));
  }
  return out;
}

}  // namespace

void bind_simulation(py::module_& m) {
  using S = PySimulation;
  py::class_<S>(m, "Simulation",
                "A simulation run, month by month (docs/model.md), with its no-AI twin: the "
                "workforce under a scenario. Made as `floe simulate` makes one, so the same "
                "scenario, scale and seed give the same results, in workers (agents / scale). Not "
                "thread-safe: one thread drives a run (its months use all OpenMP threads).")
      .def(py::init(&create), py::arg("scenario") = "baseline", py::arg("scale") = 0.01,
           py::arg("seed") = py::none(), py::arg("months") = py::none(),
           py::arg("population") = py::none(), py::arg("data") = py::none(),
           py::arg("settings") = py::none(), py::arg("twin") = true,
           "scenario: a scenario file, or the name of a shipped one (baseline, fast-adoption, "
           "slow-adoption, retraining, talent-levers). scale: the share of the workforce to "
           "synthesize (0.01: 1.5 million agents). seed, months: override the scenario's "
           "run.seed and run.months. population: a snapshot from `floe population build` "
           "instead of synthesizing. data: a data directory or floe.Data (default: the shipped "
           "data). settings: {key: value} applied to the scenario before the start "
           "(floe.scenario_keys()). twin: run the no-AI twin alongside (docs/model.md §16; "
           "twin=False is `floe simulate --no-twin`). Month 0, the start, is recorded.")
      .def_static("resume", &resume, py::arg("checkpoint"), py::arg("data") = py::none(),
                  "Continues a run from its checkpoint (Simulation.checkpoint, or one `floe "
                  "simulate` left), on the data it started with; ends identical to an "
                  "uninterrupted run.")
      .def("step", &S::step,
           "Runs the next month. Raises floe.Error when the run is done, or while arrays from "
           "agents() still view this month's records.")
      .def(
          "run",
          [](const py::object& self, std::optional<int> months, const py::object& between) {
            self.cast<S&>().run(self, months, between);
            return self;
          },
          py::arg("months") = py::none(), py::arg("between") = py::none(),
          "Runs `months` more months (default: to the horizon) and returns the simulation. "
          "between(sim), if given, is called after each month: it may read the results and "
          "agents and change levers with sim.set(), which act from the next month. Ctrl-C stops "
          "the run after the current month, before its callback, with KeyboardInterrupt; run() "
          "again continues it.")
      .def_property_readonly(
          "month", [](const S& s) { return s.simulation().month(); },
          "The last month run: 0 before the first step.")
      .def_property_readonly(
          "months", [](const S& s) { return s.simulation().months(); }, "The horizon, run.months.")
      .def_property_readonly(
          "done", [](const S& s) { return s.simulation().done(); },
          "Whether the run has reached its horizon.")
      .def_property_readonly(
          "scale", [](const S& s) { return s.simulation().scale(); },
          "The population's share of the workforce: each agent stands for 1/scale workers.")
      .def_property_readonly(
          "seed", [](const S& s) { return s.simulation().scenario().run.seed; },
          "The run's seed (run.seed).")
      .def_property_readonly(
          "twin", [](const S& s) { return s.simulation().twin_output() != nullptr; },
          "Whether the no-AI twin runs alongside.")
      .def_property_readonly(
          "name", [](const S& s) { return s.simulation().scenario().name; }, "The scenario's name.")
      .def_property_readonly(
          "scenario_text", [](const S& s) { return scenario_toml(s.simulation().scenario()); },
          "The settings now, as a complete TOML scenario (levers changed so far included).")
      .def_property_readonly(
          "settings",
          [](const S& s) {
            py::dict out;
            for (const py::handle k : scenario_key_list(s.simulation().scenario())) {
              out[k["key"]] = k["value"];
            }
            return out;
          },
          "Every scenario key and its value now: {key: value}.")
      .def_property_readonly(
          "changes", &changes,
          "The levers changed so far: [{'month', 'key', 'value'}], month being the last month "
          "run when it changed (it acts from the next). write() stores them in the run table "
          "as lever_changes.")
      .def("set", &S::set, py::arg("key"), py::arg("value"),
           "Changes a lever (a key with lever=True in floe.scenario_keys()) from the next month "
           "on, as if the scenario file had said so: sim.set('displacement.layoffs', 0.02), "
           "sim.set('retraining.state_budget', {'CA': 2e8}). Before the first month any key may "
           "change. Raises floe.DataError for an unknown key, a value out of range, or a key "
           "fixed at the start of a run.")
      .def(
          "national",
          [](const S& s, bool twin) {
            return national_arrays(s.output(twin), s.simulation().scale());
          },
          py::arg("twin") = false,
          "The national table of the run file (twin=True: twin_national), month 0 to now: "
          "{column: array over months}, counts in workers.")
      .def(
          "states",
          [](const S& s, bool twin) {
            return state_arrays(s.output(twin), s.dataset(), s.simulation().scale(), false);
          },
          py::arg("twin") = false,
          "Every state, month 0 to now: state_fips, usps, name (one per state), month, and each "
          "figure and unemployment_rate as an array [month, state] (NaN: no labor force).")
      .def(
          "state_major",
          [](const S& s, bool twin) {
            return state_arrays(s.output(twin), s.dataset(), s.simulation().scale(), true);
          },
          py::arg("twin") = false,
          "As states(), by SOC major group as well: figures as arrays [month, state, major], "
          "with major (the group codes) and major_title.")
      .def(
          "counties",
          [](const S& s, bool twin) {
            return county_arrays(s.output(twin), s.dataset(), s.simulation().scale());
          },
          py::arg("twin") = false,
          "Every county at the months with county figures (output.county_every, and the last): "
          "county_fips, state_fips, month, and each figure as an array [month, county].")
      .def(
          "flows",
          [](const S& s, bool twin) {
            return flow_arrays(s.output(twin), s.dataset(), s.simulation().scale());
          },
          py::arg("twin") = false,
          "Occupation changes between SOC major groups, in workers: major (codes), month, and "
          "moves as an array [month, from, to].")
      .def(
          "agents",
          [](const py::object& self, bool twin) { return self.cast<S&>().agents(self, twin); },
          py::arg("twin") = false,
          "The agents now, zero-copy: a read-only numpy structured array over the run's "
          "16-byte agent records (fields county, occupation, industry, status, months, wage, "
          "id: floe.AGENT_FIELDS); twin=True: the twin's. Slots without an agent have "
          "status & floe.STATUS_MASK == floe.VACANT. Valid for this month: step() refuses to "
          "run while such arrays are alive (copy them with numpy.array to keep them).")
      .def("checkpoint", &S::checkpoint, py::arg("path"),
           "Saves everything needed to continue the run to `path`: Simulation.resume(path), or "
           "`floe simulate --out OUT --checkpoint PATH --resume`.")
      .def("write", &S::write, py::arg("path"),
           "Writes the run so far as `floe simulate --out` does: one SQLite file with the tables "
           "run, national, state_major, county_major, flows, twin_* and talent_* "
           "(floe.read_run).")
      .def("timing", &timing,
           "Where the time went: [{'model', 'substep', 'seconds'}], summed over the months run.")
      .def("__repr__", &S::repr);
  m.def(
      "scenario_keys", [] { return scenario_key_list(Scenario()); },
      "Every scenario key: [{'key', 'value' (the default), 'range', 'meaning', 'lever'}]; "
      "levers may change between months (Simulation.set).");
  bind_agents(m);
}

}  // namespace floe::python
