// The labor-market model's state during a run, and the fixed tables it is built from
// (docs/model.md). Internal to the model: its substeps (one file each) read and change it.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/sampling.h"
#include "engine/schema.h"
#include "engine/slots.h"
#include "floe/career.h"
#include "floe/population.h"
#include "floe/random.h"
#include "floe/ranks.h"
#include "floe/scenario.h"
#include "floe/simulation.h"
#include "population/wage_shape.h"

namespace floe::labor {

using engine::AgentRecords;
using engine::Arrival;

// Agent status-byte flags (bits 0-2 hold AgentStatus).
enum : std::uint8_t {
  kDisplacedDirect = 1 << 3,    // lost a job to AI in their own cell, not re-employed since
  kDisplacedIndirect = 1 << 4,  // lost a local job through the cascade
  kRetrained = 1 << 5,          // completed retraining
  kReemployed = 1 << 6,         // retrained, and hired since (counted once)
};
inline constexpr auto kEmployed = static_cast<std::uint8_t>(AgentStatus::kEmployed);
inline constexpr auto kUnemployed = static_cast<std::uint8_t>(AgentStatus::kUnemployed);
inline constexpr auto kTraining = static_cast<std::uint8_t>(AgentStatus::kTraining);

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
  kEntrants = 113,
  kEntrantPick = 114,
};

inline Stream stream(Draw d) { return static_cast<Stream>(static_cast<std::uint32_t>(d)); }

// The j-th draw of a subcell (or county) in a stream: distinct counters for every draw.
inline std::uint64_t nth(std::uint64_t subject, std::uint32_t j) {
  return subject | (static_cast<std::uint64_t>(j) << 32);
}
inline constexpr double kWord = 0x1.0p-32;  // a 32-bit random word as a uniform in [0, 1)

// During a run the months field holds the month the agent's current state began, plus
// kMonthBase (so that tenure before the run, up to 1,024 months, stays positive).
inline constexpr int kMonthBase = 1024;

// Subcells: (county, occupation, sector), numbered county * entries + entry, where entry is the
// position of (occupation, sector) in taxonomy.occupation_sectors. They are the engine's
// slot groups (engine/slots.h), a county's subcells one region.
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
  std::vector<double> exposure_now, exposure_full;  // E1 only; E1 + E2 (docs/model.md §2)
  std::vector<double> automation;                   // a_o, share of task weight automatable
  std::vector<std::uint8_t> tradable;               // per NAICS sector
  // The career-move candidates of every occupation (include/floe/career.h): the one definition
  // that floe explain, job matching and retraining share.
  CareerCandidates careers;
  std::vector<std::vector<std::uint16_t>> candidates;  // per occupation: itself + careers.of(o)
  std::vector<std::vector<float>> candidate_similarity;
  std::vector<double> mean_wage;  // per occupation: national mean wage (a move's pay kept)
  std::vector<population::WageShape> wage_shapes;
  std::vector<double> employment0;       // per occupation: jobs at the start, in agents
  std::vector<double> growth;            // per occupation: 10-year projected growth
  std::vector<double> transfer_rate;     // per occupation: moves to another occupation/month
  std::vector<double> exit_rate;         // per occupation: labor force exits/month
  std::vector<double> log_stay;          // per occupation: log(1 - quits - exit rate)
  std::vector<double> created;           // per occupation: AI-created demand share
  std::vector<std::uint8_t> county_has;  // [county * occupations + o]: jobs there at start
  // The labor force at the start: per subcell, cumulated over its county's subcells up to it;
  // per county. Entrants join in these proportions (§17).
  std::vector<std::uint32_t> start_cumulative, start_county_agents;
  engine::AliasTables state_of_occupation;         // table o: states by employment in o
  engine::AliasTables county_of_state_occupation;  // table state * occupations + o: its counties
  // The counties of each state, in order: state s has [state_county_offset[s], ...[s + 1]).
  std::vector<std::uint32_t> state_county_offset, state_counties;
};

// Recomputed at the start of every month by the month substeps, in order.
struct MonthTables {
  int month = 0;
  std::vector<double> exposure;  // E_o(t)
  std::vector<double> adoption;  // [state * groups + group]
  // The monthly separation hazard of a subcell (§4), its AI share and log(1 - hazard), which
  // depend only on its state and entry: [state * entries + entry].
  std::vector<double> separation, separation_log_stay;
  std::vector<float> separation_ai_share;
  std::vector<double> openings;               // V_o(t)
  engine::AliasTables destination;            // table o: over o's candidates
  std::vector<std::uint16_t> retrain_target;  // per occupation; 0xffff: none
  double job_finding = 0;
  double multiplier = 0;
  double mean_exposure = 0, mean_adoption = 0, total_openings = 0;
  double support_exposure = 0;  // employment-weighted exposure of SOC 43 (for the multiplier)
  std::vector<double> employed, unemployed;  // per occupation, at the month's start
  std::vector<double> wage_factor;           // per occupation: wage of new hires (§18)
  // Entrants to the labor force this month per county, and the first id of each county's.
  std::vector<std::uint32_t> entrants, entrant_id;
};

// What the events of the counties one thread handled added up to this month. Counts are whole
// numbers, so adding threads' accumulators in any order gives the same result.
struct CountyEvents {
  std::vector<MonthFigures> by_state_major;   // [state * majors + major]
  std::vector<MonthFigures> by_county_major;  // [county * majors + major], displacement only
  std::vector<double> flows;                  // major x major occupation changes
  struct Candidate {
    double exposure;
    std::uint32_t id;
    std::uint32_t subcell;
    std::uint16_t occupation;
    std::uint16_t state;
  };
  std::vector<Candidate> retraining;  // displaced unemployed, eligible for retraining
  std::vector<double> ai_displaced;   // per occupation (for the demand memory)
  double trainees_reemployed = 0;     // retrained agents hired for the first time since
  std::vector<Arrival> seekers;       // entrants who found no free slot in their subcell

  void reset(std::size_t states, std::size_t counties, std::size_t majors, std::size_t occupations);
};

// One county's work in progress, carried from one of its substeps to the next by the thread that
// runs them (docs/engine.md: a county's substeps run one after another on one thread).
struct CountyScratch {
  std::size_t county = SIZE_MAX;
  // Made unemployed this month, per entry: they sit at the front of the unemployed block and
  // start searching next month.
  std::vector<std::uint32_t> fresh;
  double tradable_displaced = 0;  // AI-displaced jobs in tradable groups (for the cascade)
  std::vector<Arrival> arrivals;  // new jobs in this county, placed at the county's end
  // Draws of a phase: positions in the subcells' blocks, computed from the draws alone.
  struct Pick {
    std::uint32_t k;
    std::uint64_t position;
    float u;  // a second uniform: whether AI caused a separation (or an exit)
  };
  std::vector<Pick> picks;
  std::vector<std::pair<std::uint32_t, float>> chosen;  // Floyd's sample of one subcell
  std::vector<std::uint64_t> taken_bits;
};

struct World {
  // The ranks a run is spread over (docs/scaling.md §6) and the counties this one owns:
  // [bounds[rank], bounds[rank + 1]). One process owns them all.
  Ranks* ranks = &Ranks::solo();
  std::vector<std::size_t> bounds;
  std::size_t first_county() const { return bounds[static_cast<std::size_t>(ranks->rank())]; }
  std::size_t last_county() const { return bounds[static_cast<std::size_t>(ranks->rank()) + 1]; }
  bool owns(std::uint32_t subcell) const {
    const std::size_t c = subcell / fixed.layout.entries;
    return c >= first_county() && c < last_county();
  }
  const Dataset* dataset = nullptr;
  const Cells* cells = nullptr;
  const LaborSettings* settings = nullptr;
  const RunSettings* run = nullptr;
  Random rng{1};
  Fixed fixed;
  std::unique_ptr<engine::Slots> slots;
  std::uint64_t seed = 0;  // of the population the run started from
  double scale = 1.0;
  std::uint32_t next_id = 0;  // for entrants (§17)
  std::vector<Trainee> trainees;
  std::vector<double> ai_memory;  // per occupation: cumulative AI displacement rate Λ_o
  double theta0 = 0;              // vacancies per job seeker at the start
  double budget_left = 0;         // national retraining dollars not yet spent
  std::vector<double> state_budget_left;
  // Displacement events per [county * majors + major] since the last county record: county
  // figures are written every few months, and a checkpoint between two of them must keep these.
  std::vector<MonthFigures> county_pending;

  // This month's tables, the threads' accumulators and scratch, and the moves between counties.
  MonthTables tables;
  MonthIndicators indicators;
  std::vector<CountyEvents> events;            // per thread
  std::vector<CountyScratch> scratch;          // per thread
  std::vector<std::vector<Arrival>> leaving;   // per county: hires into other counties
  std::vector<std::vector<Arrival>> unplaced;  // per county: no free slot at home
  SimulationOutput* output = nullptr;

  // A county's first substep starts its scratch; the later ones continue it.
  CountyScratch& begin_county(std::size_t county, int thread);
  CountyScratch& scratch_of(int thread) { return scratch[static_cast<std::size_t>(thread)]; }
  CountyEvents& events_of(int thread) { return events[static_cast<std::size_t>(thread)]; }
};

}  // namespace floe::labor
