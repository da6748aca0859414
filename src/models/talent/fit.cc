// Targets, residuals and calibration of the talent model (docs/talent.md §4-§7).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

#include <toml++/toml.h>

#include "calibrate/dual.h"
#include "calibrate/least_squares.h"
#include "floe/error.h"
#include "floe/store.h"
#include "models/talent/model.h"

namespace floe {
namespace {

using talent::PathOf;
using Dual = calibrate::Dual<kTalentParameters>;

// --- statistics of a path (§4) ---

template <class T>
T big_tech_net_flow(const PathOf<T>& p, int t) {
  T net(0.0);
  for (int j = 0; j < kEmployers; ++j) {
    if (j == talent::kBig) continue;
    net += p.moves[t][j * kEmployers + talent::kBig];
    net -= p.moves[t][talent::kBig * kEmployers + j];
  }
  return net;
}

// A statistic over months first..last: a mean per month, or a ratio of sums.
template <class T>
T statistic(const std::string& name, const PathOf<T>& p, int first, int last) {
  T num(0.0), den(0.0);
  for (int t = first; t <= last; ++t) {
    if (name == "big_tech_net_flow") {
      num += big_tech_net_flow(p, t);
    } else if (name == "stealth_share_of_big_tech_leavers") {
      for (int k = 0; k < kEmployers; ++k) {
        if (k != talent::kBig) den += p.moves[t][talent::kBig * kEmployers + k];
      }
      num += p.moves[t][talent::kBig * kEmployers + talent::kStealthStartups];
      continue;
    } else if (name == "phd_industry_share" || name == "phd_academia_share") {
      for (int k = 0; k < kEmployers; ++k) {
        const bool academia = k == talent::kAcademiaClass;
        if (academia == (name == "phd_academia_share")) num += p.phd[t][k];
      }
      for (const T& n : p.phd[t]) den += n;
      continue;
    } else if (name == "researcher_hires_health_care") {
      num += p.researcher_hires[t][talent::kHealth];
    } else if (name == "genai_postings") {
      num += p.genai[t];
    } else if (name == "move_rate") {
      for (int j = 0; j < kEmployers; ++j) {
        for (int k = 0; k < kEmployers; ++k) {
          if (j != k) num += p.moves[t][j * kEmployers + k];
        }
      }
      for (const T& h : p.headcount[t]) den += h;
      continue;
    }
    den += 1.0;
  }
  return num / den;
}

// Residuals of one target: (model - observed) / tolerance, or a smooth hinge for one-sided
// targets (§4). Appends to r.
template <class T>
void residuals(const TalentTarget& g, const PathOf<T>& p, std::vector<T>& r) {
  using calibrate::log;
  using calibrate::softplus;
  using std::log;
  switch (g.kind) {
    case TalentTarget::Kind::kValue:
      r.push_back((statistic(g.statistic, p, g.first, g.last) - g.observed) / g.tolerance);
      break;
    case TalentTarget::Kind::kEachBelow:
    case TalentTarget::Kind::kEachAbove: {
      const double sign = g.kind == TalentTarget::Kind::kEachBelow ? 1.0 : -1.0;
      for (int t = g.first; t <= g.last; ++t) {
        r.push_back(softplus(sign * (statistic(g.statistic, p, t, t) - g.observed) / g.tolerance));
      }
      break;
    }
    case TalentTarget::Kind::kRatio:
    case TalentTarget::Kind::kRatioAtLeast: {
      const T ratio = statistic(g.statistic, p, g.first, g.last) /
                      statistic(g.statistic, p, g.base_first, g.base_last);
      const T z = (log(ratio) - std::log(g.observed)) / std::log(g.tolerance);
      r.push_back(g.kind == TalentTarget::Kind::kRatio ? z : softplus(-z));
      break;
    }
  }
}

int last_target_month(const TalentData& d) {
  int last = 0;
  for (const auto& g : d.targets) last = std::max({last, g.last, g.base_last});
  return last;
}

template <class T>
std::array<T, kTalentParameters> natural(const std::vector<T>& x) {
  using calibrate::exp;
  using std::exp;
  std::array<T, kTalentParameters> p;
  for (int i = 0; i < kTalentParameters; ++i) {
    p[i] = talent_parameter_specs()[i].positive ? exp(x[i]) : x[i];
  }
  return p;
}

// All residuals (targets, then priors) at fitted-scale x.
template <class T>
std::vector<T> all_residuals(const TalentData& d, const std::vector<T>& x) {
  const auto path = talent::expected_path(d, natural(x), TalentLevers{}, last_target_month(d) + 1);
  std::vector<T> r;
  for (const auto& g : d.targets) residuals(g, path, r);
  // Priors (§6): weak, so that what the facts do not pin down stays near a documented value.
  for (int i = 0; i < kTalentParameters; ++i) {
    const auto& s = talent_parameter_specs()[i];
    const double mean = s.positive ? std::log(s.prior) : s.prior;
    r.push_back((x[i] - mean) / s.prior_sd);
  }
  return r;
}

void evaluate(const TalentData& d, const std::vector<double>& x, std::vector<double>& r,
              std::vector<double>& jac) {
  std::vector<Dual> xd(kTalentParameters);
  for (int i = 0; i < kTalentParameters; ++i) xd[i] = Dual::parameter(x[i], i);
  const auto rd = all_residuals(d, xd);
  r.resize(rd.size());
  jac.resize(rd.size() * kTalentParameters);
  for (std::size_t i = 0; i < rd.size(); ++i) {
    r[i] = rd[i].v;
    for (int j = 0; j < kTalentParameters; ++j) jac[i * kTalentParameters + j] = rd[i].d[j];
  }
}

}  // namespace

const std::array<TalentParameterSpec, kTalentParameters>& talent_parameter_specs() {
  // Priors: positive parameters are fitted as log(value); their sd is on that log scale.
  static const std::array<TalentParameterSpec, kTalentParameters> specs = {{
      {"beta_pay", "utility of log pay", true, 3.0, 1.0},
      {"beta_equity", "utility of expected equity (per unit of big-tech pay)", true, 2.0, 1.0},
      {"beta_autonomy", "utility of autonomy (0-1 score)", false, 0.0, 2.0},
      {"beta_mission", "utility of mission (0-1 score)", false, 0.0, 2.0},
      {"switching_cost", "utility cost of changing employer", true, 5.0, 0.5},
      {"pay_trend", "yearly growth of industry pay relative to academic pay (log points)", false,
       0.05, 0.05},
      {"phd_academia", "extra utility new PhDs see in academia", false, 1.0, 2.0},
      {"phd_outside", "utility of jobs outside the modelled employers for new PhDs", false, 0.0,
       3.0},
      {"health_trend", "yearly growth of health care's AI openings from 2015 (log points)", false,
       0.2, 0.3},
      {"genai_labs", "utility gain of AI labs at full generative-AI demand", false, 1.0, 2.0},
      {"genai_stealth", "utility gain of stealth startups at full generative-AI demand", false, 1.0,
       2.0},
      {"retrenchment", "cut in big tech's offers at ChatGPT's launch", true, 1.0, 1.0},
      {"retrenchment_months", "months for that cut to fall by a factor e", true, 12.0, 1.0},
      {"genai_midpoint", "months after the launch when gen-AI postings reach half their level",
       false, 12.0, 12.0},
      {"genai_width", "months for gen-AI postings to grow by a factor e early on", true, 3.0, 0.7},
  }};
  return specs;
}

TalentParameters prior_talent_parameters() {
  TalentParameters p;
  for (int i = 0; i < kTalentParameters; ++i) p[i] = talent_parameter_specs()[i].prior;
  return p;
}

std::vector<std::pair<std::string, TalentParameters>> talent_starting_points() {
  // The prior itself, and every parameter one prior standard deviation below ("low") or above
  // ("high") its prior: far enough apart that reaching one optimum from all three means something.
  std::vector<std::pair<std::string, TalentParameters>> starts;
  starts.emplace_back("prior", prior_talent_parameters());
  for (const double sign : {-1.0, 1.0}) {
    std::vector<double> x = to_fitted_scale(prior_talent_parameters());
    for (int i = 0; i < kTalentParameters; ++i) x[i] += sign * talent_parameter_specs()[i].prior_sd;
    starts.emplace_back(sign < 0 ? "low" : "high", from_fitted_scale(x));
  }
  return starts;
}

std::vector<double> to_fitted_scale(const TalentParameters& p) {
  std::vector<double> x(kTalentParameters);
  for (int i = 0; i < kTalentParameters; ++i) {
    x[i] = talent_parameter_specs()[i].positive ? std::log(p[i]) : p[i];
  }
  return x;
}

TalentParameters from_fitted_scale(const std::vector<double>& x) { return natural(x); }

TalentPath expected_talent_path(const TalentData& d, const TalentParameters& parameters,
                                const TalentLevers& levers) {
  const auto p = talent::expected_path<double>(d, parameters, levers, d.months);
  TalentPath out;
  out.months = d.months;
  out.headcount = p.headcount;
  out.entrants = p.entrants;
  out.moves = p.moves;
  out.researcher_hires = p.researcher_hires;
  out.phds = p.phd;
  out.genai = p.genai;
  return out;
}

std::vector<TargetFit> fit_targets(const TalentData& d, const TalentPath& path) {
  PathOf<double> p{path.headcount,        path.entrants, path.moves,
                   path.researcher_hires, path.phds,     path.genai};
  std::vector<TargetFit> fits;
  for (const auto& g : d.targets) {
    TargetFit f;
    f.target = &g;
    switch (g.kind) {
      case TalentTarget::Kind::kValue:
        f.model = statistic(g.statistic, p, g.first, g.last);
        f.within = std::abs(f.model - g.observed) <= g.tolerance;
        break;
      case TalentTarget::Kind::kEachBelow:
      case TalentTarget::Kind::kEachAbove: {
        const bool below = g.kind == TalentTarget::Kind::kEachBelow;
        f.model = statistic(g.statistic, p, g.first, g.first);
        for (int t = g.first; t <= g.last; ++t) {
          const double m = statistic(g.statistic, p, t, t);
          f.model = below ? std::max(f.model, m) : std::min(f.model, m);  // the worst month
        }
        f.within = below ? f.model < g.observed : f.model > g.observed;
        break;
      }
      case TalentTarget::Kind::kRatio:
      case TalentTarget::Kind::kRatioAtLeast:
        f.model = statistic(g.statistic, p, g.first, g.last) /
                  statistic(g.statistic, p, g.base_first, g.base_last);
        f.within = g.kind == TalentTarget::Kind::kRatio
                       ? std::abs(std::log(f.model / g.observed)) <= std::log(g.tolerance)
                       : f.model >= g.observed;
        break;
    }
    fits.push_back(f);
  }
  return fits;
}

bool TalentCalibration::all_within() const {
  return std::all_of(after.begin(), after.end(), [](const TargetFit& f) { return f.within; });
}

double talent_loss(const TalentData& d, const std::vector<double>& x,
                   std::vector<double>* gradient) {
  std::vector<double> r, jac;
  evaluate(d, x, r, jac);
  double loss = 0;
  for (double v : r) loss += 0.5 * v * v;
  if (gradient) {
    gradient->assign(kTalentParameters, 0.0);
    for (std::size_t i = 0; i < r.size(); ++i) {
      for (int j = 0; j < kTalentParameters; ++j) {
        (*gradient)[j] += jac[i * kTalentParameters + j] * r[i];
      }
    }
  }
  return loss;
}

TalentCalibration calibrate_talent(const TalentData& d, const TalentParameters& start,
                                   const std::string& start_name) {
  const auto began = std::chrono::steady_clock::now();
  TalentCalibration c;
  c.start_name = start_name;
  c.start = start;
  c.before = fit_targets(d, expected_talent_path(d, start));
  const auto fit =
      calibrate::levenberg_marquardt([&](const std::vector<double>& x, std::vector<double>& r,
                                         std::vector<double>& jac) { evaluate(d, x, r, jac); },
                                     to_fitted_scale(start));
  c.fitted = from_fitted_scale(fit.x);
  c.loss_before = fit.loss_history.front();
  c.loss_after = fit.loss;
  c.iterations = fit.iterations;
  c.converged = fit.converged;
  c.after = fit_targets(d, expected_talent_path(d, c.fitted));
  c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return c;
}

void write_talent_parameters(const std::filesystem::path& path, const TalentParameters& p,
                             const std::string& comment) {
  std::ostringstream out;
  out.precision(17);
  out << "# " << comment << "\n# Every parameter: docs/talent.md §6.\n[talent.parameters]\n";
  for (int i = 0; i < kTalentParameters; ++i) {
    out << talent_parameter_specs()[i].name << " = " << p[i] << "  # "
        << talent_parameter_specs()[i].meaning << "\n";
  }
  write_file_atomically(path, out.str());
}

TalentParameters read_talent_parameters(const std::filesystem::path& path) {
  toml::table doc;
  try {
    doc = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    throw DataError(path.string(), e.source().begin.line, "", std::string(e.description()));
  }
  const toml::table* table = doc["talent"]["parameters"].as_table();
  if (!table) throw DataError(path.string(), 0, "talent.parameters", "missing table");
  TalentParameters p = prior_talent_parameters();
  std::vector<bool> seen(kTalentParameters, false);
  for (const auto& [key, node] : *table) {
    const auto line = node.source().begin.line;
    int i = 0;
    while (i < kTalentParameters && talent_parameter_specs()[i].name != key.str()) ++i;
    if (i == kTalentParameters) {
      throw DataError(path.string(), line, "talent.parameters." + std::string(key.str()),
                      "unknown parameter");
    }
    const auto v = node.value<double>();
    if (!v || !std::isfinite(*v) || (talent_parameter_specs()[i].positive && !(*v > 0))) {
      throw DataError(path.string(), line, "talent.parameters." + std::string(key.str()),
                      talent_parameter_specs()[i].positive ? "expected a positive number"
                                                           : "expected a number");
    }
    p[i] = *v;
    seen[i] = true;
  }
  for (int i = 0; i < kTalentParameters; ++i) {
    if (!seen[i]) {
      throw DataError(path.string(), 0,
                      std::string("talent.parameters.") + talent_parameter_specs()[i].name,
                      "missing parameter");
    }
  }
  return p;
}

}  // namespace floe
