// A one-line progress bar on standard error, drawn only when it is a terminal.
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
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace floe::cli
