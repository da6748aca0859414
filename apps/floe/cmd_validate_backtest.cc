// floe validate backtest: the simulation started from OEWS May Y, run twelve months with AI as of
// then, against the change per occupation OEWS observed in May Y+1 (docs/model.md §14).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "floe/backtest.h"
#include "floe/error.h"
#include "floe/install.h"
#include "floe/simulation.h"
#include "floe/store.h"
#include "floe/table.h"
#include "progress.h"

namespace floe::cli {
namespace {

struct Args {
  DataOptions data;
  std::vector<int> starts = {2023};
  std::filesystem::path scenario = "baseline";
  double scale = 0.01;
  long long seed = 1;
  int min_agents = 20;
  std::string format = "table";
  std::filesystem::path out, detail;
};

constexpr int kMonths = 12;

// Months from ChatGPT's release (30 November 2022) to the OEWS reference period of May `year`
// (mid-May): how far generative AI's diffusion had come (docs/model.md §14).
double months_since_release(int year) { return (year - 2023) * 12.0 + 5.5; }

// A calendar month as a count of months ("2025-01" -> 2025 * 12).
int calendar_month(const std::string& yyyy_mm) {
  return std::stoi(yyyy_mm.substr(0, 4)) * 12 + std::stoi(yyyy_mm.substr(5, 2)) - 1;
}

// The scenario with the backtest's settings (docs/model.md §14): twelve months from May `year`,
// capability on the scenario's own calendar path, adoption where the Bass path from ChatGPT's
// release stood; `frozen`: capability and adoption held at the start.
Scenario backtest_scenario(const Args& a, int year, bool frozen) {
  Scenario sc = read_scenario(find_scenario(a.scenario));
  const auto set = [&](const std::string& key, const std::string& value) {
    set_scenario_key(sc, key, value, "floe validate backtest");
  };
  // The scenario's month 0 precedes its run.start; the backtest's month 0 is May `year`.
  const int shift = calendar_month(sc.run.start) - 1 - (year * 12 + 4);
  set("run.start", fmt::format("\"{}-06\"", year));
  set("run.months", std::to_string(kMonths));
  set("run.seed", std::to_string(a.seed));
  set("talent.enabled", "false");
  set("capability.midpoint_months",
      fmt::format("{}", std::clamp(sc.labor.capability.midpoint + shift, 0.0, 600.0)));
  // One starting share for every sector and state: their speeds (§3) act on the year's growth.
  const AdoptionSettings& ad = sc.labor.adoption;
  set("adoption.initial", fmt::format("{}", bass_share_since_release(months_since_release(year),
                                                                     ad.innovation, ad.imitation)));
  if (frozen) {
    set("adoption.innovation", "0");
    set("adoption.imitation", "0");
    set("capability.midpoint_months", "600");
    set("capability.width_months", "0.1");
  }
  return sc;
}

// One run's employed agents per occupation at the start and after twelve months.
struct ModelRun {
  std::vector<double> start, end;
  double adoption_start = 0, adoption_end = 0;
  double displaced = 0;  // directly and through cascades, agents
  double waiting = 0;    // hires at month 12 waiting for a slot: not in any occupation's count
};

std::vector<double> employed_by_occupation(const Simulation& sim, std::size_t occupations) {
  std::vector<double> n(occupations, 0);
  const AgentView v = sim.agents();
  for (std::size_t i = 0; i < v.size; ++i) {
    const AgentRecord& r = v.records[i];
    if ((r.status & kStatusMask) == static_cast<std::uint8_t>(AgentStatus::kEmployed)) {
      n[r.occupation] += 1;
    }
  }
  return n;
}

ModelRun run_model(const Dataset& ds, const Cells& cells, const Scenario& sc, double scale,
                   const std::string& label) {
  ProgressBar bar(label, kMonths);
  Simulation sim(ds, cells, synthesize(ds, cells, {.scale = scale, .seed = sc.run.seed}), sc);
  const std::size_t n = ds.taxonomy.occupations.size();
  ModelRun r;
  r.start = employed_by_occupation(sim, n);
  while (!sim.done()) {
    sim.step();
    bar.update(static_cast<std::uint64_t>(sim.month()));
  }
  r.end = employed_by_occupation(sim, n);
  const SimulationOutput& out = sim.output();
  r.adoption_start = out.indicators.front().adoption;
  r.adoption_end = out.indicators.back().adoption;
  double employed = 0;
  for (const MonthFigures& f : out.state_major.back()) employed += f.employed;
  for (const auto& month : out.state_major) {
    for (const MonthFigures& f : month) r.displaced += f.displaced_direct + f.displaced_indirect;
  }
  double counted = 0;
  for (double e : r.end) counted += e;
  r.waiting = employed - counted;
  return r;
}

// One comparison, May `year` -> May `year + 1`: per occupation compared, every predictor.
struct Comparison {
  int year = 0;
  std::vector<OccupationChange> rows;
  std::vector<std::string> titles;
  std::vector<double> observed, model, frozen, trend, no_change, weights, agents;
  std::vector<std::string> notes;
  double seconds_data = 0, seconds_model = 0, seconds_frozen = 0;  // where the time went
};

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

Comparison compare_year(const Args& a, int year) {
  // Both OEWS years first: a year the data lacks fails before anything runs.
  const DataOptions& d = a.data;
  const std::filesystem::path dir = d.data_dir.empty() ? default_data_dir() : d.data_dir;
  const ObservedYear start = read_observed_year(dir, year);
  const ObservedYear end = read_observed_year(dir, year + 1);
  auto clock = std::chrono::steady_clock::now();
  DataOptions options = d;
  options.oews_year = year;
  const Dataset ds = load_with_progress(options);
  const Cells cells = build_cells(ds);
  Comparison c;
  c.seconds_data = seconds_since(clock);
  clock = std::chrono::steady_clock::now();
  const Scenario model_sc = backtest_scenario(a, year, false);
  const ModelRun model = run_model(ds, cells, model_sc, a.scale, fmt::format("May {} model", year));
  c.seconds_model = seconds_since(clock);
  clock = std::chrono::steady_clock::now();
  const ModelRun frozen = run_model(ds, cells, backtest_scenario(a, year, true), a.scale,
                                    fmt::format("May {} AI frozen", year));
  c.seconds_frozen = seconds_since(clock);

  std::vector<std::string> codes;
  for (const Occupation& o : ds.taxonomy.occupations) codes.push_back(o.soc_code);
  const ChangeJoin join = join_observed(codes, start, end);
  c.year = year;
  std::size_t too_few = 0;
  for (const OccupationChange& row : join.joined) {
    const std::size_t o = row.model_index;
    if (model.start[o] < a.min_agents || frozen.start[o] < a.min_agents) {
      ++too_few;
      continue;
    }
    c.rows.push_back(row);
    c.titles.push_back(ds.taxonomy.occupations[o].title);
    c.observed.push_back(row.observed());
    c.model.push_back(model.end[o] / model.start[o] - 1);
    c.frozen.push_back(frozen.end[o] / frozen.start[o] - 1);
    const double g = ds.labor.projections.empty() ? 0 : ds.labor.projections[o].growth_10y;
    c.trend.push_back(prorated_growth(g, 1.0));
    c.no_change.push_back(0);
    c.weights.push_back(row.start);
    c.agents.push_back(model.start[o]);
  }
  const std::string period = fmt::format("May {} -> May {}", year, year + 1);
  c.notes.push_back(fmt::format(
      "{}: {} of {} occupations compared; left out: {} without released employment in May {}, "
      "{} in May {}, {} with fewer than {} agents at the start (scale {:g}, seed {}).",
      period, c.rows.size(), codes.size(), join.missing_start.size(), year, join.missing_end.size(),
      year + 1, too_few, a.min_agents, a.scale, a.seed));
  c.notes.push_back(fmt::format(
      "{}: adoption {:.1f}% -> {:.1f}% (AI frozen: {:.1f}%); displaced by AI in the year {:.0f} "
      "workers (AI frozen: {:.0f}), agents / scale; hires waiting for a slot at the end, not "
      "counted in any occupation: {:.0f} agents.",
      period, 100 * model.adoption_start, 100 * model.adoption_end, 100 * frozen.adoption_end,
      model.displaced / a.scale, frozen.displaced / a.scale, model.waiting));
  if (months_since_release(year) <= 0) {
    c.notes.push_back(fmt::format(
        "{}: starts before ChatGPT's release (30 Nov 2022): the model's adoption starts at zero "
        "and diffuses from May {}, ahead of it (an upper bound on AI in that year).",
        period, year));
  }
  return c;
}

Table scores_table(const std::vector<Comparison>& comparisons) {
  Table t{"Backtest: predicted against observed change in occupation employment (OEWS)",
          {{"period", "Period", ColumnKind::kText},
           {"predictor", "Predictor", ColumnKind::kText},
           {"occupations", "Occupations", ColumnKind::kCount},
           {"pearson", "r (log)", ColumnKind::kNumber, 3},
           {"weighted_pearson", "r weighted", ColumnKind::kNumber, 3},
           {"mae_pp", "MAE pp", ColumnKind::kNumber, 2},
           {"weighted_mae_pp", "MAE pp wtd", ColumnKind::kNumber, 2},
           {"weighted_mae_relative_pp", "rel. wtd", ColumnKind::kNumber, 2},
           {"skill_vs_no_change", "Skill: none", ColumnKind::kNumber, 3},
           {"skill_vs_trend", "Skill: trend", ColumnKind::kNumber, 3},
           {"weighted_skill_vs_no_change", "Wtd: none", ColumnKind::kNumber, 3},
           {"weighted_skill_vs_trend", "Wtd: trend", ColumnKind::kNumber, 3}},
          {},
          {}};
  const auto value = [](double x) { return std::isnan(x) ? Value{} : Value{x}; };
  for (const Comparison& c : comparisons) {
    const ChangeScores none = score_changes(c.no_change, c.observed, c.weights);
    const ChangeScores trend = score_changes(c.trend, c.observed, c.weights);
    const std::pair<const char*, const std::vector<double>*> predictors[] = {
        {"model (AI as of then)", &c.model},
        {"model, AI frozen", &c.frozen},
        {"BLS projection trend", &c.trend},
        {"no change", &c.no_change}};
    for (const auto& [name, predicted] : predictors) {
      const ChangeScores s = score_changes(*predicted, c.observed, c.weights);
      t.rows.push_back({fmt::format("{}-{}", c.year, c.year + 1), std::string(name),
                        static_cast<double>(s.occupations), value(s.pearson),
                        value(s.weighted_pearson), value(s.mae), value(s.weighted_mae),
                        value(s.weighted_mae_relative), value(skill_score(s.mae, none.mae)),
                        value(skill_score(s.mae, trend.mae)),
                        value(skill_score(s.weighted_mae, none.weighted_mae)),
                        value(skill_score(s.weighted_mae, trend.weighted_mae))});
    }
    t.notes.insert(t.notes.end(), c.notes.begin(), c.notes.end());
  }
  t.notes.push_back(
      "Changes May to May; r: Pearson correlation of log changes (weighted: by start "
      "employment); MAE: mean absolute error of percentage changes, in points; skill: 1 - "
      "MAE / MAE of the reference (no change; the BLS 2024-34 projection prorated to a year); "
      "rel.: "
      "the weighted MAE of changes relative to each side's mean change (shares, not level). "
      "Method: docs/model.md §14.");
  return t;
}

Table detail_table(const std::vector<Comparison>& comparisons) {
  Table t{"Backtest per occupation",
          {{"period", "Period", ColumnKind::kText},
           {"code", "SOC", ColumnKind::kText},
           {"title", "Occupation", ColumnKind::kText},
           {"start_employment", "Start", ColumnKind::kCount},
           {"end_employment", "End", ColumnKind::kCount},
           {"agents", "Agents", ColumnKind::kCount},
           {"observed", "Observed", ColumnKind::kShare},
           {"model", "Model", ColumnKind::kShare},
           {"ai_frozen", "AI frozen", ColumnKind::kShare},
           {"trend", "BLS trend", ColumnKind::kShare}},
          {},
          {}};
  for (const Comparison& c : comparisons) {
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
      t.rows.push_back({fmt::format("{}-{}", c.year, c.year + 1), c.rows[i].code, c.titles[i],
                        c.rows[i].start, c.rows[i].end, c.agents[i], c.observed[i], c.model[i],
                        c.frozen[i], c.trend[i]});
    }
  }
  return t;
}

void run(const Args& a) {
  const auto begin = std::chrono::steady_clock::now();
  std::vector<Comparison> comparisons;
  for (int year : a.starts) comparisons.push_back(compare_year(a, year));
  const Table table = scores_table(comparisons);
  std::ostringstream out;
  if (a.format == "csv") {
    write_csv(out, table);
  } else if (a.format == "json") {
    write_json(out, table);
  } else {
    write_text(out, table);
  }
  if (!a.detail.empty()) {
    std::ostringstream detail;
    write_csv(detail, detail_table(comparisons));
    write_file_atomically(a.detail, detail.str());
  }
  print_or_write(a.out, out.str());
  std::string parts;
  for (const Comparison& c : comparisons) {
    parts += fmt::format("{}May {}: data {:.1f} s, model {:.1f} s, AI frozen {:.1f} s",
                         parts.empty() ? "" : "; ", c.year, c.seconds_data, c.seconds_model,
                         c.seconds_frozen);
  }
  fmt::print(stderr,
             "Backtested {} year(s) in {:.1f} s ({}; a run: synthesis, layout and {} months).\n",
             comparisons.size(), seconds_since(begin), parts, kMonths);
}

}  // namespace

void add_validate_backtest_command(CLI::App& app) {
  static Args args;
  CLI::App* c = validate_command(app).add_subcommand(
      "backtest",
      "Start the simulation from OEWS May of a past year, run it twelve months with AI "
      "capability and adoption as of then, and compare its change in employment per occupation "
      "with what OEWS observed the next May: correlation, mean absolute error and a skill score "
      "against no change and against the BLS projection trend, beside the same model with AI "
      "frozen at the start (docs/model.md §14).\n\n"
      "Examples:\n"
      "  floe validate backtest                          # May 2023 -> May 2024\n"
      "  floe validate backtest --start 2023 --start 2022 # and May 2022 -> May 2023\n"
      "  floe validate backtest --seed 2                 # another draw: the sampling noise\n"
      "  floe validate backtest --format csv --detail out/backtest-occupations.csv");
  c->add_option("--data", args.data.data_dir,
                "Data directory with the layout of ../shared/data (default: the shipped data/, "
                "or $FLOE_DATA)")
      ->check(CLI::ExistingDirectory);
  c->add_option("--start", args.starts,
                "Start year (OEWS May), compared with the next May; repeatable (the data has "
                "national files for May 2021-2024)")
      ->check(CLI::Range(2021, 2023))
      ->capture_default_str();
  c->add_option("--scenario", args.scenario,
                "Scenario whose settings the backtest starts from (a TOML file or a shipped name)")
      ->transform(scenario_file())
      ->capture_default_str();
  c->add_option("--scale", args.scale, "Share of the workforce to synthesize")
      ->check(CLI::Range(1e-4, 1.0))
      ->capture_default_str();
  c->add_option("--seed", args.seed, "Random seed of the population and the runs")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  c->add_option("--min-agents", args.min_agents,
                "Leave out occupations with fewer agents than this at the start (their change is "
                "mostly sampling noise)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  c->add_option("--format", args.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  c->add_option("--out", args.out, "Write the output to this file instead of the terminal");
  c->add_option("--detail", args.detail,
                "Also write every occupation compared (observed, model, AI frozen, trend) to this "
                "CSV file");
  c->callback([] { run(args); });
}

}  // namespace floe::cli
