// floe talent: the AI-talent model on its own: calibrate it to the observed facts, report every
// target against the model before and after fitting, and write the talent report, an HTML page of
// the fitted model and a scenario's levers (docs/talent.md).
#include <fmt/format.h>

#include <cmath>
#include <ctime>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "floe/error.h"
#include "floe/report.h"
#include "floe/scenario.h"
#include "floe/store.h"
#include "floe/talent.h"

namespace floe::cli {
namespace {

struct CalibrateArgs {
  DataOptions data;
  std::string start = "prior";
  std::filesystem::path out;
  std::string format = "table";
  bool check_gradient = false;
};

struct ReportArgs {
  DataOptions data;
  std::filesystem::path parameters, scenario, out = "out/talent.html";
  double scale = 1.0;
  std::string format = "table";
};

std::filesystem::path data_dir(const DataOptions& o) {
  return o.data_dir.empty() ? default_data_dir() : o.data_dir;
}

// The columns of `t` named, in that order: the terminal's view of a wide table.
Table narrow(const Table& t, const std::vector<std::string>& names) {
  Table out{t.title, {}, {}, t.notes};
  for (const auto& n : names) out.columns.push_back(t.columns[t.column(n)]);
  for (const auto& row : t.rows) {
    std::vector<Value> values;
    for (const auto& n : names) values.push_back(row[t.column(n)]);
    out.rows.push_back(std::move(values));
  }
  return out;
}

void print_table(const Table& t, const std::string& format) {
  if (format == "csv") {
    write_csv(std::cout, t);
  } else if (format == "json") {
    write_json(std::cout, t);
    std::cout << "\n";
  } else {
    write_text(std::cout, t);
    std::cout << "\n";
  }
}

// The targets before and after fitting: in the terminal what each asks for and the fit; in CSV
// and JSON every column.
void print_fit(const Table& fit, const std::string& format) {
  if (format != "table") return print_table(fit, format);
  print_table(narrow(fit, {"target", "goal", "before", "before_within", "after", "after_within",
                           "description"}),
              format);
}

std::string summary(const TalentCalibration& c) {
  std::size_t within = 0;
  for (const auto& f : c.after) within += f.within;
  return fmt::format(
      "start {}: loss {:.4g} -> {:.4g} in {} iterations ({}, {:.2f} s); {} of {} "
      "targets within tolerance",
      c.start_name, c.loss_before, c.loss_after, c.iterations,
      c.converged ? "converged" : "NOT converged", c.seconds, within, c.after.size());
}

// The largest relative difference between the dual-number gradient and five-point finite
// differences, over the parameters (docs/talent.md §7).
double gradient_check(const TalentData& d, const TalentParameters& at) {
  const std::vector<double> x = to_fitted_scale(at);
  std::vector<double> g;
  talent_loss(d, x, &g);
  double norm = 0;
  for (double v : g) norm += v * v;
  norm = std::sqrt(norm);
  double worst = 0;
  for (int i = 0; i < kTalentParameters; ++i) {
    auto f = [&](double step) {
      auto y = x;
      y[i] += step;
      return talent_loss(d, y, nullptr);
    };
    const double h = 1e-3 * std::max(1.0, std::abs(x[i]));
    const double fd = (8 * (f(h) - f(-h)) - (f(2 * h) - f(-2 * h))) / (12 * h);
    worst = std::max(worst, std::abs(g[i] - fd) / std::max(std::abs(fd), 1e-3 * norm));
  }
  return worst;
}

void calibrate(const CalibrateArgs& a) {
  const TalentData d = load_talent_data(data_dir(a.data), 0);
  std::vector<TalentCalibration> fits;
  for (const auto& [name, start] : talent_starting_points()) {
    if (a.start == "all" || a.start == name) fits.push_back(calibrate_talent(d, start, name));
  }
  for (const auto& c : fits) fmt::print(stderr, "{}\n", summary(c));
  const TalentCalibration& c = fits.front();
  if (a.check_gradient) {
    fmt::print(stderr,
               "gradient check at the start: largest relative difference between dual "
               "numbers and finite differences {:.2e}\n",
               gradient_check(d, c.start));
  }
  print_fit(talent_fit_table(c), a.format);
  print_table(talent_parameter_table(c), a.format);
  if (!a.out.empty()) {
    write_talent_parameters(a.out, c.fitted,
                            fmt::format("floe talent calibrate --start {}: loss {:.6g}, {} "
                                        "iterations",
                                        c.start_name, c.loss_after, c.iterations));
    fmt::print(stderr, "Parameters in {} (give them to a scenario as talent.parameters).\n",
               a.out.string());
  }
  if (!c.all_within()) throw Error("the calibrated model misses some targets (see the table)");
}

// The parameters the report shows: --parameters, else the scenario's talent.parameters (relative
// to the scenario's folder, as `floe simulate` reads it), else "" (calibrate now).
std::filesystem::path parameter_file(const ReportArgs& a, const Scenario& sc) {
  if (!a.parameters.empty() || sc.talent.parameters.empty()) return a.parameters;
  std::filesystem::path file = sc.talent.parameters;
  if (file.is_relative()) file = a.scenario.parent_path() / file;
  return file;
}

void report(const ReportArgs& a) {
  Scenario sc;
  if (!a.scenario.empty()) sc = read_scenario(a.scenario);
  const int start = parse_talent_date(sc.run.start);
  if (start < 0) throw Error(a.scenario.string() + ": run.start: not a month from 2011 on");
  const TalentData d = load_talent_data(data_dir(a.data), start + sc.run.months - 1);
  const std::filesystem::path parameters = parameter_file(a, sc);
  TalentCalibration c;
  if (parameters.empty()) {
    c = calibrate_talent(d, prior_talent_parameters());
    fmt::print(stderr, "{}\n", summary(c));
  } else {
    // A saved fit: "before" is the prior, "after" the file's parameters.
    c.start_name = "prior";
    c.start = prior_talent_parameters();
    c.fitted = read_talent_parameters(parameters);
    c.before = fit_targets(d, expected_talent_path(d, c.start));
    c.after = fit_targets(d, expected_talent_path(d, c.fitted));
    fmt::print(stderr, "Parameters from {}.\n", parameters.string());
  }
  TalentReportInput in;
  in.data = &d;
  in.calibration = &c;
  in.levers = {start, sc.talent.non_compete, sc.talent.immigration, sc.talent.big_tech_pay,
               sc.talent.funding_drought};
  in.scenario = a.scenario.empty() ? "" : sc.name;
  in.scale = a.scale;
  in.seed = sc.run.seed;
  in.date = today();
  const std::string html = talent_report_html(in);
  write_file_atomically(a.out, html);
  print_fit(talent_fit_table(c), a.format);
  fmt::print(stderr, "Talent report in {} ({} kB). Open it in any browser; it needs no network.\n",
             a.out.string(), (html.size() + 512) / 1024);
}

}  // namespace

void add_talent_commands(CLI::App& app) {
  CLI::App* talent = app.add_subcommand(
      "talent",
      "The war for AI talent: how AI-skilled workers move among big tech, AI labs, stealth "
      "startups, other tech, other industries and universities, fitted by gradient to observed "
      "facts (model: docs/talent.md). `floe simulate` runs it as a segment of every run.");
  talent->require_subcommand(1);

  static CalibrateArgs cal;
  CLI::App* c = talent->add_subcommand(
      "calibrate",
      "Fit the model's parameters to the facts in data/talent/targets.csv by Levenberg-Marquardt "
      "on exact gradients (dual numbers), and show each target before and after.\n"
      "Examples:\n"
      "  floe talent calibrate\n"
      "  floe talent calibrate --start all --check-gradient\n"
      "  floe talent calibrate --out out/talent.toml   # then talent.parameters in a scenario");
  add_data_options(*c, cal.data);
  c->add_option("--start", cal.start, "Starting point: prior, low, high, or all three")
      ->check(CLI::IsMember({"prior", "low", "high", "all"}))
      ->capture_default_str();
  c->add_option("--out", cal.out, "Write the fitted parameters to this TOML file");
  c->add_option("--format", cal.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  c->add_flag("--check-gradient", cal.check_gradient,
              "Also compare the dual-number gradient with finite differences");
  c->callback([] { calibrate(cal); });

  static ReportArgs rep;
  CLI::App* r = talent->add_subcommand(
      "report",
      "Write the talent model as one self-contained HTML page (no scripts, nothing fetched): "
      "the facts the fitted model gets right or wrong (the month big tech's net flow turns "
      "outward, the stealth share of big-tech leavers, the industry share of new AI PhDs) "
      "against what was observed; every target before and after fitting; charts of the monthly "
      "net flow into big tech (expected form and agent form against the observed mean, ChatGPT's "
      "launch marked), headcounts by employer class, where new PhDs go and gen-AI postings; "
      "with a scenario whose [talent] levers are pulled, the scenario against the baseline from "
      "its run.start; the parameters and the method. Also prints the targets table.\n"
      "Examples:\n"
      "  floe talent report\n"
      "  floe talent report --scenario scenarios/talent-levers.toml --out out/levers.html\n"
      "  floe talent calibrate --out out/talent.toml && floe talent report --parameters "
      "out/talent.toml");
  add_data_options(*r, rep.data);
  r->add_option("--parameters", rep.parameters,
                "Parameters from `floe talent calibrate --out` (default: the scenario's "
                "talent.parameters, else calibrate now)")
      ->check(CLI::ExistingFile);
  r->add_option("--scenario", rep.scenario,
                "Scenario whose [talent] levers, run.start, run.months and run.seed to show "
                "(default: none; the months run to 2034)")
      ->transform(scenario_file());
  r->add_option("--scale", rep.scale,
                "Share of the US AI-skilled workforce simulated as agents for the agent-form "
                "line (1: every worker; smaller is faster and noisier)")
      ->check(CLI::Range(0.001, 1.0))
      ->capture_default_str();
  r->add_option("--out", rep.out, "HTML file to write (its folder is created if missing)")
      ->capture_default_str();
  r->add_option("--format", rep.format, "Format of the targets table printed: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  r->callback([] { report(rep); });
}

}  // namespace floe::cli
