// Reading the AI-talent segment of a run file: talent_series, talent_month at the last month and
// talent_targets, with the run keys that say its scale (docs/talent.md §9).
#include <fmt/format.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdlib>
#include <set>

#include "floe/error.h"
#include "floe/runs.h"
#include "floe/talent.h"
#include "store/statement.h"

namespace floe {
namespace {

std::set<std::string> columns_of(sqlite3* db, const std::string& file, const std::string& table) {
  store::Statement q(db, file, fmt::format("PRAGMA table_info({})", table));
  std::set<std::string> columns;
  while (q.step()) columns.insert(q.text(1));
  return columns;
}

// Throws unless `table` exists with every column in `wanted`.
void require_columns(sqlite3* db, const std::string& file, const std::string& table,
                     const std::vector<std::string>& wanted) {
  const std::set<std::string> columns = columns_of(db, file, table);
  if (columns.empty()) {
    throw Error(fmt::format("{}: the talent segment has no {} table", file, table));
  }
  for (const auto& c : wanted) {
    if (!columns.contains(c)) {
      throw Error(fmt::format("{}: table {} has no column {}", file, table, c));
    }
  }
}

std::string run_key(const RunInfo& info, const char* key) {
  const auto it = info.keys.find(key);
  return it == info.keys.end() ? std::string() : it->second;
}

// The share of the US workforce the run simulated: a number in (0, 1].
double talent_scale(const RunInfo& info, const std::string& file) {
  const std::string text = run_key(info, "talent_scale");
  char* end = nullptr;
  const double scale = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(scale > 0 && scale <= 1)) {
    throw Error(
        fmt::format("{}: run key talent_scale: expected a number in (0, 1], got '{}'", file, text));
  }
  return scale;
}

std::vector<TalentSeriesMonth> read_series(sqlite3* db, const std::string& file) {
  require_columns(
      db, file, "talent_series",
      {"date", "month", "genai_index", "big_tech_net_flow", "big_tech_net_flow_expected",
       "phd_industry_share", "phd_industry_share_expected"});
  store::Statement q(db, file,
                     "SELECT date, month, genai_index, big_tech_net_flow, "
                     "big_tech_net_flow_expected, phd_industry_share, phd_industry_share_expected "
                     "FROM talent_series ORDER BY date");
  std::vector<TalentSeriesMonth> series;
  while (q.step()) {
    TalentSeriesMonth m{.date = q.text(0),
                        .index = parse_talent_date(q.text(0)),
                        .month = static_cast<int>(q.integer(1)),
                        .genai_index = q.real(2),
                        .big_tech_net_flow = q.real(3),
                        .big_tech_net_flow_expected = q.real(4),
                        .phd_industry_share = q.real(5),
                        .phd_industry_share_expected = q.real(6)};
    if (m.index < 0) {
      throw Error(
          fmt::format("{}: table talent_series, column date: '{}' is not a month "
                      "YYYY-MM from 2011-01",
                      file, m.date));
    }
    // Every month from January 2011, none left out: the charts draw one point a month.
    const int want = static_cast<int>(series.size());
    if (m.index != want) {
      throw Error(fmt::format("{}: table talent_series has month {} where {} should be", file,
                              m.date, talent_date(want)));
    }
    series.push_back(std::move(m));
  }
  if (series.empty()) throw Error(file + ": table talent_series has no months");
  return series;
}

std::vector<TalentEmployerCount> read_month(sqlite3* db, const std::string& file,
                                            const std::string& date) {
  require_columns(db, file, "talent_month",
                  {"date", "employer", "researchers", "ml_engineers", "ai_engineers", "headcount",
                   "entrants", "exits", "moved_in", "moved_out", "net_flow"});
  store::Statement q(db, file,
                     "SELECT employer, researchers, ml_engineers, ai_engineers, headcount, "
                     "entrants, exits, moved_in, moved_out, net_flow FROM talent_month WHERE "
                     "date = ?1 ORDER BY rowid");
  q.bind(1, date);
  std::vector<TalentEmployerCount> out;
  while (q.step()) {
    out.push_back({.employer = q.text(0),
                   .researchers = q.real(1),
                   .ml_engineers = q.real(2),
                   .ai_engineers = q.real(3),
                   .headcount = q.real(4),
                   .entrants = q.real(5),
                   .exits = q.real(6),
                   .moved_in = q.real(7),
                   .moved_out = q.real(8),
                   .net_flow = q.real(9)});
  }
  if (out.empty()) {
    throw Error(
        fmt::format("{}: table talent_month has no rows for {}, the last month of "
                    "talent_series",
                    file, date));
  }
  return out;
}

std::vector<TalentTargetResult> read_targets(sqlite3* db, const std::string& file) {
  require_columns(db, file, "talent_targets",
                  {"target", "description", "observed", "tolerance", "expected", "expected_within",
                   "agents", "agents_within", "source"});
  // The targets' kinds: written since floe said what each target asks for; '' before.
  const bool kinds = columns_of(db, file, "talent_targets").contains("kind");
  store::Statement q(db, file,
                     fmt::format("SELECT target, description, source, observed, tolerance, "
                                 "expected, expected_within, agents, agents_within, {} FROM "
                                 "talent_targets ORDER BY rowid",
                                 kinds ? "kind" : "''"));
  std::vector<TalentTargetResult> out;
  while (q.step()) {
    out.push_back({.target = q.text(0),
                   .description = q.text(1),
                   .source = q.text(2),
                   .observed = q.real(3),
                   .tolerance = q.real(4),
                   .expected = q.real(5),
                   .expected_within = q.integer(6) != 0,
                   .agents = q.real(7),
                   .agents_within = q.integer(8) != 0,
                   .kind = q.text(9)});
  }
  return out;
}

}  // namespace

RunTalent SimulationRun::talent() const {
  const std::string file = path_.string();
  if (!info_.talent) {
    throw Error(file +
                ": no AI-talent tables (the run was made with talent.enabled = false, or "
                "before the talent segment existed)");
  }
  RunTalent t;
  t.scale = talent_scale(info_, file);
  t.start = run_key(info_, "talent_start");
  t.parameters_from = run_key(info_, "talent_parameters_from");
  t.series = read_series(db_.get(), file);
  t.last_date = t.series.back().date;
  t.last_month = read_month(db_.get(), file, t.last_date);
  t.targets = read_targets(db_.get(), file);
  return t;
}

}  // namespace floe
