// The talent segment of a workforce simulation run: the agent form, started in January 2011 and
// run in step with the workforce months from run.start (docs/talent.md §8).
#pragma once

#include <filesystem>
#include <memory>

#include "floe/scenario.h"
#include "floe/talent.h"
#include "talent/agents.h"

namespace floe::talent {

class TalentSegment {
 public:
  // Loads data/talent and the OEWS sizing under `data_dir`, reads the scenario's parameter file
  // (relative to the scenario's folder) or calibrates, and places January 2011's agents.
  TalentSegment(const std::filesystem::path& data_dir, const Scenario& scenario, double scale);
  TalentSegment(const TalentSegment&) = delete;
  TalentSegment& operator=(const TalentSegment&) = delete;

  // The months before the run: January 2011 up to run.start.
  void run_history();
  // The run's month m (1 = run.start).
  void run_month(int m);

  TalentRun& run() { return run_; }
  TalentAgents& agents() { return agents_; }

 private:
  TalentRun run_;
  TalentAgents agents_;
};

}  // namespace floe::talent
