#include "progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace floe::cli {

ProgressBar::ProgressBar(std::string label, std::uint64_t total)
    : label_(std::move(label)),
      total_(total == 0 ? 1 : total),
      enabled_(::isatty(STDERR_FILENO) != 0),
      lines_(std::getenv("FLOE_PROGRESS") &&
             std::strcmp(std::getenv("FLOE_PROGRESS"), "lines") == 0),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - std::chrono::seconds(1)) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(std::uint64_t done, const std::string& note) {
  done_ = done;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_) return;
  last_draw_ = now;
  draw(note);
}

void ProgressBar::draw(const std::string& note) {
  if (lines_) {
    fmt::print(stderr, "floe-progress\t{}\t{}\t{}\t{}\n", label_, done_, total_, note);
    std::fflush(stderr);
    return;
  }
  if (!enabled_) return;
  constexpr int kWidth = 30;
  const double fraction = std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_));
  const int filled = static_cast<int>(fraction * kWidth);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string eta;
  if (fraction > 0.02 && fraction < 1.0) {
    eta = fmt::format(" ETA {:.0f}s", elapsed * (1.0 - fraction) / fraction);
  }
  fmt::print(stderr, "\r{} [{}{}] {:3.0f}% {:.1f}s{} {:<40.40}", label_, std::string(filled, '#'),
             std::string(kWidth - filled, ' '), 100.0 * fraction, elapsed, eta, note);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (finished_) return;
  finished_ = true;
  if (!enabled_ && !lines_) return;
  done_ = total_;
  draw("");
  if (!lines_) fmt::print(stderr, "\n");
}

}  // namespace floe::cli
