// Tests of the talent model against values worked out by hand from the data files, analytic
// identities of the model, finite differences, and the observed facts it is fitted to.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>

#include "floe/error.h"
#include "floe/talent.h"
#include "models/talent/agents.h"
#include "models/talent/model.h"

namespace floe {
namespace {

using ::testing::HasSubstr;
const std::filesystem::path kData = FLOE_DEFAULT_DATA_DIR;

// One calibration shared by the tests that need a fitted model (it is deterministic).
class Fitted : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new TalentData(load_talent_data(kData, talent_month(2030, 12)));
    fit_ = new TalentCalibration(calibrate_talent(*data_, prior_talent_parameters()));
  }
  static void TearDownTestSuite() {
    delete fit_;
    delete data_;
  }
  static const TalentData& data() { return *data_; }
  static const TalentCalibration& fit() { return *fit_; }
  static double net_flow(const TalentPath& p, int t) {
    double net = 0;
    for (int j = 1; j < kEmployers; ++j) net += p.moves[t][j * kEmployers] - p.moves[t][j];
    return net;
  }
  // Mean big-tech net flow over months [first, last] of the policy period.
  static double mean_net_flow(const TalentPath& p, int first, int last) {
    double s = 0;
    for (int t = first; t <= last; ++t) s += net_flow(p, t);
    return s / (last - first + 1);
  }

 private:
  static TalentData* data_;
  static TalentCalibration* fit_;
};
TalentData* Fitted::data_ = nullptr;
TalentCalibration* Fitted::fit_ = nullptr;

TEST(TalentDates, CountMonthsFromJanuary2011) {
  EXPECT_EQ(talent_month(2011, 1), 0);
  EXPECT_EQ(talent_month(2022, 12), 143);
  EXPECT_EQ(talent_date(143), "2022-12");
  EXPECT_EQ(parse_talent_date("2024-05"), 160);
  EXPECT_EQ(parse_talent_date("2024-13"), -1);
  EXPECT_EQ(parse_talent_date("2010-12"), -1);
  EXPECT_EQ(parse_talent_date("2024-5"), -1);
  EXPECT_EQ(parse_talent_date("2024-05x"), -1);
}

TEST(TalentData, SizesSegmentsFromOewsAndBlsProjections) {
  EXPECT_EQ(load_talent_data(kData, 0).months, talent_month(2026, 12) + 1);  // through 2026
  const TalentData d = load_talent_data(kData, talent_month(2035, 1));
  EXPECT_EQ(d.months, talent_month(2035, 1) + 1);
  EXPECT_EQ(d.launch, talent_month(2022, 12));
  // OEWS May 2023 (national_M2023_dl.csv): 15-1221 35,210; 15-2051 192,710; 15-1252 1,656,880
  // of which 1 in 40 are AI engineers.
  const auto& r = d.segments[0];
  EXPECT_EQ(r.soc, "15-1221");
  ASSERT_EQ(r.observed.size(), 4u);
  EXPECT_EQ(r.observed[2], std::make_pair(talent_month(2023, 5), 35210.0));
  EXPECT_DOUBLE_EQ(d.segments[1].observed[2].second, 192710.0);
  EXPECT_DOUBLE_EQ(d.segments[2].observed[2].second, 1656880.0 * 0.025);
  // BLS EP Table 1.10, 15-1221: exits 1.7% + transfers 3.7% a year.
  EXPECT_DOUBLE_EQ(r.exit_rate, (1.7 + 3.7) / 100 / 12);
  // The log-linear fit passes through the geometric mean of the four May points at their mean
  // month (May 2022.5), and grows after May 2024 at the projected 19.7% per ten years.
  double log_mean = 0;
  for (const auto& [t, e] : r.observed) log_mean += std::log(e) / 4;
  const int may22 = talent_month(2022, 5), may23 = talent_month(2023, 5);
  EXPECT_NEAR(0.5 * (std::log(r.headcount[may22]) + std::log(r.headcount[may23])), log_mean, 1e-12);
  const int may24 = talent_month(2024, 5);
  EXPECT_NEAR(r.headcount[may24 + 120] / r.headcount[may24], 1.197, 1e-9);
  // Eight employer classes in the documented order, academia's pay from OEWS.
  EXPECT_EQ(d.employers[0].key, "big_tech");
  EXPECT_EQ(d.employers[7].key, "academia");
  EXPECT_EQ(d.targets.size(), 10u);
}

TEST_F(Fitted, ExpectedFormKeepsEachSegmentOnItsOewsPath) {
  // Exits, moves and new workers balance: every segment's total is H_s(t) in every month.
  const TalentPath p = expected_talent_path(data(), fit().fitted);
  for (int t = 0; t <= p.months; t += 7) {
    for (int s = 0; s < kSegments; ++s) {
      double total = 0;
      for (int k = 0; k < kEmployers; ++k) total += p.headcount[t][s * kEmployers + k];
      EXPECT_NEAR(total / data().segments[s].headcount[t], 1.0, 1e-12) << t;
    }
  }
}

TEST_F(Fitted, DualNumberGradientMatchesFiniteDifferences) {
  // At the three starting points, where the gradient is far from zero.
  for (const auto& [name, point] : talent_starting_points()) {
    const std::vector<double> x = to_fitted_scale(point);
    std::vector<double> gradient;
    talent_loss(data(), x, &gradient);
    double norm = 0;
    for (double g : gradient) norm += g * g;
    norm = std::sqrt(norm);
    auto loss_at = [&](int i, double step) {
      auto y = x;
      y[i] += step;
      return talent_loss(data(), y, nullptr);
    };
    for (int i = 0; i < kTalentParameters; ++i) {
      // Five-point central differences: truncation error O(h^4).
      const double h = 1e-3 * std::max(1.0, std::abs(x[i]));
      const double fd =
          (8 * (loss_at(i, h) - loss_at(i, -h)) - (loss_at(i, 2 * h) - loss_at(i, -2 * h))) /
          (12 * h);
      // Relative to the component, or to the gradient's size for components near zero.
      const double scale = std::max(std::abs(fd), 1e-3 * norm);
      EXPECT_LT(std::abs(gradient[i] - fd) / scale, 1e-4)
          << name << " " << talent_parameter_specs()[i].name << ": dual " << gradient[i]
          << " finite differences " << fd;
    }
  }
}

TEST_F(Fitted, CalibrationConvergesFromThreeStartingPointsWithinEveryTolerance) {
  for (const auto& [name, start] : talent_starting_points()) {
    const TalentCalibration c = calibrate_talent(data(), start, name);
    EXPECT_TRUE(c.converged) << name;
    EXPECT_LT(c.loss_after, c.loss_before) << name;
    for (const TargetFit& f : c.after) {
      EXPECT_TRUE(f.within) << name << ": " << f.target->key << " model " << f.model << " observed "
                            << f.target->observed;
    }
    // The same optimum from every start.
    EXPECT_NEAR(c.loss_after, fit().loss_after, 1e-6 * fit().loss_after) << name;
  }
}

TEST_F(Fitted, GetsTheReversalTheStealthShareAndThePhdShareRight) {
  const TalentPath p = expected_talent_path(data(), fit().fitted);
  // Sign and timing: inward every month of 2019 up to the launch, outward in each of the nine
  // months after it.
  for (int t = talent_month(2019, 1); t < data().launch; ++t) EXPECT_GT(net_flow(p, t), 0) << t;
  for (int t = data().launch; t < data().launch + 9; ++t) EXPECT_LT(net_flow(p, t), 0) << t;
  double leavers = 0, stealth = 0, phd_industry = 0, phds = 0;
  for (int t = data().launch; t < data().launch + 9; ++t) {
    for (int k = 1; k < kEmployers; ++k) leavers += p.moves[t][k];
    stealth += p.moves[t][static_cast<int>(Employer::kStealth)];
  }
  EXPECT_NEAR(stealth / leavers, 1.0 / 7, 0.03);
  for (int t = talent_month(2022, 1); t <= talent_month(2022, 12); ++t) {
    for (int k = 0; k <= kEmployers; ++k) {
      phds += p.phds[t][k];
      if (k != static_cast<int>(Employer::kAcademia) && k != kEmployers)
        phd_industry += p.phds[t][k];
    }
  }
  EXPECT_NEAR(phd_industry / phds, 0.71, 0.05);
}

TEST_F(Fitted, ProjectionsHoldTheFittedTrendsAtTheirEnd2024Level) {
  // Pay and health-care trends stop at December 2024; the launch shocks have settled by 2031
  // (gen-AI demand near its ceiling, the big-tech cut e^-8 of its size): so choices a year apart
  // then are nearly the same, where in the history they drift.
  const TalentLevers none;
  auto choices = [&](int y) {
    return talent::month_choices<double>(data(), fit().fitted, none, talent_month(y, 1));
  };
  const auto a = choices(2031), b = choices(2032), h1 = choices(2016), h2 = choices(2017);
  double late = 0, early = 0;
  for (int i = 0; i < kEmployers * kEmployers; ++i) {
    late = std::max(late, std::abs(a.move[i] / b.move[i] - 1));
    early = std::max(early, std::abs(h1.move[i] / h2.move[i] - 1));
  }
  EXPECT_LT(late, 1e-3);
  EXPECT_GT(early, 0.05);
}

// Each lever, applied from January 2025, against the same model without it.
TEST_F(Fitted, LeversMoveFlowsInTheirDocumentedDirections) {
  const int from = talent_month(2025, 1), to = talent_month(2027, 12);
  TalentLevers none;
  none.from = from;
  const TalentPath base = expected_talent_path(data(), fit().fitted, none);
  auto with = [&](auto set) {
    TalentLevers l = none;
    set(l);
    return expected_talent_path(data(), fit().fitted, l);
  };
  auto flow = [&](const TalentPath& p, int j, int k) {
    double f = 0;
    for (int t = from; t <= to; ++t) f += p.moves[t][j * kEmployers + k];
    return f;
  };
  const int big = 0, labs = 1, stealth = 2;
  // Non-competes: fewer moves from big tech to competitors, so more stay: net flow up.
  const TalentPath nc = with([](TalentLevers& l) { l.non_compete = 0.3; });
  EXPECT_LT(flow(nc, big, stealth), flow(base, big, stealth));
  EXPECT_LT(flow(nc, big, labs), flow(base, big, labs));
  EXPECT_GT(mean_net_flow(nc, from, to), mean_net_flow(base, from, to));
  // In a month, the probability of each move it binds falls by the enforced share, to first
  // order (staying dominates the logit's denominator).
  TalentLevers l = none;
  l.non_compete = 0.3;
  const auto p0 = talent::month_choices<double>(data(), fit().fitted, none, from);
  const auto p1 = talent::month_choices<double>(data(), fit().fitted, l, from);
  EXPECT_NEAR(p1.move[big * kEmployers + stealth] / p0.move[big * kEmployers + stealth], 0.7, 0.01);
  EXPECT_NEAR(p1.move[big * kEmployers + 5] / p0.move[big * kEmployers + 5], 1.0, 0.01);  // finance
  // Immigration: more AI-skilled workers, in every class.
  const TalentPath im = with([](TalentLevers& l) { l.immigration = 0.2; });
  for (int k = 0; k < kEmployers; ++k) {
    double a = 0, b = 0;
    for (int s = 0; s < kSegments; ++s) {
      a += im.headcount[to][s * kEmployers + k];
      b += base.headcount[to][s * kEmployers + k];
    }
    EXPECT_GT(a, b) << k;
  }
  // A pay cut at big tech: net flow into big tech falls; a raise: it rises.
  const TalentPath cut = with([](TalentLevers& l) { l.big_tech_pay = -0.1; });
  const TalentPath raise = with([](TalentLevers& l) { l.big_tech_pay = 0.1; });
  EXPECT_LT(mean_net_flow(cut, from, to), mean_net_flow(base, from, to));
  EXPECT_GT(mean_net_flow(raise, from, to), mean_net_flow(base, from, to));
  // A funding drought: fewer move to startups and labs; big tech keeps more.
  const TalentPath dry = with([](TalentLevers& l) { l.funding_drought = 0.5; });
  EXPECT_LT(flow(dry, big, stealth), flow(base, big, stealth));
  EXPECT_LT(flow(dry, big, labs), flow(base, big, labs));
  EXPECT_GT(mean_net_flow(dry, from, to), mean_net_flow(base, from, to));
  // No lever acts before it starts.
  for (const TalentPath* p : {&nc, &im, &cut, &dry}) {
    EXPECT_EQ(p->moves[from - 1], base.moves[from - 1]);
  }
}

TEST_F(Fitted, AgentFormAveragesToTheExpectedForm) {
  // A quarter of the US AI-skilled workforce, 2011 through 2024.
  talent::TalentAgents agents(data(), fit().fitted, {}, 0.25, 7);
  agents.start();
  std::vector<TalentMonth> months;
  const int end = talent_month(2024, 12);
  for (int t = 0; t <= end; ++t) months.push_back(agents.step(t));
  const TalentPath e = expected_talent_path(data(), fit().fitted);
  // Headcounts by class at the end: binomial-like noise of a few hundred on tens of thousands.
  for (int k = 0; k < kEmployers; ++k) {
    double a = 0, x = 0;
    for (int s = 0; s < kSegments; ++s) {
      a += months[end].headcount[s * kEmployers + k];
      x += 0.25 * e.headcount[end][s * kEmployers + k];
    }
    EXPECT_NEAR(a, x, 0.03 * x + 30) << data().employers[k].key;
  }
  // Big tech's mean net flow 2019-2022 (the target's period), scaled back to the US.
  double net = 0;
  const int first = talent_month(2019, 1), last = talent_month(2022, 11);
  for (int t = first; t <= last; ++t) {
    for (int j = 1; j < kEmployers; ++j)
      net += months[t].moves[j * kEmployers] - months[t].moves[j];
  }
  net /= 0.25 * (last - first + 1);
  EXPECT_NEAR(net, mean_net_flow(e, first, last), 40);
  // The targets read off the agents are, at this scale, still within their tolerances.
  const auto fits = fit_targets(data(), talent::path_of_counts(months, 0.25));
  for (const auto& f : fits) {
    if (f.target->kind == TalentTarget::Kind::kValue) {
      EXPECT_TRUE(f.within) << f.target->key << " " << f.model;
    }
  }
}

TEST_F(Fitted, AgentFormIsDeterministicForASeed) {
  auto run = [&](std::uint64_t seed) {
    talent::TalentAgents a(data(), fit().fitted, {}, 0.05, seed);
    a.start();
    std::vector<TalentMonth> m;
    for (int t = 0; t < 60; ++t) m.push_back(a.step(t));
    return m;
  };
  const auto a = run(3), b = run(3), c = run(4);
  bool same = true, differs = false;
  for (std::size_t t = 0; t < a.size(); ++t) {
    same = same && a[t].moves == b[t].moves && a[t].headcount == b[t].headcount;
    differs = differs || a[t].moves != c[t].moves;
  }
  EXPECT_TRUE(same);
  EXPECT_TRUE(differs);
}

// --- bad input: one line naming file, line and field ---

class BadTalentData : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("floe_talent_bad_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    // A data directory whose talent/ is a copy and whose other inputs are the shipped ones.
    for (const auto& entry : std::filesystem::directory_iterator(kData)) {
      if (entry.path().filename() != "talent") {
        std::filesystem::create_directory_symlink(entry.path(), dir_ / entry.path().filename());
      }
    }
    std::filesystem::copy(kData / "talent", dir_ / "talent");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // Replaces `from` by `to` in talent/<file>.
  void edit(const std::string& file, const std::string& from, const std::string& to) {
    const auto path = dir_ / "talent" / file;
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(path, std::ios::trunc) << text;
  }
  std::string error() {
    try {
      load_talent_data(dir_, 0);
    } catch (const DataError& e) {
      return e.what();
    }
    return "no error";
  }
  std::filesystem::path dir_;
};

TEST_F(BadTalentData, NamesTheFileLineAndField) {
  edit("employers.csv", "stealth,Stealth startups,0.70", "stealth,Stealth startups,abc");
  EXPECT_THAT(error(), HasSubstr("employers.csv:4: field 'pay'"));
}

TEST_F(BadTalentData, ClassesOutOfOrderAreAnError) {
  edit("employers.csv", "finance,", "banks,");
  EXPECT_THAT(error(), HasSubstr("employers.csv:7: field 'key': expected 'finance'"));
}

TEST_F(BadTalentData, AnUnknownStatisticIsAnError) {
  edit("targets.csv", "stealth_share_of_big_tech_leavers", "stealth_fraction");
  EXPECT_THAT(error(), HasSubstr("targets.csv:5: field 'statistic': unknown statistic"));
}

TEST_F(BadTalentData, AMalformedPeriodIsAnError) {
  edit("targets.csv", "2019-01..2022-11", "2019-01..2022-13");
  EXPECT_THAT(error(), HasSubstr("targets.csv:2: field 'period'"));
}

TEST_F(BadTalentData, ANegativeToleranceIsAnError) {
  edit("targets.csv", "0.1429,0.03", "0.1429,-0.03");
  EXPECT_THAT(error(), HasSubstr("targets.csv:5: field 'tolerance': must be positive"));
}

TEST_F(BadTalentData, AMissingFileIsAnError) {
  std::filesystem::remove(dir_ / "talent" / "segments.csv");
  EXPECT_THAT(error(), HasSubstr("segments.csv: missing file"));
}

TEST_F(BadTalentData, AnUnknownSocCodeIsAnError) {
  edit("segments.csv", "15-2051", "15-9999");
  EXPECT_THAT(error(), HasSubstr("field 'OCC_CODE': no national row for 15-9999"));
}

TEST(TalentParameters, RoundTripThroughTomlAndRejectUnknownNames) {
  const auto path = std::filesystem::path(::testing::TempDir()) /
                    ("floe_talent_params_" + std::to_string(::getpid()) + ".toml");
  TalentParameters p = prior_talent_parameters();
  p[3] = -0.123456789012345;
  write_talent_parameters(path, p, "test");
  EXPECT_EQ(read_talent_parameters(path), p);
  std::ofstream(path, std::ios::app) << "beta_salary = 2\n";
  try {
    read_talent_parameters(path);
    ADD_FAILURE() << "no error";
  } catch (const DataError& e) {
    EXPECT_THAT(e.what(), HasSubstr("field 'talent.parameters.beta_salary': unknown parameter"));
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace floe
