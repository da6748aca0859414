// A run's results in SQLite (docs/model.md §12): the scenario's tables, its no-AI twin's, in
// workers of the economy simulated.
#include <fmt/format.h>
#include <sqlite3.h>

#include <ctime>

#include "floe/error.h"
#include "floe/simulation.h"
#include "floe/store.h"
#include "models/replicate_tables.h"
#include "models/run_figures.h"
#include "store/run_schema.h"
#include "store/statement.h"

namespace floe {
namespace {

using store::Statement;
namespace schema = run_schema;

// "INSERT INTO t VALUES (?,?,...,?)" for every column of the table.
std::string insert_sql(const schema::TableDef& t, std::string_view prefix) {
  std::string s = "INSERT INTO " + std::string(prefix) + std::string(t.name) + " VALUES (";
  for (int i = 0; i < schema::column_count(t); ++i) s += i ? ",?" : "?";
  return s + ")";
}

// The figures in run_schema::kFigures' order, from column i on, in workers (agents / scale);
// returns the next column. `agents` is the labor force behind the row, in agents.
int bind_figures(Statement& q, int i, const MonthFigures& f, double scale) {
  for (double MonthFigures::*figure : kRunFileFigures) q.bind(i++, f.*figure / scale);
  q.bind(i++, labor_force(f));
  return i;
}

// Everyone not employed in the labor force, trainees included (docs/model.md §9): a trainee is
// not a job found.
double unemployment_rate(const MonthFigures& f) {
  const double force = labor_force(f);
  return force > 0 ? (f.unemployed + f.training) / force : 0.0;
}

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// One world's national, state and county tables (and flows for the scenario's).
void write_world(Store& store, const std::string& file, const Dataset& ds,
                 const SimulationOutput& out, double scale, std::string_view prefix) {
  sqlite3* db = store.handle();
  for (const schema::TableDef& t : {schema::kNational, schema::kStateMajor, schema::kCountyMajor}) {
    store.exec(schema::create_sql(t, prefix));
  }
  const bool flows = prefix.empty();
  if (flows) store.exec(schema::create_sql(schema::kFlows));
  {  // statements must be finalized before the file is committed
    Statement national(db, file, insert_sql(schema::kNational, prefix));
    Statement state(db, file, insert_sql(schema::kStateMajor, prefix));
    Statement county(db, file, insert_sql(schema::kCountyMajor, prefix));
    Statement flow(db, file, insert_sql(schema::kFlows, ""));
    const auto& majors = ds.taxonomy.major_groups;
    for (std::size_t t = 0; t < out.state_major.size(); ++t) {
      MonthFigures total;
      for (std::size_t s = 0; s < out.states; ++s) {
        for (std::size_t g = 0; g < out.majors; ++g) {
          const MonthFigures& f = out.state_major[t][s * out.majors + g];
          total.add(f);
          if (f.employed + f.unemployed + f.training == 0) continue;
          state.bind(1, static_cast<std::int64_t>(t))
              .bind(2, ds.geography.states[s].fips)
              .bind(3, majors[g].soc_code);
          bind_figures(state, 4, f, scale);
          state.run();
        }
      }
      const MonthIndicators& ind = out.indicators[t];
      national.bind(1, static_cast<std::int64_t>(t));
      int i = bind_figures(national, 2, total, scale);
      for (double v : {unemployment_rate(total), ind.exposure, ind.adoption, ind.job_finding,
                       ind.openings / scale, ind.multiplier, ind.trainees_started / scale,
                       ind.trainees_completed / scale, ind.training_spending / scale,
                       ind.trainees_reemployed / scale, ind.entrants / scale}) {
        national.bind(i++, v);
      }
      national.run();
      for (std::size_t a = 0; flows && a < out.majors; ++a) {
        for (std::size_t b = 0; b < out.majors; ++b) {
          const double moves = out.flows[t][a * out.majors + b];
          if (moves == 0) continue;
          flow.bind(1, static_cast<std::int64_t>(t))
              .bind(2, majors[a].soc_code)
              .bind(3, majors[b].soc_code)
              .bind(4, moves / scale);
          flow.run();
        }
      }
    }
    for (std::size_t r = 0; r < out.county_major.size(); ++r) {
      for (std::size_t c = 0; c < out.counties; ++c) {
        for (std::size_t g = 0; g < out.majors; ++g) {
          const MonthFigures& f = out.county_major[r][c * out.majors + g];
          if (f.employed + f.unemployed + f.training == 0) continue;
          county.bind(1, out.county_months[r])
              .bind(2, ds.geography.counties[c].fips)
              .bind(3, majors[g].soc_code);
          bind_figures(county, 4, f, scale);
          county.run();
        }
      }
    }
  }
  const std::string p(prefix);
  store.exec("CREATE INDEX " + p + "state_major_month ON " + p + "state_major (month, state_fips)");
  store.exec("CREATE INDEX " + p + "county_major_month ON " + p +
             "county_major (month, county_fips)");
}

}  // namespace

// Replicates (docs/model.md §16): each one's national series, and every measure's spread. With a
// scenario name (floe ensemble: several scenarios in one file), every row starts with it.
void write_replicate_tables(Store& store, const std::string& file,
                            const std::vector<Replicate>& replicates, double scale,
                            const std::string& scenario) {
  sqlite3* db = store.handle();
  const bool keyed = !scenario.empty();
  const std::string key = keyed ? "scenario TEXT, " : "";
  const std::string pk = keyed ? "scenario, " : "";
  const std::string create = keyed ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ";
  store.exec(create + "replicate_national (" + key +
             "replicate INTEGER, seed INTEGER, month INTEGER, employed "
             "REAL, unemployed REAL, training REAL, wage_bill REAL, twin_employed REAL, "
             "twin_unemployed REAL, twin_training REAL, twin_wage_bill REAL, PRIMARY KEY (" +
             pk + "replicate, month))");
  store.exec(create + std::string(run_schema::kReplicateIntervals) + " (" + key +
             std::string(run_schema::kReplicateIntervalColumns) + ", PRIMARY KEY (" + pk +
             "month, measure))");
  const int first = keyed ? 2 : 1;  // the first column after the scenario's
  Statement series(db, file,
                   std::string("INSERT INTO replicate_national VALUES (") + (keyed ? "?," : "") +
                       "?,?,?,?,?,?,?,?,?,?,?)");
  for (std::size_t r = 0; r < replicates.size(); ++r) {
    const Replicate& rep = replicates[r];
    for (std::size_t m = 0; m < rep.national.size(); ++m) {
      const MonthFigures& f = rep.national[m];
      if (keyed) series.bind(1, scenario);
      series.bind(first, static_cast<std::int64_t>(r))
          .bind(first + 1, static_cast<std::int64_t>(rep.seed))
          .bind(first + 2, static_cast<std::int64_t>(m));
      int i = first + 3;
      for (double v : {f.employed, f.unemployed, f.training, f.wage_bill})
        series.bind(i++, v / scale);
      if (m < rep.twin_national.size()) {
        const MonthFigures& t = rep.twin_national[m];
        for (double v : {t.employed, t.unemployed, t.training, t.wage_bill}) {
          series.bind(i++, v / scale);
        }
      } else {
        for (; i <= first + 10; ++i) series.bind_null(i);
      }
      series.run();
    }
  }
  Statement interval(db, file,
                     std::string("INSERT INTO replicate_intervals VALUES (") + (keyed ? "?," : "") +
                         "?,?,?,?,?,?)");
  for (const ReplicateInterval& x : replicate_intervals(replicates, scale)) {
    if (keyed) interval.bind(1, scenario);
    interval.bind(first, static_cast<std::int64_t>(x.month))
        .bind(first + 1, x.measure)
        .bind(first + 2, x.mean)
        .bind(first + 3, x.low)
        .bind(first + 4, x.high)
        .bind(first + 5, static_cast<std::int64_t>(x.replicates));
    interval.run();
  }
}

void write_simulation_db(const std::filesystem::path& path, const Dataset& ds,
                         const SimulationResult& result, const std::string& population_source) {
  const Scenario& sc = result.scenario;
  Store store(path);
  store.write_run_info("command", "floe simulate");
  store.write_run_info("scenario", sc.name);
  store.write_run_info("description", sc.description);
  store.write_run_info("scenario_text", sc.text);
  store.write_run_info("seed", std::to_string(sc.run.seed));
  store.write_run_info("months", std::to_string(result.last_month));
  store.write_run_info("scale", fmt::format("{}", result.scale));  // exact
  store.write_run_info("units", "workers");
  store.write_run_info("twin", result.twin ? "yes" : "no");
  store.write_run_info("population", population_source);
  store.write_run_info("data_dir", ds.data_dir.string());
  store.write_run_info("created", now_utc());
  store.write_run_info("complete", result.interrupted ? "no" : "yes");
  const std::string file = path.string();
  write_world(store, file, ds, result.output, result.scale, "");
  if (result.twin) write_world(store, file, ds, *result.twin, result.scale, schema::kTwinPrefix);
  if (result.output.talent.enabled) write_talent_tables(store, result.output.talent);
  if (!result.replicates.empty()) {
    store.write_run_info("replicates", std::to_string(result.replicates.size()));
    write_replicate_tables(store, file, result.replicates, result.scale);
  }
  store.commit();
}

}  // namespace floe
