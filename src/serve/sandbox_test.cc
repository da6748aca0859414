// The sandbox over HTTP: a tiny scenario run by the real `floe simulate` (the floe program of
// this build) on the tiny world, its progress, its run in /api/runs, its TOML; bad values
// refused with the scenario reader's own message; the limit on runs at once; the sandbox off.
#include <gmock/gmock.h>

#include <chrono>
#include <thread>

#include "floe/error.h"
#include "floe/scenario.h"
#include "serve/test_server.h"

namespace floe::serve {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;
using Json = nlohmann::json;

// A dashboard on the tiny world whose sandbox writes into a temporary folder.
class SandboxServer {
 public:
  explicit SandboxServer(const std::string& data_dir, bool enabled = true) {
    ServeOptions o = testing::tiny_options();
    if (enabled) o.sandbox.runs_dir = dir.path / "runs";
    o.sandbox.floe = FLOE_PROGRAM;
    o.sandbox.data_args = {"--data", data_dir};
    server_ = std::make_unique<DashboardServer>(testing::tiny_dataset(), o);
    thread_ = std::thread([this] { server_->run(); });
  }
  ~SandboxServer() {
    server_->stop();
    thread_.join();
  }

  httplib::Result get(const std::string& path) { return client().Get(path); }
  httplib::Result post(const std::string& path, const Json& body) {
    return client().Post(path, body.dump(), "application/json");
  }
  Json json(const httplib::Result& res, int status) {
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, status) << res->body;
    return Json::parse(res->body);
  }
  // Polls a job until it is no longer running (at most a minute).
  Json finished(const std::string& id) {
    Json job;
    for (int i = 0; i < 600; ++i) {
      job = json(get("/api/sandbox/jobs/" + id), 200);
      if (job["state"] != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return job;
  }

  int port() const { return server_->port(); }
  httplib::Client client() {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(20);
    return c;
  }

  TempDir dir;

 private:
  std::unique_ptr<DashboardServer> server_;
  std::thread thread_;
};

// The tiny world has no NAICS sectors and no talent data: its runs leave both out.
Json tiny_run(Json values) {
  for (const auto& [key, value] :
       {std::pair{"adoption.industry_speed", "{}"}, std::pair{"talent.enabled", "false"},
        std::pair{"run.months", "3"}}) {
    if (!values.contains(key)) values[key] = value;
  }
  return {{"from", "baseline"}, {"scale", 0.001}, {"values", values}};
}

TEST(Sandbox, ServesTheSchemaOfAShippedScenario) {
  SandboxServer s(FLOE_TINY_DATA_DIR);
  const Json info = s.json(s.get("/api/sandbox"), 200);
  EXPECT_TRUE(info["enabled"]);
  EXPECT_EQ(info["max_running"], 2);
  std::vector<std::string> names;
  for (const auto& sc : info["scenarios"]) names.push_back(sc["name"]);
  EXPECT_THAT(names, ::testing::Contains("baseline"));
  EXPECT_THAT(names, ::testing::Contains("retraining"));

  const Json keys = s.json(s.get("/api/sandbox/scenarios/baseline"), 200)["keys"];
  std::map<std::string, Json> by_key;
  for (const auto& k : keys) by_key[k["key"]] = k;
  // Ranges, defaults and values as the schema and scenarios/baseline.toml write them.
  const Json& p = by_key.at("adoption.innovation");
  EXPECT_EQ(p["lo"], 0.0);
  EXPECT_EQ(p["hi"], 1.0);
  EXPECT_EQ(p["default"], "0.0025");
  EXPECT_EQ(p["group"], "Adoption speed");
  EXPECT_TRUE(p["lever"]);
  const Json& speed = by_key.at("adoption.industry_speed");
  EXPECT_EQ(speed["widget"], "sector_map");
  EXPECT_EQ(speed["value"]["information"], 1.5);
  EXPECT_EQ(speed["value"]["agriculture"], 0.6);
  EXPECT_EQ(by_key.at("retraining.targeting")["choices"], Json::array({"most_exposed", "region"}));
  EXPECT_EQ(by_key.at("retraining.budget")["hi"], 1e12);
  // A file path is no lever, nor the twin's switches.
  EXPECT_FALSE(by_key.count("talent.parameters"));
  EXPECT_FALSE(by_key.count("adoption.frozen"));
  EXPECT_EQ(s.get("/api/sandbox/scenarios/no-such")->status, 404);
}

TEST(Sandbox, RunsAScenarioAndServesItsRunAndToml) {
  SandboxServer s(FLOE_TINY_DATA_DIR);
  const Json started = s.json(
      s.post("/api/sandbox/runs",
             tiny_run({{"adoption.innovation", "0.005"}, {"adoption.state_speed", "{ AK = 2 }"}})),
      202);
  EXPECT_EQ(started["id"], "sandbox-1");
  EXPECT_EQ(started["state"], "running");
  const Json job = s.finished("sandbox-1");
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["percent"], 100.0);
  // The last progress line the run printed: its 3 months simulated, of 3.
  EXPECT_EQ(job["total"], 3);
  EXPECT_EQ(job["done"], 3);
  EXPECT_EQ(job["run"], "sandbox-1");
  EXPECT_EQ(job["command"],
            "floe simulate --scenario sandbox-1.toml --scale 0.001 --out sandbox-1.db --data " +
                std::string(FLOE_TINY_DATA_DIR));

  // The run is served like a --run file, with months 0..3.
  const Json runs = s.json(s.get("/api/runs"), 200);
  ASSERT_EQ(runs["rows"].size(), 1u);
  EXPECT_EQ(runs["rows"][0]["id"], "sandbox-1");
  EXPECT_EQ(runs["rows"][0]["last_month"], 3);
  EXPECT_EQ(s.json(s.get("/api/runs/sandbox-1/series"), 200)["rows"].size(), 4u);

  // Its TOML reads back to the values sent, and is the text the run kept.
  const auto toml = s.get("/api/sandbox/jobs/sandbox-1/scenario.toml");
  ASSERT_EQ(toml->status, 200);
  EXPECT_EQ(toml->get_header_value("Content-Disposition"),
            "attachment; filename=\"sandbox-1.toml\"");
  const Scenario sc = parse_scenario(toml->body, "sandbox-1.toml");
  EXPECT_EQ(sc.name, "sandbox-1");
  EXPECT_EQ(sc.labor.adoption.innovation, 0.005);
  EXPECT_EQ(sc.labor.adoption.state_speed.at("AK"), 2.0);
  EXPECT_EQ(sc.run.months, 3);
  EXPECT_FALSE(sc.talent.enabled);
  EXPECT_EQ(sc.labor.adoption.imitation, 0.032);  // baseline's, untouched
  EXPECT_EQ(s.get("/api/runs/sandbox-1/scenario.toml")->body, toml->body);
  EXPECT_TRUE(std::filesystem::exists(s.dir.path / "runs" / "sandbox-1.db"));
}

// The message the scenario reader gives for `toml` (what floe simulate prints for that file),
// without the file's name and line.
std::string reader_problem(const std::string& toml) {
  try {
    parse_scenario(toml, "x.toml");
  } catch (const DataError& e) {
    return e.problem();
  }
  return "(no error)";
}

TEST(Sandbox, RefusesBadRequestsWithTheReadersMessage) {
  SandboxServer s(FLOE_TINY_DATA_DIR);
  const auto refused = [&](const Json& body, const std::string& parameter) {
    const Json e = s.json(s.post("/api/sandbox/runs", body), 400);
    EXPECT_EQ(e["parameter"], parameter) << e.dump();
    return e["error"].get<std::string>();
  };
  EXPECT_THAT(refused(tiny_run({{"adoption.innovation", "2"}}), "adoption.innovation"),
              HasSubstr(reader_problem("[adoption]\ninnovation = 2\n")));
  EXPECT_THAT(refused(tiny_run({{"run.months", "0"}}), "run.months"),
              HasSubstr(reader_problem("[run]\nmonths = 0\n")));
  EXPECT_THAT(refused(tiny_run({{"retraining.targeting", "\"everyone\""}}), "retraining.targeting"),
              HasSubstr(reader_problem("[retraining]\ntargeting = \"everyone\"\n")));
  // Names checked against the data, as floe simulate checks them.
  EXPECT_THAT(refused(tiny_run({{"adoption.state_speed", "{ ZZ = 2 }"}}), "adoption.state_speed"),
              HasSubstr("unknown state 'ZZ'"));
  // No paths, no other keys, no other scales or scenarios.
  EXPECT_THAT(refused(tiny_run({{"talent.parameters", "\"/etc/passwd\""}}), "talent.parameters"),
              HasSubstr("not one the sandbox sets"));
  Json body = tiny_run({});
  body["from"] = "../../etc/passwd";
  refused(body, "from");
  body = tiny_run({});
  body["scale"] = 0.3;
  EXPECT_THAT(refused(body, "scale"), HasSubstr("must be one of"));
  body = tiny_run({});
  body["out"] = "/tmp/x.db";
  refused(body, "out");
  EXPECT_EQ(s.json(s.post("/api/sandbox/runs", Json("x")), 400)["parameter"], "body");
  // Nothing was started.
  EXPECT_TRUE(s.json(s.get("/api/sandbox"), 200)["jobs"].empty());
}

TEST(Sandbox, RefusesFormsAndOtherOrigins) {
  SandboxServer s(FLOE_TINY_DATA_DIR);
  const std::string body = tiny_run({}).dump();
  // A cross-site form can send text/plain or a form encoding, never JSON without asking first.
  EXPECT_EQ(s.client().Post("/api/sandbox/runs", body, "text/plain")->status, 415);
  EXPECT_EQ(s.client().Post("/api/sandbox/runs", body, "application/x-www-form-urlencoded")->status,
            415);
  // A page of another origin (another local server, say) is refused; the dashboard's own is not.
  const auto from = [&](const std::string& origin) {
    return s.client().Post("/api/sandbox/runs", {{"Origin", origin}}, "{}", "application/json");
  };
  EXPECT_EQ(from("http://localhost:3000")->status, 403);
  EXPECT_EQ(from("null")->status, 403);
  EXPECT_EQ(from("http://127.0.0.1:" + std::to_string(s.port()))->status, 400);  // no "from"
  // Every other method is still 405.
  EXPECT_EQ(s.client().Put("/api/sandbox/runs", body, "application/json")->status, 405);
  EXPECT_TRUE(s.json(s.get("/api/sandbox"), 200)["jobs"].empty());
}

TEST(Sandbox, RefusesAThirdRunWhileTwoAreGoing) {
  // Runs on the shipped data take seconds to load it: the first two are still going when the
  // third comes, and are stopped at once.
  SandboxServer s(FLOE_DEFAULT_DATA_DIR);
  const Json body = {{"from", "baseline"},
                     {"scale", 0.001},
                     {"values", {{"adoption.industry_speed", "{}"}, {"run.months", "1"}}}};
  s.json(s.post("/api/sandbox/runs", body), 202);
  s.json(s.post("/api/sandbox/runs", body), 202);
  const Json third = s.json(s.post("/api/sandbox/runs", body), 429);
  EXPECT_THAT(third["error"].get<std::string>(),
              HasSubstr("2 sandbox runs are going already (sandbox-1, sandbox-2)"));
  for (const char* id : {"sandbox-1", "sandbox-2"}) {
    EXPECT_EQ(s.json(s.post(std::string("/api/sandbox/jobs/") + id + "/cancel", Json::object()),
                     200)["id"],
              id);
  }
  for (const char* id : {"sandbox-1", "sandbox-2"}) EXPECT_EQ(s.finished(id)["state"], "cancelled");
  // A stopped run leaves its scenario, no results and no lock.
  const auto runs = s.dir.path / "runs";
  EXPECT_TRUE(std::filesystem::exists(runs / "sandbox-1.toml"));
  EXPECT_FALSE(std::filesystem::exists(runs / "sandbox-1.db"));
  EXPECT_FALSE(std::filesystem::exists(runs / "sandbox-1.db.lock"));
  EXPECT_TRUE(s.json(s.get("/api/runs"), 200)["rows"].empty());
}

TEST(Sandbox, IsOffWithoutARunsFolder) {
  SandboxServer s(FLOE_TINY_DATA_DIR, /*enabled=*/false);
  const Json info = s.json(s.get("/api/sandbox"), 200);
  EXPECT_FALSE(info["enabled"]);
  EXPECT_THAT(info["how"].get<std::string>(), HasSubstr("floe serve --runs"));
  EXPECT_THAT(s.json(s.post("/api/sandbox/runs", tiny_run({})), 403)["error"].get<std::string>(),
              HasSubstr("--runs DIR"));
}

}  // namespace
}  // namespace floe::serve
