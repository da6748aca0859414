// Levenberg-Marquardt for weighted nonlinear least squares: minimize ½ Σ r_i(x)² where each
// residual is already (model - target) / tolerance, so that |r_i| <= 1 means "within
// tolerance". The caller supplies residuals and their Jacobian (from dual numbers, exact), and
// the optimizer takes gradient steps J^T r damped towards Gauss-Newton steps (docs/talent.md §7).
#pragma once

#include <functional>
#include <vector>

namespace floe::calibrate {

// residuals r (size m) and Jacobian J (m x n, row-major: J[i * n + j] = d r_i / d x_j) at x.
using ResidualFunction = std::function<void(const std::vector<double>& x, std::vector<double>& r,
                                            std::vector<double>& J)>;

struct FitOptions {
  int max_iterations = 300;
  double gradient_tolerance = 1e-9;  // stop when max |J^T r| falls below this
  double loss_tolerance = 1e-12;     // ... or when a step improves the loss by less (relative)
};

struct FitResult {
  std::vector<double> x;
  double loss = 0;  // ½ Σ r²
  int iterations = 0;
  int evaluations = 0;
  bool converged = false;
  std::vector<double> loss_history;  // after each accepted step; [0] is the start
};

FitResult levenberg_marquardt(const ResidualFunction& f, std::vector<double> x,
                              const FitOptions& options = {});

// Solves A y = b for a symmetric positive definite n x n A (row-major) by Cholesky; false if A
// is not positive definite.
bool solve_spd(std::vector<double> a, std::vector<double>& b, int n);

}  // namespace floe::calibrate
