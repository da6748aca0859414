// A run's AI-talent segment as tables (private to src/serve): what the segment covers, the
// monthly indicators, headcount by employer class over time, the employer classes in one month,
// moves and new PhDs summed over a period, the targets and the parameters, and two runs side by
// side. The tables are those `floe simulate` writes (src/models/talent/db.cc, docs/talent.md §9);
// every count is agents at the run's scale (TalentInfo::scale).
//
// Months are 'YYYY-MM' text in the files; a DateRange holds two of them, already checked, and
// compares as text (the same order as time).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "floe/table.h"
#include "serve/json.h"
#include "serve/run_file.h"

namespace floe::serve {

// The month the talent model takes as ChatGPT's launch: December 2022, the first month after
// 30 November 2022 (docs/talent.md §3.3).
inline constexpr const char* kTalentLaunch = "2022-12";

// "2022-12" -> the talent month index (143); nullopt unless exactly YYYY-MM with a month 01-12.
std::optional<int> parse_talent_month(std::string_view text);

// Short labels for the employer classes and segments of data/talent/*.csv, for table headers;
// an unknown key is its own label. "outside" is where new PhDs go outside those classes.
std::string employer_label(const std::string& key);
std::string segment_label(const std::string& key);

// Reads what the run's talent tables cover; nullopt when the file has none of them. Throws
// Error when some are missing or lack a column the dashboard reads.
std::optional<TalentInfo> read_talent_info(const RunFile& run);

// What the run's talent segment covers, for /api/meta and the run's pages: its months, the
// launch month, scale, where its parameters came from, its classes and segments with labels;
// null when the run has no talent tables.
Json talent_json(const RunInfo& run);

// Months from `from` through `to`, inclusive.
struct DateRange {
  std::string from, to;
};

// In each function, `run` has talent tables (run.info().talent is set).

// talent_series: the gen-AI index, big tech's net flow (agents and expected) and PhD shares.
Table talent_series(const RunFile& run, const DateRange& months);
// One row per month, one column per employer class: its headcount of `segment` (a key of
// TalentInfo::segments, or "headcount" for all), and the total.
Table talent_headcount(const RunFile& run, const std::string& segment, const DateRange& months);
// The employer classes in one month: headcount by segment, share, entrants, exits, moves.
Table talent_employers(const RunFile& run, const std::string& date);
// Moves summed over the months: one row per origin class, one column per destination class
// ("to_<key>"; empty on the diagonal) and every move out.
Table talent_moves(const RunFile& run, const DateRange& months);
// New AI PhDs by destination, summed over the months, with each destination's share.
Table talent_phd(const RunFile& run, const DateRange& months);
Table talent_targets(const RunFile& run);
Table talent_parameters(const RunFile& run);
// Per employer class: moves in and net flow summed over the months in runs a and b, and b - a.
Table compare_talent(const RunFile& a, const RunFile& b, const DateRange& months);

}  // namespace floe::serve
