// Scenario files: the engine's keys ([run], [output]) and each model's, composed into one
// schema; the TOML is read against it (engine/schema.h).
#include "floe/scenario.h"

#include <fstream>
#include <sstream>

#include "engine/schema.h"
#include "floe/error.h"
#include "models/labor/model.h"
#include "models/talent/segment.h"

namespace floe {
namespace {

// The run's own keys: what the engine needs to run any model.
void declare_run_keys(Scenario& s, engine::Schema& schema) {
  schema.text("name", s.name, {}, "text", "Short name of the scenario");
  schema.text("description", s.description, {}, "text", "What the scenario represents");
  // From 2012: the talent segment starts in 2011 and needs a year of history.
  schema.month("run.start", s.run.start, 2012, "Calendar month of the run's first month");
  schema.whole("run.months", s.run.months, 1, 600, "Horizon in months");
  schema.whole("run.seed", s.run.seed, "Random seed");
  schema.whole("output.checkpoint_every", s.run.checkpoint_every, 1, 600,
               "Months between checkpoints");
}

// Every key of every part, bound to `s`.
engine::Schema schema_of(Scenario& s) {
  engine::Schema schema;
  declare_run_keys(s, schema);
  labor::declare_keys(s.labor, schema);
  talent::declare_keys(s.talent, schema);
  return schema;
}

// What the schema shows as TOML, as people read a default: "none" for an empty table or list,
// strings unquoted, no ".0" on whole numbers.
std::string readable(std::string v) {
  if (v == "{}" || v == "[]") return "none";
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return v.substr(1, v.size() - 2);
  if (v.size() > 2 && v.compare(v.size() - 2, 2, ".0") == 0) v.resize(v.size() - 2);
  return v;
}

}  // namespace

Scenario parse_scenario(const std::string& text, const std::string& name) {
  Scenario s;
  s.text = text;
  s.file = name;
  engine::read_toml(text, name, schema_of(s));
  labor::check_settings(s.labor, name);
  return s;
}

Scenario read_scenario(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw DataError(path.string(), 0, "", "missing file (cannot open the scenario)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_scenario(buffer.str(), path.string());
}

void set_scenario_key(Scenario& scenario, std::string_view key, std::string_view value,
                      const std::string& origin) {
  Scenario changed = scenario;
  engine::set_key(schema_of(changed), key, value, origin);
  labor::check_settings(changed.labor, origin);
  changed.text = scenario_toml(changed);
  scenario = std::move(changed);
}

std::string scenario_toml(const Scenario& scenario) {
  Scenario copy = scenario;
  return engine::to_toml(schema_of(copy));
}

std::vector<ScenarioKey> scenario_keys(const Scenario& values) {
  Scenario copy = values;
  const engine::Schema schema = schema_of(copy);
  std::vector<ScenarioKey> out;
  for (const engine::Key& k : schema.keys()) {
    out.push_back(
        {k.path, k.range, readable(k.toml()), k.meaning, k.when == engine::When::kAnyMonth});
  }
  return out;
}

}  // namespace floe
