#include "serve/sandbox.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <fstream>
#include <regex>
#include <thread>

#include "floe/error.h"
#include "floe/install.h"
#include "models/labor/model.h"
#include "serve/child_process.h"
#include "serve/http.h"
#include "serve/sandbox_keys.h"

namespace floe::serve {
namespace {

constexpr const char* kOrigin = "the dashboard";

// `text` as a TOML basic string.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", c);
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// Writes `text` to `path` through a temporary file, so that no half-written file is left.
void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path partial = path;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out << text;
    if (!out.flush()) throw Error("cannot write " + partial.string());
  }
  std::filesystem::rename(partial, path);
}

// sandbox-<n>.toml or sandbox-<n>.db -> n; 0 for other names.
int sandbox_number(const std::filesystem::path& file) {
  static const std::regex name(R"(sandbox-([0-9]{1,6})\.(toml|db))");
  std::smatch m;
  const std::string s = file.filename().string();
  return std::regex_match(s, m, name) ? std::stoi(m[1]) : 0;
}

std::string iso_now() {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

// The shell words of a command, quoted where they need it.
std::string shell_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    const bool plain = !w.empty() && w.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL"
                                         "MNOPQRSTUVWXYZ0123456789-_./=:+,") == std::string::npos;
    out += (out.empty() ? "" : " ") + (plain ? w : "'" + w + "'");
  }
  return out;
}

}  // namespace

const std::vector<SandboxScale>& sandbox_scales() {
  // docs/dashboard.md §3: `floe simulate --scale S --months 120` on the 2-core machine.
  static const std::vector<SandboxScale> scales = {
      {0.0005, 80, 3.9}, {0.001, 84, 4.0}, {0.002, 116, 4.1}, {0.005, 153, 4.1}, {0.01, 283, 4.1}};
  return scales;
}

struct Sandbox::Job {
  std::string id, from, toml, started;
  double scale = 0;
  int months = 0;
  std::filesystem::path db;
  std::vector<std::string> ran;  // the command, with the server's paths
  std::unique_ptr<ChildProcess> child;
  std::thread thread;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  // Guarded by Sandbox::mutex_:
  std::string state = "running";  // running | done | failed | cancelled
  std::string phase = "starting floe simulate", note, message, run;
  std::uint64_t done = 0, total = 0;
  double seconds = 0;
  bool cancelled = false;
  std::vector<std::string> output;  // the last lines the run printed, progress left out

  Json json(const SandboxOptions& options) const {
    Json j;
    j["id"] = id;
    j["state"] = state;
    j["from"] = from;
    j["scale"] = scale;
    j["months"] = months;
    j["started"] = started;
    j["phase"] = phase;
    j["note"] = note;
    j["done"] = done;
    j["total"] = total;
    const bool finished = state == "done";
    j["percent"] = finished ? 100.0
                   : total  ? std::floor(100.0 * static_cast<double>(done) / total)
                            : 0.0;
    j["seconds"] =
        state == "running"
            ? std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()
            : seconds;
    j["message"] = message;
    j["run"] = run.empty() ? Json(nullptr) : Json(run);
    j["output"] = output;
    j["toml"] = "/api/sandbox/jobs/" + id + "/scenario.toml";
    // What repeats the run from the CLI, with the TOML downloaded beside it.
    std::vector<std::string> words = {"floe",       "simulate", "--scenario",
                                      id + ".toml", "--scale",  fmt::format("{:g}", scale),
                                      "--out",      id + ".db"};
    words.insert(words.end(), options.data_args.begin(), options.data_args.end());
    j["command"] = shell_words(words);
    j["ran"] = shell_words(ran);
    return j;
  }
};

Sandbox::Sandbox(Dashboard& dashboard, const SandboxOptions& options)
    : dashboard_(dashboard), options_(options) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(shipped_dir("scenarios"), ec)) {
    if (entry.path().extension() == ".toml") scenario_names_.push_back(entry.path().stem());
  }
  std::sort(scenario_names_.begin(), scenario_names_.end());
  if (options_.runs_dir.empty()) return;
  std::filesystem::create_directories(options_.runs_dir);
  std::vector<std::filesystem::path> runs;
  for (const auto& entry : std::filesystem::directory_iterator(options_.runs_dir)) {
    next_number_ = std::max(next_number_, sandbox_number(entry.path()) + 1);
    if (entry.path().extension() == ".db") runs.push_back(entry.path());
  }
  std::sort(runs.begin(), runs.end());
  for (const auto& path : runs) dashboard_.add_run(path);
}

Sandbox::~Sandbox() {
  {
    std::lock_guard lock(mutex_);
    for (auto& job : jobs_) {
      job->cancelled = true;
      job->child->terminate();
    }
  }
  for (auto& job : jobs_) job->thread.join();
}

Scenario Sandbox::shipped(const std::string& name) const {
  if (std::find(scenario_names_.begin(), scenario_names_.end(), name) == scenario_names_.end()) {
    throw NotFound("no shipped scenario " + quote(name) + " (GET /api/sandbox lists them)");
  }
  return read_scenario(find_scenario(name));
}

Json Sandbox::info() const {
  Json j;
  j["enabled"] = !options_.runs_dir.empty();
  j["how"] =
      "Start the dashboard with a folder for the runs it makes: floe serve --runs out/sandbox";
  j["max_running"] = options_.max_running;
  Json scales = Json::array();
  for (const SandboxScale& s : sandbox_scales()) {
    scales.push_back({{"scale", s.scale}, {"seconds", s.seconds}, {"gib", s.gib}});
  }
  j["scales"] = std::move(scales);
  j["machine"] = "2 cores, 24 GiB, shared (docs/dashboard.md §3)";
  Json scenarios = Json::array();
  for (const auto& name : scenario_names_) {
    scenarios.push_back({{"name", name}, {"description", shipped(name).description}});
  }
  j["scenarios"] = std::move(scenarios);
  j["names"] = sandbox_names_json(dashboard_.dataset());
  Json jobs = Json::array();
  std::lock_guard lock(mutex_);
  for (const auto& job : jobs_) jobs.push_back(job->json(options_));
  j["jobs"] = std::move(jobs);
  return j;
}

Json Sandbox::scenario(const std::string& name) const {
  const Scenario s = shipped(name);
  return {{"name", name}, {"description", s.description}, {"keys", sandbox_keys_json(s)}};
}

Json Sandbox::start(const std::string& body) {
  if (options_.runs_dir.empty()) {
    throw Refused(403,
                  "the sandbox is off: start floe serve with --runs DIR, a folder "
                  "for the runs it makes");
  }
  Json request;
  try {
    request = Json::parse(body);
  } catch (const std::exception&) {
    throw BadRequest("body",
                     "the body is not JSON: send {\"from\": \"baseline\", \"scale\": "
                     "0.001, \"values\": {\"adoption.innovation\": \"0.003\"}}");
  }
  if (!request.is_object()) throw BadRequest("body", "the body must be a JSON object");
  for (const auto& [field, value] : request.items()) {
    if (field != "from" && field != "scale" && field != "values") {
      throw BadRequest(field, "unknown field " + quote(field) + " (from, scale, values)");
    }
  }
  if (!request.contains("from") || !request["from"].is_string()) {
    throw BadRequest("from", "field 'from' is required: the name of a shipped scenario");
  }
  const std::string from = request["from"];
  Scenario s;
  try {
    s = shipped(from);
  } catch (const NotFound& e) {
    throw BadRequest("from", e.what());
  }
  const auto& scales = sandbox_scales();
  const Json scale_json = request.value("scale", Json(nullptr));
  const auto scale = std::find_if(scales.begin(), scales.end(), [&](const SandboxScale& x) {
    return scale_json.is_number() && scale_json.get<double>() == x.scale;
  });
  if (scale == scales.end()) {
    std::string list;
    for (const auto& x : scales) list += fmt::format("{}{:g}", list.empty() ? "" : ", ", x.scale);
    throw BadRequest("scale", "field 'scale' must be one of " + list);
  }
  const Json values = request.value("values", Json::object());
  if (!values.is_object()) throw BadRequest("values", "field 'values' must be an object");
  std::string changes;
  for (const auto& [key, value] : values.items()) {
    if (!find_sandbox_key(key)) {
      throw BadRequest(key, "key " + quote(key) +
                                " is not one the sandbox sets (GET /api/sandbox/scenarios/" + from +
                                " lists them)");
    }
    if (!value.is_string()) {
      throw BadRequest(key, "key " + quote(key) + ": give the value as TOML text (\"0.003\")");
    }
    try {
      set_scenario_key(s, key, value.get<std::string>(), kOrigin);
    } catch (const Error& e) {
      throw BadRequest(key, e.what());
    }
    if (key != "name" && key != "description") {
      changes +=
          fmt::format("{}{} = {}", changes.empty() ? "" : "; ", key, value.get<std::string>());
    }
  }
  try {
    labor::check_names(s.labor, dashboard_.dataset(), kOrigin);
  } catch (const DataError& e) {
    throw BadRequest(e.field(), e.what());
  }

  std::lock_guard lock(mutex_);
  std::vector<std::string> running;
  for (const auto& job : jobs_) {
    if (job->state == "running") running.push_back(job->id);
  }
  if (static_cast<int>(running.size()) >= options_.max_running) {
    throw Refused(429,
                  fmt::format("{} sandbox run{} going already ({}); wait for one to finish or stop "
                              "one: each takes gigabytes of memory",
                              running.size(), running.size() == 1 ? " is" : "s are",
                              fmt::format("{}", fmt::join(running, ", "))));
  }
  auto job = std::make_unique<Job>();
  job->id = fmt::format("sandbox-{}", next_number_++);
  job->from = from;
  job->scale = scale->scale;
  job->started = iso_now();
  if (!values.contains("name")) set_scenario_key(s, "name", toml_string(job->id), kOrigin);
  if (!values.contains("description")) {
    set_scenario_key(s, "description",
                     toml_string("From " + from + (changes.empty() ? "" : ": " + changes)),
                     kOrigin);
  }
  job->months = s.run.months;
  job->toml = scenario_toml(s);
  const std::filesystem::path toml = options_.runs_dir / (job->id + ".toml");
  job->db = options_.runs_dir / (job->id + ".db");
  write_file(toml, job->toml);
  std::vector<std::string> args = {
      "simulate", "--scenario",    toml.string(), "--scale", fmt::format("{:g}", job->scale),
      "--out",    job->db.string()};
  args.insert(args.end(), options_.data_args.begin(), options_.data_args.end());
  job->ran = {"floe"};
  job->ran.insert(job->ran.end(), args.begin(), args.end());
  job->child = std::make_unique<ChildProcess>(options_.floe, args,
                                              std::vector<std::string>{"FLOE_PROGRESS=lines"});
  Job& started = *job;
  jobs_.push_back(std::move(job));
  started.thread = std::thread([this, &started] { watch(started); });
  return started.json(options_);
}

void Sandbox::watch(Job& job) {
  const int status = job.child->read_lines([&](std::string_view line) {
    std::lock_guard lock(mutex_);
    // "floe-progress\t<label>\t<done>\t<total>\t<note>" (apps/floe/progress.h)
    static const std::regex progress("floe-progress\t([^\t]*)\t([0-9]+)\t([0-9]+)\t(.*)");
    std::match_results<std::string_view::const_iterator> m;
    if (std::regex_match(line.begin(), line.end(), m, progress)) {
      job.phase = m[1];
      std::from_chars(m[2].first, m[2].second, job.done);
      std::from_chars(m[3].first, m[3].second, job.total);
      job.note = m[4];
      return;
    }
    job.output.emplace_back(line);
    if (job.output.size() > 20) job.output.erase(job.output.begin());
  });
  std::string run, problem;
  if (status == 0) {
    try {
      run = dashboard_.add_run(job.db);
    } catch (const std::exception& e) {
      problem = e.what();
    }
  }
  std::lock_guard lock(mutex_);
  job.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - job.start).count();
  if (status == 0 && problem.empty()) {
    job.state = "done";
    job.phase = "done";
    job.run = run;
    return;
  }
  job.state = job.cancelled ? "cancelled" : "failed";
  if (job.cancelled) {
    job.message = "stopped before it finished";
    for (const char* leftover : {".lock", ".ckpt", ".partial"}) {
      std::filesystem::path p = job.db;
      p += leftover;
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
    return;
  }
  job.message = problem;
  for (auto it = job.output.rbegin(); job.message.empty() && it != job.output.rend(); ++it) {
    if (it->rfind("floe: error: ", 0) == 0) job.message = it->substr(13);
  }
  if (job.message.empty()) {
    job.message = fmt::format("floe simulate ended with status {}", status);
  }
}

Sandbox::Job& Sandbox::find(const std::string& id) const {
  for (const auto& job : jobs_) {
    if (job->id == id) return *job;
  }
  throw NotFound("no sandbox run " + quote(id) + " (GET /api/sandbox lists them)");
}

Json Sandbox::job(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return find(id).json(options_);
}

std::string Sandbox::toml(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return find(id).toml;
}

Json Sandbox::cancel(const std::string& id) {
  std::lock_guard lock(mutex_);
  Job& job = find(id);
  if (job.state == "running") {
    job.cancelled = true;
    job.child->terminate();
  }
  return job.json(options_);
}

}  // namespace floe::serve
