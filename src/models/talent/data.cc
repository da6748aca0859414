// Reading the talent model's inputs: data/talent/*.csv and the OEWS and BLS EP rows that size
// the segments (docs/talent.md §2).
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "data/delimited.h"
#include "data/oews.h"
#include "data/projections.h"
#include "data/text_file.h"
#include "dataset/paths.h"
#include "floe/error.h"
#include "floe/talent.h"

namespace floe {

int talent_month(int year, int month) { return (year - kTalentFirstYear) * 12 + (month - 1); }

std::string talent_date(int index) {
  const int year = kTalentFirstYear + (index >= 0 ? index / 12 : (index - 11) / 12);
  return fmt::format("{:04d}-{:02d}", year, index - (year - kTalentFirstYear) * 12 + 1);
}

int parse_talent_date(const std::string& text) {
  int year = 0, month = 0;
  char extra = 0;
  if (text.size() != 7 || std::sscanf(text.c_str(), "%4d-%2d%c", &year, &month, &extra) != 2 ||
      text[4] != '-' || month < 1 || month > 12 || year < kTalentFirstYear || year > 2200) {
    return -1;
  }
  return talent_month(year, month);
}

namespace {

using data::DelimitedReader;

const char* kEmployerKeys[kEmployers] = {"big_tech",    "ai_labs", "stealth",        "other_tech",
                                         "health_care", "finance", "other_industry", "academia"};
const char* kSegmentKeys[kSegments] = {"researchers", "ml_engineers", "ai_engineers"};

void read_employers(const std::filesystem::path& path, TalentData& d) {
  DelimitedReader r(path);
  r.read_header();
  const auto key = r.column("key"), label = r.column("label"), pay = r.column("pay"),
             equity = r.column("equity"), autonomy = r.column("autonomy"),
             mission = r.column("mission"), openings = r.column("openings"),
             source = r.column("source");
  int k = 0;
  while (r.next()) {
    if (k == kEmployers) r.fail_record("more than the 8 employer classes floe models");
    // The model gives classes roles (big tech's net flow, startups' equity, academia's PhDs),
    // so the file must list them in the documented order.
    if (r.text(key) != kEmployerKeys[k]) {
      r.fail(key, "expected '" + std::string(kEmployerKeys[k]) + "' in this row (the classes " +
                      "are fixed, in the order of docs/talent.md)");
    }
    EmployerClass& e = d.employers[k++];
    e.key = std::string(r.text(key));
    e.label = std::string(r.required(label));
    e.pay = r.number_in(pay, 0.01, 100);
    e.equity = r.number_in(equity, 0, 100);
    e.autonomy = r.number_in(autonomy, 0, 1);
    e.mission = r.number_in(mission, 0, 1);
    e.openings = r.number_in(openings, 1e-6, 1e6);
    e.source = std::string(r.text(source));
  }
  if (k != kEmployers) {
    throw DataError(path.string(), 0, "key",
                    "missing employer class '" + std::string(kEmployerKeys[k]) + "'");
  }
}

void read_segments(const std::filesystem::path& path, TalentData& d) {
  DelimitedReader r(path);
  r.read_header();
  const auto key = r.column("key"), label = r.column("label"), soc = r.column("soc"),
             share = r.column("soc_share");
  int s = 0;
  while (r.next()) {
    if (s == kSegments) r.fail_record("more than the 3 segments floe models");
    if (r.text(key) != kSegmentKeys[s]) {
      r.fail(key, "expected '" + std::string(kSegmentKeys[s]) + "' in this row");
    }
    TalentSegmentData& seg = d.segments[s++];
    seg.key = std::string(r.text(key));
    seg.label = std::string(r.required(label));
    seg.soc = std::string(r.required(soc));
    seg.soc_share = r.number_in(share, 1e-6, 1);
  }
  if (s != kSegments) {
    throw DataError(path.string(), 0, "key",
                    "missing segment '" + std::string(kSegmentKeys[s]) + "'");
  }
}

// "2019-01..2022-11" -> (first, last)
std::pair<int, int> parse_period(const DelimitedReader& r, std::size_t col) {
  const std::string text(r.text(col));
  const auto dots = text.find("..");
  const std::string a = dots == std::string::npos ? text : text.substr(0, dots);
  const std::string b = dots == std::string::npos ? text : text.substr(dots + 2);
  const int first = parse_talent_date(a), last = parse_talent_date(b);
  if (first < 0 || last < first) {
    r.fail(col, "expected a period YYYY-MM..YYYY-MM from 2011 on, got '" + text + "'");
  }
  return {first, last};
}

void read_targets(const std::filesystem::path& path, TalentData& d) {
  static const std::map<std::string, TalentTarget::Kind> kinds = {
      {"value", TalentTarget::Kind::kValue},
      {"each_below", TalentTarget::Kind::kEachBelow},
      {"each_above", TalentTarget::Kind::kEachAbove},
      {"ratio", TalentTarget::Kind::kRatio},
      {"ratio_at_least", TalentTarget::Kind::kRatioAtLeast}};
  static const std::vector<std::string> statistics = {
      "big_tech_net_flow",  "stealth_share_of_big_tech_leavers", "phd_industry_share",
      "phd_academia_share", "researcher_hires_health_care",      "genai_postings",
      "move_rate"};
  DelimitedReader r(path);
  r.read_header();
  const auto key = r.column("key"), statistic = r.column("statistic"), kind = r.column("kind"),
             period = r.column("period"), base = r.column("base"), observed = r.column("observed"),
             tolerance = r.column("tolerance"), description = r.column("description"),
             source = r.column("source");
  while (r.next()) {
    TalentTarget t;
    t.key = std::string(r.required(key));
    t.statistic = std::string(r.required(statistic));
    bool known = false;
    for (const auto& s : statistics) known = known || s == t.statistic;
    if (!known) r.fail(statistic, "unknown statistic '" + t.statistic + "' (docs/talent.md §4)");
    const auto k = kinds.find(std::string(r.text(kind)));
    if (k == kinds.end()) {
      r.fail(kind, "expected value, each_below, each_above, ratio or ratio_at_least");
    }
    t.kind = k->second;
    std::tie(t.first, t.last) = parse_period(r, period);
    const bool ratio =
        t.kind == TalentTarget::Kind::kRatio || t.kind == TalentTarget::Kind::kRatioAtLeast;
    if (ratio) {
      std::tie(t.base_first, t.base_last) = parse_period(r, base);
    } else if (!r.text(base).empty()) {
      r.fail(base, "only ratio targets have a base period");
    }
    t.observed = r.number(observed);
    t.tolerance = r.number(tolerance);
    if (!(t.tolerance > (ratio ? 1.0 : 0.0))) {
      r.fail(tolerance, ratio ? "a ratio's tolerance is a factor above 1" : "must be positive");
    }
    if (ratio && !(t.observed > 0)) r.fail(observed, "a ratio must be positive");
    if (t.last >= d.months || (ratio && t.base_last >= d.months)) {
      r.fail(period, "after the last modelled month " + talent_date(d.months - 1));
    }
    t.description = std::string(r.required(description));
    t.source = std::string(r.required(source));
    t.line = r.line();
    for (const auto& other : d.targets) {
      if (other.key == t.key) r.fail(key, "duplicate target '" + t.key + "'");
    }
    d.targets.push_back(std::move(t));
  }
  if (d.targets.empty()) throw DataError(path.string(), 0, "", "no targets");
}

// H_s(t): a log-linear fit to the May OEWS points (the survey's reference month), extended after
// the last one at the BLS 2024-34 projected growth rate (docs/talent.md §2).
void fill_headcount(TalentSegmentData& s, double projected_growth_10y, int months) {
  double mt = 0, my = 0;
  for (const auto& [t, e] : s.observed) {
    mt += t;
    my += std::log(e);
  }
  const double n = static_cast<double>(s.observed.size());
  mt /= n;
  my /= n;
  double sxy = 0, sxx = 0;
  for (const auto& [t, e] : s.observed) {
    sxy += (t - mt) * (std::log(e) - my);
    sxx += (t - mt) * (t - mt);
  }
  const double slope = sxx > 0 ? sxy / sxx : 0.0;
  const int last = s.observed.back().first;
  const double after = std::log1p(projected_growth_10y) / 120.0;
  s.headcount.resize(months + 1);
  for (int t = 0; t <= months; ++t) {
    const double log_h =
        t <= last ? my + slope * (t - mt) : my + slope * (last - mt) + after * (t - last);
    s.headcount[t] = std::exp(log_h);
  }
}

}  // namespace

TalentData load_talent_data(const std::filesystem::path& data_dir, int last_month) {
  TalentData d;
  d.dir = data_dir / "talent";
  d.launch = talent_month(2022, 12);
  // At least through 2026 (the horizon), and through the run.
  d.months = std::max(last_month + 1, talent_month(2026, 12) + 1);
  read_employers(d.dir / "employers.csv", d);
  read_segments(d.dir / "segments.csv", d);
  read_targets(d.dir / "targets.csv", d);

  for (int year = 2021; year <= 2024; ++year) {
    const auto path = data::find_data_file(data_dir, dataset::oews_national(year));
    const data::OewsTable table = data::read_oews(path);
    for (TalentSegmentData& s : d.segments) {
      const data::OewsRow* found = nullptr;
      for (const auto& row : table.rows) {
        if (row.occ_code == s.soc && (row.area.empty() || row.area == "99")) found = &row;
      }
      if (!found) {
        throw DataError(path.string(), 0, "OCC_CODE",
                        "no national row for " + s.soc + " (segment " + s.key + ")");
      }
      if (!found->employment.has_value() || !(found->employment.value > 0)) {
        throw DataError(path.string(), found->line, "TOT_EMP", "no employment for " + s.soc);
      }
      s.observed.emplace_back(talent_month(year, 5), found->employment.value * s.soc_share);
    }
  }
  const auto ep = data::find_data_file(data_dir, dataset::kProjections);
  const auto rows = data::read_projections(ep);
  for (TalentSegmentData& s : d.segments) {
    const data::ProjectionRow* row = nullptr;
    for (const auto& p : rows) {
      if (p.code == s.soc) row = &p;
    }
    if (!row)
      throw DataError(ep.string(), 0, "2024 National Employment Matrix code",
                      "no projection for " + s.soc + " (segment " + s.key + ")");
    // Leaving the occupation: labor force exits plus transfers to other occupations.
    s.exit_rate = (row->exit_rate + row->transfer_rate) / 100.0 / 12.0;
    fill_headcount(s, row->change_percent / 100.0, d.months);
  }
  return d;
}

}  // namespace floe
