// A run's results in SQLite (docs/model.md §12).
#include <sqlite3.h>

#include <ctime>

#include "floe/error.h"
#include "floe/simulation.h"
#include "floe/store.h"

namespace floe {
namespace {

class Insert {
 public:
  Insert(sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
      throw Error(std::string("results database: ") + sqlite3_errmsg(db));
    }
  }
  ~Insert() { sqlite3_finalize(stmt_); }
  Insert& text(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.c_str(), -1, SQLITE_TRANSIENT);
    return *this;
  }
  Insert& integer(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Insert& real(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  void run() {
    if (sqlite3_step(stmt_) != SQLITE_DONE) {
      throw Error(std::string("results database: ") + sqlite3_errmsg(db_));
    }
    sqlite3_reset(stmt_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

const char* kFigureColumns =
    "employed REAL, unemployed REAL, training REAL, layoffs REAL, displaced_direct REAL, "
    "displaced_indirect REAL, quits REAL, hires REAL, occupation_changes REAL, wage_bill REAL, "
    "exposed_wages REAL, exits REAL";

constexpr int kFigures = 12;  // the columns above

// "(?,?,...,?)" with n parameters.
std::string placeholders(int n) {
  std::string s = "(";
  for (int i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s + ")";
}

int bind_figures(Insert& q, int i, const MonthFigures& f) {
  for (double v :
       {f.employed, f.unemployed, f.training, f.layoffs, f.displaced_direct, f.displaced_indirect,
        f.quits, f.hires, f.occupation_changes, f.wage_bill, f.exposed_wages, f.exits}) {
    q.real(i++, v);
  }
  return i;
}

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

}  // namespace

void write_simulation_db(const std::filesystem::path& path, const Dataset& ds, const Scenario& sc,
                         const SimulationResult& result, const std::string& population_source) {
  const SimulationOutput& out = result.output;
  Store store(path);
  store.write_run_info("command", "floe simulate");
  store.write_run_info("scenario", sc.name);
  store.write_run_info("description", sc.description);
  store.write_run_info("scenario_text", sc.text);
  store.write_run_info("seed", std::to_string(sc.seed));
  store.write_run_info("months", std::to_string(result.last_month));
  store.write_run_info("population", population_source);
  store.write_run_info("data_dir", ds.data_dir.string());
  store.write_run_info("created", now_utc());
  store.write_run_info("complete", result.interrupted ? "no" : "yes");
  sqlite3* db = store.handle();

  store.exec(std::string("CREATE TABLE national (month INTEGER, ") + kFigureColumns +
             ", unemployment_rate REAL, exposure REAL, adoption REAL, job_finding REAL, "
             "openings REAL, multiplier REAL, trainees_started REAL, trainees_completed REAL, "
             "training_spending REAL)");
  store.exec(std::string("CREATE TABLE state_major (month INTEGER, state_fips TEXT, major TEXT, ") +
             kFigureColumns + ")");
  store.exec(
      std::string("CREATE TABLE county_major (month INTEGER, county_fips TEXT, major TEXT, ") +
      kFigureColumns + ")");
  store.exec("CREATE TABLE flows (month INTEGER, from_major TEXT, to_major TEXT, moves REAL)");
  {  // statements must be finalized before the file is committed
    Insert national(db, "INSERT INTO national VALUES " + placeholders(1 + kFigures + 9));
    Insert state(db, "INSERT INTO state_major VALUES " + placeholders(3 + kFigures));
    Insert county(db, "INSERT INTO county_major VALUES " + placeholders(3 + kFigures));
    Insert flow(db, "INSERT INTO flows VALUES " + placeholders(4));
    const auto& majors = ds.taxonomy.major_groups;
    for (std::size_t t = 0; t < out.state_major.size(); ++t) {
      MonthFigures total;
      for (std::size_t s = 0; s < out.states; ++s) {
        for (std::size_t g = 0; g < out.majors; ++g) {
          const MonthFigures& f = out.state_major[t][s * out.majors + g];
          total.add(f);
          if (f.employed + f.unemployed + f.training == 0) continue;
          state.integer(1, static_cast<std::int64_t>(t))
              .text(2, ds.geography.states[s].fips)
              .text(3, majors[g].soc_code);
          bind_figures(state, 4, f);
          state.run();
        }
      }
      const MonthIndicators& ind = out.indicators[t];
      national.integer(1, static_cast<std::int64_t>(t));
      int i = bind_figures(national, 2, total);
      const double labor_force = total.employed + total.unemployed;
      for (double v : {labor_force > 0 ? total.unemployed / labor_force : 0.0, ind.exposure,
                       ind.adoption, ind.job_finding, ind.openings, ind.multiplier,
                       ind.trainees_started, ind.trainees_completed, ind.training_spending}) {
        national.real(i++, v);
      }
      national.run();
      for (std::size_t a = 0; a < out.majors; ++a) {
        for (std::size_t b = 0; b < out.majors; ++b) {
          const double moves = out.flows[t][a * out.majors + b];
          if (moves == 0) continue;
          flow.integer(1, static_cast<std::int64_t>(t))
              .text(2, majors[a].soc_code)
              .text(3, majors[b].soc_code)
              .real(4, moves);
          flow.run();
        }
      }
    }
    for (std::size_t r = 0; r < out.county_major.size(); ++r) {
      for (std::size_t c = 0; c < out.counties; ++c) {
        for (std::size_t g = 0; g < out.majors; ++g) {
          const MonthFigures& f = out.county_major[r][c * out.majors + g];
          if (f.employed + f.unemployed + f.training == 0) continue;
          county.integer(1, out.county_months[r])
              .text(2, ds.geography.counties[c].fips)
              .text(3, majors[g].soc_code);
          bind_figures(county, 4, f);
          county.run();
        }
      }
    }
  }
  if (out.talent.enabled) write_talent_tables(store, out.talent);
  store.exec("CREATE INDEX state_major_month ON state_major (month, state_fips)");
  store.exec("CREATE INDEX county_major_month ON county_major (month, county_fips)");
  store.commit();
}

}  // namespace floe
