// The whole US workforce as agents: one entry per worker, 16 bytes of hot state each, as columns
// (structure of arrays): one array per field of FLOE_AGENT_FIELDS (include/floe/agent.h), the
// one declaration of an agent. 151.8 million agents fit in 2.4 GB.
//
// At synthesis agents are sorted by (county, occupation): cell k = county * occupations +
// occupation holds agents [cell_offsets[k], cell_offsets[k + 1]), one contiguous range, so a
// cell-level computation streams through memory.
//
// Not thread-safe for writing; concurrent reads are fine.
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "floe/agent.h"
#include "floe/index.h"
#include "floe/large_memory.h"

namespace floe {

// A fixed-size array of trivially copyable values, left uninitialized on creation so that a
// 151-million-entry column is touched once, by the code that fills it (in huge pages:
// floe/large_memory.h).
template <typename T>
class AgentColumn {
 public:
  AgentColumn() = default;
  explicit AgentColumn(std::size_t n) : data_(n) {}
  T* data() { return data_.data(); }
  const T* data() const { return data_.data(); }
  std::size_t size() const { return data_.size(); }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  LargeVector<T> data_;
};

struct Population {
#define FLOE_AGENT_COLUMN(name, type, meaning) AgentColumn<type> name;
  FLOE_AGENT_FIELDS(FLOE_AGENT_COLUMN)
#undef FLOE_AGENT_COLUMN

  std::size_t counties = 0;
  std::size_t occupations = 0;
  std::vector<std::uint64_t> cell_offsets;  // counties * occupations + 1

  std::uint64_t seed = 0;
  double scale = 1.0;
  // When only some counties' agents are here (SynthesisOptions::first_county, last_county: one
  // rank's share of a run spread over MPI ranks, docs/scaling.md §6), the agents of every
  // county in the whole population, which the other counties' empty cells do not show; empty
  // when every county's agents are here. Each agent is the one the whole synthesis makes: the
  // same id and the same draws.
  std::vector<std::uint32_t> county_agents;

  static constexpr std::size_t kHotBytesPerAgent = sizeof(AgentRecord);
  std::size_t size() const { return id.size(); }
  // Makes every column n agents long (uninitialized).
  void allocate(std::size_t n) {
#define FLOE_AGENT_ALLOCATE(name, type, meaning) name = AgentColumn<type>(n);
    FLOE_AGENT_FIELDS(FLOE_AGENT_ALLOCATE)
#undef FLOE_AGENT_ALLOCATE
  }
  // Calls f(name, column) for each column, in record order.
  template <typename F>
  void for_each_column(F&& f) {
#define FLOE_AGENT_VISIT(name, type, meaning) f(#name, name);
    FLOE_AGENT_FIELDS(FLOE_AGENT_VISIT)
#undef FLOE_AGENT_VISIT
  }
  AgentRecord record(std::size_t i) const {
    AgentRecord r;
#define FLOE_AGENT_GET(name, type, meaning) r.name = name[i];
    FLOE_AGENT_FIELDS(FLOE_AGENT_GET)
#undef FLOE_AGENT_GET
    return r;
  }
  void set_record(std::size_t i, const AgentRecord& r) {
#define FLOE_AGENT_SET(name, type, meaning) name[i] = r.name;
    FLOE_AGENT_FIELDS(FLOE_AGENT_SET)
#undef FLOE_AGENT_SET
  }
  std::size_t cell(std::size_t county, std::size_t occupation) const {
    return county * occupations + occupation;
  }
  // A deep copy (columns are not copied implicitly: they may be 2.4 GB).
  Population clone() const {
    Population p;
    p.allocate(size());
    const auto copy = [](const auto& from, auto& to) {
      std::copy(from.data(), from.data() + from.size(), to.data());
    };
#define FLOE_AGENT_COPY(name, type, meaning) copy(name, p.name);
    FLOE_AGENT_FIELDS(FLOE_AGENT_COPY)
#undef FLOE_AGENT_COPY
    p.counties = counties;
    p.occupations = occupations;
    p.cell_offsets = cell_offsets;
    p.seed = seed;
    p.scale = scale;
    p.county_agents = county_agents;
    return p;
  }
};

using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;

struct SynthesisOptions {
  double scale = 1.0;      // share of the workforce to create (0.01: ~1.5M agents)
  std::uint64_t seed = 1;  // random seed
  // Only the agents of counties [first_county, last_county) (Population::county_agents).
  std::size_t first_county = 0, last_county = SIZE_MAX;
};

// Integer agents per (county, occupation) cell (docs/population.md §1): state totals are
// round(scale x state employment), exactly; within a state, largest-remainder apportionment to
// (state, occupation), then to counties in proportion to their cells (population shares without
// county industry data). Row-major cells.
std::vector<std::uint32_t> cell_counts(const Dataset& dataset, const Cells& cells, double scale);

// Creates the agents. Deterministic: the same inputs and seed give the same population for any
// number of OpenMP threads.
Population synthesize(const Dataset& dataset, const Cells& cells, const SynthesisOptions& options,
                      const Progress& progress = {});

// Sums over agents: nation, states and counties, as the cell-level index does but with each
// agent's own wage (docs/population.md §3).
struct AgentIndex {
  IndexFigures nation;
  std::vector<IndexFigures> states;
  std::vector<IndexFigures> counties;
};
AgentIndex aggregate_index(const Population& population, const Geography& geography,
                           const std::vector<double>& exposure);

// --- snapshots (docs/population.md §4) ---

struct SnapshotInfo {
  std::uint64_t agents = 0;
  std::uint64_t counties = 0, occupations = 0;
  std::uint64_t seed = 0;
  double scale = 0;
  std::string created;  // ISO 8601 UTC
  std::string data_dir;
  std::uint64_t file_bytes = 0;
  std::vector<std::string> columns;
};

// Writes a columnar, zstd-compressed, checksummed snapshot, atomically (<path>.partial, then
// rename). Throws Error on I/O failure.
//
// With `slot_capacity`, the population is in a simulation's slot layout (docs/model.md §10):
// consecutive groups of slot_capacity[g] slots, some vacant; the snapshot keeps it exactly, for
// checkpoints.
void save_population(const Population& population, const std::filesystem::path& path,
                     const std::string& data_dir, const Progress& progress = {},
                     const std::vector<std::uint64_t>* slot_capacity = nullptr,
                     int compression_level = 3);
// Reads and verifies a snapshot. Throws DataError naming the file (and the column) when it is
// truncated, corrupt, or not a floe population. A checkpoint's slot layout is read only when
// `slot_capacity` is given (it receives the capacities).
Population load_population(const std::filesystem::path& path, const Progress& progress = {},
                           std::vector<std::uint64_t>* slot_capacity = nullptr);
// The header alone, without reading the columns.
SnapshotInfo read_snapshot_info(const std::filesystem::path& path);

}  // namespace floe
