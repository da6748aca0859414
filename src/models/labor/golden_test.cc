// Stored outputs: the simulation's results on two fixed runs must not change unless a change of
// the model says so. Each run's national series is kept as readable text (every figure with 17
// significant digits) and the state, county, flow and talent tables as a 64-bit digest of their
// values in a fixed order (testdata/golden_*.txt). A refactoring or a speed-up must leave them
// bit-identical; a change of the model rewrites them on purpose:
//   FLOE_UPDATE_GOLDEN=1 build/release/src/models/labor/floe_labor_test --gtest_filter='Golden*'
// and the commit says why the numbers moved.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "dataset/tiny_world.h"
#include "floe/simulation.h"

namespace floe {
namespace {

// FNV-1a over the bit patterns of doubles, in the order they are added.
class Digest {
 public:
  void add(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    for (int i = 0; i < 8; ++i) hash_ = (hash_ ^ ((bits >> (8 * i)) & 0xff)) * 1099511628211ull;
  }
  void add(const MonthFigures& f) {
    for (double v :
         {f.employed, f.unemployed, f.training, f.layoffs, f.displaced_direct, f.displaced_indirect,
          f.quits, f.exits, f.hires, f.occupation_changes, f.wage_bill, f.exposed_wages}) {
      add(v);
    }
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 1469598103934665603ull;
};

// The outputs as text: one line per month of national figures and indicators, then digests.
std::string describe(const SimulationOutput& out) {
  std::string s =
      "# month employed unemployed training layoffs displaced_direct "
      "displaced_indirect quits exits hires occupation_changes wage_bill "
      "exposed_wages | exposure adoption job_finding openings multiplier "
      "trainees_started trainees_completed training_spending trainees_reemployed entrants\n";
  for (std::size_t t = 0; t < out.state_major.size(); ++t) {
    MonthFigures n;
    for (const MonthFigures& f : out.state_major[t]) n.add(f);
    const MonthIndicators& i = out.indicators[t];
    s += fmt::format(
        "{} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} "
        "{:.17g} {:.17g} | {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} "
        "{:.17g}\n",
        t, n.employed, n.unemployed, n.training, n.layoffs, n.displaced_direct,
        n.displaced_indirect, n.quits, n.exits, n.hires, n.occupation_changes, n.wage_bill,
        n.exposed_wages, i.exposure, i.adoption, i.job_finding, i.openings, i.multiplier,
        i.trainees_started, i.trainees_completed, i.training_spending, i.trainees_reemployed,
        i.entrants);
  }
  Digest states, counties, flows, talent;
  for (const auto& month : out.state_major) {
    for (const MonthFigures& f : month) states.add(f);
  }
  for (std::size_t r = 0; r < out.county_major.size(); ++r) {
    counties.add(out.county_months[r]);
    for (const MonthFigures& f : out.county_major[r]) counties.add(f);
  }
  for (const auto& month : out.flows) {
    for (double v : month) flows.add(v);
  }
  for (const TalentMonth& m : out.talent.months) {
    for (double x : m.headcount) talent.add(x);
    for (double x : m.entrants) talent.add(x);
    for (double x : m.exits) talent.add(x);
    for (double x : m.moves) talent.add(x);
    for (double x : m.researcher_hires) talent.add(x);
    for (double x : m.phd) talent.add(x);
    talent.add(m.genai);
  }
  s += fmt::format("state_major {:016x}\ncounty_major {:016x}\nflows {:016x}\ntalent {:016x}\n",
                   states.value(), counties.value(), flows.value(), talent.value());
  return s;
}

// The run, then its no-AI twin.
void check_against_stored(const SimulationResult& r, const std::string& name) {
  const std::string path = std::string(FLOE_TESTDATA_DIR) + "/golden_" + name + ".txt";
  ASSERT_TRUE(r.twin);
  const std::string now = describe(r.output) + "# the no-AI twin\n" + describe(*r.twin);
  if (std::getenv("FLOE_UPDATE_GOLDEN")) {
    std::ofstream(path) << now;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path);
  ASSERT_TRUE(in) << "missing " << path << " (FLOE_UPDATE_GOLDEN=1 writes it)";
  std::stringstream stored;
  stored << in.rdbuf();
  EXPECT_EQ(now, stored.str()) << "the outputs of run '" << name << "' changed";
}

TEST(Golden, TinyWorldWithEveryKindOfEvent) {
  // Strong AI pressure, cascades and retraining on the hand-made world (testdata/tiny).
  Scenario s = parse_scenario(R"(
[run]
initial_unemployment = 0.05
months = 10
seed = 7
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
[talent]
enabled = false
[output]
county_every = 3
)",
                              "golden-tiny.toml");
  const Cells cells = build_cells(tiny());
  Population p = synthesize(tiny(), cells, {.scale = 1.0, .seed = 5});
  check_against_stored(simulate(tiny(), cells, std::move(p), s), "tiny");
}

TEST(Golden, ShippedDataBaselineWithTalent) {
#if defined(__SANITIZE_ADDRESS__)
  // Minutes without optimization; the release build runs it, and the tiny world's golden checks
  // that every build computes the same numbers.
  GTEST_SKIP() << "shipped-data golden: release build only";
#endif
  // The shipped baseline scenario on 0.2% of the workforce (about 300,000 agents), two years.
  Scenario s = read_scenario(std::string(FLOE_SOURCE_DIR) + "/scenarios/retraining.toml");
  s.run.months = 24;
  const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  const Cells cells = build_cells(ds);
  Population p = synthesize(ds, cells, {.scale = 0.002, .seed = s.run.seed});
  check_against_stored(simulate(ds, cells, std::move(p), s), "shipped");
}

}  // namespace
}  // namespace floe
