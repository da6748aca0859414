#include "serve/sandbox.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include "floe/error.h"
#include "floe/install.h"
#include "models/labor/model.h"
#include "serve/child_process.h"
#include "serve/http.h"
#include "serve/sandbox_job.h"
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

}  // namespace

const std::vector<SandboxScale>& sandbox_scales() {
  // docs/dashboard.md §3: `floe simulate --scale S --months 120` on the 2-core machine.
  static const std::vector<SandboxScale> scales = {
      {0.0005, 28, 1.1}, {0.001, 31, 1.1}, {0.002, 43, 1.1}, {0.005, 70, 1.2}, {0.01, 74, 1.3}};
  return scales;
}

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
  auto job = std::make_unique<SandboxJob>();
  job->id = fmt::format("sandbox-{}", next_number_++);
  job->from = from;
  job->scale = scale->scale;
  job->started = utc_now();
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
  SandboxJob& started = *job;
  jobs_.push_back(std::move(job));
  started.thread = std::thread([this, &started] { watch(started); });
  return started.json(options_);
}

void Sandbox::watch(SandboxJob& job) {
  const int status = job.child->read_lines([&](std::string_view line) {
    std::lock_guard lock(mutex_);
    job.take_line(line);
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
  job.finish(status, run, problem);
}

SandboxJob& Sandbox::find(const std::string& id) const {
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
  SandboxJob& job = find(id);
  if (job.state == "running") {
    job.cancelled = true;
    job.child->terminate();
  }
  return job.json(options_);
}

}  // namespace floe::serve
