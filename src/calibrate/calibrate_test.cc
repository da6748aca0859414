#include <gtest/gtest.h>

#include <cmath>

#include "calibrate/dual.h"
#include "calibrate/least_squares.h"

namespace floe::calibrate {
namespace {

using D2 = Dual<2>;

TEST(Dual, ArithmeticFollowsTheRulesOfDifferentiation) {
  // f(x, y) = x y + x / y - 3 at (2, 4): df/dx = y + 1/y = 4.25, df/dy = x - x/y² = 1.875.
  const D2 x = D2::parameter(2.0, 0), y = D2::parameter(4.0, 1);
  const D2 f = x * y + x / y - 3.0;
  EXPECT_DOUBLE_EQ(f.v, 5.5);
  EXPECT_DOUBLE_EQ(f.d[0], 4.25);
  EXPECT_DOUBLE_EQ(f.d[1], 1.875);
  // Subtraction, negation and constants on either side.
  const D2 g = 1.0 - x * 2.0 + (-y) / 2.0;  // dg/dx = -2, dg/dy = -0.5
  EXPECT_DOUBLE_EQ(g.v, -5.0);
  EXPECT_DOUBLE_EQ(g.d[0], -2.0);
  EXPECT_DOUBLE_EQ(g.d[1], -0.5);
}

TEST(Dual, ElementaryFunctionsHaveTheirTextbookDerivatives) {
  const D2 x = D2::parameter(0.7, 0);
  EXPECT_DOUBLE_EQ(exp(x).d[0], std::exp(0.7));
  EXPECT_DOUBLE_EQ(log(x).d[0], 1 / 0.7);
  EXPECT_DOUBLE_EQ(sqrt(x).d[0], 0.5 / std::sqrt(0.7));
  const double s = 1 / (1 + std::exp(-0.7));
  EXPECT_DOUBLE_EQ(logistic(x).v, s);
  EXPECT_DOUBLE_EQ(logistic(x).d[0], s * (1 - s));
  EXPECT_DOUBLE_EQ(softplus(x).v, std::log(1 + std::exp(0.7)));
  EXPECT_DOUBLE_EQ(softplus(x).d[0], s);
  // softplus stays finite far out on both sides.
  EXPECT_DOUBLE_EQ(softplus(800.0), 800.0);
  EXPECT_EQ(softplus(-800.0), 0.0);
  // The chain rule through a composition: d/dx exp(x²) = 2x exp(x²).
  const D2 c = exp(x * x);
  EXPECT_NEAR(c.d[0], 2 * 0.7 * std::exp(0.49), 1e-15);
}

TEST(SolveSpd, SolvesASmallSystemAndRejectsAnIndefiniteOne) {
  // [[4, 2], [2, 3]] y = [2, 1]  =>  y = [0.5, 0]
  std::vector<double> b = {2, 1};
  ASSERT_TRUE(solve_spd({4, 2, 2, 3}, b, 2));
  EXPECT_NEAR(b[0], 0.5, 1e-15);
  EXPECT_NEAR(b[1], 0.0, 1e-15);
  std::vector<double> c = {1, 1};
  EXPECT_FALSE(solve_spd({1, 2, 2, 1}, c, 2));
}

TEST(LevenbergMarquardt, FitsAnExponentialDecayExactly) {
  // Data from y = 3 exp(-0.5 t) at t = 0..5; residuals y_model - y. The exact fit has zero loss.
  ResidualFunction f = [](const std::vector<double>& x, std::vector<double>& r,
                          std::vector<double>& jac) {
    r.assign(6, 0.0);
    jac.assign(12, 0.0);
    for (int t = 0; t < 6; ++t) {
      const double e = std::exp(-x[1] * t);
      r[t] = x[0] * e - 3 * std::exp(-0.5 * t);
      jac[t * 2] = e;
      jac[t * 2 + 1] = -x[0] * t * e;
    }
  };
  const FitResult fit = levenberg_marquardt(f, {1.0, 2.0});
  EXPECT_TRUE(fit.converged);
  EXPECT_NEAR(fit.x[0], 3.0, 1e-8);
  EXPECT_NEAR(fit.x[1], 0.5, 1e-8);
  EXPECT_LT(fit.loss, 1e-18);
  // Every accepted step lowered the loss.
  for (std::size_t i = 1; i < fit.loss_history.size(); ++i) {
    EXPECT_LT(fit.loss_history[i], fit.loss_history[i - 1]);
  }
}

TEST(LevenbergMarquardt, FindsTheRosenbrockMinimumFromTheClassicStart) {
  // Rosenbrock as least squares: r = (10 (y - x²), 1 - x); minimum at (1, 1).
  ResidualFunction f = [](const std::vector<double>& x, std::vector<double>& r,
                          std::vector<double>& jac) {
    r = {10 * (x[1] - x[0] * x[0]), 1 - x[0]};
    jac = {-20 * x[0], 10, -1, 0};
  };
  const FitResult fit = levenberg_marquardt(f, {-1.2, 1.0});
  EXPECT_TRUE(fit.converged);
  EXPECT_NEAR(fit.x[0], 1.0, 1e-7);
  EXPECT_NEAR(fit.x[1], 1.0, 1e-7);
}

}  // namespace
}  // namespace floe::calibrate
