// What a run's talent segment covers, its month format and its labels (talent_tables.h).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "floe/error.h"
#include "floe/talent.h"
#include "serve/talent_tables.h"
#include "serve/values.h"

namespace floe::serve {
namespace {

constexpr const char* kTalentTables[] = {"talent_month",  "talent_moves",   "talent_phd",
                                         "talent_series", "talent_targets", "talent_parameters"};

// The columns the dashboard reads from each table: asked for once at start, so that a file
// without one fails when it is opened rather than on some later request.
constexpr const char* kColumnChecks[] = {
    "SELECT date, month, employer, headcount, entrants, exits, moved_in, moved_out, net_flow "
    "FROM talent_month LIMIT 1",
    "SELECT date, month, origin, destination, movers FROM talent_moves LIMIT 1",
    "SELECT date, month, destination, graduates FROM talent_phd LIMIT 1",
    "SELECT date, month, genai_index, big_tech_net_flow, big_tech_net_flow_expected, "
    "phd_industry_share, phd_industry_share_expected FROM talent_series LIMIT 1",
    "SELECT target, description, observed, tolerance, expected, expected_within, agents, "
    "agents_within, source FROM talent_targets LIMIT 1",
    "SELECT parameter, value, prior, meaning FROM talent_parameters LIMIT 1"};

int checked_month(const std::string& date) {
  const auto m = parse_talent_month(date);
  if (!m) throw Error("talent_month: the date '" + date.substr(0, 20) + "' is not YYYY-MM");
  return *m;
}

}  // namespace

std::optional<int> parse_talent_month(std::string_view text) {
  const auto digits = [&](std::size_t at, std::size_t n, int& out) {
    const char* first = text.data() + at;
    const auto [end, ec] = std::from_chars(first, first + n, out);
    return ec == std::errc() && end == first + n &&
           std::all_of(first, first + n, [](char c) { return c >= '0' && c <= '9'; });
  };
  int year = 0, month = 0;
  if (text.size() != 7 || text[4] != '-' || !digits(0, 4, year) || !digits(5, 2, month) ||
      month < 1 || month > 12) {
    return std::nullopt;
  }
  return talent_month(year, month);
}

std::string employer_label(const std::string& key) {
  static const std::map<std::string, std::string> labels = {{"big_tech", "Big tech"},
                                                            {"ai_labs", "AI labs"},
                                                            {"stealth", "Stealth startups"},
                                                            {"other_tech", "Other tech"},
                                                            {"health_care", "Health care"},
                                                            {"finance", "Finance"},
                                                            {"other_industry", "Other industries"},
                                                            {"academia", "Universities"},
                                                            {"outside", "Outside these employers"}};
  const auto it = labels.find(key);
  return it == labels.end() ? key : it->second;
}

std::string segment_label(const std::string& key) {
  static const std::map<std::string, std::string> labels = {
      {"researchers", "AI researchers"},
      {"ml_engineers", "ML engineers and data scientists"},
      {"ai_engineers", "AI engineers"}};
  const auto it = labels.find(key);
  return it == labels.end() ? key : it->second;
}

std::optional<TalentInfo> read_talent_info(const RunFile& run) {
  std::set<std::string> present;
  for (const auto& row :
       run.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE "
                 "'talent!_%' ESCAPE '!'")) {
    present.insert(text(row[0]));
  }
  if (present.empty()) return std::nullopt;
  for (const char* table : kTalentTables) {
    if (!present.count(table)) {
      throw Error(fmt::format("the AI-talent tables are incomplete: {} is missing", table));
    }
  }
  for (const char* sql : kColumnChecks) run.query(sql);

  TalentInfo t;
  std::vector<std::string> columns;
  run.query("SELECT * FROM talent_month LIMIT 1", {}, &columns);
  // The segments' columns stand between employer and headcount (src/models/talent/db.cc).
  const auto employer = std::find(columns.begin(), columns.end(), "employer");
  const auto headcount = std::find(columns.begin(), columns.end(), "headcount");
  if (employer >= headcount) throw Error("talent_month: no segment columns before headcount");
  t.segments.assign(employer + 1, headcount);

  const auto range = run.query("SELECT MIN(date), MAX(date) FROM talent_month");
  t.first_date = text(range.at(0)[0]);
  t.last_date = text(range.at(0)[1]);
  if (t.first_date.empty()) throw Error("talent_month has no months");
  t.first = checked_month(t.first_date);
  t.last = checked_month(t.last_date);
  for (const auto& row : run.query(
           "SELECT employer FROM talent_month WHERE date = ?1 ORDER BY rowid", {t.first_date})) {
    t.employers.push_back(text(row[0]));
  }

  const auto& keys = run.info().run;
  const auto key = [&](const char* name) {
    const auto it = keys.find(name);
    return it == keys.end() ? std::string() : it->second;
  };
  const std::string scale = key("talent_scale");
  const auto [end, ec] = std::from_chars(scale.data(), scale.data() + scale.size(), t.scale);
  if (scale.empty() || ec != std::errc() || end != scale.data() + scale.size() ||
      !std::isfinite(t.scale) || t.scale <= 0) {
    throw Error("run key talent_scale: '" + scale.substr(0, 20) + "' is not a positive number");
  }
  t.start = key("talent_start");
  t.parameters_from = key("talent_parameters_from");
  return t;
}

Json talent_json(const RunInfo& run) {
  if (!run.talent) return nullptr;
  const TalentInfo& t = *run.talent;
  const auto keyed = [](const std::vector<std::string>& keys, auto label) {
    Json list = Json::array();
    for (const auto& k : keys) list.push_back({{"key", k}, {"label", label(k)}});
    return list;
  };
  return {{"first_date", t.first_date},
          {"last_date", t.last_date},
          {"months", t.last - t.first + 1},
          {"start", t.start},
          {"launch", kTalentLaunch},
          {"scale", t.scale},
          {"parameters_from", t.parameters_from},
          {"employers", keyed(t.employers, employer_label)},
          {"segments", keyed(t.segments, segment_label)}};
}

}  // namespace floe::serve
