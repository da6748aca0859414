// The state of a labor-market simulation run, and the fixed tables it is built from
// (docs/model.md). Internal to the labor module.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <utility>
#include <vector>

#include "engine/sampling.h"
#include "floe/population.h"
#include "floe/random.h"
#include "floe/scenario.h"
#include "floe/similarity.h"
#include "floe/simulation.h"
#include "population/wage_shape.h"
#include "talent/segment.h"

namespace floe::labor {

// Agent status-byte flags (bits 0-2 hold AgentStatus).
enum : std::uint8_t {
  kDisplacedDirect = 1 << 3,    // lost a job to AI in their own cell, not re-employed since
  kDisplacedIndirect = 1 << 4,  // lost a local job through the cascade
  kRetrained = 1 << 5,          // completed retraining
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
};

inline Stream stream(Draw d) { return static_cast<Stream>(static_cast<std::uint32_t>(d)); }

// Subcells: (county, occupation, sector), numbered county * entries + entry, where entry
// is the position of (occupation, sector) in taxonomy.occupation_sectors. Agents are kept sorted
// by subcell, so each is one contiguous range.
struct Layout {
  std::size_t counties = 0, occupations = 0, entries = 0;
  std::vector<std::uint32_t> entry_offset;      // per occupation, into entries
  std::vector<std::uint16_t> entry_occupation;  // per entry
  std::vector<std::uint8_t> entry_group;        // per entry
  std::vector<std::uint16_t> county_state;      // per county
  std::vector<std::uint8_t> occupation_major;   // per occupation
  std::size_t groups = 0;
  // entry_for[occupation * groups + group]: the entry, or the occupation's first entry when the
  // group is not one of its groups.
  std::vector<std::uint32_t> entry_for;

  std::size_t subcells() const { return counties * entries; }
  std::uint32_t entry(std::uint16_t occupation, std::uint8_t group) const {
    return entry_for[occupation * groups + group];
  }
  std::uint32_t subcell(std::size_t county, std::uint16_t occupation, std::uint8_t group) const {
    return static_cast<std::uint32_t>(county * entries + entry(occupation, group));
  }
};

// During a run the months column holds the month the agent's current state began, plus
// kMonthBase (so that tenure before the run, up to 1,024 months, stays positive).
inline constexpr int kMonthBase = 1024;
// Status of a slot no agent occupies (docs/model.md §10).
inline constexpr std::uint8_t kVacant = kVacantStatus;

// Agents during a run (docs/model.md §10): each subcell owns a range of slots, holding its
// employed, then its unemployed, then its trainees, then free slots. An agent changing status
// or subcell is swapped across block edges, so nothing else moves and "a random employed worker
// of this subcell" is one draw.
struct Subcells {
  std::vector<std::uint64_t> start;                           // per subcell
  std::vector<std::uint32_t> capacity;                        // per subcell
  std::vector<std::uint32_t> employed, unemployed, training;  // block sizes: the stocks
  std::vector<double> wages;  // wage bill of the employed, recounted every month

  std::uint64_t block_begin(std::size_t k, int block) const {
    std::uint64_t b = start[k];
    if (block > 0) b += employed[k];
    if (block > 1) b += unemployed[k];
    return b;
  }
  std::uint32_t block_size(std::size_t k, int block) const {
    return block == 0 ? employed[k] : block == 1 ? unemployed[k] : training[k];
  }
  std::uint32_t size(std::size_t k) const { return employed[k] + unemployed[k] + training[k]; }
};

// One agent during a run: the population's 16 bytes of hot state as one record, so that the
// random single-agent updates of a month touch one cache line, not seven (docs/model.md §10).
struct AgentRecord {
  std::uint16_t county, occupation;
  std::uint8_t industry, status;
  std::uint16_t months;
  float wage;
  std::uint32_t id;
};
static_assert(sizeof(AgentRecord) == 16, "an agent's hot state is 16 bytes");

// Leaves records uninitialized when a vector of them grows, so that the threads that first
// write them fault their pages in, in parallel: a zero-filling resize of the full population's
// 2.5 GiB ran on one thread and made each repack take seconds.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  template <class U, class... Args>
  void construct(U* at, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(at)) U;
    } else {
      ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }
  }
};
using AgentRecords = std::vector<AgentRecord, UninitializedAllocator<AgentRecord>>;

// An agent on its way into a subcell (a new hire, a retraining completer).
struct Arrival {
  std::uint32_t subcell;
  AgentRecord agent;
};

struct Trainee {
  std::uint32_t id;
  std::uint32_t subcell;  // trainees stay in their subcell while training
  std::uint16_t target;   // occupation trained for
  std::int32_t end_month;
  bool completes;
};

// Fixed over the run.
struct Fixed {
  Layout layout;
  std::vector<double> exposure_now, exposure_full;     // E1 only; E1 + E2 (docs/model.md §2)
  std::vector<double> automation;                      // a_o, share of task weight automatable
  std::vector<std::uint8_t> tradable;                  // per industry group
  std::vector<std::vector<std::uint16_t>> candidates;  // per occupation: itself + most similar
  std::vector<std::vector<float>> candidate_similarity;
  std::vector<population::WageShape> wage_shapes;
  std::vector<double> employment0;       // per occupation: jobs at the start, in agents
  std::vector<double> growth;            // per occupation: 10-year projected growth
  std::vector<double> transfer_rate;     // per occupation: moves to another occupation/month
  std::vector<double> exit_rate;         // per occupation: labor force exits/month
  std::vector<double> log_stay;          // per occupation: log(1 - quits - exit rate)
  std::vector<double> created;           // per occupation: AI-created demand share
  std::vector<std::uint8_t> county_has;  // [county * occupations + o]: jobs there at start
  std::vector<engine::AliasTable> state_of_occupation;  // per occupation: states by employment
  std::vector<engine::AliasTable> county_of_state_occupation;  // [state * occupations + o]
  std::vector<std::vector<std::uint32_t>> state_counties;      // per state
  double office_support_weight = 0;  // employment share of SOC 43 (for the multiplier)
};

// Recomputed at the start of every month.
struct MonthTables {
  int month = 0;
  std::vector<double> exposure;  // E_o(t)
  std::vector<double> adoption;  // [state * groups + group]
  // The monthly separation hazard of a subcell (§4), its AI share and log(1 - hazard), which
  // depend only on its state and entry: [state * entries + entry].
  std::vector<double> separation, separation_log_stay;
  std::vector<float> separation_ai_share;
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
  std::vector<MonthFigures> by_state_major;   // [state * majors + major]
  std::vector<MonthFigures> by_county_major;  // [county * majors + major], displacement only
  std::vector<double> flows;                  // major x major occupation changes
  // Agents taking new jobs this month (subcell, agent), per county in processing order: placed
  // after all counties are done, county by county.
  std::vector<std::vector<Arrival>>* pending = nullptr;
  std::vector<std::vector<Arrival>>* unplaced = nullptr;
  struct Candidate {
    double exposure;
    std::uint32_t id;
    std::uint32_t subcell;
    std::uint16_t occupation;
    std::uint16_t state;
  };
  std::vector<Candidate> retraining;  // displaced unemployed, eligible for retraining
  std::vector<double> ai_displaced;   // per occupation (for the demand memory)

  void reset(std::size_t states, std::size_t counties, std::size_t majors, std::size_t occupations);
};

struct World {
  const Dataset* dataset = nullptr;
  const Cells* cells = nullptr;
  const Scenario* scenario = nullptr;
  const SimulationOutput* output = nullptr;
  Random rng{1};
  Fixed fixed;
  AgentRecords agents;  // slots, in subcell blocks
  Subcells sub;
  // Agents hired into a subcell that had no free slot: employed, counted, placed as soon as
  // slots free up (or at the next repack); sorted by subcell, then id.
  std::vector<Arrival> waiting;
  std::uint64_t seed = 0;  // of the population the run started from
  double scale = 1.0;
  std::vector<Trainee> trainees;
  std::vector<double> ai_memory;  // per occupation: cumulative AI displacement rate Λ_o
  double theta0 = 0;              // vacancies per job seeker at the start
  double budget_left = 0;         // national retraining dollars not yet spent
  std::vector<double> state_budget_left;
  // Displacement events per [county * majors + major] since the last county record: county
  // figures are written every few months, and a checkpoint between two of them must keep these.
  std::vector<MonthFigures> county_pending;
  // The AI-talent segment (scenario talent.enabled), run in step with the months.
  std::unique_ptr<talent::TalentSegment> talent;
};

}  // namespace floe::labor
