// The talent model's monthly step, written once for any scalar: double for the agent form and
// reports, calibrate::Dual<N> for exact derivatives (docs/talent.md §3).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>

#include "calibrate/dual.h"
#include "floe/talent.h"

namespace floe::talent {

// Positions in TalentParameters (the order of talent_parameter_specs()).
enum Parameter : int {
  kBetaPay,
  kBetaEquity,
  kBetaAutonomy,
  kBetaMission,
  kSwitchingCost,
  kPayTrend,
  kPhdAcademia,
  kPhdOutside,
  kHealthTrend,
  kGenaiLabs,
  kGenaiStealth,
  kRetrenchment,
  kRetrenchmentMonths,
  kGenaiMidpoint,
  kGenaiWidth,
};

constexpr int kBig = static_cast<int>(Employer::kBigTech);
constexpr int kLabs = static_cast<int>(Employer::kAiLabs);
constexpr int kStealthStartups = static_cast<int>(Employer::kStealth);
constexpr int kOther = static_cast<int>(Employer::kOtherTech);
constexpr int kHealth = static_cast<int>(Employer::kHealthCare);
constexpr int kFinanceClass = static_cast<int>(Employer::kFinance);
constexpr int kAcademiaClass = static_cast<int>(Employer::kAcademia);
constexpr int kMayOf2024 = (2024 - kTalentFirstYear) * 12 + 4;
constexpr int kJanuaryOf2015 = (2015 - kTalentFirstYear) * 12;
// The last month of the history the trends are fitted on: projections hold them there (§3.1).
constexpr int kTrendsEnd = (2024 - kTalentFirstYear) * 12 + 11;

// Non-compete clauses bind workers at incumbent employers who move to a competitor in tech.
inline bool incumbent(int j) {
  return j == kBig || j == kLabs || j == kOther || j == kFinanceClass;
}
inline bool competitor(int k) {
  return k == kBig || k == kLabs || k == kStealthStartups || k == kOther;
}

// One month's choice probabilities.
template <class T>
struct MonthChoices {
  std::array<T, kEmployers * kEmployers> move{};  // P(k | j): row j, includes staying (k = j)
  // Where each segment's new workers go, conditional on joining a modelled employer.
  std::array<std::array<T, kEmployers>, kSegments> entry{};
  std::array<T, kEmployers + 1> phd{};  // where new AI PhDs go, with the outside option last
  T genai{};                            // G(t)
};

// G(t): generative-AI postings relative to May 2024; zero before the launch (§3.3).
template <class T>
T genai_index(const TalentData& d, const std::array<T, kTalentParameters>& p, int t) {
  using calibrate::logistic;
  using std::exp;
  if (t < d.launch) return T(0.0);
  const double since = t - d.launch + 1;  // December 2022 is month 1
  const double may = kMayOf2024 - d.launch + 1;
  return logistic((since - p[kGenaiMidpoint]) / p[kGenaiWidth]) /
         logistic((may - p[kGenaiMidpoint]) / p[kGenaiWidth]);
}

template <class T>
MonthChoices<T> month_choices(const TalentData& d, const std::array<T, kTalentParameters>& p,
                              const TalentLevers& levers, int t) {
  using calibrate::exp;
  using calibrate::log;
  using std::exp;
  using std::log;
  MonthChoices<T> c;
  const bool policy = t >= levers.from;
  const int trend_month = std::min(t, kTrendsEnd);
  const double years = trend_month / 12.0;
  c.genai = genai_index(d, p, t);
  T retrench(0.0);
  if (t >= d.launch) retrench = p[kRetrenchment] * exp(-(t - d.launch) / p[kRetrenchmentMonths]);

  // V_k(t): what employer class k offers this month (§3.1).
  std::array<T, kEmployers> v;
  for (int k = 0; k < kEmployers; ++k) {
    const EmployerClass& e = d.employers[k];
    double equity = e.equity;
    if (policy && (k == kLabs || k == kStealthStartups)) equity *= 1.0 - levers.funding_drought;
    T u = log(e.openings) + p[kBetaPay] * log(e.pay) + p[kBetaEquity] * equity +
          p[kBetaAutonomy] * e.autonomy + p[kBetaMission] * e.mission;
    if (k != kAcademiaClass) u += p[kBetaPay] * p[kPayTrend] * years;
    if (k == kHealth && trend_month > kJanuaryOf2015) {
      u += p[kHealthTrend] * ((trend_month - kJanuaryOf2015) / 12.0);
    }
    if (k == kLabs) u += p[kGenaiLabs] * c.genai;
    if (k == kStealthStartups) u += p[kGenaiStealth] * c.genai;
    if (k == kBig) {
      u -= retrench;
      if (policy) u += p[kBetaPay] * std::log1p(levers.big_tech_pay);
    }
    v[k] = u;
  }
  // Moves: a multinomial logit over staying and the seven other classes, with a switching cost
  // on every move and, under non-compete enforcement, an extra cost on moves to competitors.
  const double blocked = policy ? -std::log1p(-std::min(levers.non_compete, 0.999999)) : 0.0;
  for (int j = 0; j < kEmployers; ++j) {
    std::array<T, kEmployers> w;
    T total(0.0);
    for (int k = 0; k < kEmployers; ++k) {
      T u = v[k];
      if (k != j) {
        u -= p[kSwitchingCost];
        if (incumbent(j) && competitor(k)) u -= blocked;
      }
      w[k] = exp(u);
      total += w[k];
    }
    for (int k = 0; k < kEmployers; ++k) c.move[j * kEmployers + k] = w[k] / total;
  }
  // New workers: the same offers, no switching cost. New PhDs value academia by phd_academia
  // more, and may take a job outside the modelled employers (government, abroad, others).
  for (int s = 0; s < kSegments; ++s) {
    std::array<T, kEmployers> w;
    T total(0.0);
    for (int k = 0; k < kEmployers; ++k) {
      T u = v[k];
      if (s == kResearchers && k == kAcademiaClass) u += p[kPhdAcademia];
      w[k] = exp(u);
      total += w[k];
    }
    for (int k = 0; k < kEmployers; ++k) c.entry[s][k] = w[k] / total;
    if (s == kResearchers) {
      const T outside = exp(p[kPhdOutside]);
      for (int k = 0; k < kEmployers; ++k) c.phd[k] = w[k] / (total + outside);
      c.phd[kEmployers] = outside / (total + outside);
    }
  }
  return c;
}

// New workers of segment s joining during month t: what keeps the segment on its OEWS path
// H_s(t), after the month's exits; more under expanded immigration (§3.2).
inline double entrants(const TalentData& d, const TalentLevers& levers, int s, int t) {
  const TalentSegmentData& seg = d.segments[s];
  const double e = std::max(0.0, seg.headcount[t + 1] - (1.0 - seg.exit_rate) * seg.headcount[t]);
  return t >= levers.from ? e * (1.0 + levers.immigration) : e;
}

// Solves A x = b (n x n, row-major) by Gaussian elimination with partial pivoting on values.
template <class T, int n>
std::array<T, n> solve_linear(std::array<T, n * n> a, std::array<T, n> b) {
  for (int col = 0; col < n; ++col) {
    int pivot = col;
    for (int r = col + 1; r < n; ++r) {
      if (std::abs(calibrate::value(a[r * n + col])) >
          std::abs(calibrate::value(a[pivot * n + col])))
        pivot = r;
    }
    if (pivot != col) {
      for (int k = 0; k < n; ++k) std::swap(a[col * n + k], a[pivot * n + k]);
      std::swap(b[col], b[pivot]);
    }
    for (int r = col + 1; r < n; ++r) {
      const T f = a[r * n + col] / a[col * n + col];
      for (int k = col; k < n; ++k) a[r * n + k] -= f * a[col * n + k];
      b[r] -= f * b[col];
    }
  }
  std::array<T, n> x;
  for (int r = n - 1; r >= 0; --r) {
    T s = b[r];
    for (int k = r + 1; k < n; ++k) s -= a[r * n + k] * x[k];
    x[r] = s / a[r * n + r];
  }
  return x;
}

// The path's stocks and flows in scalar T (model.cc instantiates double and the calibration's
// dual).
template <class T>
struct PathOf {
  std::vector<std::array<T, kSegments * kEmployers>> headcount, entrants;
  std::vector<std::array<T, kEmployers * kEmployers>> moves;
  std::vector<std::array<T, kEmployers>> researcher_hires;
  std::vector<std::array<T, kEmployers + 1>> phd;
  std::vector<T> genai;
};

// Runs the expected-flow form for months 0 .. months-1 (§3.4).
template <class T>
PathOf<T> expected_path(const TalentData& d, const std::array<T, kTalentParameters>& p,
                        const TalentLevers& levers, int months) {
  PathOf<T> path;
  path.headcount.resize(months + 1);
  path.entrants.resize(months);
  path.moves.resize(months);
  path.researcher_hires.resize(months);
  path.phd.resize(months);
  path.genai.resize(months);
  // January 2011: each segment at the steady state of that month's choices, scaled to H_s(0):
  // n = (1 - x) P^T n + Q, solved for n.
  {
    const MonthChoices<T> c = month_choices(d, p, levers, 0);
    for (int s = 0; s < kSegments; ++s) {
      const double stay = 1.0 - d.segments[s].exit_rate;
      std::array<T, kEmployers * kEmployers> a;
      for (int k = 0; k < kEmployers; ++k) {
        for (int j = 0; j < kEmployers; ++j) {
          a[k * kEmployers + j] = T(k == j ? 1.0 : 0.0) - stay * c.move[j * kEmployers + k];
        }
      }
      const auto n = solve_linear<T, kEmployers>(a, c.entry[s]);
      T total(0.0);
      for (const T& x : n) total += x;
      for (int k = 0; k < kEmployers; ++k) {
        path.headcount[0][s * kEmployers + k] = n[k] / total * d.segments[s].headcount[0];
      }
    }
  }
  for (int t = 0; t < months; ++t) {
    const MonthChoices<T> c = month_choices(d, p, levers, t);
    auto& next = path.headcount[t + 1];
    auto& moves = path.moves[t];
    auto& hires = path.researcher_hires[t];
    for (auto& x : next) x = T(0.0);
    for (auto& x : moves) x = T(0.0);
    for (auto& x : hires) x = T(0.0);
    for (int s = 0; s < kSegments; ++s) {
      const double stay = 1.0 - d.segments[s].exit_rate;
      for (int j = 0; j < kEmployers; ++j) {
        const T remaining = path.headcount[t][s * kEmployers + j] * stay;
        for (int k = 0; k < kEmployers; ++k) {
          const T f = remaining * c.move[j * kEmployers + k];
          next[s * kEmployers + k] += f;
          if (k != j) {
            moves[j * kEmployers + k] += f;
            if (s == kResearchers) hires[k] += f;
          }
        }
      }
      const double e = entrants(d, levers, s, t);
      for (int k = 0; k < kEmployers; ++k) {
        const T joined = e * c.entry[s][k];
        path.entrants[t][s * kEmployers + k] = joined;
        next[s * kEmployers + k] += joined;
        if (s == kResearchers) hires[k] += joined;
      }
    }
    // The month's cohort of new PhDs: those who joined modelled employers, over their share.
    const double cohort = entrants(d, levers, kResearchers, t);
    for (int k = 0; k <= kEmployers; ++k)
      path.phd[t][k] = cohort * c.phd[k] / (1.0 - c.phd[kEmployers]);
    path.genai[t] = c.genai;
  }
  return path;
}

}  // namespace floe::talent
