// Occupations, tasks and skills: the classification every other module indexes by.
//
// The unit of floe's labor-market cells is the OEWS detailed occupation (831 in May 2023): the
// level at which employment and wages are published. O*NET describes work more finely: 1,016
// O*NET-SOC occupations, ~18,800 task statements and ~2,100 detailed work activities (DWAs,
// floe's "skills", which link tasks across occupations). This module joins the two:
//
//   O*NET-SOC occupation -> OEWS occupation: BLS's O*NET-SOC -> NEM crosswalk first (it knows
//   that 21-1011.00 is counted under 21-1018), then the same 6-digit SOC code, then the OEWS
//   aggregate of its broad group (13-1021.00 -> 13-1020).
//
//   An OEWS occupation's tasks are the tasks of all O*NET occupations counted in it. "All Other"
//   occupations, for which O*NET publishes no tasks, take the tasks of the other occupations in
//   their SOC broad group (else minor group), flagged as imputed (docs/method.md, section 2).
//
// Industries are the NAICS sectors of the OEWS national industry-specific estimates (20 in May
// 2023, with BLS's titles); an occupation's workers are spread over sectors by BLS's national
// staffing pattern, with the cells BLS suppresses (**) estimated (docs/method.md §5).
//
// Immutable after build_taxonomy(); safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unordered_map>

#include "floe/ids.h"

namespace floe {

enum class TaskType : std::uint8_t { kCore, kSupplemental, kUnrated };

// Where an occupation's task list comes from.
enum class TaskSource : std::uint8_t {
  kOnet,     // the tasks of its own O*NET occupations
  kImputed,  // an "All Other" occupation: tasks of its SOC broad (or minor) group siblings
  kNone,     // no tasks at all: excluded from exposure figures and listed by `floe data check`
};

struct Occupation {
  std::string soc_code;  // "15-1252", or an OEWS aggregate such as "13-1020"
  std::string title;
  std::string broad_code;  // "15-1250"
  std::string minor_code;  // "15-1200"
  MajorGroupId major;
  std::vector<OnetOccupationId> onet;  // O*NET occupations counted in this one
  TaskSource task_source = TaskSource::kNone;
};

struct MajorGroup {
  std::string soc_code;  // "15-0000"
  std::string title;     // "Computer and Mathematical Occupations"
};

struct OnetOccupation {
  std::string code;  // "15-1252.00"
  std::string title;
  OccupationId occupation;  // invalid when no OEWS occupation holds it
  int job_zone = 0;         // 1..5, 0 when O*NET gives none
};

struct Task {
  std::int32_t onet_task_id = 0;  // O*NET's Task ID
  OnetOccupationId onet_occupation;
  TaskType type = TaskType::kUnrated;
  std::string statement;
};

struct Dwa {
  std::string id;  // "4.A.3.b.6.I07.D01"
  std::string iwa_id;
  std::string title;
};

// A NAICS sector as OEWS publishes it.
struct Sector {
  std::string naics;  // "31" (BLS writes manufacturing, 31-33, as 31), "99" government
  std::string title;  // BLS's title: "Manufacturing", "Health Care and Social Assistance"
  std::string key;    // the scenario name: "manufacturing", "health_care" (docs/data.md)
};

// An occupation's national employment in one sector (the OEWS staffing pattern).
struct SectorShare {
  SectorId sector;
  double share = 0;        // of the occupation's national employment; a row sums to 1
  double employment = 0;   // national employment in the sector
  bool estimated = false;  // suppressed by BLS (**), or no row for the occupation: estimated
};

// A cluster of occupations (23, such as FINANCE_AND_INSURANCE) of the derived state margins:
// every O*NET occupation belongs to one, whatever industry employs it. Not industries: floe uses
// them only for the state x occupation employment estimate (docs/method.md §5).
struct OccupationCluster {
  std::string name;
};

struct ClusterShare {
  ClusterId cluster;
  double share = 0;
};

// O*NET's tiers of related occupations, closest first.
enum class RelatedTier : std::uint8_t { kPrimaryShort, kPrimaryLong, kSupplemental };

// An O*NET 30.1 Skills or Knowledge element ("Programming", "Economics and Accounting").
enum class DescriptorKind : std::uint8_t { kSkill, kKnowledge };
struct Descriptor {
  std::string element_id;  // "2.B.3.e"
  std::string name;
  DescriptorKind kind = DescriptorKind::kSkill;
};

struct TechnologySkill {
  std::string example;  // "Microsoft Excel"
  std::string commodity_title;
  bool hot = false;
  bool in_demand = false;
};

struct Taxonomy {
  std::vector<Occupation> occupations;
  std::vector<MajorGroup> major_groups;
  std::vector<OnetOccupation> onet_occupations;
  std::vector<Task> tasks;
  std::vector<Dwa> dwas;
  std::vector<Sector> sectors;
  std::vector<OccupationCluster> clusters;

  Csr<TaskId> occupation_tasks;           // per occupation (pooled or imputed)
  Csr<DwaId> task_dwas;                   // per task
  Csr<TaskId> dwa_tasks;                  // per DWA: every task linked to it, in any occupation
  Csr<SectorShare> occupation_sectors;    // per occupation, by sector; shares sum to 1
  Csr<ClusterShare> occupation_clusters;  // per occupation; shares sum to 1
  std::string staffing_file;              // the natsector file the staffing pattern came from
  Csr<OnetOccupationId> related;          // per O*NET occupation: O*NET's Related Occupations
  std::vector<RelatedTier> related_tier;  // parallel to related.values
  Csr<TechnologySkill> technology;        // per O*NET occupation
  Csr<std::string> alternate_titles;      // per O*NET occupation: other names it is known by

  // O*NET 30.1 Skills, then Knowledge: importance (IM, 1-5) and level (LV, 0-7) per occupation
  // x descriptor, each the mean over the occupation's O*NET occupations; row-major,
  // descriptors.size() columns. Importance 0 (and level 0) where O*NET rates none.
  std::vector<Descriptor> descriptors;
  std::vector<float> descriptor_importance;
  std::vector<float> descriptor_level;

  // Lookup indexes, filled by build_taxonomy().
  std::unordered_map<std::string, OccupationId> occupation_index;
  std::unordered_map<std::string, OnetOccupationId> onet_index;
  std::unordered_map<std::int32_t, TaskId> task_index;
  std::unordered_map<std::string, DwaId> dwa_index;

  std::optional<OccupationId> find_occupation(std::string_view soc_code) const;
  std::optional<OnetOccupationId> find_onet(std::string_view onet_code) const;
  std::optional<TaskId> find_task(std::int32_t onet_task_id) const;
  std::optional<DwaId> find_dwa(std::string_view dwa_id) const;
  // A sector by its key ("manufacturing"), its NAICS code ("31", "31-33") or its title.
  std::optional<SectorId> find_sector(std::string_view name) const;
  std::optional<ClusterId> find_cluster(std::string_view name) const;
  std::optional<MajorGroupId> find_major_group(std::string_view soc_code) const;

  const Occupation& operator[](OccupationId id) const { return occupations[id.index()]; }
  const OnetOccupation& operator[](OnetOccupationId id) const {
    return onet_occupations[id.index()];
  }
  const Task& operator[](TaskId id) const { return tasks[id.index()]; }
  const Dwa& operator[](DwaId id) const { return dwas[id.index()]; }
  const Sector& operator[](SectorId id) const { return sectors[id.index()]; }
};

// For a name that is not a sector but one of the old occupation clusters ("MANUFACTURING",
// "TECHNOLOGY_AND_SOFTWARE_DEVELOPMENT"), the sector(s) it most resembles, as a hint for error
// messages ("information (NAICS 51) or professional_services (NAICS 54)"); "" otherwise.
std::string sector_hint_for_cluster(std::string_view name);

}  // namespace floe
