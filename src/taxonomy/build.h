// Building the Taxonomy from the rows the data readers return.
#pragma once

#include <string>
#include <vector>

#include "data/crosswalk.h"
#include "data/margins.h"
#include "data/oews.h"
#include "data/onet.h"
#include "floe/taxonomy.h"

namespace floe::taxonomy {

struct Inputs {
  const data::OewsTable* oews_national = nullptr;  // its detailed rows are the occupations
  std::vector<data::OnetOccupationRow> onet_occupations;
  std::vector<data::OnetTaskRow> tasks;
  std::vector<data::TaskDwaRow> task_dwas;
  std::vector<data::DwaRow> dwas;
  std::vector<data::OnetToSocRow> onet_to_soc;
  std::vector<data::SocStructureRow> soc_structure;
  std::vector<data::OccupationGroupRow> occupation_groups;
  std::vector<data::JobZoneRow> job_zones;
  std::vector<data::RelatedOccupationRow> related;
  std::vector<data::TechnologySkillRow> technology;
  std::vector<data::AlternateTitleRow> alternate_titles;
  std::vector<data::SkillRatingRow> skills;
  std::vector<data::SkillRatingRow> knowledge;
  // Names of the files the rows came from, for error messages.
  std::string tasks_file, task_dwas_file, related_file, technology_file, titles_file, job_zones_file,
      skills_file, knowledge_file, groups_file;
  bool impute_all_other = true;
};

// Joins the inputs. Throws DataError for references to unknown codes (a task ID in Tasks to
// DWAs that Task Statements lacks, a DWA ID missing from DWA Reference, an occupation with no
// industry group ...). Occupations or O*NET codes that cannot be joined but are not errors (an
// O*NET occupation no OEWS code holds) are kept and reported by `floe data check`.
Taxonomy build_taxonomy(const Inputs& in);

}  // namespace floe::taxonomy
