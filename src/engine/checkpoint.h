// Checkpoints (docs/model.md §11): one file holding everything a run needs to continue — the
// month, the run's defining settings, the agent slots and each model's state.
//
//   file    := magic "FLOECKP2" | u64 header bytes | header (JSON) | u64 FNV-1a of the header |
//              records | sections | trailer
//   records := chunks of at most 16 MiB of AgentRecord bytes, each: u64 raw | u64 packed | one
//              zstd frame with its content checksum
//   sections:= per section: u64 name bytes | name | u64 bytes | bytes   (slots' capacities and
//              waiting list first, then one per model)
//   trailer := magic "FLOEEND2" | u64 FNV-1a of the sections
//
// The header is hashed and its sizes bounded before any is used; the records' field list
// (include/floe/agent.h) must match this build's. The file is written to <path>.partial and
// renamed, so a checkpoint is either the old one or the new one.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/slots.h"
#include "engine/state_io.h"

namespace floe::engine {

struct Checkpoint {
  int month = 0;    // the last month run
  std::string run;  // the run's defining settings (JSON, the caller's)
  std::size_t groups_per_region = 1;
  std::uint64_t records = 0, groups = 0;      // as read (written: the slots')
  std::map<std::string, std::string> states;  // model name -> its saved state
};

// Writes `slots` and `checkpoint` to `path` atomically. zstd `level` (1: fast).
void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                      const Slots& slots, int level = 1);
// Reads a checkpoint; the slots are rebuilt from it. Throws DataError naming the file for
// anything missing, truncated, corrupt or from another build's record layout.
Checkpoint read_checkpoint(const std::filesystem::path& path, std::unique_ptr<Slots>& slots);
// The header alone (month and run settings), to check a resume before loading everything.
Checkpoint read_checkpoint_header(const std::filesystem::path& path);

}  // namespace floe::engine
