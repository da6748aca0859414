// A run comparison as tables, and how `floe compare` writes them.
#include <fmt/format.h>

#include <cmath>

#include "floe/runs.h"
#include "index/table_set.h"

namespace floe {
namespace {

// A national measure: how to read it from a month and show it.
struct Measure {
  const char* name;   // table name suffix and machine name
  const char* title;  // "Unemployment rate"
  ColumnKind kind;
  double (*read)(const NationalMonth&);
};

constexpr Measure kMeasures[] = {
    {"unemployment_rate", "Unemployment rate", ColumnKind::kShare,
     [](const NationalMonth& n) { return n.unemployment_rate; }},
    {"employed", "Employed", ColumnKind::kCount,
     [](const NationalMonth& n) { return n.figures.employed; }},
    {"displaced_direct", "Displaced by AI directly, since month 0", ColumnKind::kCount,
     [](const NationalMonth& n) { return n.displaced_direct_cumulative; }},
    {"displaced_indirect", "Displaced through local cascades, since month 0", ColumnKind::kCount,
     [](const NationalMonth& n) { return n.displaced_indirect_cumulative; }},
    {"wage_bill", "Wage bill (a year)", ColumnKind::kDollars,
     [](const NationalMonth& n) { return n.figures.wage_bill; }},
    {"exposed_wages", "Exposed wages (a year)", ColumnKind::kDollars,
     [](const NationalMonth& n) { return n.figures.exposed_wages; }},
};

std::string or_not_set(const std::string& value) { return value.empty() ? "(not set)" : value; }

Table national_table(const RunComparison& c, const Measure& m) {
  const bool rate = m.kind == ColumnKind::kShare;
  Table t{.title = std::string("National: ") + m.title,
          .columns = {{"month", "Month", ColumnKind::kNumber, 0},
                      {"a", "A", m.kind, 2},
                      {"b", "B", m.kind, 2},
                      rate ? Column{"difference", "B - A (points)", ColumnKind::kNumber, 2}
                           : Column{"difference", "B - A", m.kind}}};
  if (!rate) t.columns.push_back({"relative", "B vs A", ColumnKind::kShare, 1});
  for (const auto& [a, b] : c.national) {
    const double va = m.read(a), vb = m.read(b);
    std::vector<Value> row{static_cast<double>(a.month), va, vb, rate ? 100 * (vb - va) : vb - va};
    if (!rate) row.push_back(va != 0 ? vb / va - 1 : std::nan(""));
    t.rows.push_back(std::move(row));
  }
  return t;
}

// Each run minus its own no-AI twin (docs/model.md §16), and how B's effect differs from A's.
Table ai_effect_table(const RunComparison& c) {
  Table t{.title = "National: the AI effect (each run minus its no-AI twin)",
          .columns = {{"month", "Month", ColumnKind::kNumber, 0},
                      {"a_unemployment_points", "A unemp. pts", ColumnKind::kNumber, 2},
                      {"a_margin", "A ±90%", ColumnKind::kNumber, 2},
                      {"b_unemployment_points", "B unemp. pts", ColumnKind::kNumber, 2},
                      {"b_margin", "B ±90%", ColumnKind::kNumber, 2},
                      {"difference", "B - A pts", ColumnKind::kNumber, 2},
                      {"a_employed", "A employed", ColumnKind::kCount},
                      {"b_employed", "B employed", ColumnKind::kCount},
                      {"a_wage_bill", "A wage bill", ColumnKind::kDollars},
                      {"b_wage_bill", "B wage bill", ColumnKind::kDollars}},
          .notes = {"The AI effect: the run minus its no-AI twin (capability and adoption frozen "
                    "at month 0, the same random numbers otherwise), in unemployment points, "
                    "workers employed and wage bill a year; ±90%: the sampling margin of the "
                    "points at the runs' scale (docs/model.md §16). B - A: how much B changes "
                    "AI's effect on unemployment."}};
  const double none = std::nan("");
  for (std::size_t i = 0; i < c.national.size(); ++i) {
    const auto& [a, b] = c.national[i];
    const auto effect = [&](const NationalMonth& run, const std::vector<NationalMonth>& twin) {
      return twin.empty() ? UnemploymentEffect{none, none}
                          : unemployment_effect(run.figures, twin[i].figures);
    };
    const UnemploymentEffect ea = effect(a, c.a_twin), eb = effect(b, c.b_twin);
    const auto minus_twin = [&](const NationalMonth& run, const std::vector<NationalMonth>& twin,
                                double RunFigures::*field) {
      return twin.empty() ? none : run.figures.*field - twin[i].figures.*field;
    };
    t.rows.push_back({static_cast<double>(a.month), ea.points, ea.margin, eb.points, eb.margin,
                      eb.points - ea.points, minus_twin(a, c.a_twin, &RunFigures::employed),
                      minus_twin(b, c.b_twin, &RunFigures::employed),
                      minus_twin(a, c.a_twin, &RunFigures::wage_bill),
                      minus_twin(b, c.b_twin, &RunFigures::wage_bill)});
  }
  for (const auto& [label, twin] : {std::pair{"A", &c.a_twin}, std::pair{"B", &c.b_twin}}) {
    if (twin->empty()) {
      t.notes.push_back(std::string(label) +
                        " was run without its no-AI twin (--no-twin): its AI effect is unknown.");
    }
  }
  return t;
}

Table states_table(const RunComparison& c) {
  Table t{
      .title = fmt::format("States at month {}, largest difference in unemployment first", c.month),
      .columns = {{"fips", "FIPS", ColumnKind::kText},
                  {"usps", "", ColumnKind::kText},
                  {"name", "State", ColumnKind::kText},
                  {"a_unemployment_rate", "A unemp.", ColumnKind::kShare, 1},
                  {"b_unemployment_rate", "B unemp.", ColumnKind::kShare, 1},
                  {"unemployment_points", "B-A pts", ColumnKind::kNumber, 2},
                  {"a_employed", "A employed", ColumnKind::kCount},
                  {"b_employed", "B employed", ColumnKind::kCount},
                  {"employment_change", "Employed B vs A", ColumnKind::kShare, 1},
                  {"a_employment_change", "A since 0", ColumnKind::kShare, 1},
                  {"b_employment_change", "B since 0", ColumnKind::kShare, 1},
                  {"a_displaced", "A displaced", ColumnKind::kCount},
                  {"b_displaced", "B displaced", ColumnKind::kCount}},
      .notes = {"Since 0: employment change since month 0. Displaced: by AI, directly and "
                "through local cascades, in months 0 to " +
                std::to_string(c.month) + "."}};
  const auto since_start = [](const RegionValues& now, const RegionValues& start) {
    return start.figures.employed > 0 ? now.figures.employed / start.figures.employed - 1
                                      : std::nan("");
  };
  for (const StateComparison& s : c.states) {
    t.rows.push_back({s.fips, s.usps, s.name.empty() ? s.fips : s.name,
                      s.a.figures.unemployment_rate(), s.b.figures.unemployment_rate(),
                      s.unemployment_points(), s.a.figures.employed, s.b.figures.employed,
                      s.employment_change(), since_start(s.a, s.a_start),
                      since_start(s.b, s.b_start),
                      s.a.displaced_direct_cumulative + s.a.displaced_indirect_cumulative,
                      s.b.displaced_direct_cumulative + s.b.displaced_indirect_cumulative});
  }
  return t;
}

// The states table's columns in the terminal (the others: --format csv or json).
const std::vector<std::string> kStateTextColumns = {"name",
                                                    "a_unemployment_rate",
                                                    "b_unemployment_rate",
                                                    "unemployment_points",
                                                    "employment_change",
                                                    "a_displaced",
                                                    "b_displaced"};

Table select_columns(const Table& table, const std::vector<std::string>& names) {
  Table out{.title = table.title, .notes = table.notes};
  std::vector<std::size_t> index;
  for (const auto& name : names) {
    index.push_back(table.column(name));
    out.columns.push_back(table.columns[index.back()]);
  }
  for (const auto& row : table.rows) {
    std::vector<Value>& shown = out.rows.emplace_back();
    for (std::size_t i : index) shown.push_back(row[i]);
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, Table>> run_comparison_tables(const RunComparison& c) {
  std::vector<std::pair<std::string, Table>> tables;
  Table runs{.title = "Runs",
             .columns = {{"run", "", ColumnKind::kText},
                         {"scenario", "Scenario", ColumnKind::kText},
                         {"file", "File", ColumnKind::kText}}};
  runs.rows.push_back({std::string("A"), c.a_label, c.a_file});
  runs.rows.push_back({std::string("B"), c.b_label, c.b_file});
  tables.emplace_back("runs", std::move(runs));

  Table scenario{.title = "Scenario keys that differ",
                 .columns = {{"key", "Key", ColumnKind::kText},
                             {"a", "A", ColumnKind::kText},
                             {"b", "B", ColumnKind::kText}}};
  bool implicit = false;  // a value the file does not set
  for (const auto& d : c.scenario) {
    scenario.rows.push_back({d.key, or_not_set(d.a), or_not_set(d.b)});
    for (const std::string* v : {&d.a, &d.b}) {
      implicit = implicit || v->empty() || v->ends_with(" (default)");
    }
  }
  if (implicit) {
    scenario.notes.push_back(
        "(default): the file leaves the key out and the run took the default; (not set): a "
        "group the file leaves out of a map (`floe simulate --list-keys`).");
  }
  tables.emplace_back("scenario", std::move(scenario));

  for (const Measure& m : kMeasures) {
    tables.emplace_back(std::string("national_") + m.name, national_table(c, m));
  }
  tables.emplace_back("national_ai_effect", ai_effect_table(c));
  tables.emplace_back("states", states_table(c));
  return tables;
}

void write_run_comparison(std::ostream& out, const RunComparison& c, std::string_view format,
                          std::size_t top) {
  using detail::OutputFormat;
  const OutputFormat f = detail::parse_output_format(format);
  const auto tables = run_comparison_tables(c);
  if (f == OutputFormat::kCsv) return detail::write_tables_csv(out, tables);
  if (f == OutputFormat::kJson) return detail::write_tables_json(out, tables);

  out << fmt::format("A: {}, {}\nB: {}, {}\n\n", c.a_label, c.a_file, c.b_label, c.b_file);
  for (const auto& [name, table] : tables) {
    if (name == "runs") continue;  // said in the two lines above
    if (name == "scenario" && table.rows.empty()) {
      out << "The two scenario files set the same values.\n\n";
      continue;
    }
    if (name == "states") {
      write_text(out, select_columns(table, kStateTextColumns), top);
    } else {
      write_text(out, table);
    }
    out << '\n';
  }
}

}  // namespace floe
