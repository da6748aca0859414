#include "data/onet.h"

#include "data/codes.h"
#include "data/delimited.h"
#include "data/onet_fields.h"
#include "floe/error.h"

namespace floe::data {
namespace {

// O*NET text files: tab-separated, no quoting ('"' is literal text).
constexpr Dialect kOnet{'\t', false};

bool yes_no(const DelimitedReader& r, std::size_t col) {
  const std::string_view s = r.text(col);
  if (s == "Y") return true;
  if (s == "N") return false;
  r.fail(col, "expected Y or N, got " + quote(s));
}

}  // namespace

std::vector<OnetOccupationRow> read_onet_occupations(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), title = r.column("Title"),
             desc = r.column("Description");
  std::vector<OnetOccupationRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    OnetOccupationRow row{onet_code(r, code), std::string(r.required(title)),
                          std::string(r.text(desc))};
    keys.insert(r, code, row.code);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<OnetTaskRow> read_onet_tasks(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), id = r.column("Task ID"), task = r.column("Task"),
             type = r.column("Task Type");
  std::vector<OnetTaskRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    OnetTaskRow row{onet_code(r, code), task_id(r, id), std::string(r.required(task)),
                    TaskType::kUnrated};
    const std::string_view t = r.text(type);
    if (t == "Core") {
      row.type = TaskType::kCore;
    } else if (t == "Supplemental") {
      row.type = TaskType::kSupplemental;
    } else if (t != "n/a" && !t.empty()) {
      r.fail(type, "expected Core, Supplemental or n/a, got " + quote(t));
    }
    keys.insert(r, id, std::to_string(row.task_id));
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TaskDwaRow> read_onet_task_dwas(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), id = r.column("Task ID"), dwa = r.column("DWA ID");
  std::vector<TaskDwaRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    TaskDwaRow row{onet_code(r, code), task_id(r, id), std::string(r.required(dwa))};
    keys.insert(r, dwa, std::to_string(row.task_id) + " " + row.dwa_id);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<DwaRow> read_onet_dwas(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto element = r.column("Element ID"), iwa = r.column("IWA ID"), dwa = r.column("DWA ID"),
             title = r.column("DWA Title");
  std::vector<DwaRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    DwaRow row{std::string(r.required(element)), std::string(r.required(iwa)),
               std::string(r.required(dwa)), std::string(r.required(title))};
    keys.insert(r, dwa, row.dwa_id);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TechnologySkillRow> read_onet_technology_skills(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), example = r.column("Example"),
             commodity = r.column("Commodity Code"), title = r.column("Commodity Title"),
             hot = r.column("Hot Technology"), demand = r.column("In Demand");
  std::vector<TechnologySkillRow> rows;
  while (r.next()) {
    rows.push_back({onet_code(r, code), std::string(r.required(example)), r.count(commodity),
                    std::string(r.text(title)), yes_no(r, hot), yes_no(r, demand), r.line()});
  }
  return rows;
}

std::vector<RelatedOccupationRow> read_onet_related_occupations(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), related = r.column("Related O*NET-SOC Code"),
             tier = r.column("Relatedness Tier"), index = r.column("Index");
  std::vector<RelatedOccupationRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    RelatedOccupationRow row{onet_code(r, code), onet_code(r, related),
                             std::string(r.required(tier)), static_cast<int>(r.count(index))};
    keys.insert(r, related, row.occupation + " " + row.related);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<AlternateTitleRow> read_onet_alternate_titles(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), title = r.column("Alternate Title");
  std::vector<AlternateTitleRow> rows;
  while (r.next()) {
    rows.push_back({onet_code(r, code), std::string(r.required(title)), r.line()});
  }
  return rows;
}

std::vector<JobZoneRow> read_onet_job_zones(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), zone = r.column("Job Zone");
  std::vector<JobZoneRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    JobZoneRow row{onet_code(r, code), static_cast<int>(r.number_in(zone, 1, 5))};
    keys.insert(r, code, row.occupation);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<SkillRatingRow> read_onet_skills(const Path& path) {
  DelimitedReader r(path, kOnet);
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), element = r.column("Element ID"),
             name = r.column("Element Name"), scale = r.column("Scale ID"),
             value = r.column("Data Value");
  std::vector<SkillRatingRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    SkillRatingRow row{onet_code(r, code), std::string(r.required(element)),
                       std::string(r.text(name)), false, 0.0};
    const std::string_view s = r.text(scale);
    if (s == "IM") {
      row.importance = true;
      row.value = r.number_in(value, 1, 5);
    } else if (s == "LV") {
      row.value = r.number_in(value, 0, 7);
    } else {
      r.fail(scale, "expected IM or LV, got " + quote(s));
    }
    keys.insert(r, element, row.occupation + " " + row.element_id + " " + std::string(s));
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace floe::data
