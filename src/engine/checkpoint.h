// Checkpoints (docs/model.md §11): one file holding everything a run needs to continue — the
// month, the run's defining settings, the agent slots and each model's state.
//
//   file    := magic "FLOECKP4" | u64 header bytes | header (JSON) | u64 FNV-1a of the header |
//              records of each slot set | sections | trailer
//   records := chunks of at most 16 MiB of AgentRecord bytes, each: u64 raw | u64 packed | one
//              zstd frame with its content checksum
//   sections:= per section: u64 name bytes | name | u64 bytes | one zstd frame of the bytes
//              (each slot set's groups with slots (group, capacity, wage bill) and waiting list,
//              "slots:<name>", then one per model)
//   trailer := magic "FLOEEND4" | u64 FNV-1a of the sections
//
// The header is hashed and its sizes bounded before any is used; the records' field list
// (include/floe/agent.h) must match this build's. The file is written to <path>.partial and
// renamed, so a checkpoint is either the old one or the new one.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/slots.h"
#include "engine/state_io.h"

namespace floe::engine {

// One set of agent slots (a model's world; a run with a twin has two).
struct SlotSetInfo {
  std::string name;
  std::uint64_t records = 0, groups = 0, groups_per_region = 1;
};

struct Checkpoint {
  int month = 0;                              // the last month run
  std::string run;                            // the run's defining settings (JSON, the caller's)
  std::vector<SlotSetInfo> slot_sets;         // as read (written: from the slots given)
  std::map<std::string, std::string> states;  // model name -> its saved state
};

// Writes the slot sets (name, slots) and `checkpoint` to `path` atomically. zstd `level` for the
// records (1: fast). A run spread over `ranks` writes a file a rank (docs/scaling.md §6), each
// put in place only once every rank has written its own: a job killed while writing leaves the
// ranks' previous files, not a new one beside a missing one. Collective.
void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                      const std::vector<std::pair<std::string, const Slots*>>& slots,
                      Ranks& ranks = Ranks::solo(), int level = 1);
// Reads a checkpoint; each slot set is rebuilt from it, by name. Throws DataError naming the file
// for anything missing, truncated, corrupt or from another build's record layout.
Checkpoint read_checkpoint(const std::filesystem::path& path,
                           std::map<std::string, std::unique_ptr<Slots>>& slots);
// The header alone (month and run settings), to check a resume before loading everything.
Checkpoint read_checkpoint_header(const std::filesystem::path& path);

}  // namespace floe::engine
