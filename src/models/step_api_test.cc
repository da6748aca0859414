// The step API (include/floe/simulation.h): a run stepped month by month is the run simulate()
// makes; agents are visible between months; a lever changed between months takes effect from
// then on and travels with a checkpoint; keys fixed at the start are refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "floe/simulation.h"

namespace floe {
namespace {

const Cells& tiny_cells() {
  static const Cells c = build_cells(tiny());
  return c;
}

Scenario tiny_scenario() {
  Scenario s = parse_scenario(R"(
[run]
months = 6
[capability]
midpoint_months = 2
width_months = 2
[adoption]
initial = 0.5
[displacement]
rate_at_full = 0.2
[talent]
enabled = false
)",
                              "step.toml");
  return s;
}

Population tiny_population() { return synthesize(tiny(), tiny_cells(), {.scale = 1.0, .seed = 3}); }

double employed(const SimulationOutput& o, std::size_t month) {
  double sum = 0;
  for (const auto& f : o.state_major[month]) sum += f.employed;
  return sum;
}

TEST(StepApi, SteppingMonthByMonthIsTheWholeRun) {
  const SimulationResult whole = simulate(tiny(), tiny_cells(), tiny_population(), tiny_scenario());
  Simulation sim(tiny(), tiny_cells(), tiny_population(), tiny_scenario());
  EXPECT_EQ(sim.month(), 0);
  EXPECT_EQ(sim.output().state_major.size(), 1u);  // month 0, the start
  while (!sim.done()) sim.step();
  EXPECT_EQ(sim.month(), 6);
  EXPECT_THROW(sim.step(), Error);
  const SimulationOutput& o = sim.output();
  ASSERT_EQ(o.state_major.size(), whole.output.state_major.size());
  for (std::size_t t = 0; t < o.state_major.size(); ++t) {
    EXPECT_EQ(employed(o, t), employed(whole.output, t)) << "month " << t;
  }
}

TEST(StepApi, AgentsAreReadableBetweenMonths) {
  const Population p = tiny_population();
  const std::size_t n = p.size();
  Simulation sim(tiny(), tiny_cells(), tiny_population(), tiny_scenario());
  sim.step();
  const AgentView v = sim.agents();
  // The month's entrants to the labor force (docs/model.md §17) take the ids after the
  // population's.
  const auto entrants = static_cast<std::size_t>(sim.output().indicators[1].entrants);
  std::size_t agents = 0, employed_agents = 0;
  std::vector<std::uint8_t> seen(n + entrants, 0);
  for (std::size_t i = 0; i < v.size; ++i) {
    const AgentRecord& a = v.records[i];
    if ((a.status & kStatusMask) == kVacantStatus) continue;
    ++agents;
    ASSERT_LT(a.id, n + entrants);
    EXPECT_FALSE(seen[a.id]) << "agent " << a.id << " twice";
    seen[a.id] = 1;
    employed_agents += (a.status & kStatusMask) == 0;
  }
  // Every agent once; the employed are those the month's table counts (none wait for a slot
  // in a world this small and roomy).
  EXPECT_EQ(agents, n + entrants);
  EXPECT_EQ(static_cast<double>(employed_agents), employed(sim.output(), 1));
}

TEST(StepApi, ALeverChangedBetweenMonthsActsFromThenOn) {
  Simulation calm(tiny(), tiny_cells(), tiny_population(), tiny_scenario());
  Simulation shocked(tiny(), tiny_cells(), tiny_population(), tiny_scenario());
  calm.step();
  shocked.step();
  shocked.set("displacement.layoffs", "0.2");
  EXPECT_EQ(shocked.scenario().labor.displacement.layoffs, 0.2);
  EXPECT_THAT(shocked.scenario().text, ::testing::HasSubstr("layoffs = 0.2"));
  calm.step();
  shocked.step();
  // Month 1 is the same; month 2 lays off about 20% instead of 1%.
  EXPECT_EQ(employed(calm.output(), 1), employed(shocked.output(), 1));
  double layoffs_calm = 0, layoffs_shocked = 0;
  for (const auto& f : calm.output().state_major[2]) layoffs_calm += f.layoffs;
  for (const auto& f : shocked.output().state_major[2]) layoffs_shocked += f.layoffs;
  const double employed1 = employed(calm.output(), 1);
  EXPECT_NEAR(layoffs_shocked / employed1, 0.2, 0.03);
  EXPECT_LT(layoffs_calm / employed1, 0.05);

  // Keys fixed at the start are refused after it, with the reason.
  try {
    shocked.set("matching.candidates", "5");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("fixed at the start of a run"));
  }
  EXPECT_THROW(shocked.set("displacement.layoffs", "2"), DataError);  // out of range
}

TEST(StepApi, ACheckpointCarriesTheLeversChanged) {
  const auto path = std::filesystem::path(::testing::TempDir()) /
                    ("floe_step_" + std::to_string(::getpid()) + ".ckpt");
  Simulation a(tiny(), tiny_cells(), tiny_population(), tiny_scenario());
  a.step();
  a.set("displacement.layoffs", "0.05");
  a.step();
  a.checkpoint(path);
  Simulation b = Simulation::resume(tiny(), tiny_cells(), path);
  EXPECT_EQ(b.month(), 2);
  EXPECT_EQ(b.scenario().labor.displacement.layoffs, 0.05);
  while (!a.done()) a.step();
  while (!b.done()) b.step();
  for (std::size_t t = 0; t <= 6; ++t) {
    EXPECT_EQ(employed(a.output(), t), employed(b.output(), t)) << "month " << t;
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace floe
