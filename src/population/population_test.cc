#include "floe/population.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <omp.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <fstream>

#include "dataset/tiny_world.h"
#include "floe/error.h"
#include "population/apportion.h"
#include "population/wage_shape.h"

namespace floe {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Dataset& shipped() {
  static const Dataset ds = load_dataset({.data_dir = FLOE_DEFAULT_DATA_DIR});
  return ds;
}
const Cells& shipped_cells() {
  static const Cells cells = build_cells(shipped());
  return cells;
}

std::vector<std::uint32_t> split(std::uint64_t total, std::vector<double> weights) {
  std::vector<std::uint32_t> out(weights.size());
  population::apportion(total, weights, out);
  return out;
}

TEST(Apportion, LargestRemaindersGetTheUnitsLeft) {
  EXPECT_THAT(split(7, {0.5, 0.25, 0.25}), ElementsAre(3, 2, 2));  // 3.5 1.75 1.75
  EXPECT_THAT(split(10, {1, 1, 1}), ElementsAre(4, 3, 3));         // ties: lower index first
  EXPECT_THAT(split(2, {0.4, 1.2, 0.4}), ElementsAre(1, 1, 0));    // 0.4 1.2 0.4
  EXPECT_THAT(split(5, {0, 0}), ElementsAre(0, 0));
  EXPECT_THAT(split(3, {0, 2, 0}), ElementsAre(0, 3, 0));
}

NationalOccupation occupation(double mean, std::array<double, 5> pct) {
  NationalOccupation n;
  n.mean = {mean, WageSource::kAnnual};
  for (int k = 0; k < 5; ++k) n.percentiles[k] = {pct[k], WageSource::kAnnual};
  return n;
}

TEST(WageShape, PassesThroughThePercentilesAndHasTheMean) {
  // Linear part (knots 0: 13,333.33 by extending the 10-25 segment; then the percentiles) has
  // mean 38,416.67 on [0, 0.9]; the tail must average (50,000 - 38,416.67) / 0.1 = 115,833.33,
  // so the Pareto exponent is 115,833.33 / (115,833.33 - 80,000) = 3.2326.
  const auto n = occupation(50000, {20000, 30000, 45000, 60000, 80000});
  const auto shape = population::WageShape::from_oews(n);
  EXPECT_NEAR(shape.tail_alpha(), 115833.333333 / 35833.333333, 1e-9);
  EXPECT_NEAR(shape.quantile(0.10), 0.4, 1e-12);
  EXPECT_NEAR(shape.quantile(0.50), 0.9, 1e-12);
  EXPECT_NEAR(shape.quantile(0.90), 1.6, 1e-12);
  EXPECT_NEAR(shape.quantile(0.0), 13333.333333 / 50000, 1e-9);
  EXPECT_NEAR(shape.quantile(0.95), 1.6 * std::pow(2.0, 1.0 / shape.tail_alpha()), 1e-12);
  double mean = 0;  // midpoint rule, fine near the tail
  const int steps = 2000000;
  for (int i = 0; i < steps; ++i) mean += shape.quantile((i + 0.5) / steps) / steps;
  EXPECT_NEAR(mean, 1.0, 2e-3);
}

TEST(WageShape, TopCodedPercentilesStartTheTailEarlier) {
  auto n = occupation(200000, {90000, 130000, 180000, 0, 0});
  n.percentiles[3].source = n.percentiles[4].source = WageSource::kTopCoded;
  const auto shape = population::WageShape::from_oews(n);
  EXPECT_GT(shape.tail_alpha(), 0);
  EXPECT_NEAR(shape.quantile(0.5), 0.9, 1e-12);
  EXPECT_GT(shape.quantile(0.9), shape.quantile(0.5));
  EXPECT_EQ(population::WageShape().quantile(0.3), 1.0);  // no percentiles: the mean
}

TEST(CellCounts, TinyWorldByHand) {
  const Cells cells = build_cells(tiny());
  const auto counts = cell_counts(tiny(), cells, 1.0);
  const Geography& g = tiny().geography;
  const auto at = [&](const char* fips, const char* soc) {
    return counts[g.find_county(fips)->index() * cells.occupations +
                  tiny().taxonomy.find_occupation(soc)->index()];
  };
  EXPECT_EQ(at("01001", "15-1252"), 80u);   // 400 x 0.2
  EXPECT_EQ(at("01003", "43-3031"), 960u);  // 1,200 x 0.8
  // Alaska's 800 clerks: quotas 533.33, 160, 106.67 -> 533, 160, 107 (largest remainder).
  EXPECT_EQ(at("02020", "43-3031"), 533u);
  EXPECT_EQ(at("02063", "43-3031"), 160u);
  EXPECT_EQ(at("02066", "43-3031"), 107u);
  std::uint64_t total = 0;
  for (auto c : counts) total += c;
  EXPECT_EQ(total, 4000u);
}

TEST(Synthesis, StateAndNationalTotalsAreExact) {
  const double scale = 0.003;
  const Population p = synthesize(shipped(), shipped_cells(), {.scale = scale, .seed = 7});
  const Geography& g = shipped().geography;
  std::vector<std::uint64_t> by_state(g.states.size(), 0);
  for (std::size_t i = 0; i < p.size(); ++i) ++by_state[g.counties[p.county[i]].state.index()];
  std::uint64_t national = 0;
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    double total = 0;
    for (std::size_t o = 0; o < shipped_cells().occupations; ++o) {
      total += scale * shipped_cells().state_employment[s * shipped_cells().occupations + o];
    }
    EXPECT_EQ(by_state[s], static_cast<std::uint64_t>(std::llround(total))) << g.states[s].name;
    national += by_state[s];
  }
  EXPECT_EQ(national, p.size());
  std::uint64_t rounded = 0;
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    rounded +=
        static_cast<std::uint64_t>(std::llround(scale * shipped().labor.state_total_employment[s]));
  }
  EXPECT_EQ(national, rounded);  // the published state totals, scaled and rounded
}

std::uint64_t digest(const Population& p) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](const void* data, std::size_t bytes) {
    const auto* b = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) h = (h ^ b[i]) * 1099511628211ull;
  };
  mix(p.county.data(), p.size() * 2);
  mix(p.occupation.data(), p.size() * 2);
  mix(p.industry.data(), p.size());
  mix(p.status.data(), p.size());
  mix(p.wage.data(), p.size() * 4);
  mix(p.months.data(), p.size() * 2);
  mix(p.id.data(), p.size() * 4);
  return h;
}

TEST(Synthesis, SameSeedSamePopulationForOneAndTwoThreads) {
  const int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  const Population one = synthesize(shipped(), shipped_cells(), {.scale = 0.002, .seed = 11});
  omp_set_num_threads(2);
  const Population two = synthesize(shipped(), shipped_cells(), {.scale = 0.002, .seed = 11});
  omp_set_num_threads(threads);
  ASSERT_EQ(one.size(), two.size());
  EXPECT_EQ(digest(one), digest(two));
  const Population other = synthesize(shipped(), shipped_cells(), {.scale = 0.002, .seed = 12});
  EXPECT_NE(digest(one), digest(other));
}

TEST(Synthesis, AgentsAreSortedByCellWithStableIds) {
  const Population p = synthesize(tiny(), build_cells(tiny()), {.scale = 1.0});
  ASSERT_EQ(p.size(), 4000u);
  for (std::size_t k = 0; k + 1 < p.cell_offsets.size(); ++k) {
    for (std::uint64_t i = p.cell_offsets[k]; i < p.cell_offsets[k + 1]; ++i) {
      ASSERT_EQ(p.county[i], k / p.occupations);
      ASSERT_EQ(p.occupation[i], k % p.occupations);
      ASSERT_EQ(p.id[i], i);
    }
  }
}

// A rank's share of a run over MPI ranks (docs/scaling.md §6): counties [2, 5) only, each agent
// the whole synthesis's own (the same id, wage, tenure and sector), and every county's size.
TEST(Synthesis, SomeCountiesOnlyAreTheWholeOnesAgents) {
  const Dataset& ds = shipped();
  const Cells& cells = shipped_cells();
  const Population whole = synthesize(ds, cells, {.scale = 0.002, .seed = 11});
  const Population part =
      synthesize(ds, cells, {.scale = 0.002, .seed = 11, .first_county = 2, .last_county = 5});
  const std::size_t n = whole.occupations;
  ASSERT_EQ(part.county_agents.size(), whole.counties);
  for (std::size_t c = 0; c < whole.counties; ++c) {
    EXPECT_EQ(part.county_agents[c], whole.cell_offsets[(c + 1) * n] - whole.cell_offsets[c * n]);
    const std::uint64_t here = part.cell_offsets[(c + 1) * n] - part.cell_offsets[c * n];
    EXPECT_EQ(here, c >= 2 && c < 5 ? part.county_agents[c] : 0u) << "county " << c;
  }
  const std::uint64_t from = whole.cell_offsets[2 * n];
  ASSERT_EQ(part.size(), whole.cell_offsets[5 * n] - from);
  ASSERT_GT(part.size(), 0u);
  for (std::uint64_t i = 0; i < part.size(); ++i) {
    const AgentRecord a = part.record(i), b = whole.record(from + i);
    ASSERT_EQ(std::memcmp(&a, &b, sizeof a), 0) << "agent " << i;
  }
  EXPECT_TRUE(whole.county_agents.empty());
}

TEST(AgentIndex, EqualsTheCellIndexWhenWagesAreCellMeans) {
  const Dataset& ds = shipped();
  const Cells& cells = shipped_cells();
  Population p = synthesize(ds, cells, {.scale = 0.003});
  const IndexResult r = compute_index(ds, cells, {});
  // Replace each agent's wage by its cell's mean: the agent sum is then the cell sum over the
  // integer counts, exactly (up to summation order).
  double reference_exposed = 0, reference_bill = 0;
  const std::size_t n_occ = cells.occupations;
  for (std::size_t c = 0; c < p.counties; ++c) {
    const std::size_t s = ds.geography.counties[c].state.index();
    for (std::size_t o = 0; o < n_occ; ++o) {
      const auto begin = p.cell_offsets[c * n_occ + o], end = p.cell_offsets[c * n_occ + o + 1];
      const float mean = static_cast<float>(cells.state_wage[s * n_occ + o]);
      for (auto i = begin; i < end; ++i) p.wage[i] = mean;
      reference_bill += static_cast<double>(end - begin) * mean;
      reference_exposed += static_cast<double>(end - begin) * mean * r.exposure[o];
    }
  }
  const AgentIndex a = aggregate_index(p, ds.geography, r.exposure);
  EXPECT_NEAR(a.nation.wage_bill, reference_bill, 1e-12 * reference_bill);
  EXPECT_NEAR(a.nation.exposed_wages, reference_exposed, 1e-12 * reference_exposed);
  EXPECT_NEAR(a.nation.iceberg(), r.nation.iceberg(), 1e-4);  // rounding to whole agents only
}

TEST(AgentIndex, WithinATenthOfAPointWithDrawnWages) {
  const Dataset& ds = shipped();
  const Population p = synthesize(ds, shipped_cells(), {.scale = 0.005, .seed = 3});
  const IndexResult r = compute_index(ds, shipped_cells(), {});
  const AgentIndex a = aggregate_index(p, ds.geography, r.exposure);
  EXPECT_NEAR(a.nation.iceberg(), r.nation.iceberg(), 0.001);
  EXPECT_NEAR(a.nation.wage_bill / r.nation.wage_bill, 0.005, 0.005 * 0.01);
}

class Snapshot : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::path(::testing::TempDir()) /
            ("floe_pop_" + std::to_string(::getpid()) + ".pop");
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string bytes() {
    std::ifstream in(path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  void write(const std::string& b) { std::ofstream(path_, std::ios::binary) << b; }
  std::string load_error() {
    try {
      load_population(path_);
    } catch (const DataError& e) {
      return e.what();
    }
    return "no error";
  }
  std::filesystem::path path_;
};

TEST_F(Snapshot, RoundTripsExactly) {
  const Population p = synthesize(shipped(), shipped_cells(), {.scale = 0.002, .seed = 5});
  save_population(p, path_, "data");
  const SnapshotInfo info = read_snapshot_info(path_);
  EXPECT_EQ(info.agents, p.size());
  EXPECT_EQ(info.seed, 5u);
  EXPECT_EQ(info.columns.size(), 8u);
  const Population q = load_population(path_);
  EXPECT_EQ(digest(p), digest(q));
  EXPECT_EQ(p.cell_offsets, q.cell_offsets);
}

// Checksums prove the bytes are the writer's, not that the values make sense: a snapshot written
// with a negative wage, an unknown status or a repeated id is refused on load, naming the column.
TEST_F(Snapshot, AgentValuesAreCheckedOnLoad) {
  const Population good = synthesize(tiny(), build_cells(tiny()), {});
  Population p = good.clone();
  p.wage[3] = -1.0f;
  save_population(p, path_, "tiny");
  EXPECT_THAT(load_error(), HasSubstr("field 'wage': agent 3 has a wage that is negative"));
  p = good.clone();
  p.status[4] = 5;
  save_population(p, path_, "tiny");
  EXPECT_THAT(load_error(), HasSubstr("field 'status': agent 4 has an unknown status 5"));
  p = good.clone();
  p.id[5] = p.id[6];
  save_population(p, path_, "tiny");
  EXPECT_THAT(load_error(), HasSubstr("field 'id': agent 6 has an id out of range or used twice"));
}

TEST_F(Snapshot, TruncationAnywhereIsDetected) {
  save_population(synthesize(tiny(), build_cells(tiny()), {}), path_, "tiny");
  const std::string whole = bytes();
  for (std::size_t keep : {std::size_t{0}, std::size_t{5}, std::size_t{20}, whole.size() / 2,
                           whole.size() - 20, whole.size() - 1}) {
    write(whole.substr(0, keep));
    EXPECT_THAT(load_error(), ::testing::AnyOf(HasSubstr("truncated"), HasSubstr("not a floe")))
        << "kept " << keep << " of " << whole.size() << " bytes";
  }
}

TEST_F(Snapshot, CorruptionIsDetected) {
  save_population(synthesize(tiny(), build_cells(tiny()), {}), path_, "tiny");
  const std::string whole = bytes();
  std::string flipped = whole;
  flipped[whole.size() / 2] ^= 0x5a;
  write(flipped);
  EXPECT_THAT(load_error(), HasSubstr("corrupt"));
  std::string header = whole;
  header[30] ^= 0x01;  // inside the JSON header
  write(header);
  EXPECT_THAT(load_error(), HasSubstr("corrupt"));
  write("FLOEPOP9" + whole.substr(8));
  EXPECT_THAT(load_error(), HasSubstr("not a floe population"));
  write(whole + "x");  // the last word is no longer the header's hash
  EXPECT_THAT(load_error(), HasSubstr("corrupt"));
  std::filesystem::remove(path_);
  EXPECT_THAT(load_error(), HasSubstr("missing file"));
}

}  // namespace
}  // namespace floe
