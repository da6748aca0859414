// The labor model's scenario keys (each table declared in the file of the substep that reads
// it) and the checks that span keys or need the data.
#include "floe/error.h"
#include "models/labor/model.h"

namespace floe::labor {

void declare_keys(LaborSettings& s, engine::Schema& schema) {
  schema.number("run.initial_unemployment", s.initial_unemployment, 0, 0.5,
                "Share of the labor force unemployed at the start (BLS CPS 2023 annual average: "
                "3.6%)");
  declare_capability_keys(s.capability, schema);
  declare_adoption_keys(s.adoption, schema);
  declare_displacement_keys(s.displacement, schema);
  declare_matching_keys(s.matching, schema);
  declare_demand_keys(s.demand, schema);
  declare_cascade_keys(s.cascade, schema);
  declare_retraining_keys(s.retraining, schema);
  declare_supply_keys(s.supply, schema);
  declare_wage_keys(s.wages, schema);
  schema.whole("output.county_every", s.county_every, 1, 600,
               "Months between county x major-group outputs");
}

void check_settings(const LaborSettings& s, const std::string& file) {
  if (s.matching.own_county + s.matching.own_state > 1.0) {
    throw DataError(file, 0, "matching.own_state",
                    "matching.own_county + matching.own_state must not exceed 1");
  }
}

namespace {

void check_map(const std::map<std::string, double>& names, const std::string& file,
               const std::string& key, const std::function<bool(const std::string&)>& known,
               const std::string& what) {
  for (const auto& [name, value] : names) {
    if (!known(name)) throw DataError(file, 0, key, "unknown " + what + " '" + name + "'");
  }
}

}  // namespace

void check_names(const LaborSettings& s, const Dataset& ds, const std::string& file) {
  const Taxonomy& t = ds.taxonomy;
  auto is_state = [&](const std::string& n) { return ds.geography.find_state(n).has_value(); };
  for (const auto& [name, value] : s.adoption.industry_speed) {
    if (t.find_sector(name)) continue;
    const std::string hint = sector_hint_for_cluster(name);
    throw DataError(file, 0, "adoption.industry_speed",
                    "unknown NAICS sector '" + name + "'" +
                        (hint.empty() ? "" : "; it was an occupation cluster: use " + hint));
  }
  check_map(s.adoption.state_speed, file, "adoption.state_speed", is_state, "state");
  check_map(s.retraining.state_budget, file, "retraining.state_budget", is_state, "state");
  for (const auto& st : s.retraining.states) {
    if (!is_state(st)) throw DataError(file, 0, "retraining.states", "unknown state '" + st + "'");
  }
  check_map(
      s.demand.ai_created, file, "demand.ai_created",
      [&](const std::string& n) { return t.find_major_group(n).has_value(); }, "SOC major group");
}

}  // namespace floe::labor
