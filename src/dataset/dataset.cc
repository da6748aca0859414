#include "floe/dataset.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "capability/build.h"
#include "data/cbp.h"
#include "data/census.h"
#include "data/crosswalk.h"
#include "data/exposure.h"
#include "data/margins.h"
#include "data/oews.h"
#include "data/onet.h"
#include "data/projections.h"
#include "data/text_file.h"
#include "dataset/consistency.h"
#include "dataset/labor_build.h"
#include "dataset/paths.h"
#include "floe/error.h"
#include "floe/install.h"
#include "geo/build.h"
#include "taxonomy/build.h"

namespace floe {
namespace dataset {

std::string oews_national(int year) {
  if (year == 2021) return "bls-oews/national/national_May2021_dl.csv";
  return "bls-oews/national/national_M" + std::to_string(year) + "_dl.csv";
}

std::string oews_sectors(int year) {
  return "bls-oews/industry/natsector_M" + std::to_string(std::max(year, 2022)) + "_dl.csv";
}

}  // namespace dataset

namespace {

using namespace dataset;

// Resolves names under the data directory (plain or .zst) and reports progress.
class Files {
 public:
  Files(std::filesystem::path dir, const std::function<void(const std::string&)>& progress)
      : dir_(std::move(dir)), progress_(progress) {}
  std::filesystem::path operator()(const std::string& name) const {
    if (progress_) progress_(name);
    return data::find_data_file(dir_, name);
  }

 private:
  std::filesystem::path dir_;
  const std::function<void(const std::string&)>& progress_;
};

PeerMeasures load_peers(const Files& file) {
  PeerMeasures peers;
  // AIOE is coded in SOC 2010: carry each score to every SOC 2018 code it maps to, averaging
  // where several 2010 codes merge into one 2018 code.
  const auto aioe = data::read_score_table(file(kAioeOccupation), data::ScoreKey::kSoc, "SOC Code",
                                           "Occupation Title", "AIOE");
  const auto crosswalk = data::read_soc_2010_to_2018(file(kSoc2010To2018));
  std::unordered_multimap<std::string, std::string> to_2018;
  for (const auto& row : crosswalk) to_2018.emplace(row.soc2010, row.soc2018);
  std::map<std::string, std::pair<double, int>> merged;
  for (const auto& row : aioe) {
    auto [it, end] = to_2018.equal_range(row.code);
    if (it == end) {
      peers.aioe_unmatched.push_back(row.code + " " + row.title);
      continue;
    }
    for (; it != end; ++it) {
      auto& [sum, n] = merged[it->second];
      sum += row.score;
      ++n;
    }
  }
  for (const auto& [code, acc] : merged) {
    peers.aioe_occupation.push_back({code, acc.first / acc.second});
  }
  for (const auto& row : data::read_score_table(file(kAioeCounty), data::ScoreKey::kFips,
                                                "FIPS Code", "Geographic Area", "AIGE")) {
    if (row.code.substr(2) != "000") peers.aioe_county.push_back({row.code, row.score});
  }
  for (const auto& row : data::read_score_table(file(kMicrosoft), data::ScoreKey::kSoc, "SOC Code",
                                                "title", "ai_applicability_score")) {
    peers.microsoft.push_back({row.code, row.score});
  }
  const auto gpt_occ = file(kGptOccupations);
  for (const auto& row : data::read_score_table(gpt_occ, data::ScoreKey::kOnetSoc, "O*NET-SOC Code",
                                                "Title", "human_rating_beta")) {
    peers.eloundou_human_beta.push_back({row.code, row.score});
  }
  for (const auto& row : data::read_score_table(gpt_occ, data::ScoreKey::kOnetSoc, "O*NET-SOC Code",
                                                "Title", "dv_rating_beta")) {
    peers.eloundou_gpt4_beta.push_back({row.code, row.score});
  }
  return peers;
}

}  // namespace

std::filesystem::path default_data_dir() { return shipped_dir("data"); }

std::vector<std::string> dataset_files(int oews_year) {
  return {kOccupationData,
          kTaskStatements,
          kTasksToDwas,
          kDwaReference,
          kTechnologySkills,
          kAlternateTitles,
          kRelatedOccupations,
          kJobZones,
          kSkills,
          kKnowledge,
          oews_national(oews_year),
          oews_sectors(oews_year),
          kStateWages,
          kStateTotals,
          kStateClusters,
          kOccupationClusters,
          kPopulation,
          kGazetteer,
          kCbsa,
          kOnetToSoc,
          kSocStructure,
          kSoc2010To2018,
          kGptLabels,
          kGptOccupations,
          kTaskUsage,
          kTaskStatements20,
          kInteractions,
          kAioeOccupation,
          kAioeCounty,
          kMicrosoft,
          kProjections,
          kStatesMap,
          kCountiesMap};
}

Dataset load_dataset(const DatasetOptions& options,
                     const std::function<void(const std::string& file)>& progress) {
  if (options.oews_year < 2021 || options.oews_year > 2024) {
    throw Error("OEWS year " + std::to_string(options.oews_year) + " is not supported (2021-2024)");
  }
  Dataset ds;
  ds.data_dir = options.data_dir.empty() ? default_data_dir() : options.data_dir;
  if (!std::filesystem::is_directory(ds.data_dir)) {
    throw DataError(ds.data_dir.string(), 0, "", "data directory not found");
  }
  const Files file(ds.data_dir, progress);

  const data::OewsTable national = data::read_oews(file(oews_national(options.oews_year)));
  const data::OewsTable sectors =
      data::read_oews(file(oews_sectors(options.oews_year)), data::OewsScope::kSectors);
  taxonomy::Inputs t;
  t.oews_national = &national;
  t.oews_sectors = &sectors;
  t.impute_all_other = options.impute_all_other;
  t.onet_occupations = data::read_onet_occupations(file(kOccupationData));
  auto path = file(kTaskStatements);
  t.tasks_file = path.string();
  t.tasks = data::read_onet_tasks(path);
  path = file(kTasksToDwas);
  t.task_dwas_file = path.string();
  t.task_dwas = data::read_onet_task_dwas(path);
  t.dwas = data::read_onet_dwas(file(kDwaReference));
  path = file(kTechnologySkills);
  t.technology_file = path.string();
  t.technology = data::read_onet_technology_skills(path);
  path = file(kAlternateTitles);
  t.titles_file = path.string();
  t.alternate_titles = data::read_onet_alternate_titles(path);
  path = file(kRelatedOccupations);
  t.related_file = path.string();
  t.related = data::read_onet_related_occupations(path);
  path = file(kJobZones);
  t.job_zones_file = path.string();
  t.job_zones = data::read_onet_job_zones(path);
  path = file(kSkills);
  t.skills_file = path.string();
  t.skills = data::read_onet_skills(path);
  path = file(kKnowledge);
  t.knowledge_file = path.string();
  t.knowledge = data::read_onet_skills(path);
  t.onet_to_soc = data::read_onet_to_soc(file(kOnetToSoc));
  t.soc_structure = data::read_soc_structure(file(kSocStructure));
  path = file(kOccupationClusters);
  t.clusters_file = path.string();
  t.occupation_clusters = data::read_occupation_industry_groups(path);
  ds.taxonomy = taxonomy::build_taxonomy(t);

  geo::Inputs g;
  path = file(kPopulation);
  g.population_file = path.string();
  g.population = data::read_population_estimates(path);
  path = file(kGazetteer);
  g.gazetteer_file = path.string();
  g.gazetteer = data::read_gazetteer_counties(path);
  path = file(kCbsa);
  g.cbsa_file = path.string();
  g.cbsa = data::read_cbsa_delineation(path);
  ds.geography = geo::build_geography(g);

  ds.technical =
      capability::join_technical_labels(data::read_gpt_task_labels(file(kGptLabels)), ds.taxonomy);
  ds.observed = capability::join_observed_usage(
      data::read_task_usage(file(kTaskUsage)),
      data::read_task_statements_csv(file(kTaskStatements20)),
      data::read_interaction_shares(file(kInteractions)), ds.taxonomy);

  const data::OewsTable state_wages = data::read_oews(file(kStateWages));
  data::OewsTable state_employment;
  dataset::LaborInputs l;
  l.year = options.oews_year;
  l.national = &national;
  l.state_wages = &state_wages;
  if (!options.oews_state_file.empty()) {
    state_employment = data::read_oews(options.oews_state_file);
    l.state_employment = &state_employment;
  }
  data::OewsTable metro;
  if (!options.oews_msa_file.empty()) {
    metro = data::read_oews(options.oews_msa_file);
    l.metro = &metro;
  }
  std::vector<data::CbpRow> cbp;
  if (!options.cbp_file.empty()) {
    cbp = data::read_county_business_patterns(options.cbp_file);
    l.cbp = &cbp;
    l.cbp_file = options.cbp_file.string();
  }
  path = file(kStateTotals);
  l.totals_file = path.string();
  l.state_totals = data::read_state_totals(path);
  path = file(kStateClusters);
  l.clusters_file = path.string();
  l.state_clusters = data::read_state_industry_groups(path);
  ds.labor = dataset::build_labor(l, ds.taxonomy, ds.geography);
  path = file(kProjections);
  ds.labor.projections_file = path.string();
  ds.labor.projections = dataset::join_projections(data::read_projections(path), ds.taxonomy);

  ds.peers = load_peers(file);
  dataset::refuse_gross_inconsistency(ds);
  return ds;
}

}  // namespace floe
