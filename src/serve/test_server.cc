#include "serve/test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "store/run_schema.h"

namespace floe::serve::testing {
namespace {

void exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "?";
    sqlite3_free(error);
    throw std::runtime_error("fixture: " + message + " in " + sql);
  }
}

std::string figures(const FixtureRow& r) {
  const double e = r.events;
  return std::to_string(r.employed) + "," + std::to_string(r.unemployed) + ",0," +
         std::to_string(e) + "," + std::to_string(e) + "," + std::to_string(e) + "," +
         std::to_string(e) + "," + std::to_string(e) + "," + std::to_string(e) + "," +
         std::to_string(r.wage_bill) + "," + std::to_string(r.exposed_wages) + ",0," +  // exits
         std::to_string(r.employed + r.unemployed);  // agents: the labor force at scale 1
}

// Three majors of one state at one month: (employed, unemployed) each; wages as in the tiny
// world's cells (docs/method.md §9), scaled with employment, exposure E_o as there.
void add_state(std::vector<FixtureRow>& rows, int month, const std::string& fips,
               std::array<std::pair<double, double>, 3> stocks, std::array<double, 3> wages) {
  const std::array<const char*, 3> majors = {"15-0000", "43-0000", "47-0000"};
  const std::array<double, 3> exposure = {2.0 / 3.0, 0.5, 0.0};
  for (std::size_t m = 0; m < 3; ++m) {
    const double bill = stocks[m].first * wages[m];
    rows.push_back({month, fips, majors[m], stocks[m].first, stocks[m].second, bill,
                    bill * exposure[m], month == 2 ? 10.0 : 0.0});
  }
}

void add_county(std::vector<FixtureRow>& rows, int month, const std::string& fips,
                std::array<std::pair<double, double>, 3> stocks) {
  add_state(rows, month, fips, stocks, {50000, 50000, 50000});
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

// The talent tables and run keys, as write_talent_tables writes them (src/models/talent/db.cc).
void write_talent(sqlite3* db, const FixtureTalent& f) {
  exec(db, "INSERT INTO run VALUES ('talent_scale', '0.010000')");
  exec(db, "INSERT INTO run VALUES ('talent_start', " + quote(f.start) + ")");
  exec(db, "INSERT INTO run VALUES ('talent_parameters_from', 'a hand-made fixture')");
  exec(db,
       "CREATE TABLE talent_month (date TEXT, month REAL, employer TEXT, researchers REAL, "
       "ml_engineers REAL, ai_engineers REAL, headcount REAL, entrants REAL, exits REAL, "
       "moved_in REAL, moved_out REAL, net_flow REAL)");
  exec(db,
       "CREATE TABLE talent_moves (date TEXT, month REAL, origin TEXT, destination TEXT, "
       "movers REAL)");
  exec(db, "CREATE TABLE talent_phd (date TEXT, month REAL, destination TEXT, graduates REAL)");
  exec(db,
       "CREATE TABLE talent_series (date TEXT, month REAL, genai_index REAL, big_tech_net_flow "
       "REAL, big_tech_net_flow_expected REAL, phd_industry_share REAL, "
       "phd_industry_share_expected REAL)");
  exec(db,
       "CREATE TABLE talent_targets (target TEXT, description TEXT, observed REAL, tolerance "
       "REAL, expected REAL, expected_within INTEGER, agents REAL, agents_within INTEGER, "
       "source TEXT, kind TEXT)");
  exec(db, "CREATE TABLE talent_parameters (parameter TEXT, value REAL, prior REAL, meaning TEXT)");
  const int start =
      static_cast<int>(std::find(f.dates.begin(), f.dates.end(), f.start) - f.dates.begin());
  for (std::size_t t = 0; t < f.dates.size(); ++t) {
    const std::string& date = f.dates[t];
    const std::string month = std::to_string(static_cast<int>(t) - start + 1);
    std::map<std::string, double> in, out;
    for (const auto& m : f.moves) {
      if (m.date != date) continue;
      in[m.destination] += m.movers;
      out[m.origin] += m.movers;
      exec(db, "INSERT INTO talent_moves VALUES (" + quote(date) + ", " + month + ", " +
                   quote(m.origin) + ", " + quote(m.destination) + ", " + std::to_string(m.movers) +
                   ")");
    }
    for (std::size_t k = 0; k < f.employers.size(); ++k) {
      std::string row = quote(date) + ", " + month + ", " + quote(f.employers[k]);
      double headcount = 0;
      for (int s = 0; s < 3; ++s) {
        const double n = f.base[k][s] + static_cast<double>(t) * f.growth[s];
        headcount += n;
        row += ", " + std::to_string(n);
      }
      const double i = in[f.employers[k]], o = out[f.employers[k]];
      row += ", " + std::to_string(headcount) + ", 2, 1, " + std::to_string(i) + ", " +
             std::to_string(o) + ", " + std::to_string(i - o);
      exec(db, "INSERT INTO talent_month VALUES (" + row + ")");
    }
    double industry = 0, graduates = 0;
    for (const auto& p : f.phd) {
      if (p.date != date) continue;
      graduates += p.graduates;
      if (p.destination != "academia" && p.destination != "outside") industry += p.graduates;
      exec(db, "INSERT INTO talent_phd VALUES (" + quote(date) + ", " + month + ", " +
                   quote(p.destination) + ", " + std::to_string(p.graduates) + ")");
    }
    exec(db, "INSERT INTO talent_series VALUES (" + quote(date) + ", " + month + ", " +
                 std::to_string(f.genai[t]) + ", " +
                 std::to_string(in["big_tech"] - out["big_tech"]) + ", " +
                 std::to_string(f.expected_net_flow[t]) + ", " +
                 (graduates > 0 ? std::to_string(industry / graduates) : "NULL") + ", 0.5)");
  }
  exec(db,
       "INSERT INTO talent_targets VALUES ('big_tech_inflow', 'Net flow into big tech, mean "
       "per month', 168, 50, 171.5, 1, 119.25, 1, 'Live Data Technologies', 'value'), "
       "('outflow_after_launch', 'Outward in each month after the launch', 0, 20, -750.5, 1, "
       "NULL, NULL, 'Live Data Technologies', 'each_below'), ('move_rate', 'Moves over "
       "headcount', 0.023, 0.007, 0.0231, 1, 0.04, 0, 'JOLTS 2023', 'value')");
  exec(db,
       "INSERT INTO talent_parameters VALUES ('beta_pay', 1.75, 3, 'utility of log pay'), "
       "('switching_cost', 5.5, 5, 'utility cost of changing employer')");
}

}  // namespace

FixtureTalent fixture_talent(double stealth_factor) {
  FixtureTalent f;
  f.dates = {"2022-11", "2022-12", "2023-01", "2023-02"};
  f.start = "2023-01";
  f.employers = {"big_tech", "ai_labs", "stealth", "academia"};
  f.base = {{{40, 30, 30}}, {{20, 10, 10}}, {{5, 3, 2}}, {{30, 5, 5}}};
  f.growth = {1, 0, 2};
  f.moves = {{"2022-11", "big_tech", "ai_labs", 2},  {"2022-11", "ai_labs", "big_tech", 5},
             {"2022-11", "academia", "big_tech", 3}, {"2022-12", "big_tech", "ai_labs", 6},
             {"2022-12", "big_tech", "stealth", 4},  {"2022-12", "ai_labs", "big_tech", 1},
             {"2022-12", "academia", "ai_labs", 2},  {"2023-01", "big_tech", "stealth", 3},
             {"2023-01", "big_tech", "ai_labs", 2},  {"2023-01", "stealth", "big_tech", 1},
             {"2023-01", "academia", "stealth", 1},  {"2023-02", "big_tech", "ai_labs", 1},
             {"2023-02", "ai_labs", "big_tech", 2}};
  for (auto& m : f.moves) {
    if (m.destination == "stealth") m.movers *= stealth_factor;
  }
  f.phd = {{"2022-12", "academia", 2},
           {"2022-12", "big_tech", 1},
           {"2022-12", "outside", 1},
           {"2023-01", "ai_labs", 3},
           {"2023-01", "academia", 1}};
  f.genai = {0, 0.1, 0.3, 0.5};
  f.expected_net_flow = {5.5, -8, -3.5, 0.5};
  return f;
}

std::vector<FixtureRun> fixture_runs() {
  const std::array<double, 3> al = {90000, 45000, 38000}, ak = {100000, 55000, 52000};
  FixtureRun base, fast;
  base.scenario = std::string("baseline");
  fast.scenario = std::string("fast");
  base.seed = fast.seed = std::string("1");
  for (FixtureRun* r : {&base, &fast}) {
    add_state(r->states, 0, "01", {{{400, 0}, {1200, 0}, {400, 0}}}, al);
    add_state(r->states, 0, "02", {{{600, 0}, {800, 0}, {600, 0}}}, ak);
    add_state(r->states, 1, "01", {{{400, 0}, {1150, 50}, {400, 0}}}, al);
    add_state(r->states, 1, "02", {{{600, 0}, {750, 50}, {600, 0}}}, ak);
    for (int month : {0, 2}) {
      add_county(r->counties, month, "01001", {{{80, 0}, {220, 20}, {80, 0}}});
      add_county(r->counties, month, "01003", {{{320, 0}, {880, 80}, {320, 0}}});
      add_county(r->counties, month, "02020", {{{400, 0}, {400, 100}, {400, 0}}});
      add_county(r->counties, month, "02063", {{{100, 0}, {100, 100}, {100, 0}}});
      add_county(r->counties, month, "02066", {{{100, 0}, {100, 0}, {100, 0}}});
    }
  }
  // Month 2. baseline: Alabama 1,900 employed, 100 unemployed (5%); Alaska 1,800 and 200 (10%).
  add_state(base.states, 2, "01", {{{400, 0}, {1100, 100}, {400, 0}}}, al);
  add_state(base.states, 2, "02", {{{600, 0}, {600, 200}, {600, 0}}}, ak);
  // fast: Alabama 1,800 and 200 (10%); Alaska 1,500 and 500 (25%).
  add_state(fast.states, 2, "01", {{{350, 50}, {1050, 150}, {400, 0}}}, al);
  add_state(fast.states, 2, "02", {{{500, 100}, {400, 400}, {600, 0}}}, ak);
  base.talent = fixture_talent(1);
  fast.talent = fixture_talent(2);
  fast.twin = true;
  fast.twin_states = base.states;
  fast.twin_counties = base.counties;
  fast.replicate_intervals = {"2, 'ai_effect_points', 9.5, 8.25, 10.75, 10",
                              "2, 'unemployment_rate', 0.17, 0.16, 0.18, 10"};
  FixtureRun base2 = base;
  base2.seed = std::string("2");
  base2.talent = {};
  return {base, fast, base2};
}

// national, state_major and county_major (each with `prefix`): the rows, national their sums.
void write_figures(sqlite3* db, const std::string& prefix, const std::vector<FixtureRow>& states,
                   const std::vector<FixtureRow>& counties) {
  std::map<int, FixtureRow> national;
  for (const FixtureRow& r : states) {
    exec(db, "INSERT INTO " + prefix + "state_major VALUES (" + std::to_string(r.month) + ", '" +
                 r.fips + "', '" + r.major + "', " + figures(r) + ")");
    FixtureRow& n =
        national.try_emplace(r.month, FixtureRow{r.month, "", "", 0, 0, 0, 0, 0}).first->second;
    n.employed += r.employed;
    n.unemployed += r.unemployed;
    n.wage_bill += r.wage_bill;
    n.exposed_wages += r.exposed_wages;
    n.events += r.events;
  }
  for (const auto& [month, n] : national) {
    exec(db, "INSERT INTO " + prefix + "national VALUES (" + std::to_string(month) + ", " +
                 figures(n) + ", " + std::to_string(n.unemployed / (n.employed + n.unemployed)) +
                 ", 0.47, 0.1, 0.3, 100, 1.5, 0, 0, 0, 0, 0)");
  }
  for (const FixtureRow& r : counties) {
    exec(db, "INSERT INTO " + prefix + "county_major VALUES (" + std::to_string(r.month) + ", '" +
                 r.fips + "', '" + r.major + "', " + figures(r) + ")");
  }
}

// An empty twin_ copy of a run table.
std::string twin_table_sql(std::string_view name) {
  return "CREATE TABLE twin_" + std::string(name) + " AS SELECT * FROM " + std::string(name) +
         " WHERE 0";
}

void write_run_file(const std::filesystem::path& path, const FixtureRun& run) {
  std::filesystem::remove(path);
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("fixture: open");
  exec(db, "BEGIN");
  exec(db, "CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT)");
  for (const auto& [key, value] :
       std::map<std::string, std::string>{{"command", run.command},
                                          {"scenario", run.scenario},
                                          {"description", "a hand-made run for tests"},
                                          {"scenario_text", "name = \"" + run.scenario + "\""},
                                          {"seed", run.seed},
                                          {"months", std::to_string(run.months)}}) {
    exec(db, "INSERT INTO run VALUES ('" + key + "', '" + value + "')");
  }
  for (const run_schema::TableDef& t : run_schema::kTables) exec(db, run_schema::create_sql(t));
  write_figures(db, "", run.states, run.counties);
  if (run.twin) {
    for (const run_schema::TableDef& t : run_schema::kTables) {
      if (std::string_view(t.name) == "flows") continue;
      exec(db, twin_table_sql(t.name));
    }
    write_figures(db, "twin_", run.twin_states, run.twin_counties);
  }
  exec(db, "INSERT INTO flows VALUES (1, '43-0000', '47-0000', 5)");
  exec(db, "INSERT INTO flows VALUES (2, '43-0000', '47-0000', 30)");
  exec(db, "INSERT INTO flows VALUES (2, '43-0000', '15-0000', 10)");
  exec(db, "CREATE INDEX state_major_month ON state_major (month, state_fips)");
  exec(db, "CREATE INDEX county_major_month ON county_major (month, county_fips)");
  if (!run.replicate_intervals.empty()) {
    exec(db, std::string(run_schema::kReplicateIntervalsCreate));
    for (const std::string& row : run.replicate_intervals) {
      exec(db, "INSERT INTO replicate_intervals VALUES (" + row + ")");
    }
  }
  if (!run.talent.dates.empty()) write_talent(db, run.talent);
  exec(db, "COMMIT");
  sqlite3_close(db);
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "floe-serve-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

Dataset tiny_dataset() {
  DatasetOptions o;
  o.data_dir = FLOE_TINY_DATA_DIR;
  return load_dataset(o);
}

ServeOptions tiny_options() {
  ServeOptions o;
  o.port = 0;
  o.threads = 8;
  o.index_description = "technical layer, human labels, E2 weight 0";
  // The hand-worked example (docs/method.md §9), with an ensemble of human labels at E2 = 1.
  o.index.technical = {Labeler::kHuman, 0.0};
  o.index.ensemble = {{Labeler::kHuman, 1.0, false}};
  return o;
}

TinyServer::TinyServer(std::filesystem::path web_dir) {
  const auto runs = fixture_runs();
  const std::array<const char*, 3> names = {"baseline.db", "fast.db", "baseline-seed2.db"};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    run_files_.push_back(dir_.path / names[i]);
    write_run_file(run_files_.back(), runs[i]);
  }
  ServeOptions o = tiny_options();
  o.runs = run_files_;
  o.web_dir = std::move(web_dir);
  server_ = std::make_unique<DashboardServer>(tiny_dataset(), o);
  thread_ = std::thread([this] { server_->run(); });
}

TinyServer::~TinyServer() {
  server_->stop();
  thread_.join();
}

httplib::Client TinyServer::client() const {
  httplib::Client c("127.0.0.1", port());
  c.set_connection_timeout(5);
  c.set_read_timeout(20);
  return c;
}

int raw_status(int port, const std::string& target) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  const std::string request =
      "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  if (send(fd, request.data(), request.size(), 0) != static_cast<ssize_t>(request.size())) {
    close(fd);
    return -1;
  }
  std::string response;
  char buf[4096];
  for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) response.append(buf, n);
  close(fd);
  // "HTTP/1.1 404 Not Found"
  if (response.size() < 12 || response.compare(0, 5, "HTTP/") != 0) return -1;
  return std::atoi(response.c_str() + 9);
}

TinyServer* ServerTest::server_ = nullptr;

void ServerTest::SetUpTestSuite() { server_ = new TinyServer(); }

void ServerTest::TearDownTestSuite() {
  delete server_;
  server_ = nullptr;
}

nlohmann::json ServerTest::get_json(const std::string& path, int status) {
  auto res = server_->client().Get(path);
  EXPECT_TRUE(res) << path;
  if (!res) return {};
  EXPECT_EQ(res->status, status) << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
  return nlohmann::json::parse(res->body);
}

std::string ServerTest::get_csv(const std::string& path) {
  auto res = server_->client().Get(path);
  EXPECT_TRUE(res) << path;
  if (!res) return {};
  EXPECT_EQ(res->status, 200) << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/csv; charset=utf-8") << path;
  return res->body;
}

nlohmann::json ServerTest::row(const nlohmann::json& table, const std::string& key,
                               const std::string& value) {
  for (const auto& r : table["rows"]) {
    if (r[key] == value) return r;
  }
  ADD_FAILURE() << "no row with " << key << " = " << value;
  return {};
}

}  // namespace floe::serve::testing
