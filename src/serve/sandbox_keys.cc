#include "serve/sandbox_keys.h"

#include <cstdlib>
#include <map>
#include <optional>
#include <utility>

namespace floe::serve {
namespace {

// "[0, 1]" or "USPS = [0, 1e+11]" -> (0, 1e11); nothing for other ranges ("[0, 2^63)").
std::optional<std::pair<double, double>> bounds(const std::string& range) {
  const auto open = range.find('[');
  const auto comma = range.find(", ", open);
  if (open == std::string::npos || comma == std::string::npos || range.back() != ']') {
    return std::nullopt;
  }
  const std::string lo = range.substr(open + 1, comma - open - 1);
  const std::string hi = range.substr(comma + 2, range.size() - comma - 3);
  char* end = nullptr;
  const double l = std::strtod(lo.c_str(), &end);
  if (lo.empty() || *end) return std::nullopt;
  const double h = std::strtod(hi.c_str(), &end);
  if (hi.empty() || *end) return std::nullopt;
  return std::pair{l, h};
}

// "human | gpt4 | mean" -> its choices.
std::vector<std::string> choices(const std::string& range) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at <= range.size();) {
    const auto bar = range.find(" | ", at);
    out.push_back(range.substr(at, bar == std::string::npos ? std::string::npos : bar - at));
    if (bar == std::string::npos) break;
    at = bar + 3;
  }
  return out;
}

// The value of a map or list key as JSON ({"CA": 1.5}, ["CA"]); null for other keys, whose
// value the schema writes as TOML.
Json structured_value(const Scenario& s, std::string_view key) {
  if (key == "adoption.industry_speed") return s.labor.adoption.industry_speed;
  if (key == "adoption.state_speed") return s.labor.adoption.state_speed;
  if (key == "retraining.state_budget") return s.labor.retraining.state_budget;
  if (key == "retraining.states") return s.labor.retraining.states;
  return nullptr;
}

// A value as a field shows it: a string without the quotes TOML writes around it.
std::string unquoted(const std::string& v) {
  const bool quoted =
      v.size() >= 2 && (v.front() == '\'' || v.front() == '"') && v.back() == v.front();
  return quoted ? v.substr(1, v.size() - 2) : v;
}

}  // namespace

const std::vector<SandboxKey>& sandbox_keys() {
  static const std::vector<SandboxKey> keys = {
      {"name", "Run", "text"},
      {"description", "Run", "text"},
      {"run.months", "Run", "whole"},
      {"run.seed", "Run", "whole"},
      {"adoption.state_speed", "Adoption speed", "state_map"},
      {"adoption.industry_speed", "Adoption speed", "sector_map"},
      {"adoption.initial", "Adoption speed", "number"},
      {"adoption.innovation", "Adoption speed", "number"},
      {"adoption.imitation", "Adoption speed", "number"},
      {"retraining.state_budget", "Retraining", "state_map"},
      {"retraining.budget", "Retraining", "number"},
      {"retraining.targeting", "Retraining", "choice"},
      {"retraining.states", "Retraining", "state_list"},
      {"retraining.cost_per_trainee", "Retraining", "number"},
      {"retraining.duration_months", "Retraining", "whole"},
      {"retraining.completion", "Retraining", "number"},
      {"capability.midpoint_months", "Capability growth", "number"},
      {"capability.width_months", "Capability growth", "number"},
      {"capability.transfer", "Capability growth", "flag"},
      {"talent.enabled", "AI talent", "flag"},
      {"talent.non_compete", "AI talent", "number"},
      {"talent.immigration", "AI talent", "number"},
      {"talent.big_tech_pay", "AI talent", "number"},
      {"talent.funding_drought", "AI talent", "number"},
  };
  return keys;
}

const SandboxKey* find_sandbox_key(std::string_view key) {
  for (const SandboxKey& k : sandbox_keys()) {
    if (k.key == key) return &k;
  }
  return nullptr;
}

Json sandbox_keys_json(const Scenario& scenario) {
  std::map<std::string, ScenarioKey> defaults, values;
  for (ScenarioKey& k : scenario_keys()) defaults.emplace(k.key, std::move(k));
  for (ScenarioKey& k : scenario_keys(scenario)) values.emplace(k.key, std::move(k));
  Json out = Json::array();
  for (const SandboxKey& s : sandbox_keys()) {
    const auto it = values.find(std::string(s.key));
    if (it == values.end()) continue;  // not in this build's schema
    const ScenarioKey& k = it->second;
    Json j;
    j["key"] = k.key;
    j["group"] = s.group;
    j["widget"] = s.widget;
    j["range"] = k.range;
    if (const auto b = bounds(k.range)) {
      j["lo"] = b->first;
      j["hi"] = b->second;
    }
    if (s.widget == "choice") j["choices"] = choices(k.range);
    j["default"] = unquoted(defaults.at(k.key).value);
    const Json structured = structured_value(scenario, s.key);
    j["value"] = structured.is_null() ? Json(unquoted(k.value)) : structured;
    j["meaning"] = k.meaning;
    j["lever"] = k.lever;
    out.push_back(std::move(j));
  }
  return out;
}

Json sandbox_names_json(const Dataset& dataset) {
  Json sectors = Json::array(), states = Json::array();
  for (const Sector& s : dataset.taxonomy.sectors) {
    sectors.push_back({{"key", s.key}, {"title", s.title}});
  }
  for (const State& s : dataset.geography.states) {
    states.push_back({{"usps", s.usps}, {"name", s.name}});
  }
  return {{"sectors", std::move(sectors)}, {"states", std::move(states)}};
}

}  // namespace floe::serve
