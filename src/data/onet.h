// Readers for the O*NET database text files (tab-separated, unquoted, as O*NET publishes them).
// Each returns the file's rows as plain structs after checking codes, numbers and duplicate keys;
// joining them is the taxonomy module's work.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace floe::data {

using Path = std::filesystem::path;

// "Occupation Data.txt"
struct OnetOccupationRow {
  std::string code;  // O*NET-SOC "15-1252.00"
  std::string title;
  std::string description;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<OnetOccupationRow> read_onet_occupations(const Path& path);

// O*NET's task categories; O*NET writes "n/a" for tasks it has not rated.
enum class TaskType : std::uint8_t { kCore, kSupplemental, kUnrated };

// "Task Statements.txt"
struct OnetTaskRow {
  std::string occupation;  // O*NET-SOC
  std::int32_t task_id = 0;
  std::string statement;
  TaskType type = TaskType::kUnrated;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<OnetTaskRow> read_onet_tasks(const Path& path);

// "Tasks to DWAs.txt"
struct TaskDwaRow {
  std::string occupation;
  std::int32_t task_id = 0;
  std::string dwa_id;    // "4.A.2.a.4.I09.D03"
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<TaskDwaRow> read_onet_task_dwas(const Path& path);

// "DWA Reference.txt"
struct DwaRow {
  std::string element_id;  // generalized work activity "4.A.1.a.1"
  std::string iwa_id;      // intermediate work activity "4.A.1.a.1.I01"
  std::string dwa_id;
  std::string title;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<DwaRow> read_onet_dwas(const Path& path);

// "Technology Skills.txt"
struct TechnologySkillRow {
  std::string occupation;
  std::string example;  // "Microsoft Excel"
  std::int64_t commodity_code = 0;
  std::string commodity_title;
  bool hot = false;
  bool in_demand = false;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<TechnologySkillRow> read_onet_technology_skills(const Path& path);

// "Related Occupations.txt"
struct RelatedOccupationRow {
  std::string occupation;
  std::string related;
  std::string tier;      // "Primary-Short", "Primary-Long", "Supplemental"
  int index = 0;         // 1 = most related
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<RelatedOccupationRow> read_onet_related_occupations(const Path& path);

// "Alternate Titles.txt": other names an occupation is known by ("Agency Owner").
struct AlternateTitleRow {
  std::string occupation;
  std::string title;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<AlternateTitleRow> read_onet_alternate_titles(const Path& path);

// "Job Zones.txt"
struct JobZoneRow {
  std::string occupation;
  int zone = 0;          // 1 (little preparation) .. 5 (extensive)
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<JobZoneRow> read_onet_job_zones(const Path& path);

// "Skills.txt" and "Knowledge.txt" (O*NET 30.1, the same layout): importance (IM, 1-5) and level
// (LV, 0-7) per occupation x element.
struct SkillRatingRow {
  std::string occupation;
  std::string element_id;  // "2.A.1.a"
  std::string element_name;
  bool importance = false;  // true: IM scale; false: LV scale
  double value = 0;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<SkillRatingRow> read_onet_skills(const Path& path);

}  // namespace floe::data
