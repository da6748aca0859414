// Scenarios: the parameters of a simulation run, read from a commented TOML file
// (scenarios/*.toml; every parameter, its default, range and source in docs/model.md).
//
// Unknown keys and out-of-range values are errors that name the file, the line, the key and
// what is allowed, so that a typo never silently runs the default.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace floe {

struct Scenario {
  std::string name = "baseline";
  std::string description;
  std::string text;  // the file's text, stored with the run
  std::string file;  // where it was read from (for errors found later, against the data)

  // [run]
  std::string start = "2025-01";  // calendar month of the run's month 1 (YYYY-MM)
  int months = 120;
  std::uint64_t seed = 1;
  double initial_unemployment = 0.036;

  // [capability]: c_t(t) = c_E1 + (c_E1+E2 - c_E1) * L(t), L logistic in time
  std::string labeler = "human";
  double capability_midpoint = 60;  // months
  double capability_width = 18;     // months
  bool transfer = false;

  // [adoption]: Bass diffusion per NAICS sector x state
  double adoption_initial = 0.09;
  double innovation = 0.0025;                    // p, per month
  double imitation = 0.032;                      // q, per month
  std::map<std::string, double> industry_speed;  // multiplies p and q per NAICS sector
  std::map<std::string, double> state_speed;     // per state (USPS)

  // [displacement]
  double displacement_rate = 0.004;  // monthly hazard at full exposure, adoption, automation
  double layoffs = 0.010;            // baseline monthly layoffs and discharges

  // [matching]
  double job_finding = 0.25;  // monthly probability for the unemployed at baseline tightness
  double matching_elasticity = 0.5;
  double quits = 0.023;  // monthly job-to-job moves
  double similarity_sharpness = 10.0;
  int candidates = 20;
  double own_county = 0.75;
  double own_state = 0.20;
  double wage_penalty = 0.2;

  // [demand]
  bool use_projections = true;
  double ai_demand_reduction = 0.5;
  std::map<std::string, double> ai_created_demand;  // SOC major group -> share by the horizon

  // [cascade]
  double multiplier = 1.6;
  double support_automation = 0.5;

  // [retraining]
  double retraining_budget = 0;                // dollars per year, national
  std::map<std::string, double> state_budget;  // dollars per year, per state (USPS)
  std::string targeting = "most_exposed";      // most_exposed | region
  std::vector<std::string> target_states;      // for targeting = region
  double cost_per_trainee = 5000;
  int training_months = 6;
  double completion = 0.6;

  // [talent]: the AI-talent segment (docs/talent.md); levers act from run.start
  bool talent = true;
  std::string talent_parameters;  // from `floe talent calibrate --out`; "": calibrate at start
  double non_compete = 0;         // share of moves to competitors that enforcement prevents
  double immigration = 0;         // relative increase in new AI-skilled workers a month
  double big_tech_pay = 0;        // relative change in big-tech pay
  double funding_drought = 0;     // share of startups' expected equity value lost

  // [output]
  int checkpoint_every = 12;
  int county_every = 12;
};

// Reads and validates a scenario file. Throws DataError (file, line, key) on any problem.
Scenario read_scenario(const std::filesystem::path& path);
// Parses scenario text (for tests); `name` stands for the file in errors.
Scenario parse_scenario(const std::string& text, const std::string& name);

// Every key with its range and meaning, for --help and docs/model.md.
struct ScenarioKey {
  std::string key;    // "displacement.rate_at_full"
  std::string range;  // "[0, 1]"
  std::string value;  // the default
  std::string meaning;
};
std::vector<ScenarioKey> scenario_keys();

}  // namespace floe
