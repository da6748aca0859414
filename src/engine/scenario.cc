// Scenario files: a schema of typed keys with ranges, checked against the TOML document.
#include "floe/scenario.h"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <cstdio>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "floe/error.h"

namespace floe {
namespace {

// How a key is read into a Scenario (returning an error message, or "" if fine) and shown.
struct Access {
  std::function<std::string(const toml::node&, Scenario&)> read;
  std::function<std::string(const Scenario&)> show;
};

// One key of the schema: how to read it and what it may be.
struct Key {
  std::string path;
  std::string range;
  std::string meaning;
  Access access;
};

template <typename T>
Access number(T Scenario::*field, double lo, double hi) {
  auto read = [=](const toml::node& n, Scenario& s) -> std::string {
    std::optional<double> v;
    if (auto i = n.value<std::int64_t>()) v = static_cast<double>(*i);
    if (auto d = n.value<double>(); d && n.is_floating_point()) v = *d;
    if (!v) return "expected a number";
    if (!(*v >= lo && *v <= hi)) return fmt::format("{:g} is outside [{:g}, {:g}]", *v, lo, hi);
    if constexpr (std::is_integral_v<T>) {
      if (*v != static_cast<double>(static_cast<std::int64_t>(*v)))
        return "expected a whole number";
    }
    s.*field = static_cast<T>(*v);
    return "";
  };
  auto show = [=](const Scenario& s) { return fmt::format("{:g}", static_cast<double>(s.*field)); };
  return {read, show};
}

Access text(std::string Scenario::*field, std::vector<std::string> allowed = {}) {
  auto show = [=](const Scenario& s) { return s.*field; };
  return {
      [=](const toml::node& n, Scenario& s) -> std::string {
        const auto v = n.value<std::string>();
        if (!v) return "expected a string";
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) {
          std::string list;
          for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
          return "'" + *v + "' is not one of: " + list;
        }
        s.*field = *v;
        return "";
      },
      show};
}

// A calendar month "YYYY-MM" from January 2012 (the talent segment starts in 2011).
Access month_of_year(std::string Scenario::*field) {
  auto show = [=](const Scenario& s) { return s.*field; };
  return {[=](const toml::node& n, Scenario& s) -> std::string {
            const auto v = n.value<std::string>();
            int year = 0, month = 0;
            char extra = 0;
            if (!v || v->size() != 7 || (*v)[4] != '-' ||
                std::sscanf(v->c_str(), "%4d-%2d%c", &year, &month, &extra) != 2 || month < 1 ||
                month > 12 || year < 2012 || year > 2100) {
              return "expected a month \"YYYY-MM\" from 2012-01 to 2100-12";
            }
            s.*field = *v;
            return "";
          },
          show};
}

Access flag(bool Scenario::*field) {
  auto show = [=](const Scenario& s) { return std::string(s.*field ? "true" : "false"); };
  return {[=](const toml::node& n, Scenario& s) -> std::string {
            const auto v = n.value<bool>();
            if (!v) return "expected true or false";
            s.*field = *v;
            return "";
          },
          show};
}

// A table of name -> number (NAICS sectors, states, SOC groups).
Access number_map(std::map<std::string, double> Scenario::*field, double lo, double hi) {
  auto show = [=](const Scenario& s) {
    std::string out;
    for (const auto& [k, v] : s.*field)
      out += fmt::format("{}{} = {:g}", out.empty() ? "" : ", ", k, v);
    return out.empty() ? std::string("none") : out;
  };
  return {[=](const toml::node& n, Scenario& s) -> std::string {
            const toml::table* t = n.as_table();
            if (!t) return "expected a table of name = number";
            for (const auto& [k, v] : *t) {
              std::optional<double> x;
              if (auto i = v.value<std::int64_t>()) x = static_cast<double>(*i);
              if (auto d = v.value<double>(); d && v.is_floating_point()) x = *d;
              if (!x) return fmt::format("'{}': expected a number", k.str());
              if (!(*x >= lo && *x <= hi)) {
                return fmt::format("'{}': {:g} is outside [{:g}, {:g}]", k.str(), *x, lo, hi);
              }
              (s.*field)[std::string(k.str())] = *x;
            }
            return "";
          },
          show};
}

Access text_list(std::vector<std::string> Scenario::*field) {
  auto show = [=](const Scenario& s) {
    std::string out;
    for (const auto& x : s.*field) out += (out.empty() ? "" : ", ") + x;
    return out.empty() ? std::string("none") : out;
  };
  return {[=](const toml::node& n, Scenario& s) -> std::string {
            const toml::array* a = n.as_array();
            if (!a) return "expected a list of strings";
            for (const auto& v : *a) {
              const auto x = v.value<std::string>();
              if (!x) return "expected a list of strings";
              (s.*field).push_back(*x);
            }
            return "";
          },
          show};
}

const std::vector<Key>& schema() {
  static const std::vector<Key> keys = {
      {"name", "text", "Short name of the scenario", text(&Scenario::name)},
      {"description", "text", "What the scenario represents", text(&Scenario::description)},
      {"run.start", "YYYY-MM", "Calendar month of the run's first month",
       month_of_year(&Scenario::start)},
      {"run.months", "[1, 600]", "Horizon in months", number(&Scenario::months, 1, 600)},
      {"run.seed", "[0, 2^53]", "Random seed", number(&Scenario::seed, 0, 9007199254740992.0)},
      {"run.initial_unemployment", "[0, 0.5]",
       "Share of the labor force unemployed at the start (BLS CPS 2023 annual average: 3.6%)",
       number(&Scenario::initial_unemployment, 0, 0.5)},
      {"capability.labeler", "human | gpt4 | mean", "Whose GPTs-are-GPTs labels",
       text(&Scenario::labeler, {"human", "gpt4", "mean"})},
      {"capability.midpoint_months", "[0, 600]",
       "Month when tool-assisted (E2) capability is half realized",
       number(&Scenario::capability_midpoint, 0, 600)},
      {"capability.width_months", "[0.1, 600]", "Logistic time scale of capability growth",
       number(&Scenario::capability_width, 0.1, 600)},
      {"capability.transfer", "true | false", "Capability flows through shared skills (DWAs)",
       flag(&Scenario::transfer)},
      {"adoption.initial", "[0, 1]", "Share of firms using AI at the start (Census BTOS)",
       number(&Scenario::adoption_initial, 0, 1)},
      {"adoption.innovation", "[0, 1]", "Bass innovation coefficient p, per month",
       number(&Scenario::innovation, 0, 1)},
      {"adoption.imitation", "[0, 1]", "Bass imitation coefficient q, per month",
       number(&Scenario::imitation, 0, 1)},
      {"adoption.industry_speed", "sector = [0, 10]",
       "Multiplier of p and q per NAICS sector (key, code or title; docs/data.md)",
       number_map(&Scenario::industry_speed, 0, 10)},
      {"adoption.state_speed", "USPS = [0, 10]", "Multiplier of p and q per state",
       number_map(&Scenario::state_speed, 0, 10)},
      {"displacement.rate_at_full", "[0, 0.2]",
       "Monthly displacement hazard at full exposure, adoption and automation",
       number(&Scenario::displacement_rate, 0, 0.2)},
      {"displacement.layoffs", "[0, 0.2]",
       "Baseline monthly layoffs and discharges (JOLTS 2023: 1.0%)",
       number(&Scenario::layoffs, 0, 0.2)},
      {"matching.job_finding", "[0, 1]",
       "Monthly job-finding probability of the unemployed at baseline tightness (CPS flows)",
       number(&Scenario::job_finding, 0, 1)},
      {"matching.elasticity", "[0, 2]", "Elasticity of job finding to vacancies per job seeker",
       number(&Scenario::matching_elasticity, 0, 2)},
      {"matching.quits", "[0, 0.2]", "Monthly job-to-job moves (JOLTS 2023 quits: 2.3%)",
       number(&Scenario::quits, 0, 0.2)},
      {"matching.similarity_sharpness", "[0, 100]",
       "How strongly job seekers favor skill-similar occupations",
       number(&Scenario::similarity_sharpness, 0, 100)},
      {"matching.candidates", "[1, 200]", "Occupations a job seeker considers",
       number(&Scenario::candidates, 1, 200)},
      {"matching.own_county", "[0, 1]", "Share of hires in the seeker's county",
       number(&Scenario::own_county, 0, 1)},
      {"matching.own_state", "[0, 1]", "Share of hires elsewhere in the seeker's state",
       number(&Scenario::own_state, 0, 1)},
      {"matching.wage_penalty", "[0, 1]",
       "Wage loss on moving to a dissimilar occupation (times 1 - similarity)",
       number(&Scenario::wage_penalty, 0, 1)},
      {"demand.use_projections", "true | false", "Baseline growth from BLS Employment Projections",
       flag(&Scenario::use_projections)},
      {"demand.ai_reduction", "[0, 1]",
       "Share of AI-displaced work that is not re-hired (reduces openings)",
       number(&Scenario::ai_demand_reduction, 0, 1)},
      {"demand.ai_created", "SOC major = [0, 1]",
       "New demand by SOC major group, as a share of its employment by the horizon",
       number_map(&Scenario::ai_created_demand, 0, 1)},
      {"cascade.multiplier", "[0, 10]",
       "Local non-tradable jobs per tradable job (Moretti 2010: 1.6)",
       number(&Scenario::multiplier, 0, 10)},
      {"cascade.support_automation", "[0, 1]",
       "How much automating support functions lowers the multiplier",
       number(&Scenario::support_automation, 0, 1)},
      {"retraining.budget", "[0, 1e12]", "National retraining budget, dollars per year",
       number(&Scenario::retraining_budget, 0, 1e12)},
      {"retraining.state_budget", "USPS = [0, 1e11]", "Per-state budgets, dollars per year",
       number_map(&Scenario::state_budget, 0, 1e11)},
      {"retraining.targeting", "most_exposed | region", "Who is trained first",
       text(&Scenario::targeting, {"most_exposed", "region"})},
      {"retraining.states", "[USPS, ...]", "States trained first with targeting = region",
       text_list(&Scenario::target_states)},
      {"retraining.cost_per_trainee", "[1, 1e6]", "Dollars per trainee",
       number(&Scenario::cost_per_trainee, 1, 1e6)},
      {"retraining.duration_months", "[1, 60]", "Length of training",
       number(&Scenario::training_months, 1, 60)},
      {"retraining.completion", "[0, 1]", "Probability of completing training",
       number(&Scenario::completion, 0, 1)},
      {"talent.enabled", "true | false", "Run the AI-talent segment (docs/talent.md)",
       flag(&Scenario::talent)},
      {"talent.parameters", "file",
       "Talent parameters saved by floe talent calibrate (default: "
       "calibrate at the start of the run)",
       text(&Scenario::talent_parameters)},
      {"talent.non_compete", "[0, 0.99]",
       "Non-compete enforcement: share of moves to competing tech employers it prevents",
       number(&Scenario::non_compete, 0, 0.99)},
      {"talent.immigration", "[0, 10]",
       "Expanded skilled immigration: relative increase in new AI-skilled workers a month",
       number(&Scenario::immigration, 0, 10)},
      {"talent.big_tech_pay", "[-0.9, 10]", "Compensation shock at big tech: relative pay change",
       number(&Scenario::big_tech_pay, -0.9, 10)},
      {"talent.funding_drought", "[0, 1]",
       "Startup-funding drought: share of startups' and labs' expected equity value lost",
       number(&Scenario::funding_drought, 0, 1)},
      {"output.checkpoint_every", "[1, 600]", "Months between checkpoints",
       number(&Scenario::checkpoint_every, 1, 600)},
      {"output.county_every", "[1, 600]", "Months between county x major-group outputs",
       number(&Scenario::county_every, 1, 600)},
  };
  return keys;
}

// Walks the document: every leaf (or map-valued table) must be a schema key.
void check(const toml::table& table, const std::string& prefix, const std::string& file,
           Scenario& s) {
  for (const auto& [k, node] : table) {
    const std::string path =
        prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    const auto line = node.source().begin.line;
    const auto& keys = schema();
    const auto key =
        std::find_if(keys.begin(), keys.end(), [&](const Key& x) { return x.path == path; });
    if (key != keys.end()) {
      if (const std::string error = key->access.read(node, s); !error.empty()) {
        throw DataError(file, line, path, error + " (allowed: " + key->range + ")");
      }
      continue;
    }
    if (const toml::table* sub = node.as_table()) {
      const bool known_section = std::any_of(
          keys.begin(), keys.end(), [&](const Key& x) { return x.path.rfind(path + ".", 0) == 0; });
      if (known_section) {
        check(*sub, path, file, s);
        continue;
      }
    }
    // Unknown: list the keys of the same section.
    const std::string section =
        path.substr(0, path.rfind('.') == std::string::npos ? 0 : path.rfind('.'));
    std::string near;
    for (const auto& x : keys) {
      const std::string xs =
          x.path.substr(0, x.path.rfind('.') == std::string::npos ? 0 : x.path.rfind('.'));
      if (xs == section) near += (near.empty() ? "" : ", ") + x.path;
    }
    throw DataError(file, line, path,
                    "unknown key" + (near.empty() ? std::string() : "; keys here: " + near));
  }
}

}  // namespace

Scenario parse_scenario(const std::string& text, const std::string& name) {
  toml::table doc;
  try {
    doc = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    throw DataError(name, e.source().begin.line, "", std::string(e.description()));
  }
  Scenario s;
  s.text = text;
  s.file = name;
  check(doc, "", name, s);
  if (s.own_county + s.own_state > 1.0) {
    throw DataError(name, 0, "matching.own_state",
                    "matching.own_county + matching.own_state must not exceed 1");
  }
  return s;
}

Scenario read_scenario(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw DataError(path.string(), 0, "", "missing file (cannot open the scenario)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_scenario(buffer.str(), path.string());
}

std::vector<ScenarioKey> scenario_keys() {
  std::vector<ScenarioKey> out;
  const Scenario defaults;
  for (const auto& k : schema()) {
    out.push_back({k.path, k.range, k.access.show(defaults), k.meaning});
  }
  return out;
}

}  // namespace floe
