#include "serve/sandbox_job.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <ctime>
#include <regex>

namespace floe::serve {
namespace {

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

std::string utc_now() {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

Json SandboxJob::json(const SandboxOptions& options) const {
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
  // Of the phase going: the run's phases have no common unit (rows read, agents, months).
  j["percent"] = state == "done" ? 100.0
                 : total         ? std::floor(100.0 * static_cast<double>(done) / total)
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

void SandboxJob::take_line(std::string_view line) {
  static const std::regex progress("floe-progress\t([^\t]*)\t([0-9]+)\t([0-9]+)\t(.*)");
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_match(line.begin(), line.end(), m, progress)) {
    phase = m[1];
    std::from_chars(m[2].first, m[2].second, done);
    std::from_chars(m[3].first, m[3].second, total);
    note = m[4];
    return;
  }
  output.emplace_back(line);
  if (output.size() > 20) output.erase(output.begin());
}

void SandboxJob::finish(int status, const std::string& run_id, const std::string& problem) {
  seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (status == 0 && problem.empty()) {
    state = "done";
    phase = "done";
    run = run_id;
    return;
  }
  state = cancelled ? "cancelled" : "failed";
  if (cancelled) {
    message = "stopped before it finished";
    for (const char* leftover : {".lock", ".ckpt", ".partial"}) {
      std::filesystem::path p = db;
      p += leftover;
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
    return;
  }
  // floe prints its one-line error last: "floe: error: <file>: field '<key>': ...".
  message = problem;
  for (auto it = output.rbegin(); message.empty() && it != output.rend(); ++it) {
    if (it->rfind("floe: error: ", 0) == 0) message = it->substr(13);
  }
  if (message.empty()) message = fmt::format("floe simulate ended with status {}", status);
}

}  // namespace floe::serve
