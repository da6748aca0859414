// A one-line progress bar on standard error, drawn only when it is a terminal; with
// FLOE_PROGRESS=lines in the environment, one tab-separated line per redraw instead
// ("floe-progress\t<label>\t<done>\t<total>\t<note>"), which `floe serve`'s sandbox reads from
// the runs it starts (src/serve/sandbox_job.cc).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace floe::cli {

class ProgressBar {
 public:
  // `total` units of work, described by `label` ("reading data", "synthesizing agents").
  ProgressBar(std::string label, std::uint64_t total);
  ~ProgressBar();  // finishes the line

  // Sets the units done so far (and an optional note shown after the bar); redraws at most
  // ten times a second.
  void update(std::uint64_t done, const std::string& note = {});
  void finish();

 private:
  void draw(const std::string& note);

  std::string label_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  bool enabled_;
  bool lines_;  // FLOE_PROGRESS=lines
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace floe::cli
