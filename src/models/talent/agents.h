// The agent form of the talent model: one record per AI-skilled worker, stepped month by month
// with counter-based draws (docs/talent.md §8). `floe simulate` runs it as a segment of the
// workforce simulation; its expected values are those of expected_talent_path().
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "floe/random.h"
#include "floe/talent.h"
#include "models/talent/model.h"

namespace floe::talent {

struct TalentAgent {
  std::uint32_t id = 0;
  std::uint8_t segment = 0;
  std::uint8_t employer = 0;
  std::uint16_t tenure = 0;  // months with the current employer (saturates)
};
static_assert(sizeof(TalentAgent) == 8);

class TalentAgents {
 public:
  // `scale`: the share of the real workforce simulated (1 = every AI-skilled US worker).
  TalentAgents(const TalentData& data, const TalentParameters& parameters,
               const TalentLevers& levers, double scale, std::uint64_t seed);

  // January 2011's agents: the expected steady state, each class's count rounded by a draw.
  void start();
  // Runs calendar month t (the next one); returns its counts.
  TalentMonth step(int t);

  int next_month() const { return next_month_; }
  // The whole state, for checkpoints.
  std::vector<TalentAgent>& agents() { return agents_; }
  const std::vector<TalentAgent>& agents() const { return agents_; }
  std::uint32_t& next_id() { return next_id_; }
  std::uint32_t next_id() const { return next_id_; }
  void set_next_month(int t) { next_month_ = t; }

 private:
  const TalentData& data_;
  TalentParameters parameters_;
  TalentLevers levers_;
  double scale_;
  Random rng_;
  std::vector<TalentAgent> agents_;
  std::uint32_t next_id_ = 0;
  int next_month_ = 0;
};

// Counts of months 0 .. n-1 as a path scaled back to the whole US (divided by `scale`), so the
// targets can be read off the agents as off the expected form. The last month's closing
// headcount is left out: headcount has n entries.
TalentPath path_of_counts(const std::vector<TalentMonth>& months, double scale);

}  // namespace floe::talent
