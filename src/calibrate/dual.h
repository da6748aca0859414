// Dual numbers for forward-mode automatic differentiation over N parameters.
//
// A Dual<N> carries a value and its partial derivatives with respect to N parameters. Every
// operation applies the chain rule to all N at once, so one evaluation of a model written for a
// generic scalar T gives the model's outputs and their exact Jacobian (docs/talent.md §7).
// Forward mode fits calibration well: a handful of parameters, a long chain of operations, and
// no tape to store.
#pragma once

#include <array>
#include <cmath>

namespace floe::calibrate {

template <int N>
struct Dual {
  double v = 0;               // value
  std::array<double, N> d{};  // d value / d parameter i

  Dual() = default;
  Dual(double value) : v(value) {}  // NOLINT: constants mix freely with duals
  // The i-th parameter itself, with value `value`: derivative 1 in direction i.
  static Dual parameter(double value, int i) {
    Dual x(value);
    x.d[i] = 1.0;
    return x;
  }

  Dual& operator+=(const Dual& b) {
    v += b.v;
    for (int i = 0; i < N; ++i) d[i] += b.d[i];
    return *this;
  }
  Dual& operator-=(const Dual& b) {
    v -= b.v;
    for (int i = 0; i < N; ++i) d[i] -= b.d[i];
    return *this;
  }
  Dual& operator*=(const Dual& b) {
    for (int i = 0; i < N; ++i) d[i] = d[i] * b.v + v * b.d[i];
    v *= b.v;
    return *this;
  }
  Dual& operator/=(const Dual& b) {
    const double inv = 1.0 / b.v;
    for (int i = 0; i < N; ++i) d[i] = (d[i] - v * inv * b.d[i]) * inv;
    v *= inv;
    return *this;
  }
};

template <int N>
Dual<N> operator+(Dual<N> a, const Dual<N>& b) {
  return a += b;
}
template <int N>
Dual<N> operator-(Dual<N> a, const Dual<N>& b) {
  return a -= b;
}
template <int N>
Dual<N> operator*(Dual<N> a, const Dual<N>& b) {
  return a *= b;
}
template <int N>
Dual<N> operator/(Dual<N> a, const Dual<N>& b) {
  return a /= b;
}
template <int N>
Dual<N> operator+(Dual<N> a, double b) {
  a.v += b;
  return a;
}
template <int N>
Dual<N> operator+(double a, Dual<N> b) {
  b.v += a;
  return b;
}
template <int N>
Dual<N> operator-(Dual<N> a, double b) {
  a.v -= b;
  return a;
}
template <int N>
Dual<N> operator-(double a, const Dual<N>& b) {
  return Dual<N>(a) - b;
}
template <int N>
Dual<N> operator*(Dual<N> a, double b) {
  a.v *= b;
  for (auto& x : a.d) x *= b;
  return a;
}
template <int N>
Dual<N> operator*(double a, Dual<N> b) {
  return b * a;
}
template <int N>
Dual<N> operator/(Dual<N> a, double b) {
  return a * (1.0 / b);
}
template <int N>
Dual<N> operator/(double a, const Dual<N>& b) {
  return Dual<N>(a) / b;
}
template <int N>
Dual<N> operator-(Dual<N> a) {
  return a * -1.0;
}

// Comparisons look at values only: branches in the model are piecewise choices, and the
// derivative is that of the branch taken.
template <int N>
bool operator<(const Dual<N>& a, const Dual<N>& b) {
  return a.v < b.v;
}
template <int N>
bool operator>(const Dual<N>& a, const Dual<N>& b) {
  return a.v > b.v;
}

// f(a) with derivative f'(a): the chain rule once for every elementary function.
template <int N>
Dual<N> chain(const Dual<N>& a, double value, double slope) {
  Dual<N> r(value);
  for (int i = 0; i < N; ++i) r.d[i] = slope * a.d[i];
  return r;
}

template <int N>
Dual<N> exp(const Dual<N>& a) {
  const double e = std::exp(a.v);
  return chain(a, e, e);
}
template <int N>
Dual<N> log(const Dual<N>& a) {
  return chain(a, std::log(a.v), 1.0 / a.v);
}
template <int N>
Dual<N> sqrt(const Dual<N>& a) {
  const double s = std::sqrt(a.v);
  return chain(a, s, 0.5 / s);
}

// The value of a double or a dual, for reporting and branching.
inline double value(double x) { return x; }
template <int N>
double value(const Dual<N>& x) {
  return x.v;
}

// log(1 + e^x), computed without overflow: the smooth hinge used for one-sided targets.
inline double softplus(double x) {
  return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}
template <int N>
Dual<N> softplus(const Dual<N>& a) {
  // d/dx softplus(x) = logistic(x)
  return chain(a, softplus(a.v), 1.0 / (1.0 + std::exp(-a.v)));
}
// The logistic function 1 / (1 + e^-x).
inline double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }
template <int N>
Dual<N> logistic(const Dual<N>& a) {
  const double s = logistic(a.v);
  return chain(a, s, s * (1.0 - s));
}

}  // namespace floe::calibrate
