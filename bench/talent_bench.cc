// Benchmark: the AI-talent model (issue 6). Calibration from the three starting points (wall
// time, iterations), the cost of one evaluation of the expected-flow form in double and in
// Dual<15> (values and the full Jacobian), and the agent form for the whole US AI-skilled
// workforce from January 2011 to December 2034: time per month, bytes per agent, the ratio of a
// month to a bandwidth-bound pass over the agent records, peak RSS.
//   build/release/bench/talent_bench [SCALE]
#include <fmt/format.h>

#include <cstdlib>
#include <vector>

#include "bench_util.h"
#include "floe/dataset.h"
#include "floe/talent.h"
#include "models/talent/agents.h"

using namespace floe;

int main(int argc, char** argv) {
  const double scale = argc > 1 ? std::atof(argv[1]) : 1.0;
  const int last = talent_month(2034, 12);
  const TalentData d = load_talent_data(default_data_dir(), last);
  fmt::print("Talent benchmark: {} months (2011-01 to {}), scale {}\n", d.months,
             talent_date(d.months - 1), scale);

  TalentParameters fitted{};
  for (const auto& [name, start] : talent_starting_points()) {
    const TalentCalibration c = calibrate_talent(d, start, name);
    std::size_t within = 0;
    for (const auto& f : c.after) within += f.within;
    fmt::print(
        "  calibrate from {:5}: {:.3f} s, {} iterations, loss {:.4g} -> {:.4g}, {}/{} "
        "targets within tolerance\n",
        name, c.seconds, c.iterations, c.loss_before, c.loss_after, within, c.after.size());
    fitted = c.fitted;
  }
  // One evaluation each way, the best of 20.
  const std::vector<double> x = to_fitted_scale(fitted);
  double t_value = 1e9, t_dual = 1e9;
  for (int i = 0; i < 20; ++i) {
    auto start = std::chrono::steady_clock::now();
    const TalentPath p = expected_talent_path(d, fitted);
    t_value = std::min(t_value, bench::seconds_since(start));
    start = std::chrono::steady_clock::now();
    std::vector<double> g;
    talent_loss(d, x, &g);
    t_dual = std::min(t_dual, bench::seconds_since(start));
  }
  fmt::print(
      "  expected form, {} months in double: {:.2f} ms; loss and gradient through the "
      "targets' months in Dual<{}>: {:.2f} ms\n",
      d.months, 1e3 * t_value, kTalentParameters, 1e3 * t_dual);

  talent::TalentAgents agents(d, fitted, {}, scale, 1);
  auto start = std::chrono::steady_clock::now();
  agents.start();
  std::size_t most = agents.agents().size();
  double agent_months = 0;
  for (int t = 0; t <= last; ++t) {
    agent_months += static_cast<double>(agents.agents().size());
    agents.step(t);
    most = std::max(most, agents.agents().size());
  }
  const double wall = bench::seconds_since(start);
  const double per_month = wall / (last + 1);
  const double mean_agents = agent_months / (last + 1);
  const std::size_t bytes = sizeof(talent::TalentAgent);
  // A month reads and rewrites every record once.
  const double bandwidth = bench::copy_bandwidth(256 << 20);
  const double pass =
      bench::bandwidth_bound_seconds(static_cast<std::size_t>(2 * mean_agents * bytes), bandwidth);
  fmt::print(
      "  agent form: {:.2f} s for {} months, {:.2f} ms per month, {:.0f} agents on "
      "average, {} at most, {} agents at the end\n",
      wall, last + 1, 1e3 * per_month, mean_agents, most, agents.agents().size());
  fmt::print(
      "  {} bytes per agent; {:.1f} ns per agent-month; a month is {:.0f}x a "
      "bandwidth-bound pass ({:.1f} GB/s copy): the draws, not memory, set the pace\n",
      bytes, 1e9 * per_month / mean_agents, per_month / pass, bandwidth / 1e9);
  fmt::print("  peak RSS: {}\n", bench::human_bytes(static_cast<double>(bench::peak_rss_bytes())));
  return 0;
}
