// The workforce agent, declared once.
//
// FLOE_AGENT_FIELDS lists each field of an agent's hot state: its name, C++ type and meaning.
// Everything that stores agents is generated from this one list:
//   - AgentRecord, one agent as a 16-byte record (a simulation run's slots: one cache line holds
//     four agents, so the random single-agent updates of a month touch one line, not seven);
//   - Population's columns (include/floe/population.h), one array per field;
//   - a snapshot's columns and a checkpoint's record description (docs/population.md §4).
// Adding a field is one line here (and a reason to grow the 16 bytes: see the static_assert).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace floe {

// FIELD(name, type, meaning), in record order (the order also packs the record without padding).
#define FLOE_AGENT_FIELDS(FIELD)                                                        \
  FIELD(county, std::uint16_t, "county-equivalent (CountyId)")                          \
  FIELD(occupation, std::uint16_t, "OEWS occupation (OccupationId)")                    \
  FIELD(industry, std::uint8_t, "industry of the job (SectorId)")                       \
  FIELD(status, std::uint8_t, "AgentStatus in bits 0-2, flags above")                   \
  FIELD(months, std::uint16_t, "months in the current state (tenure, spell, training)") \
  FIELD(wage, float, "annual wage, dollars")                                            \
  FIELD(id, std::uint32_t, "stable agent id (survives re-sorting)")

enum class AgentStatus : std::uint8_t {
  kEmployed = 0,
  kUnemployed = 1,
  kTraining = 2,
  kOutOfLaborForce = 3,
};
inline constexpr std::uint8_t kStatusMask = 0x7;
// The status of a slot no agent occupies (only in a simulation's slot layout).
inline constexpr std::uint8_t kVacantStatus = 0x7;

struct AgentRecord {
#define FLOE_AGENT_MEMBER(name, type, meaning) type name;
  FLOE_AGENT_FIELDS(FLOE_AGENT_MEMBER)
#undef FLOE_AGENT_MEMBER
};
static_assert(sizeof(AgentRecord) == 16, "an agent's hot state is 16 bytes");

// What a field is, for files and for views of a record array (numpy, checkpoints).
struct AgentField {
  std::string_view name;
  std::string_view type;  // "u8", "u16", "u32", "f32"
  std::size_t offset;     // in AgentRecord
  std::size_t bytes;
  std::string_view meaning;
};

namespace detail {
template <typename T>
constexpr std::string_view type_name() {
  if constexpr (std::is_same_v<T, float>) return "f32";
  if constexpr (std::is_same_v<T, std::uint8_t>) return "u8";
  if constexpr (std::is_same_v<T, std::uint16_t>) return "u16";
  if constexpr (std::is_same_v<T, std::uint32_t>) return "u32";
}
}  // namespace detail

inline constexpr AgentField kAgentFields[] = {
#define FLOE_AGENT_DESCRIBE(name, type, meaning) \
  {#name, detail::type_name<type>(), offsetof(AgentRecord, name), sizeof(type), meaning},
    FLOE_AGENT_FIELDS(FLOE_AGENT_DESCRIBE)
#undef FLOE_AGENT_DESCRIBE
};

}  // namespace floe
