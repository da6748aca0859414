// The simulation on the tiny world (testdata/tiny) and a small slice of the shipped data:
// conservation, determinism across threads and across a resume, an analytic check.
#include "floe/simulation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <omp.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "dataset/tiny_world.h"
#include "floe/error.h"

namespace floe {
namespace {

using ::testing::HasSubstr;

const Cells& tiny_cells() {
  static const Cells c = build_cells(tiny());
  return c;
}
const Dataset& shipped() {
  static const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  return ds;
}
const Cells& shipped_cells() {
  static const Cells c = build_cells(shipped());
  return c;
}

Population tiny_population() { return synthesize(tiny(), tiny_cells(), {.scale = 1.0, .seed = 3}); }

Scenario busy_scenario(int months) {
  // Everything switched on, and strong, so that a few thousand agents see every kind of event.
  Scenario s = parse_scenario(R"(
[run]
initial_unemployment = 0.05
[capability]
midpoint_months = 2
width_months = 2
[adoption]
initial = 0.5
[displacement]
rate_at_full = 0.2
[retraining]
budget = 6e6
cost_per_trainee = 5000
duration_months = 2
)",
                              "busy.toml");
  s.run.months = months;
  s.talent.enabled = false;  // the tiny world has no AI-talent data; the shipped-data test runs it
  return s;
}

double total(const std::vector<MonthFigures>& v, double MonthFigures::*field) {
  double sum = 0;
  for (const auto& f : v) sum += f.*field;
  return sum;
}

TEST(Simulation, ConservesAgentsAndTheirIds) {
  Population p = tiny_population();
  const std::size_t n = p.size();
  const SimulationResult r = simulate(tiny(), tiny_cells(), std::move(p), busy_scenario(8));
  // The labor force is the starting agents plus every entrant so far (docs/model.md §3).
  double entered = 0;
  for (std::size_t t = 0; t < r.output.state_major.size(); ++t) {
    entered += r.output.indicators[t].entrants;
    const auto& month = r.output.state_major[t];
    const double people = total(month, &MonthFigures::employed) +
                          total(month, &MonthFigures::unemployed) +
                          total(month, &MonthFigures::training);
    EXPECT_EQ(people, static_cast<double>(n) + entered) << "month " << t;
  }
  // Every kind of event happened.
  double direct = 0, indirect = 0, hires = 0, quits = 0, trained = 0;
  for (std::size_t t = 1; t < r.output.state_major.size(); ++t) {
    direct += total(r.output.state_major[t], &MonthFigures::displaced_direct);
    indirect += total(r.output.state_major[t], &MonthFigures::displaced_indirect);
    hires += total(r.output.state_major[t], &MonthFigures::hires);
    quits += total(r.output.state_major[t], &MonthFigures::quits);
    trained += r.output.indicators[t].trainees_started;
  }
  EXPECT_GT(direct, 0);
  EXPECT_GT(hires, 0);
  EXPECT_GT(quits, 0);
  EXPECT_GT(trained, 0);
  (void)indirect;  // the cascade needs tradable displacement; checked on the shipped data
}

std::vector<double> flatten(const SimulationOutput& o) {
  std::vector<double> v;
  for (const auto& month : o.state_major) {
    for (const auto& f : month) {
      for (double x : {f.employed, f.unemployed, f.training, f.layoffs, f.displaced_direct,
                       f.displaced_indirect, f.quits, f.hires, f.occupation_changes, f.wage_bill,
                       f.exposed_wages}) {
        v.push_back(x);
      }
    }
  }
  for (const auto& month : o.flows) v.insert(v.end(), month.begin(), month.end());
  for (const auto& i : o.indicators) v.insert(v.end(), {i.job_finding, i.trainees_started});
  for (const auto& m : o.talent.months) {
    v.insert(v.end(), m.moves.begin(), m.moves.end());
    v.insert(v.end(), m.headcount.begin(), m.headcount.end());
  }
  return v;
}

TEST(Simulation, SameResultForOneAndTwoThreads) {
  auto copy = [&] { return synthesize(shipped(), shipped_cells(), {.scale = 0.0005, .seed = 5}); };
  Scenario s = busy_scenario(4);
  s.talent.enabled = true;  // and the talent segment, from its 2011 start
  const int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  const SimulationResult one = simulate(shipped(), shipped_cells(), copy(), s);
  omp_set_num_threads(2);
  const SimulationResult two = simulate(shipped(), shipped_cells(), copy(), s);
  omp_set_num_threads(threads);
  EXPECT_EQ(flatten(one.output), flatten(two.output));
  // The talent segment ran from January 2011 through the run's last month.
  EXPECT_EQ(one.output.talent.months.size(), static_cast<std::size_t>(talent_month(2025, 1) + 4));
  double indirect = 0;
  for (const auto& month : one.output.state_major) {
    indirect += total(month, &MonthFigures::displaced_indirect);
  }
  EXPECT_GT(indirect, 0);             // the cascade ran
  ASSERT_TRUE(one.twin && two.twin);  // the twin, too, for any number of threads
  EXPECT_EQ(flatten(*one.twin), flatten(*two.twin));
}

// At the start demand is the jobs there are, so the openings are the unemployed's jobs plus the
// replacement of layoffs: V(0) = U(0) + lambda E(0) (docs/model.md §5), at any population scale.
// (A bug once took N_o unscaled, so a 1% sample saw 50 times too many openings.)
TEST(Simulation, OpeningsAtTheStartAreTheVacatedJobsAtAnyScale) {
  for (const double scale : {0.002, 0.01}) {
    Scenario s = busy_scenario(1);
    s.labor.displacement.layoffs = 0.01;
    const SimulationResult r = simulate(
        shipped(), shipped_cells(),
        synthesize(shipped(), shipped_cells(), {.scale = scale, .seed = 5}), s, {.twin = false});
    const auto& start = r.output.state_major[0];
    const double employed = total(start, &MonthFigures::employed);
    const double unemployed = total(start, &MonthFigures::unemployed);
    const double expected = unemployed + 0.01 * employed;
    // Cells are rounded to whole agents, so N_o differs from the agents of o by a few per cell.
    EXPECT_NEAR(r.output.indicators[0].openings / expected, 1.0, 0.03) << "scale " << scale;
  }
}

TEST(Simulation, ResumedRunEndsIdenticalToAnUninterruptedOne) {
  const auto checkpoint = std::filesystem::path(::testing::TempDir()) /
                          ("floe_sim_" + std::to_string(::getpid()) + ".ckpt");
  Scenario s = busy_scenario(6);
  s.run.checkpoint_every = 100;
  const SimulationResult whole = simulate(tiny(), tiny_cells(), tiny_population(), s);

  std::atomic<bool> stop{false};
  SimulationOptions first;
  first.checkpoint = checkpoint;
  first.interrupt = &stop;
  first.progress = [&](int month, int) { stop = month == 3; };
  const SimulationResult cut = simulate(tiny(), tiny_cells(), tiny_population(), s, first);
  EXPECT_TRUE(cut.interrupted);
  EXPECT_EQ(cut.last_month, 3);

  SimulationOptions again;
  again.checkpoint = checkpoint;
  again.resume = true;
  const SimulationResult resumed = simulate(tiny(), tiny_cells(), Population(), s, again);
  EXPECT_FALSE(resumed.interrupted);
  EXPECT_EQ(flatten(resumed.output), flatten(whole.output));
  ASSERT_TRUE(resumed.twin && whole.twin);  // the twin resumes with the run
  EXPECT_EQ(flatten(*resumed.twin), flatten(*whole.twin));

  // The run's settings come from the checkpoint; on other data it is refused.
  EXPECT_EQ(resumed.scenario.text, s.text);
  EXPECT_EQ(resumed.scenario.talent.enabled, false);
  EXPECT_THROW(simulate(shipped(), shipped_cells(), Population(), s, again), DataError);
  std::filesystem::remove(checkpoint);
}

TEST(Simulation, ConstantHazardLeavesTheAnalyticShareEmployed) {
  // Only layoffs, at h = 5% a month, and no re-employment: E[employed after n months] =
  // N (1 - h)^n, each agent surviving independently.
  Scenario s = parse_scenario(R"(
[run]
initial_unemployment = 0
[displacement]
rate_at_full = 0
layoffs = 0.05
[matching]
job_finding = 0
quits = 0
[talent]
enabled = false
)",
                              "constant.toml");
  const int months = 12;
  s.run.months = months;
  const SimulationResult r = simulate(tiny(), tiny_cells(), tiny_population(), s);
  const double n = 4000, survive = std::pow(0.95, months);
  const double employed = total(r.output.state_major.back(), &MonthFigures::employed);
  const double sd = std::sqrt(n * survive * (1 - survive));
  EXPECT_NEAR(employed, n * survive, 4 * sd) << "expected " << n * survive << " +- " << sd;
  for (int t = 1; t <= months; ++t) {  // month by month too, with the same bound
    const double e = total(r.output.state_major[t], &MonthFigures::employed);
    const double p = std::pow(0.95, t);
    EXPECT_NEAR(e, n * p, 4 * std::sqrt(n * p * (1 - p))) << "month " << t;
  }
}

TEST(Simulation, ScenarioNamesTheDataDoesNotKnowAreErrors) {
  Scenario s = parse_scenario(
      "[adoption]\nindustry_speed = { FARMING = 2 }\n[talent]\nenabled = false\n", "bad.toml");
  try {
    simulate(tiny(), tiny_cells(), tiny_population(), s);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("bad.toml: field 'adoption.industry_speed': unknown NAICS "
                                    "sector 'FARMING'"));
  }
  // An old occupation-cluster name says which sector to use instead.
  s = parse_scenario(
      "[adoption]\nindustry_speed = { CONSTRUCTION = 2 }\n[talent]\nenabled = false\n", "old.toml");
  try {
    simulate(tiny(), tiny_cells(), tiny_population(), s);
    FAIL();
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("unknown NAICS sector 'CONSTRUCTION'; it was an occupation "
                                    "cluster: use construction (NAICS 23)"));
  }
}

// With AI's progress switched off in the scenario itself, the scenario is its own no-AI twin: the
// two runs draw the same random numbers for the same purposes, so they agree exactly
// (docs/model.md §16).
TEST(Twin, WithoutAIProgressTheTwinIsTheRunItself) {
  Scenario s = busy_scenario(6);
  s.labor.capability.frozen = true;
  s.labor.adoption.frozen = true;
  const SimulationResult r = simulate(tiny(), tiny_cells(), tiny_population(), s, {.twin = true});
  ASSERT_TRUE(r.twin);
  EXPECT_EQ(flatten(r.output), flatten(*r.twin));
}

// With progress, the twin holds capability and adoption at their starting values (every sector
// starts at 0.5 here, so its mean adoption stays 0.5), while the run's exposure grows past the
// twin's and the run loses more jobs to AI.
TEST(Twin, HoldsCapabilityAndAdoptionAtTheStart) {
  const SimulationResult r =
      simulate(tiny(), tiny_cells(), tiny_population(), busy_scenario(6), {.twin = true});
  ASSERT_TRUE(r.twin);
  const auto& run = r.output.indicators;
  const auto& twin = r.twin->indicators;
  for (std::size_t t = 1; t < twin.size(); ++t) {
    EXPECT_DOUBLE_EQ(twin[t].adoption, 0.5) << "month " << t;
  }
  EXPECT_GT(run.back().exposure, twin.back().exposure);
  double run_direct = 0, twin_direct = 0;
  for (std::size_t t = 1; t < twin.size(); ++t) {
    run_direct += total(r.output.state_major[t], &MonthFigures::displaced_direct);
    twin_direct += total(r.twin->state_major[t], &MonthFigures::displaced_direct);
  }
  EXPECT_GT(run_direct, twin_direct);
  // Without a twin, none is run.
  EXPECT_FALSE(
      simulate(tiny(), tiny_cells(), tiny_population(), busy_scenario(1), {.twin = false}).twin);
}

}  // namespace
}  // namespace floe
