#include "report/talent_paths.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace floe::report {
namespace {

constexpr int kBigTech = static_cast<int>(Employer::kBigTech);
constexpr int kAcademia = static_cast<int>(Employer::kAcademia);

}  // namespace

int flow_months(const TalentPath& p) { return static_cast<int>(p.moves.size()); }

double big_tech_net_flow(const TalentPath& p, int t) {
  double net = 0;
  for (int k = 0; k < kEmployers; ++k) {
    if (k != kBigTech)
      net += p.moves[t][k * kEmployers + kBigTech] - p.moves[t][kBigTech * kEmployers + k];
  }
  return net;
}

double moves_into(const TalentPath& p, int t, int k) {
  double in = 0;
  for (int j = 0; j < kEmployers; ++j) {
    if (j != k) in += p.moves[t][j * kEmployers + k];
  }
  return in;
}

double employer_headcount(const TalentPath& p, int t, int k) {
  double n = 0;
  for (int s = 0; s < kSegments; ++s) n += p.headcount[t][s * kEmployers + k];
  return n;
}

std::vector<PhdYear> phd_shares_by_year(const TalentPath& p) {
  std::vector<PhdYear> years;
  const int months = static_cast<int>(p.phds.size());
  for (int first = 0; first + 12 <= months; first += 12) {
    double industry = 0, academia = 0, total = 0;
    for (int t = first; t < first + 12; ++t) {
      for (int k = 0; k <= kEmployers; ++k) {
        total += p.phds[t][k];
        if (k == kAcademia) {
          academia += p.phds[t][k];
        } else if (k < kEmployers) {
          industry += p.phds[t][k];
        }
      }
    }
    const int year = kTalentFirstYear + first / 12;
    years.push_back(total > 0 ? PhdYear{year, industry / total, academia / total}
                              : PhdYear{year, std::nan(""), std::nan("")});
  }
  return years;
}

std::optional<int> first_outward_month(const TalentPath& p) {
  for (int t = 1; t < flow_months(p); ++t) {
    if (big_tech_net_flow(p, t - 1) >= 0 && big_tech_net_flow(p, t) < 0) return t;
  }
  return std::nullopt;
}

const TargetFit* find_fit(const std::vector<TargetFit>& fits, std::string_view statistic,
                          TalentTarget::Kind kind) {
  const TargetFit* best = nullptr;
  for (const TargetFit& f : fits) {
    if (f.target->statistic != statistic || f.target->kind != kind) continue;
    if (!best || f.target->last > best->target->last) best = &f;
  }
  return best;
}

std::string month_in_words(int t, bool short_name) {
  static constexpr std::array<const char*, 12> kNames = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const int year = kTalentFirstYear + (t >= 0 ? t / 12 : -((11 - t) / 12));
  const std::string name = kNames[t - 12 * (year - kTalentFirstYear)];
  return fmt::format("{} {}", short_name ? name.substr(0, 3) : name, year);
}

std::string scale_in_words(double scale) {
  const int decimals = scale >= 1 ? 0 : (scale < 0.01 ? 2 : 1);
  return fmt::format("{:.{}f}%", 100 * scale, decimals);
}

std::string period_in_words(int first, int last) {
  if (first == last) return month_in_words(first);
  if (first % 12 == 0 && last == first + 11) {
    return std::to_string(kTalentFirstYear + first / 12);
  }
  return month_in_words(first) + " to " + month_in_words(last);
}

}  // namespace floe::report
