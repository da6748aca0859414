// Where each input lives under a data directory (the layout of ../shared/data).
#pragma once

#include <string>

namespace floe::dataset {

inline constexpr const char* kOnet = "onet/db_29_1_text/";
inline const std::string kOccupationData = std::string(kOnet) + "Occupation Data.txt";
inline const std::string kTaskStatements = std::string(kOnet) + "Task Statements.txt";
inline const std::string kTasksToDwas = std::string(kOnet) + "Tasks to DWAs.txt";
inline const std::string kDwaReference = std::string(kOnet) + "DWA Reference.txt";
inline const std::string kTechnologySkills = std::string(kOnet) + "Technology Skills.txt";
inline const std::string kAlternateTitles = std::string(kOnet) + "Alternate Titles.txt";
inline const std::string kRelatedOccupations = std::string(kOnet) + "Related Occupations.txt";
inline const std::string kJobZones = std::string(kOnet) + "Job Zones.txt";
inline const std::string kSkills = "onet/db_30_1_text/Skills.txt";
inline const std::string kKnowledge = "onet/db_30_1_text/Knowledge.txt";
inline const std::string kStateWages = "bls-oews/state/state_M2023_wages_only.csv";
inline const std::string kStateTotals = "derived/state_totals_M2023.csv";
inline const std::string kStateClusters = "derived/state_industry_group_employment_M2023.csv";
inline const std::string kOccupationClusters = "derived/onet_soc_industry_group.csv";
inline const std::string kPopulation = "census/co-est2023-alldata.csv";
inline const std::string kGazetteer = "census/2024_Gaz_counties_national.txt";
inline const std::string kCbsa = "census/list1_2023.csv";
inline const std::string kOnetToSoc =
    "crosswalks/nem-onet-to-soc-crosswalk__ONET_to_SOC_crosswalk.csv";
inline const std::string kSocStructure = "crosswalks/soc_structure_2019.csv";
inline const std::string kSoc2010To2018 = "crosswalks/soc_2010_to_2018_crosswalk.csv";
inline const std::string kGptLabels = "ai-exposure/gpts-are-gpts/full_labelset.tsv";
inline const std::string kGptOccupations = "ai-exposure/gpts-are-gpts/occ_level.csv";
inline const std::string kAnthropic = "ai-exposure/anthropic-economic-index/release_2025_02_10/";
inline const std::string kTaskUsage = kAnthropic + "onet_task_mappings.csv";
inline const std::string kTaskStatements20 = kAnthropic + "onet_task_statements.csv";
inline const std::string kInteractions = kAnthropic + "automation_vs_augmentation.csv";
inline const std::string kAioeOccupation = "ai-exposure/aioe/AIOE_DataAppendix__Appendix_A.csv";
inline const std::string kAioeCounty = "ai-exposure/aioe/AIOE_DataAppendix__Appendix_C.csv";
inline const std::string kMicrosoft =
    "ai-exposure/microsoft-working-with-ai/soc_ai_applicability_scores.csv";
inline const std::string kProjections = "bls-ep/occupation__Table_1_10.csv";
inline const std::string kStatesMap = "us-atlas/states-albers-10m.json";
inline const std::string kCountiesMap = "us-atlas/counties-albers-10m.json";
// Unprojected (longitude, latitude): the territories' shapes, which the Albers USA files lack.
inline const std::string kTerritoriesMap = "us-atlas/counties-10m.json";

// national_May2021_dl.csv for 2021 (BLS's name that year), national_M<year>_dl.csv after.
std::string oews_national(int year);
// The national staffing pattern by NAICS sector (natsector_M<year>_dl.csv) for an OEWS year:
// 2022-2024 their own; 2021, which the data lacks, the nearest year's (2022).
std::string oews_sectors(int year);

}  // namespace floe::dataset
