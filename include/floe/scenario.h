// Scenarios: the settings of a simulation run, read from a commented TOML file
// (scenarios/*.toml; every key, its default, range and source in docs/model.md §13).
//
// A scenario has one part per owner, each table of the file belonging to one of them:
//   run      [run], [output]              the engine: horizon, seed, calendar, checkpoints
//   labor    [capability] [adoption] [displacement] [matching] [demand] [cascade]
//            [retraining] [supply] [wages], run.initial_unemployment, output.county_every
//            (docs/model.md)
//   talent   [talent]                     the AI-talent model (docs/talent.md §5)
// Each model declares its keys next to the substep that reads them (src/models/*/); unknown
// keys and out-of-range values are errors that name the file, the line, the key and what is
// allowed, so that a typo never silently runs the default.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace floe {

// [run] and [output]: what the engine needs to run any model.
struct RunSettings {
  std::string start = "2025-01";  // calendar month of the run's month 1 (YYYY-MM)
  int months = 120;
  std::uint64_t seed = 1;
  int checkpoint_every = 12;  // months
};

// [capability]: c_t(t) = c_E1 + (c_E1+E2 - c_E1) * L(t), L logistic in time (docs/model.md §2)
struct CapabilitySettings {
  std::string labeler = "human";
  double midpoint = 60;  // months
  double width = 18;     // months
  bool transfer = false;
  bool frozen = false;  // held at the start: the no-AI twin (docs/model.md §16)
};

// [adoption]: Bass diffusion per industry group x state (§3)
struct AdoptionSettings {
  double initial = 0.09;
  double innovation = 0.0025;                    // p, per month
  double imitation = 0.032;                      // q, per month
  std::map<std::string, double> industry_speed;  // multiplies p and q per industry group
  std::map<std::string, double> state_speed;     // per state (USPS)
  bool frozen = false;  // held at the start: the no-AI twin (docs/model.md §16)
};

// [displacement] (§4)
struct DisplacementSettings {
  double rate_at_full = 0.004;  // monthly hazard at full exposure, adoption, automation
  double layoffs = 0.010;       // baseline monthly layoffs and discharges
};

// [matching] (§6-§7)
struct MatchingSettings {
  double job_finding = 0.25;  // monthly probability for the unemployed at baseline tightness
  double elasticity = 0.5;
  double quits = 0.023;  // monthly job-to-job moves
  double similarity_sharpness = 10.0;
  int candidates = 20;
  double own_county = 0.75;
  double own_state = 0.20;
  double wage_penalty = 0.2;
};

// [demand] (§5)
struct DemandSettings {
  bool use_projections = true;
  double ai_reduction = 0.5;
  std::map<std::string, double> ai_created;  // SOC major group -> share by the horizon
};

// [cascade] (§8)
struct CascadeSettings {
  double multiplier = 1.6;
  double support_automation = 0.5;
};

// [retraining] (§9)
struct RetrainingSettings {
  double budget = 0;                           // dollars per year, national
  std::map<std::string, double> state_budget;  // dollars per year, per state (USPS)
  std::string targeting = "most_exposed";      // most_exposed | region
  std::vector<std::string> states;             // for targeting = region
  double cost_per_trainee = 5000;
  int duration_months = 6;
  double completion = 0.6;
};

// [supply]: labor force growth (docs/model.md §17)
struct SupplySettings {
  double growth = 0.031;  // over ten years: BLS Employment Projections 2024-34, Table 1.1
};

// [wages]: the wage channel (§18)
struct WageSettings {
  double unemployment_elasticity = 0.1;  // the wage curve: Blanchflower and Oswald (1994)
};

// The labor-market model's settings (docs/model.md).
struct LaborSettings {
  double initial_unemployment = 0.036;  // run.initial_unemployment
  int county_every = 12;                // output.county_every: months between county outputs
  CapabilitySettings capability;
  AdoptionSettings adoption;
  DisplacementSettings displacement;
  MatchingSettings matching;
  DemandSettings demand;
  CascadeSettings cascade;
  RetrainingSettings retraining;
  SupplySettings supply;
  WageSettings wages;
};

// [talent]: the AI-talent model (docs/talent.md); levers act from run.start.
struct TalentSettings {
  bool enabled = true;
  std::string parameters;      // from `floe talent calibrate --out`; "": calibrate at start
  double non_compete = 0;      // share of moves to competitors that enforcement prevents
  double immigration = 0;      // relative increase in new AI-skilled workers a month
  double big_tech_pay = 0;     // relative change in big-tech pay
  double funding_drought = 0;  // share of startups' expected equity value lost
};

struct Scenario {
  std::string name = "baseline";
  std::string description;
  std::string text;  // the file's text, stored with the run
  std::string file;  // where it was read from (for errors found later, against the data)

  RunSettings run;
  LaborSettings labor;
  TalentSettings talent;
};

// Reads and validates a scenario file. Throws DataError (file, line, key) on any problem.
Scenario read_scenario(const std::filesystem::path& path);
// Parses scenario text; `name` stands for the file in errors.
Scenario parse_scenario(const std::string& text, const std::string& name);

// Sets one key from a TOML value literal ("0.003", "{ CA = 2e8 }", "\"region\""), checked as in
// a file, and rewrites `text` so that it reads back to the new settings. `origin` names where
// the value came from in errors ("--set", "the dashboard").
void set_scenario_key(Scenario& scenario, std::string_view key, std::string_view value,
                      const std::string& origin);
// The scenario as a complete TOML document that reads back to the same settings.
std::string scenario_toml(const Scenario& scenario);

// Every key with its range and meaning, for --help, the dashboard and docs/model.md.
struct ScenarioKey {
  std::string key;    // "displacement.rate_at_full"
  std::string range;  // "[0, 1]"
  std::string value;  // the default, as TOML
  std::string meaning;
  bool lever = false;  // may change between months (Python, the dashboard's sandbox)
};
std::vector<ScenarioKey> scenario_keys(const Scenario& values = Scenario());

}  // namespace floe
