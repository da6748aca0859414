// The talent segment's tables in a run's results file (docs/talent.md §9).
#include <cmath>

#include "floe/store.h"
#include "floe/talent.h"
#include "models/talent/agents.h"

namespace floe {
namespace {

Column text(const std::string& name, const std::string& label) {
  return {name, label, ColumnKind::kText};
}
Column count(const std::string& name, const std::string& label) {
  return {name, label, ColumnKind::kCount};
}
Column number(const std::string& name, const std::string& label, int precision = 3) {
  return {name, label, ColumnKind::kNumber, precision};
}
// A target's statistics: 168 a month, a share of 0.143, a ratio of 19.6 in one column.
Column statistic(const std::string& name, const std::string& label) {
  return {name, label, ColumnKind::kStatistic};
}

double net_flow_into_big_tech(const std::array<double, kEmployers * kEmployers>& moves) {
  double net = 0;
  for (int j = 1; j < kEmployers; ++j) net += moves[j * kEmployers] - moves[j];
  return net;
}

double phd_industry_share(const std::array<double, kEmployers + 1>& phd) {
  double industry = 0, total = 0;
  for (int k = 0; k <= kEmployers; ++k) {
    total += phd[k];
    if (k != static_cast<int>(Employer::kAcademia) && k != kEmployers) industry += phd[k];
  }
  return total > 0 ? industry / total : std::nan("");
}

}  // namespace

std::vector<Table> talent_tables(const TalentRun& run) {
  const TalentData& d = run.data;
  const int months = static_cast<int>(run.months.size());
  auto month_of = [&](int t) { return static_cast<double>(t - run.start + 1); };

  Table by_employer{"AI-skilled workers by employer class and month (agents)", {}, {}, {}};
  by_employer.columns = {text("date", "Month"), number("month", "Run month", 0),
                         text("employer", "Employer class")};
  for (const auto& s : d.segments) by_employer.columns.push_back(count(s.key, s.label));
  for (const auto& c : {count("headcount", "All AI-skilled"), count("entrants", "New workers"),
                        count("exits", "Left the occupation"), count("moved_in", "Moved in"),
                        count("moved_out", "Moved out"), count("net_flow", "Net moves in")}) {
    by_employer.columns.push_back(c);
  }
  Table moves{"Moves between employer classes (agents)",
              {text("date", "Month"), number("month", "Run month", 0), text("origin", "From"),
               text("destination", "To"), count("movers", "Movers")},
              {},
              {}};
  Table phd{"New AI PhDs by destination (agents)",
            {text("date", "Month"), number("month", "Run month", 0),
             text("destination", "Destination"), count("graduates", "New PhDs")},
            {},
            {}};
  // The expected form with the same parameters and levers, scaled to the agents' numbers.
  const TalentPath expected = expected_talent_path(d, run.parameters, run.levers);
  Table series{
      "Talent indicators by month",
      {text("date", "Month"),
       number("month", "Run month", 0),
       number("genai_index", "Gen-AI postings (May 2024 = 1)"),
       number("big_tech_net_flow", "Net flow into big tech (agents)", 0),
       number("big_tech_net_flow_expected", "Expected net flow into big tech", 1),
       {"phd_industry_share", "New PhDs into industry", ColumnKind::kShare, 1},
       {"phd_industry_share_expected", "Expected, new PhDs into industry", ColumnKind::kShare, 1}},
      {},
      {}};
  for (int t = 0; t < months; ++t) {
    const TalentMonth& m = run.months[t];
    const std::string date = talent_date(t);
    for (int k = 0; k < kEmployers; ++k) {
      std::vector<Value> row = {date, month_of(t), d.employers[k].key};
      double headcount = 0, entrants = 0, exits = 0, in = 0, out = 0;
      for (int s = 0; s < kSegments; ++s) {
        row.push_back(m.headcount[s * kEmployers + k]);
        headcount += m.headcount[s * kEmployers + k];
        entrants += m.entrants[s * kEmployers + k];
        exits += m.exits[s * kEmployers + k];
      }
      for (int j = 0; j < kEmployers; ++j) {
        if (j == k) continue;
        in += m.moves[j * kEmployers + k];
        out += m.moves[k * kEmployers + j];
      }
      for (double v : {headcount, entrants, exits, in, out, in - out}) row.push_back(v);
      by_employer.rows.push_back(std::move(row));
      for (int j = 0; j < kEmployers; ++j) {
        if (j == k || m.moves[k * kEmployers + j] == 0) continue;
        moves.rows.push_back({date, month_of(t), d.employers[k].key, d.employers[j].key,
                              m.moves[k * kEmployers + j]});
      }
    }
    for (int k = 0; k <= kEmployers; ++k) {
      if (m.phd[k] == 0) continue;
      phd.rows.push_back(
          {date, month_of(t), k < kEmployers ? d.employers[k].key : "outside", m.phd[k]});
    }
    std::array<double, kEmployers + 1> expected_phd = expected.phds[t];
    series.rows.push_back({date, month_of(t), m.genai, net_flow_into_big_tech(m.moves),
                           net_flow_into_big_tech(expected.moves[t]) * run.scale,
                           phd_industry_share(m.phd), phd_industry_share(expected_phd)});
  }
  // Every target against the expected form and against this run's agents (US scale).
  Table targets{"The observed facts the talent model is fitted to, against the model",
                {text("target", "Target"),
                 text("description", "Fact"),
                 statistic("observed", "Observed"),
                 statistic("tolerance", "Tolerance"),
                 statistic("expected", "Expected form"),
                 {"expected_within", "Within", ColumnKind::kFlag, 0},
                 statistic("agents", "This run's agents"),
                 {"agents_within", "Within", ColumnKind::kFlag, 0},
                 text("source", "Source"),
                 text("kind", "Kind")},
                {},
                {}};
  targets.notes.push_back(
      "each_below / each_above targets show the worst month; kind: as in "
      "data/talent/targets.csv");
  const auto fe = fit_targets(d, expected);
  const auto fa = fit_targets(d, talent::path_of_counts(run.months, run.scale));
  for (std::size_t i = 0; i < fe.size(); ++i) {
    const TalentTarget& g = *fe[i].target;
    const bool covered = std::max(g.last, g.base_last) < months;
    targets.rows.push_back({g.key, g.description, g.observed, g.tolerance, fe[i].model,
                            fe[i].within, covered ? Value(fa[i].model) : Value(),
                            covered ? Value(fa[i].within) : Value(), g.source,
                            std::string(to_string(g.kind))});
  }
  Table parameters{"Talent model parameters",
                   {text("parameter", "Parameter"), number("value", "Value", 4),
                    number("prior", "Prior", 4), text("meaning", "Meaning")},
                   {},
                   {}};
  parameters.notes.push_back("from: " + run.parameters_from);
  for (int i = 0; i < kTalentParameters; ++i) {
    const auto& s = talent_parameter_specs()[i];
    parameters.rows.push_back({s.name, run.parameters[i], s.prior, s.meaning});
  }
  return {by_employer, moves, phd, series, targets, parameters};
}

Table talent_fit_table(const TalentCalibration& c) {
  Table t{"Observed facts against the talent model, before and after fitting",
          {text("target", "Target"),
           text("goal", "Observed"),
           statistic("observed", "Observed value"),
           statistic("tolerance", "Tolerance"),
           statistic("before", "Before"),
           {"before_within", "Within", ColumnKind::kFlag, 0},
           statistic("after", "After"),
           {"after_within", "Within", ColumnKind::kFlag, 0},
           text("description", "Fact"),
           text("source", "Source")},
          {},
          {}};
  for (std::size_t i = 0; i < c.after.size(); ++i) {
    const TalentTarget& g = *c.after[i].target;
    t.rows.push_back({g.key, target_goal(to_string(g.kind), g.observed, g.tolerance), g.observed,
                      g.tolerance, c.before[i].model, c.before[i].within, c.after[i].model,
                      c.after[i].within, g.description, g.source});
  }
  t.notes.push_back("Before: the '" + c.start_name +
                    "' starting point. A target 'every month' shows its worst month; a ratio's "
                    "tolerance is a factor (docs/talent.md §4).");
  return t;
}

Table talent_parameter_table(const TalentCalibration& c) {
  Table t{
      "Talent model parameters",
      {text("parameter", "Parameter"), number("start", "Start", 4), number("fitted", "Fitted", 4),
       number("prior", "Prior", 4), number("prior_sd", "Prior sd", 2), text("meaning", "Meaning")},
      {},
      {}};
  for (int i = 0; i < kTalentParameters; ++i) {
    const auto& s = talent_parameter_specs()[i];
    t.rows.push_back({s.name, c.start[i], c.fitted[i], s.prior, s.prior_sd, s.meaning});
  }
  t.notes.push_back(
      "positive parameters are fitted on a log scale; their prior sd is in log "
      "units (docs/talent.md §6)");
  return t;
}

void write_talent_tables(Store& store, const TalentRun& run) {
  const auto tables = talent_tables(run);
  const char* names[] = {"talent_month",  "talent_moves",   "talent_phd",
                         "talent_series", "talent_targets", "talent_parameters"};
  for (std::size_t i = 0; i < tables.size(); ++i) store.write_table(names[i], tables[i]);
  store.write_run_info("talent_scale", std::to_string(run.scale));
  store.write_run_info("talent_start", talent_date(run.start));
  store.write_run_info("talent_parameters_from", run.parameters_from);
}

}  // namespace floe
