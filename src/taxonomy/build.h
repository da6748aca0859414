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
  const data::OewsTable* oews_sectors = nullptr;   // natsector: the national staffing pattern
  std::vector<data::OnetOccupationRow> onet_occupations;
  std::vector<data::OnetTaskRow> tasks;
  std::vector<data::TaskDwaRow> task_dwas;
  std::vector<data::DwaRow> dwas;
  std::vector<data::OnetToSocRow> onet_to_soc;
  std::vector<data::SocStructureRow> soc_structure;
  std::vector<data::OccupationGroupRow> occupation_clusters;
  std::vector<data::JobZoneRow> job_zones;
  std::vector<data::RelatedOccupationRow> related;
  std::vector<data::TechnologySkillRow> technology;
  std::vector<data::AlternateTitleRow> alternate_titles;
  std::vector<data::SkillRatingRow> skills;
  std::vector<data::SkillRatingRow> knowledge;
  // Names of the files the rows came from, for error messages.
  std::string tasks_file, task_dwas_file, related_file, technology_file, titles_file,
      job_zones_file, skills_file, knowledge_file, clusters_file;
  bool impute_all_other = true;
};

// Joins the inputs. Throws DataError for references to unknown codes (a task ID in Tasks to
// DWAs that Task Statements lacks, a DWA ID missing from DWA Reference, an occupation with no
// occupation cluster, a staffing-pattern file without sector totals ...). Occupations or O*NET
// codes that cannot be joined but are not errors (an O*NET occupation no OEWS code holds) are kept
// and reported by `floe data check`.
Taxonomy build_taxonomy(const Inputs& in);

// The sectors and each occupation's national staffing pattern (docs/method.md §5), from the
// natsector file's rows: BLS's figures where released; the cells it suppresses (**) estimated by
// iterative proportional fitting to the occupation's and the sector's unreleased remainders.
void add_sectors(const data::OewsTable& natsector, const data::OewsTable& national, Taxonomy& t);

}  // namespace floe::taxonomy
