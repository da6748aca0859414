// The state of a labor-market simulation run, and the fixed tables it is built from
// (docs/model.md). Internal to the labor module.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/sampling.h"
#include "floe/population.h"
#include "floe/random.h"
#include "floe/scenario.h"
#include "floe/similarity.h"
#include "floe/simulation.h"
#include "population/wage_shape.h"

namespace floe::labor {

// Agent status-byte flags (bits 0-2 hold AgentStatus).
enum : std::uint8_t {
  kDisplacedDirect = 1 << 3,    // lost a job to AI in their own cell, not re-employed since
  kDisplacedIndirect = 1 << 4,  // lost a local job through the cascade
  kRetrained = 1 << 5,          // completed retraining
  kTouched = 1 << 6,            // changed this month (cleared at the month's end)
};

// Streams of random numbers used by the model (never renumber: outputs depend on them).
enum class Draw : std::uint32_t {
  kInitialUnemployed = 101,
  kSeparations = 102,
  kSeparationPick = 103,
  kCascade = 104,
  kCascadePick = 105,
  kQuits = 106,
  kQuitPick = 107,
  kFinding = 108,
  kFindingPick = 109,
  kMatch = 110,
  kMatchMore = 111,
  kTraining = 112,
  kSeparationCause = 113,
  kMatchWage = 114,
  kQuitChange = 115,
};

inline Stream stream(Draw d) { return static_cast<Stream>(static_cast<std::uint32_t>(d)); }

// Subcells: (county, occupation, industry group), numbered county * entries + entry, where entry
// is the position of (occupation, group) in taxonomy.occupation_groups. Agents are kept sorted
// by subcell, so each is one contiguous range.
struct Layout {
  std::size_t counties = 0, occupations = 0, entries = 0;
  std::vector<std::uint32_t> entry_offset;      // per occupation, into entries
  std::vector<std::uint16_t> entry_occupation;  // per entry
  std::vector<std::uint8_t> entry_group;        // per entry
  std::vector<std::uint16_t> county_state;      // per county
  std::vector<std::uint8_t> occupation_major;   // per occupation

  std::size_t subcells() const { return counties * entries; }
  std::uint32_t subcell(std::size_t county, std::uint16_t occupation, std::uint8_t group) const {
    std::uint32_t e = entry_offset[occupation];
    while (e + 1 < entry_offset[occupation + 1] && entry_group[e] != group) ++e;
    return static_cast<std::uint32_t>(county * entries + e);
  }
};

// Per-subcell stocks, recomputed at the end of every month.
struct Stocks {
  std::vector<std::uint64_t> offsets;  // subcells + 1
  std::vector<std::uint32_t> employed, unemployed, training;
  std::vector<double> wages;  // wage bill of the employed
};

struct Trainee {
  std::uint32_t id;
  std::uint32_t subcell;  // where the agent sits while training
  std::uint16_t target;   // occupation trained for
  std::int32_t end_month;
  bool completes;
};

// Fixed over the run.
struct Fixed {
  Layout layout;
  std::vector<double> exposure_now, exposure_full;  // E1 only; E1 + E2 (docs/model.md §2)
  std::vector<double> automation;                   // a_o, share of task weight automatable
  std::vector<std::uint8_t> tradable;               // per industry group
  std::vector<std::vector<std::uint16_t>> candidates;  // per occupation: itself + most similar
  std::vector<std::vector<float>> candidate_similarity;
  std::vector<population::WageShape> wage_shapes;
  std::vector<double> employment0;          // per occupation, at the start
  std::vector<double> growth;               // per occupation: 10-year projected growth
  std::vector<double> transfer_rate;        // per occupation: moves to another occupation/month
  std::vector<double> created;              // per occupation: AI-created demand share
  std::vector<std::uint8_t> county_has;     // [county * occupations + o]: jobs there at start
  std::vector<engine::AliasTable> state_of_occupation;   // per occupation: states by employment
  std::vector<engine::AliasTable> county_of_state_occupation;  // [state * occupations + o]
  std::vector<std::vector<std::uint32_t>> state_counties;      // per state
  double office_support_weight = 0;  // employment share of SOC 43 (for the multiplier)
};

// Recomputed at the start of every month.
struct MonthTables {
  int month = 0;
  std::vector<double> exposure;                 // E_o(t)
  std::vector<double> adoption;                 // [state * groups + group]
  std::vector<double> openings;                 // V_o(t)
  std::vector<engine::AliasTable> destination;  // per occupation, over its candidates
  std::vector<std::uint16_t> retrain_target;    // per occupation; 0xffff: none
  double job_finding = 0;
  double multiplier = 0;
  double mean_exposure = 0, mean_adoption = 0, total_openings = 0;
};

// What the events of the counties one thread handled added up to this month. Counts are whole
// numbers, so adding threads' accumulators in any order gives the same result.
struct CountyEvents {
  std::vector<MonthFigures> by_state_major;    // [state * majors + major]
  std::vector<MonthFigures> by_county_major;   // [county * majors + major], displacement only
  std::vector<double> flows;                   // major x major occupation changes
  std::vector<std::uint64_t> movers;           // positions of agents whose subcell changed
  struct Candidate {
    double exposure;
    std::uint32_t id;
    std::uint64_t position;
    std::uint16_t occupation;
    std::uint16_t state;
  };
  std::vector<Candidate> retraining;  // displaced unemployed, eligible for retraining
  std::vector<double> ai_displaced;   // per occupation (for the demand memory)

  void reset(std::size_t states, std::size_t counties, std::size_t majors,
             std::size_t occupations);
};

struct World {
  const Dataset* dataset = nullptr;
  const Cells* cells = nullptr;
  const Scenario* scenario = nullptr;
  const SimulationOutput* output = nullptr;
  Random rng{1};
  Fixed fixed;
  Population agents, spare;  // spare: the re-sort's destination, swapped in
  Stocks stocks;
  std::vector<Trainee> trainees;
  std::vector<double> ai_memory;  // per occupation: cumulative AI displacement rate Λ_o
  double theta0 = 0;              // vacancies per job seeker at the start
  double budget_left = 0;         // national retraining dollars not yet spent
  std::vector<double> state_budget_left;
};

}  // namespace floe::labor
