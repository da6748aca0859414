#include "calibrate/least_squares.h"

#include <algorithm>
#include <cmath>

namespace floe::calibrate {

bool solve_spd(std::vector<double> a, std::vector<double>& b, int n) {
  // In-place Cholesky A = L L^T (L in the lower triangle), then two triangular solves.
  for (int j = 0; j < n; ++j) {
    double diag = a[j * n + j];
    for (int k = 0; k < j; ++k) diag -= a[j * n + k] * a[j * n + k];
    if (!(diag > 0)) return false;
    const double l = std::sqrt(diag);
    a[j * n + j] = l;
    for (int i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (int k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / l;
    }
  }
  for (int i = 0; i < n; ++i) {
    double s = b[i];
    for (int k = 0; k < i; ++k) s -= a[i * n + k] * b[k];
    b[i] = s / a[i * n + i];
  }
  for (int i = n - 1; i >= 0; --i) {
    double s = b[i];
    for (int k = i + 1; k < n; ++k) s -= a[k * n + i] * b[k];
    b[i] = s / a[i * n + i];
  }
  return true;
}

namespace {

double half_sum_of_squares(const std::vector<double>& r) {
  double s = 0;
  for (double v : r) s += v * v;
  return 0.5 * s;
}

}  // namespace

FitResult levenberg_marquardt(const ResidualFunction& f, std::vector<double> x,
                              const FitOptions& options) {
  const int n = static_cast<int>(x.size());
  FitResult result;
  std::vector<double> r, jac;
  f(x, r, jac);
  result.evaluations = 1;
  const int m = static_cast<int>(r.size());
  double loss = half_sum_of_squares(r);
  result.loss_history.push_back(loss);
  // Damping mu scales the diagonal of J^T J (Marquardt's scaling, so that parameters of
  // different units are damped alike); updated as in Nielsen (1999).
  double mu = 1e-3, nu = 2.0;
  std::vector<double> jtj(n * n), g(n), step(n), x_new(n), r_new, jac_new;
  result.iterations = options.max_iterations;
  for (int it = 0; it < options.max_iterations; ++it) {
    std::fill(jtj.begin(), jtj.end(), 0.0);
    std::fill(g.begin(), g.end(), 0.0);
    for (int i = 0; i < m; ++i) {
      const double* row = &jac[static_cast<std::size_t>(i) * n];
      for (int a = 0; a < n; ++a) {
        g[a] += row[a] * r[i];
        for (int b = 0; b <= a; ++b) jtj[a * n + b] += row[a] * row[b];
      }
    }
    for (int a = 0; a < n; ++a) {
      for (int b = 0; b < a; ++b) jtj[b * n + a] = jtj[a * n + b];
    }
    double g_max = 0;
    for (double v : g) g_max = std::max(g_max, std::abs(v));
    if (g_max < options.gradient_tolerance) {
      result.converged = true;
      result.iterations = it;
      break;
    }
    bool accepted = false;
    while (!accepted && mu < 1e12) {
      std::vector<double> damped = jtj;
      for (int a = 0; a < n; ++a) damped[a * n + a] += mu * std::max(jtj[a * n + a], 1e-12);
      for (int a = 0; a < n; ++a) step[a] = -g[a];
      if (!solve_spd(damped, step, n)) {
        mu *= nu;
        nu *= 2;
        continue;
      }
      for (int a = 0; a < n; ++a) x_new[a] = x[a] + step[a];
      f(x_new, r_new, jac_new);
      ++result.evaluations;
      const double loss_new = half_sum_of_squares(r_new);
      // Gain ratio: actual decrease over the decrease the linear model predicted.
      double predicted = 0;
      for (int a = 0; a < n; ++a) {
        predicted += 0.5 * step[a] * (mu * std::max(jtj[a * n + a], 1e-12) * step[a] - g[a]);
      }
      const double rho = predicted > 0 ? (loss - loss_new) / predicted : -1;
      if (std::isfinite(loss_new) && rho > 0) {
        const double improvement = (loss - loss_new) / std::max(loss, 1e-300);
        x = x_new;
        r.swap(r_new);
        jac.swap(jac_new);
        loss = loss_new;
        result.loss_history.push_back(loss);
        mu *= std::max(1.0 / 3.0, 1.0 - std::pow(2.0 * rho - 1.0, 3));
        nu = 2.0;
        accepted = true;
        if (improvement < options.loss_tolerance) result.converged = true;
      } else {
        mu *= nu;
        nu *= 2;
      }
    }
    // No step lowers the loss even when damped to a tiny gradient step: a minimum, to the
    // precision the loss can be computed.
    if (!accepted || result.converged) {
      result.converged = true;
      result.iterations = it + 1;
      break;
    }
  }
  result.x = x;
  result.loss = loss;
  return result;
}

}  // namespace floe::calibrate
