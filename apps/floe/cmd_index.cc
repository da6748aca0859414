// floe index: the Iceberg Index for the nation, states, counties, occupations and industries.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "floe/compare.h"
#include "floe/error.h"
#include "floe/index.h"
#include "floe/store.h"
#include "index_options.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  IndexArgs index;
  std::string by;
  std::string format = "table";
  std::filesystem::path out;
  std::filesystem::path db = "out/floe.db";
  std::size_t top = 10;  // --top; the summary's tables, or 50 rows with --by when not given
  bool compare = false;
  std::string state;  // USPS or FIPS: only this state's rows
};

// --top, to tell whether it was given.
CLI::Option* top_option = nullptr;

Breakdown parse_breakdown(const std::string& by) {
  if (by == "state") return Breakdown::kState;
  if (by == "county") return Breakdown::kCounty;
  if (by == "occupation") return Breakdown::kOccupation;
  if (by == "major") return Breakdown::kMajor;
  if (by == "industry") return Breakdown::kIndustry;
  if (by == "state-industry") return Breakdown::kStateIndustry;
  if (by == "metro") return Breakdown::kMetro;
  return Breakdown::kNation;
}

// For people: each low/high pair of columns as one "Range" column ("12.3-40.1%") after its
// figure (CSV and JSON keep both numbers).
Table compact_ranges(Table t) {
  for (const char* figure : {"iceberg", "exposure"}) {
    const std::string low_name = std::string(figure) + "_low";
    const auto low = std::find_if(t.columns.begin(), t.columns.end(),
                                  [&](const Column& c) { return c.name == low_name; });
    if (low == t.columns.end()) continue;
    const std::size_t l = static_cast<std::size_t>(low - t.columns.begin());
    const std::size_t h = t.column(std::string(figure) + "_high");
    for (auto& row : t.rows) {
      Interval i;
      if (const auto* v = std::get_if<double>(&row[l])) i.widen(*v);
      if (const auto* v = std::get_if<double>(&row[h])) i.widen(*v);
      row[l] = interval_text(i);
      row.erase(row.begin() + static_cast<std::ptrdiff_t>(h));
    }
    t.columns[l] = {std::string(figure) + "_range", "Range", ColumnKind::kText};
    t.columns.erase(t.columns.begin() + static_cast<std::ptrdiff_t>(h));
  }
  return t;
}

// One state's rows of a state, county or state-industry table (--state).
Table only_state(Table t, const Geography& g, const std::string& state) {
  const auto s = g.find_state(state);
  if (!s) throw Error("--state: no state '" + state + "' (use a USPS or FIPS code)");
  const std::size_t col = t.column("fips");
  const std::string& fips = g[*s].fips;
  std::erase_if(t.rows, [&](const auto& row) {
    return std::get<std::string>(row[col]).compare(0, 2, fips) != 0;
  });
  t.title += " in " + g[*s].name;
  return t;
}

std::string render(const Table& t, const std::string& format, std::size_t max_rows) {
  std::ostringstream out;
  if (format == "csv") {
    write_csv(out, t);
  } else if (format == "json") {
    write_json(out, t);
  } else {
    write_text(out, compact_ranges(t), max_rows);
  }
  return out.str();
}

// The default view: national figures, then the top and bottom states, the most exposed
// occupations and industries.
std::string summary(const Dataset& ds, const IndexResult& r, const IndexArgs& a, std::size_t top) {
  std::string s;
  const IndexFigures& n = r.nation;
  s += fmt::format("Iceberg Index, United States (OEWS May {}; {})\n", ds.labor.year, r.provenance);
  const std::string range = interval_text(r.ranges.nation);
  s += fmt::format(
      "  Iceberg index  {:5.1f}%  {}${:.2f}T of ${:.2f}T in wages  {:.1f}M "
      "exposure-weighted workers of {:.1f}M\n",
      100 * n.iceberg(), range.empty() ? "" : "(range " + range + ")  ", n.exposed_wages / 1e12,
      n.wage_bill / 1e12, n.exposed_workers / 1e6, n.employment / 1e6);
  s += fmt::format("  Surface index  {:5.1f}%  ${:.2f}T in the visible occupations (SOC {})\n",
                   100 * n.surface(), n.surface_wages / 1e12, a.surface);
  s += fmt::format("  Below the surface: {} the visible exposure.\n", below_surface_text(r));
  if (!range.empty()) {
    s += "  Range: over the capability layers the validation cannot tell apart "
         "(floe validate capability; docs/method.md §11-12).\n";
  }
  s += '\n';
  std::ostringstream out;
  Table states = index_table(ds, r, Breakdown::kState);
  const std::vector<std::string> keep = {"name",           "iceberg", "iceberg_low",
                                         "iceberg_high",   "surface", "exposed_wages",
                                         "exposed_workers"};
  auto narrow = [&](Table t, const std::vector<std::string>& cols) {
    Table out{t.title, {}, {}, {}};
    std::vector<std::size_t> idx;
    for (const auto& c : cols) idx.push_back(t.column(c));
    for (auto i : idx) out.columns.push_back(t.columns[i]);
    for (const auto& row : t.rows) {
      std::vector<Value> v;
      for (auto i : idx) v.push_back(row[i]);
      out.rows.push_back(v);
    }
    return out;
  };
  Table top_states = compact_ranges(narrow(states, keep));
  top_states.title = fmt::format("Most exposed states (of {})", states.rows.size());
  write_text(out, top_states, std::min<std::size_t>(top, 5));
  Table bottom = top_states;
  bottom.title = "Least exposed states";
  std::reverse(bottom.rows.begin(), bottom.rows.end());
  out << '\n';
  write_text(out, bottom, std::min<std::size_t>(top, 5));
  out << "  " << exposure_band_note() << "\n\n";
  Table occ = compact_ranges(narrow(index_table(ds, r, Breakdown::kOccupation),
                                    {"soc_code", "title", "exposure", "exposure_low",
                                     "exposure_high", "employment", "exposed_wages"}));
  // Most exposed with at least 100,000 workers: the occupations that matter for many people.
  const std::size_t workers = occ.column("employment");
  std::erase_if(occ.rows, [&](const auto& row) { return std::get<double>(row[workers]) < 100000; });
  occ.title = "Most exposed occupations (100,000+ workers)";
  write_text(out, occ, top);
  out << '\n';
  Table ind = compact_ranges(narrow(index_table(ds, r, Breakdown::kIndustry),
                                    {"naics", "sector", "iceberg", "iceberg_low", "iceberg_high",
                                     "exposed_wages", "employment"}));
  ind.title = "Most exposed industries (NAICS sectors)";
  write_text(out, ind, top);
  s += out.str();
  s += "\nState and county figures are estimated (docs/method.md §5). More: --by "
       "state|county|occupation|major|industry|state-industry|metro [--state MI], floe report.\n";
  return s;
}

void run(const Args& a) {
  if (!a.state.empty() && a.by != "state" && a.by != "county" && a.by != "state-industry") {
    throw Error("--state works with --by state, county or state-industry");
  }
  const auto start = std::chrono::steady_clock::now();
  const Dataset ds = load_with_progress(a.data);
  const Cells cells = build_cells(ds, a.index.cell_options());
  const IndexResult r = compute_index(ds, cells, a.index.options());
  const Comparison comparison = a.compare ? compare_with_published(ds, r) : Comparison{};

  // Every output complete before any is in place: a failure leaves none (store.h).
  OutputFiles outputs;
  {
    Store store(a.db);
    store.write_run_info("command", "floe index");
    store.write_run_info("options", a.index.describe());
    store.write_run_info("layer", r.layer);
    store.write_run_info("provenance", r.provenance);
    store.write_run_info("data_dir", ds.data_dir.string());
    store.write_run_info("oews_year", std::to_string(ds.labor.year));
    for (Breakdown b :
         {Breakdown::kNation, Breakdown::kState, Breakdown::kCounty, Breakdown::kOccupation,
          Breakdown::kMajor, Breakdown::kIndustry, Breakdown::kStateIndustry, Breakdown::kMetro}) {
      std::string name = std::string("index_") + to_string(b);
      std::replace(name.begin(), name.end(), '-', '_');
      store.write_table(name, index_table(ds, r, b));
    }
    if (a.compare) {
      for (const auto& [name, table] : comparison_tables(ds, comparison)) {
        store.write_table(name, table);
      }
    }
    outputs.add(store, a.db);
  }
  std::string text;
  if (a.compare) {
    std::ostringstream out;
    write_comparison(out, ds, comparison, a.format);
    text = out.str();
  } else if (a.by.empty() && a.format == "table") {
    text = summary(ds, r, a.index, a.top);
  } else {
    const Breakdown b = a.by.empty() ? Breakdown::kNation : parse_breakdown(a.by);
    // --top N keeps the top N rows in every format; without it a breakdown shows its first 50
    // in the terminal and all of them in a file, CSV or JSON.
    Table t = index_table(ds, r, b);
    if (!a.state.empty()) t = only_state(std::move(t), ds.geography, a.state);
    const bool top_given = top_option->count() > 0;
    if (top_given && a.top > 0 && t.rows.size() > a.top) t.rows.resize(a.top);
    text = render(t, a.format, top_given || !a.out.empty() ? 0 : 50);
  }
  if (!a.out.empty()) outputs.write(a.out, text);
  outputs.commit();
  if (a.out.empty()) std::cout << text;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print(stderr, "Results in {}{}{} ({:.2f} s).\n", a.db.string(), a.out.empty() ? "" : " and ",
             a.out.string(), seconds);
}

}  // namespace

void add_index_command(CLI::App& app) {
  static Args args;
  CLI::App* c = app.add_subcommand(
      "index",
      "The Iceberg Index: the share of wage value in tasks AI can already perform, for the "
      "nation, states, counties, occupations and industries (formula: docs/method.md).\n"
      "Without --by, prints the national index and surface index, the top and bottom states and "
      "the most exposed occupations and industries. Every run also writes all breakdowns to a "
      "SQLite file (--db).\n"
      "Columns: Iceberg, the share of wages in work AI can do; Surface, the same for the "
      "visible computer and math occupations only (--surface); Gap = Iceberg - Surface. " +
          std::string(exposure_band_note()));
  add_data_options(*c, args.data);
  add_index_options(*c, args.index);
  c->add_option("--by", args.by,
                "Breakdown to print: state, county, occupation, major (SOC major groups), "
                "industry (NAICS sectors), state-industry (each state's sectors), metro "
                "(metropolitan areas; published ones with --oews-msa)")
      ->check(CLI::IsMember({"nation", "state", "county", "occupation", "major", "industry",
                             "state-industry", "metro"}));
  c->add_option("--state", args.state,
                "With --by state, county or state-industry: only this state's rows (USPS or "
                "FIPS), e.g. --by state-industry --state MI: how exposed is Michigan's "
                "manufacturing");
  c->add_option("--format", args.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  c->add_option("--out", args.out, "Write the output to this file instead of the terminal");
  c->add_option("--db", args.db, "SQLite results file (all breakdowns)")->capture_default_str();
  top_option = c->add_option("--top", args.top,
                             "Print the top N rows of each table (0: all); default 10 in the "
                             "summary, 50 with --by in the terminal, all with --out or --format "
                             "csv|json");
  c->add_flag("--compare", args.compare,
              "Compare floe's occupation exposure with the published measures in the data (Felten "
              "AIOE, Microsoft AI applicability, Eloundou et al.; Felten AIGE for counties): "
              "employment-weighted correlations and the biggest disagreements, printed instead of "
              "the index tables and written to the results file as compare_* tables");
  c->callback([] { run(args); });
}

}  // namespace floe::cli
