#include "serve/effect_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "floe/runs.h"
#include "serve/values.h"
#include "store/run_schema.h"

namespace floe::serve {
namespace {

constexpr const char* kFigures =
    "SUM(employed), SUM(unemployed), SUM(training), SUM(wage_bill), SUM(agents)";

// The figures in a query row's columns first..first+4 (in kFigures' order).
RunFigures figures(const std::vector<Value>& row, std::size_t first) {
  RunFigures f;
  f.employed = number(row[first]);
  f.unemployed = number(row[first + 1]);
  f.training = number(row[first + 2]);
  f.wage_bill = number(row[first + 3]);
  f.agents = number(row[first + 4]);
  return f;
}

// A figure, or empty when the twin is not there.
Value maybe(bool twin, double value) { return twin ? Value(value) : Value(); }

void add_effect_notes(Table& t, bool twin) {
  if (!twin) {
    t.notes.push_back(std::string(kNoTwinNote) + ".");
    return;
  }
  t.notes.push_back(
      "AI effect = this run minus its no-AI twin (the same run with AI capability and adoption "
      "held at month 0, common random numbers), docs/model.md §16. Margin: 90% sampling "
      "interval of the unemployment effect from the agents behind each figure.");
}

struct LevelQuery {
  const char* table;   // without the twin_ prefix
  const char* key;     // the grouping column
  const char* filter;  // on ?2 (a state FIPS)
};

LevelQuery level_query(EffectLevel level) {
  switch (level) {
    case EffectLevel::kStates:
      return {"state_major", "state_fips", "1"};  // every state: ?2 is NULL
    case EffectLevel::kCounties:
      return {"county_major", "county_fips", "substr(county_fips, 1, 2) = ?2"};
    case EffectLevel::kMajors:
      break;
  }
  return {"state_major", "major", "state_fips = ?2"};
}

std::map<std::string, RunFigures> place_figures(const RunFile& run, const LevelQuery& q, bool twin,
                                                int month, const RunFile::Bind& state) {
  const std::string table = std::string(twin ? "twin_" : "") + q.table;
  const auto rows = run.query(fmt::format("SELECT {0}, {1} FROM {2} WHERE month = ?1 AND (?2 IS "
                                          "NULL OR {3}) GROUP BY {0} ORDER BY {0}",
                                          q.key, kFigures, table, q.filter),
                              {long{month}, state});
  std::map<std::string, RunFigures> out;
  for (const auto& row : rows) out[text(row[0])] = figures(row, 1);
  return out;
}

// The key columns of a place: states fips, usps, name; counties fips, name, state (USPS); major
// groups major, title.
std::vector<Column> key_columns(EffectLevel level) {
  switch (level) {
    case EffectLevel::kStates:
      return {{"fips", "FIPS", ColumnKind::kText},
              {"usps", "", ColumnKind::kText},
              {"name", "State", ColumnKind::kText}};
    case EffectLevel::kCounties:
      return {{"fips", "FIPS", ColumnKind::kText},
              {"name", "County", ColumnKind::kText},
              {"state", "", ColumnKind::kText}};
    case EffectLevel::kMajors:
      break;
  }
  return {{"major", "SOC", ColumnKind::kText}, {"title", "Group", ColumnKind::kText}};
}

std::vector<Value> key_values(const Dataset& ds, EffectLevel level, const std::string& key) {
  const Geography& geo = ds.geography;
  if (level == EffectLevel::kStates) {
    const auto id = geo.find_state(key);
    return {key, id ? geo[*id].usps : std::string(), id ? geo[*id].name : key};
  }
  if (level == EffectLevel::kCounties) {
    const auto id = geo.find_county(key);
    return {key, id ? geo[*id].name : key, id ? geo[geo[*id].state].usps : std::string()};
  }
  const auto id = ds.taxonomy.find_major_group(key);
  return {key, id ? ds.taxonomy.major_groups[id->index()].title : key};
}

std::string level_title(const Dataset& ds, EffectLevel level, const std::optional<StateId>& state) {
  const std::string where = state ? ds.geography[*state].name : std::string("United States");
  switch (level) {
    case EffectLevel::kStates:
      return "AI effect by state";
    case EffectLevel::kCounties:
      return "AI effect by county, " + where;
    case EffectLevel::kMajors:
      break;
  }
  return "AI effect by occupation group, " + where;
}

}  // namespace

Table national_effect(const RunFile& run) {
  const bool twin = run.info().twin;
  Table t;
  t.title = "United States by month, AI effect: " + run.info().scenario;
  t.columns = {{"month", "Month", ColumnKind::kNumber, 0},
               {"unemployment_rate", "Unemployment", ColumnKind::kShare, 2},
               {"twin_unemployment_rate", "No-AI twin", ColumnKind::kShare, 2},
               {"ai_effect_points", "AI effect (points)", ColumnKind::kNumber, 2},
               {"ai_effect_margin", "± (90%)", ColumnKind::kNumber, 2},
               {"ai_effect_low", "AI effect, 5th percentile of seeds", ColumnKind::kNumber, 2},
               {"ai_effect_high", "AI effect, 95th percentile of seeds", ColumnKind::kNumber, 2},
               {"replicates", "Seeds", ColumnKind::kNumber, 0},
               {"employed", "Employed", ColumnKind::kCount},
               {"twin_employed", "Employed, twin", ColumnKind::kCount},
               {"employed_effect", "AI effect on employment", ColumnKind::kCount},
               {"wage_bill", "Wage bill", ColumnKind::kDollars},
               {"twin_wage_bill", "Wage bill, twin", ColumnKind::kDollars},
               {"wage_bill_effect", "AI effect on the wage bill", ColumnKind::kDollars},
               {"agents", "Agents", ColumnKind::kCount}};
  const std::string columns = "month, employed, unemployed, training, wage_bill, agents";
  const auto rows = run.query("SELECT " + columns + " FROM national ORDER BY month");
  std::map<double, RunFigures> twins;
  if (twin) {
    for (const auto& row : run.query("SELECT " + columns + " FROM twin_national ORDER BY month")) {
      twins[number(row[0])] = figures(row, 1);
    }
  }
  // The AI effect's spread over the run's replicates (docs/model.md §16), where it has them.
  std::map<double, std::vector<Value>> spread;
  if (twin && run.info().replicates > 0) {
    for (auto& row : run.query("SELECT month, low, high, replicates FROM " +
                               std::string(run_schema::kReplicateIntervals) +
                               " "
                               "WHERE measure = 'ai_effect_points'")) {
      spread[number(row[0])] = {row[1], row[2], row[3]};
    }
  }
  for (const auto& row : rows) {
    const RunFigures f = figures(row, 1);
    const auto it = twins.find(number(row[0]));
    const bool has = it != twins.end();
    const RunFigures w = has ? it->second : RunFigures{};
    const UnemploymentEffect e = unemployment_effect(f, w);
    const auto s = spread.find(number(row[0]));
    const std::vector<Value> range =
        s != spread.end() ? s->second : std::vector<Value>(3, std::monostate{});
    t.rows.push_back({row[0], f.unemployment_rate(), maybe(has, w.unemployment_rate()),
                      maybe(has, e.points), maybe(has, e.margin), range[0], range[1], range[2],
                      f.employed, maybe(has, w.employed), maybe(has, f.employed - w.employed),
                      f.wage_bill, maybe(has, w.wage_bill), maybe(has, f.wage_bill - w.wage_bill),
                      f.agents});
  }
  add_effect_notes(t, twin);
  return t;
}

Table region_effects(const Dataset& ds, const RunFile& run, EffectLevel level, int month,
                     const std::optional<StateId>& state) {
  const bool twin = run.info().twin;
  const LevelQuery q = level_query(level);
  const RunFile::Bind fips = state && level != EffectLevel::kStates
                                 ? RunFile::Bind(ds.geography[*state].fips)
                                 : RunFile::Bind();
  const auto places = place_figures(run, q, false, month, fips);
  const auto twins =
      twin ? place_figures(run, q, true, month, fips) : std::map<std::string, RunFigures>{};

  Table t;
  t.title =
      fmt::format("{}, month {}: {}", level_title(ds, level, state), month, run.info().scenario);
  t.columns = key_columns(level);
  for (Column c :
       std::vector<Column>{{"unemployment_rate", "Unemployment", ColumnKind::kShare, 2},
                           {"twin_unemployment_rate", "No-AI twin", ColumnKind::kShare, 2},
                           {"ai_effect_points", "AI effect (points)", ColumnKind::kNumber, 2},
                           {"ai_effect_margin", "± (90%)", ColumnKind::kNumber, 2},
                           {"employed", "Employed", ColumnKind::kCount},
                           {"employed_effect", "AI effect on employment", ColumnKind::kCount},
                           {"wage_bill_effect", "AI effect on the wage bill", ColumnKind::kDollars},
                           {"agents", "Agents", ColumnKind::kCount},
                           {"few_agents", "Few agents", ColumnKind::kFlag},
                           {"rank", "Rank", ColumnKind::kNumber, 0}}) {
    t.columns.push_back(std::move(c));
  }

  struct Row {
    std::vector<Value> values;
    bool few = false;
    double points = 0;
    std::string key;
  };
  std::vector<Row> rows;
  for (const auto& [key, f] : places) {
    const auto it = twins.find(key);
    const bool has = it != twins.end();
    const RunFigures w = has ? it->second : RunFigures{};
    const UnemploymentEffect e = unemployment_effect(f, w);
    Row r{key_values(ds, level, key), !(f.agents >= kFewAgents), has ? e.points : std::nan(""),
          key};
    for (Value v :
         {Value(f.unemployment_rate()), maybe(has, w.unemployment_rate()), maybe(has, e.points),
          maybe(has, e.margin), Value(f.employed), maybe(has, f.employed - w.employed),
          maybe(has, f.wage_bill - w.wage_bill), Value(f.agents), Value(r.few)}) {
      r.values.push_back(std::move(v));
    }
    rows.push_back(std::move(r));
  }
  // Ranked places first, largest effect first; then the unranked (few agents, no effect) by key.
  const auto ranked = [](const Row& r) { return !r.few && !std::isnan(r.points); };
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (ranked(a) != ranked(b)) return ranked(a);
    if (ranked(a) && a.points != b.points) return a.points > b.points;
    return a.key < b.key;
  });
  double rank = 0;
  for (Row& r : rows) {
    if (ranked(r)) {
      r.values.emplace_back(++rank);
    } else {
      r.values.emplace_back(std::monostate{});
    }
    t.rows.push_back(std::move(r.values));
  }
  add_effect_notes(t, twin);
  t.notes.push_back(fmt::format(
      "Places resting on fewer than {:.0f} agents are marked \"few agents\", listed last and not "
      "ranked: their rates are mostly sampling noise at the run's scale.",
      kFewAgents));
  return t;
}

}  // namespace floe::serve
