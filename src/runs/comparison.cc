// Two runs side by side: whether they can be compared, the months to show, the states ranked by
// how much they differ.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "floe/error.h"
#include "floe/runs.h"
#include "geo/build.h"

namespace floe {
namespace {

std::string month_list(const std::vector<int>& months) {
  if (months.empty()) return "none";
  std::string s;
  for (int m : months) s += (s.empty() ? "" : ", ") + std::to_string(m);
  return s;
}

std::set<std::string> fips_codes(const std::vector<RegionValues>& regions) {
  std::set<std::string> codes;
  for (const auto& r : regions) codes.insert(r.fips);
  return codes;
}

// "" when equal; else what differs, for the error message.
std::string region_difference(const std::string& what, const std::set<std::string>& a,
                              const std::set<std::string>& b, const std::string& a_file,
                              const std::string& b_file) {
  for (const auto& code : a) {
    if (!b.contains(code)) return fmt::format("{} {} is in {} only", what, code, a_file);
  }
  for (const auto& code : b) {
    if (!a.contains(code)) return fmt::format("{} {} is in {} only", what, code, b_file);
  }
  return "";
}

std::map<std::string, RegionValues> by_fips(std::vector<RegionValues> regions) {
  std::map<std::string, RegionValues> out;
  for (auto& r : regions) out.emplace(r.fips, std::move(r));
  return out;
}

RegionValues value_or_empty(const std::map<std::string, RegionValues>& m, const std::string& fips) {
  const auto it = m.find(fips);
  return it == m.end() ? RegionValues{.fips = fips} : it->second;
}

}  // namespace

void check_comparable(const SimulationRun& a, const SimulationRun& b) {
  const std::string fa = a.path().string(), fb = b.path().string();
  const auto fail = [&](const std::string& why) {
    throw Error(fmt::format("cannot compare {} with {}: {}", fa, fb, why));
  };
  if (a.info().months != b.info().months) {
    fail(fmt::format("they cover different months (0 to {} and 0 to {})", a.info().months,
                     b.info().months));
  }
  if (a.info().county_months != b.info().county_months) {
    fail(fmt::format("they have county figures for different months ({} and {})",
                     month_list(a.info().county_months), month_list(b.info().county_months)));
  }
  std::string why =
      region_difference("state", fips_codes(a.states(0)), fips_codes(b.states(0)), fa, fb);
  if (why.empty() && !a.info().county_months.empty()) {
    const int month = a.info().county_months.front();
    why = region_difference("county", fips_codes(a.counties(month)), fips_codes(b.counties(month)),
                            fa, fb);
  }
  if (!why.empty()) fail("they cover different places (" + why + ")");
}

std::vector<int> comparison_months(int last_month, std::optional<int> chosen) {
  std::set<int> months;
  for (int m : {12, 60, 120}) {
    if (m <= last_month) months.insert(m);
  }
  if (chosen) months.insert(*chosen);
  months.insert(last_month);
  return {months.begin(), months.end()};
}

double StateComparison::unemployment_points() const {
  return 100 * (b.figures.unemployment_rate() - a.figures.unemployment_rate());
}

double StateComparison::employment_change() const {
  return a.figures.employed > 0 ? b.figures.employed / a.figures.employed - 1 : std::nan("");
}

RunComparison compare_runs(const SimulationRun& a, const SimulationRun& b,
                           std::optional<int> month) {
  check_comparable(a, b);
  const int last = a.info().months;
  if (month && (*month < 0 || *month > last)) {
    throw Error(fmt::format("month {} is outside the runs (months 0 to {})", *month, last));
  }
  RunComparison c;
  c.month = month.value_or(last);
  c.a_file = a.path().string();
  c.b_file = b.path().string();
  c.a_label = a.info().scenario.empty() ? a.path().stem().string() : a.info().scenario;
  c.b_label = b.info().scenario.empty() ? b.path().stem().string() : b.info().scenario;
  if (c.a_label == c.b_label) {
    // The same scenario twice (another seed or population): tell them apart by file.
    const bool same_name = a.path().filename() == b.path().filename();
    c.a_label += " (" + (same_name ? c.a_file : a.path().filename().string()) + ")";
    c.b_label += " (" + (same_name ? c.b_file : b.path().filename().string()) + ")";
  }
  c.scenario = scenario_differences(a.info().scenario_text, b.info().scenario_text);
  for (int m : comparison_months(last, month)) {
    const auto i = static_cast<std::size_t>(m);
    c.national.emplace_back(a.national()[i], b.national()[i]);
    if (a.info().twin) c.a_twin.push_back(a.twin_national()[i]);
    if (b.info().twin) c.b_twin.push_back(b.twin_national()[i]);
  }

  const auto a_now = by_fips(a.states(c.month)), b_now = by_fips(b.states(c.month));
  const auto a_start = by_fips(a.states(0)), b_start = by_fips(b.states(0));
  std::set<std::string> codes;
  for (const auto& [fips, v] : a_now) codes.insert(fips);
  for (const auto& [fips, v] : b_now) codes.insert(fips);
  for (const auto& fips : codes) {
    StateComparison s{.fips = fips,
                      .a = value_or_empty(a_now, fips),
                      .b = value_or_empty(b_now, fips),
                      .a_start = value_or_empty(a_start, fips),
                      .b_start = value_or_empty(b_start, fips)};
    if (const geo::StateCode* code = geo::find_state_code(fips)) {
      s.usps = code->usps;
      s.name = code->name;
    }
    c.states.push_back(std::move(s));
  }
  // Largest difference first; states without a rate in either run last.
  std::stable_sort(c.states.begin(), c.states.end(),
                   [](const StateComparison& x, const StateComparison& y) {
                     const double dx = std::abs(x.unemployment_points());
                     const double dy = std::abs(y.unemployment_points());
                     if (std::isnan(dx) || std::isnan(dy)) return !std::isnan(dx) && std::isnan(dy);
                     return dx > dy;
                   });
  return c;
}

}  // namespace floe
