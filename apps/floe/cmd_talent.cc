// floe talent: the AI-talent model on its own: calibrate it to the observed facts, and report
// every target against the model before and after fitting (docs/talent.md).
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "floe/error.h"
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


std::filesystem::path data_dir(const DataOptions& o) {
  return o.data_dir.empty() ? default_data_dir() : o.data_dir;
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

std::string summary(const TalentCalibration& c) {
  std::size_t within = 0;
  for (const auto& f : c.after) within += f.within;
  return fmt::format("start {}: loss {:.4g} -> {:.4g} in {} iterations ({}, {:.2f} s); {} of {} "
                     "targets within tolerance",
                     c.start_name, c.loss_before, c.loss_after, c.iterations,
                     c.converged ? "converged" : "NOT converged", c.seconds, within,
                     c.after.size());
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
    fmt::print(stderr, "gradient check at the start: largest relative difference between dual "
                       "numbers and finite differences {:.2e}\n",
               gradient_check(d, c.start));
  }
  print_table(talent_fit_table(c), a.format);
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

}

}  // namespace floe::cli
