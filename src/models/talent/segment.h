// The AI-talent model as a model of the engine (docs/talent.md §8, docs/engine.md): the agent
// form, started in January 2011 and run in step with the workforce months from run.start. Its
// scenario keys are the [talent] table.
#pragma once

#include <filesystem>
#include <memory>

#include "engine/runtime.h"
#include "engine/schema.h"
#include "floe/scenario.h"
#include "floe/talent.h"
#include "models/talent/agents.h"

namespace floe::talent {

// The [talent] keys, bound to `settings`.
void declare_keys(TalentSettings& settings, engine::Schema& schema);

class TalentSegment : public engine::Model {
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

  std::string_view name() const override { return "talent"; }
  std::vector<engine::Substep> substeps() override;
  void save(engine::StateWriter& out) const override;
  void load(engine::StateReader& in) override;

  TalentRun& run() { return run_; }
  TalentAgents& agents() { return agents_; }

 private:
  TalentRun run_;
  TalentAgents agents_;
};

}  // namespace floe::talent
