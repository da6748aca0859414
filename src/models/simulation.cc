// A run: the engine's runtime with the labor model and, when enabled, the AI-talent model;
// month by month, with checkpoints (docs/engine.md).
#include "floe/simulation.h"

#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>

#include "engine/checkpoint.h"
#include "engine/partition.h"
#include "engine/runtime.h"
#include "floe/error.h"
#include "models/labor/model.h"
#include "models/talent/segment.h"

namespace floe {

namespace {

// The no-AI twin of a scenario: the same settings with capability and adoption held at their
// start (docs/model.md §16).
Scenario twin_of(const Scenario& scenario) {
  Scenario twin = scenario;
  twin.labor.capability.frozen = true;
  twin.labor.adoption.frozen = true;
  return twin;
}

}  // namespace

struct Simulation::Impl {
  std::map<std::string, std::string> settings;  // the caller's (SimulationOptions::settings)

  Impl(const Dataset& ds, const Cells& c, Scenario s, bool with_twin, Ranks& r)
      : dataset(ds),
        cells(c),
        ranks(r),
        scenario(std::move(s)),
        labor(ds, c, scenario, output, "labor", r) {
    if (with_twin) {
      twin_scenario = std::make_unique<Scenario>(twin_of(scenario));
      twin_output = std::make_unique<SimulationOutput>();
      twin = std::make_unique<labor::LaborModel>(ds, c, *twin_scenario, *twin_output, "twin", r);
    }
  }

  // The models join the runtime in the order they run each month; county substeps run over
  // this rank's counties.
  void assemble() {
    runtime = std::make_unique<engine::Runtime>(labor.first_county(), labor.last_county());
    runtime->add(labor);
    if (twin) runtime->add(*twin);
    if (talent) runtime->add(*talent);
  }
  void start_talent() {
    if (!scenario.talent.enabled) return;
    talent = std::make_unique<talent::TalentSegment>(dataset.data_dir, scenario, labor.scale());
  }
  std::vector<engine::Model*> models() {
    std::vector<engine::Model*> m = {&labor};
    if (twin) m.push_back(twin.get());
    if (talent) m.push_back(talent.get());
    return m;
  }

  const Dataset& dataset;
  const Cells& cells;
  Ranks& ranks;
  Scenario scenario;
  SimulationOutput output;
  labor::LaborModel labor;
  // The no-AI twin: its own settings (at a fixed address: its model points into them).
  std::unique_ptr<Scenario> twin_scenario;
  std::unique_ptr<SimulationOutput> twin_output;
  std::unique_ptr<labor::LaborModel> twin;
  std::unique_ptr<talent::TalentSegment> talent;
  std::unique_ptr<engine::Runtime> runtime;
  int month = 0;
};

Simulation::Simulation(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;
Simulation::~Simulation() = default;

Simulation::Simulation(const Dataset& dataset, const Cells& cells, Population population,
                       const Scenario& scenario, bool twin, Ranks& ranks)
    : impl_(std::make_unique<Impl>(dataset, cells, scenario, twin, ranks)) {
  impl_->labor.begin(std::move(population));
  if (impl_->twin) impl_->twin->begin_as_twin_of(impl_->labor);
  impl_->start_talent();
  if (impl_->talent) impl_->talent->run_history();
  impl_->assemble();
}

Population synthesize_for_rank(const Dataset& dataset, const Cells& cells, SynthesisOptions options,
                               const Ranks& ranks, const Progress& progress) {
  if (ranks.size() > 1) {
    const std::vector<std::uint32_t> counts = cell_counts(dataset, cells, options.scale);
    std::vector<std::uint32_t> county_agents(dataset.geography.counties.size(), 0);
    for (std::size_t k = 0; k < counts.size(); ++k)
      county_agents[k / cells.occupations] += counts[k];
    const std::vector<std::size_t> bounds = engine::partition_counties(county_agents, ranks.size());
    options.first_county = bounds[static_cast<std::size_t>(ranks.rank())];
    options.last_county = bounds[static_cast<std::size_t>(ranks.rank()) + 1];
  }
  return synthesize(dataset, cells, options, progress);
}

std::filesystem::path checkpoint_of_rank(const std::filesystem::path& checkpoint, int rank,
                                         int ranks) {
  if (ranks <= 1) return checkpoint;
  std::filesystem::path p = checkpoint;
  p += fmt::format(".{}-of-{}", rank, ranks);
  return p;
}

Simulation Simulation::resume(const Dataset& dataset, const Cells& cells,
                              const std::filesystem::path& file, Ranks& ranks) {
  const std::filesystem::path path = checkpoint_of_rank(file, ranks.rank(), ranks.size());
  const engine::Checkpoint header = engine::read_checkpoint_header(path);
  nlohmann::json run;
  Scenario scenario;
  bool twin = false;
  std::map<std::string, std::string> settings;
  try {
    run = nlohmann::json::parse(header.run);
    scenario = parse_scenario(run.at("settings").get<std::string>(), path.string());
    scenario.text = run.at("scenario_text").get<std::string>();
    scenario.file = run.at("scenario_file").get<std::string>();
    twin = run.at("twin").get<bool>();
    if (run.contains("caller"))
      settings = run.at("caller").get<std::map<std::string, std::string>>();
    const int written_by = run.value("ranks", 1);
    if (written_by != ranks.size()) {
      throw DataError(path.string(), 0, "",
                      fmt::format("checkpoint written by {} ranks, resumed on {}: resume with as "
                                  "many ranks",
                                  written_by, ranks.size()));
    }
  } catch (const nlohmann::json::exception& e) {
    throw DataError(path.string(), 0, "",
                    std::string("corrupt checkpoint run settings: ") + e.what());
  }
  // Sizes are checked against this data before the records are read.
  const std::size_t counties = dataset.geography.counties.size();
  const std::size_t entries = dataset.taxonomy.occupation_sectors.values.size();
  for (const engine::SlotSetInfo& set : header.slot_sets) {
    if (set.groups != counties * entries || set.groups_per_region != entries) {
      throw DataError(path.string(), 0, "", "checkpoint from a run on other data");
    }
  }
  std::map<std::string, std::unique_ptr<engine::Slots>> slots;
  const engine::Checkpoint checkpoint = engine::read_checkpoint(path, slots);
  // The ranks' files must hold the same month: a job killed while writing them leaves some
  // older (every rank finds the same and says the same).
  const std::vector<int> months = ranks.gather_all(std::span<const int>(&checkpoint.month, 1));
  if (std::adjacent_find(months.begin(), months.end(), std::not_equal_to<>()) != months.end()) {
    throw DataError(file.string(), 0, "",
                    fmt::format("the ranks' checkpoint files hold different months ({} to {}): "
                                "the job stopped while writing them; start the run again",
                                *std::min_element(months.begin(), months.end()),
                                *std::max_element(months.begin(), months.end())));
  }
  auto impl = std::make_unique<Impl>(dataset, cells, scenario, twin, ranks);
  const auto seed = run.at("population_seed").get<std::uint64_t>();
  const auto scale = run.at("scale").get<double>();
  for (labor::LaborModel* model : {&impl->labor, impl->twin.get()}) {
    if (!model) continue;
    auto it = slots.find(std::string(model->name()));
    if (it == slots.end()) {
      throw DataError(path.string(), 0, "",
                      "checkpoint has no agents for the " + std::string(model->name()));
    }
    model->adopt(std::move(it->second), seed, scale);
  }
  impl->start_talent();
  for (engine::Model* model : impl->models()) {
    const auto it = checkpoint.states.find(std::string(model->name()));
    if (it == checkpoint.states.end()) {
      throw DataError(path.string(), 0, "",
                      "checkpoint has no state for the " + std::string(model->name()) + " model");
    }
    engine::StateReader in(it->second, path.string());
    model->load(in);
  }
  impl->month = checkpoint.month;
  impl->settings = std::move(settings);
  impl->assemble();
  return Simulation(std::move(impl));
}

int Simulation::month() const { return impl_->month; }
int Simulation::months() const { return impl_->scenario.run.months; }

void Simulation::step() {
  if (done())
    throw Error("the run is done: month " + std::to_string(month()) + " of " +
                std::to_string(months()));
  impl_->runtime->run_month(impl_->month + 1);
  ++impl_->month;
}

const SimulationOutput& Simulation::output() const {
  if (impl_->talent) impl_->output.talent = impl_->talent->run();
  return impl_->output;
}
const SimulationOutput* Simulation::twin_output() const { return impl_->twin_output.get(); }
const Scenario& Simulation::scenario() const { return impl_->scenario; }

void Simulation::set(std::string_view key, std::string_view value) {
  const std::vector<ScenarioKey> keys = scenario_keys();
  const auto it =
      std::find_if(keys.begin(), keys.end(), [&](const ScenarioKey& k) { return k.key == key; });
  if (it != keys.end() && !it->lever && month() > 0) {
    throw DataError("set", 0, std::string(key),
                    "fixed at the start of a run; only keys marked as levers may change between "
                    "months");
  }
  set_scenario_key(impl_->scenario, key, value, "set");
  if (impl_->twin_scenario) *impl_->twin_scenario = twin_of(impl_->scenario);
}

AgentView Simulation::agents() const {
  const auto& records = impl_->labor.slots().records();
  return {records.data(), records.size()};
}
AgentView Simulation::twin_agents() const {
  if (!impl_->twin) return {};
  const auto& records = impl_->twin->slots().records();
  return {records.data(), records.size()};
}
double Simulation::scale() const { return impl_->labor.scale(); }
std::uint64_t Simulation::population_seed() const { return impl_->labor.population_seed(); }

void Simulation::checkpoint(const std::filesystem::path& path) {
  const auto begin = std::chrono::steady_clock::now();
  engine::Checkpoint c;
  c.month = impl_->month;
  // The settings as run (which may differ from the file's text: a test or the CLI may have
  // changed them, and levers may change between months), and the text as the user wrote it.
  const nlohmann::ordered_json run = {{"settings", scenario_toml(impl_->scenario)},
                                      {"scenario_text", impl_->scenario.text},
                                      {"scenario_file", impl_->scenario.file},
                                      {"population_seed", impl_->labor.population_seed()},
                                      {"scale", impl_->labor.scale()},
                                      {"twin", impl_->twin != nullptr},
                                      {"ranks", impl_->ranks.size()},
                                      {"data_dir", impl_->dataset.data_dir.string()},
                                      {"caller", impl_->settings}};
  c.run = run.dump();
  for (const engine::Model* model : impl_->models()) {
    engine::StateWriter out;
    model->save(out);
    c.states[std::string(model->name())] = out.take();
  }
  std::vector<std::pair<std::string, const engine::Slots*>> slots = {
      {"labor", &impl_->labor.slots()}};
  if (impl_->twin) slots.emplace_back("twin", &impl_->twin->slots());
  engine::write_checkpoint(checkpoint_of_rank(path, impl_->ranks.rank(), impl_->ranks.size()), c,
                           slots, impl_->ranks);
  impl_->runtime->add_time(
      "checkpoints",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count());
}

std::map<std::string, std::string>& Simulation::settings() { return impl_->settings; }

CheckpointSummary read_checkpoint_summary(const std::filesystem::path& path) {
  const engine::Checkpoint header = engine::read_checkpoint_header(path);
  CheckpointSummary s;
  s.month = header.month;
  try {
    const nlohmann::json run = nlohmann::json::parse(header.run);
    s.scenario = parse_scenario(run.at("settings").get<std::string>(), path.string());
    s.scenario.text = run.at("scenario_text").get<std::string>();
    s.scenario.file = run.at("scenario_file").get<std::string>();
    s.twin = run.at("twin").get<bool>();
    s.scale = run.at("scale").get<double>();
    if (run.contains("caller")) {
      s.settings = run.at("caller").get<std::map<std::string, std::string>>();
    }
  } catch (const nlohmann::json::exception& e) {
    throw DataError(path.string(), 0, "",
                    std::string("corrupt checkpoint run settings: ") + e.what());
  }
  return s;
}

std::vector<SubstepSeconds> Simulation::timing() const {
  std::vector<SubstepSeconds> out;
  for (const auto& t : impl_->runtime->timing()) out.push_back({t.model, t.substep, t.seconds});
  return out;
}

SimulationResult Simulation::result() const {
  SimulationResult r;
  r.output = output();
  if (impl_->twin_output) r.twin = *impl_->twin_output;
  r.scenario = scenario();
  r.settings = impl_->settings;
  r.last_month = month();
  r.slots = agents().size;
  r.scale = scale();
  r.seconds = timing();
  return r;
}

double SimulationResult::seconds_in(std::initializer_list<std::string_view> substeps) const {
  double sum = 0;
  for (const SubstepSeconds& s : seconds) {
    for (std::string_view name : substeps) {
      if (s.substep == name) sum += s.seconds;
    }
  }
  return sum;
}

SimulationResult simulate(const Dataset& dataset, const Cells& cells, Population population,
                          const Scenario& scenario, const SimulationOptions& options) {
  Ranks& ranks = options.ranks ? *options.ranks : Ranks::solo();
  Simulation sim = options.resume ? Simulation::resume(dataset, cells, options.checkpoint, ranks)
                                  : Simulation(dataset, cells, std::move(population), scenario,
                                               options.twin, ranks);
  if (!options.resume) sim.settings() = options.settings;
  const int first = sim.month();
  const int every = sim.scenario().run.checkpoint_every;
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  // Checkpoints cost at most 5% of the run (docs/model.md §11): one is due every
  // output.checkpoint_every months, but not before 20 times the last one's duration has passed.
  // Before the first, its duration is estimated from what it holds: the agent slots of the run
  // and its twin, and about half as much again in per-group tables, at 150 MB/s (measured: 2.4
  // GB in 12.9 s at scale 0.002 with the twin).
  auto last_checkpoint = start;
  const double slot_bytes =
      16.0 * static_cast<double>(sim.agents().size) * (sim.twin_output() ? 2.0 : 1.0);
  double checkpoint_seconds = 1.5 * slot_bytes / 150e6;
  SimulationResult result;
  while (!sim.done()) {
    sim.step();
    const int month = sim.month();
    if (options.progress) options.progress(month, sim.months());
    // Spread over ranks, they stop and checkpoint together when any of them says so.
    const bool stop = ranks.any(options.interrupt && options.interrupt->load()) && !sim.done();
    const double since = std::chrono::duration<double>(Clock::now() - last_checkpoint).count();
    const bool due =
        month % every == 0 && ranks.any(since >= 20 * checkpoint_seconds) && !sim.done();
    if (!options.checkpoint.empty() && (due || stop)) {
      const auto begin = Clock::now();
      sim.checkpoint(options.checkpoint);
      last_checkpoint = Clock::now();
      checkpoint_seconds = std::chrono::duration<double>(last_checkpoint - begin).count();
    }
    if (stop) {
      result.interrupted = true;
      break;
    }
  }
  const bool interrupted = result.interrupted;
  result = sim.result();
  result.interrupted = interrupted;
  const int done = result.last_month - first;
  if (done > 0) {
    result.seconds_per_month =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / done;
  }
  return result;
}

}  // namespace floe
