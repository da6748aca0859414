// What the talent report reads off a talent path (expected or agent form, both at US scale):
// the net flow into big tech, moves into a class, headcounts, where new PhDs go by year, the
// month the net flow turns outward, and the calibration's fit of a given statistic. The
// statistics are those of the targets (docs/talent.md §4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "floe/talent.h"

namespace floe::report {

// The month index of January 2015, where the talent charts start (series begin in 2011).
inline constexpr int kFrom2015 = (2015 - kTalentFirstYear) * 12;

// Months of the path with flows: 0 .. flow_months(p) - 1.
int flow_months(const TalentPath& p);
// Job-to-job moves into big tech minus moves out of it, in month t.
double big_tech_net_flow(const TalentPath& p, int t);
// Job-to-job moves into class k from every other class, in month t.
double moves_into(const TalentPath& p, int t, int k);
// AI-skilled workers of every segment at class k, at the start of month t.
double employer_headcount(const TalentPath& p, int t, int k);

// Shares of one calendar year's new AI PhDs: into industry (every modelled employer but
// universities) and into academia, of all of them (jobs outside the modelled employers too).
struct PhdYear {
  int year = 0;
  double industry = 0, academia = 0;
};
// Every calendar year the path covers in full, from 2011.
std::vector<PhdYear> phd_shares_by_year(const TalentPath& p);

// The first month whose net flow into big tech is outward (< 0) right after an inward (>= 0)
// one; nullopt if it never turns.
std::optional<int> first_outward_month(const TalentPath& p);

// The fit of the target with this statistic and kind that ends latest (nullptr if none).
const TargetFit* find_fit(const std::vector<TargetFit>& fits, std::string_view statistic,
                          TalentTarget::Kind kind);

// "December 2022" (or "Dec 2022" when `short_name`) for a talent month index.
std::string month_in_words(int t, bool short_name = false);
// The share of the US workforce simulated as agents: "100%", "1.0%", "0.25%".
std::string scale_in_words(double scale);
// A target's months in words: "2022" for a calendar year, "May 2024" for one month, else
// "December 2022 to August 2023".
std::string period_in_words(int first, int last);

}  // namespace floe::report
