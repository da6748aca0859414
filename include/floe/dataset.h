// Loading floe's inputs: everything under one data directory, checked and joined.
//
// The directory has the layout of ../shared/data (and of the shipped data/): onet/,
// bls-oews/, derived/, census/, crosswalks/, ai-exposure/, us-atlas/. Any file may be stored
// compressed as <name>.zst. load_dataset() reads them all, so a bad file fails here, before any
// output is written.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "floe/capability.h"
#include "floe/geo.h"
#include "floe/labor.h"
#include "floe/taxonomy.h"

namespace floe {

struct DatasetOptions {
  std::filesystem::path data_dir;         // empty: default_data_dir()
  int oews_year = 2023;                   // which national_M<year>_dl.csv to use (2021-2024)
  std::filesystem::path oews_state_file;  // optional real BLS state file with TOT_EMP
  std::filesystem::path cbp_file;         // optional Census County Business Patterns county file
  std::filesystem::path oews_msa_file;    // optional real BLS MSA file (MSA_M2023_dl, all_data)
  bool impute_all_other = true;           // "All Other" occupations take siblings' tasks
};

// A published exposure score per code, for comparison with floe's own measures.
struct PeerScore {
  std::string code;  // SOC 2018 / O*NET-SOC / county FIPS, after crosswalking
  double score = 0;
};

struct PeerMeasures {
  std::vector<PeerScore> aioe_occupation;      // Felten-Raj-Seamans AIOE, crosswalked to SOC 2018
  std::vector<PeerScore> aioe_county;          // AIGE by county FIPS
  std::vector<PeerScore> microsoft;            // Tomlinson et al. AI applicability, SOC 2018
  std::vector<PeerScore> eloundou_human_beta;  // Eloundou et al. occupation beta, O*NET-SOC
  std::vector<PeerScore> eloundou_gpt4_beta;
  std::vector<std::string> aioe_unmatched;  // SOC 2010 codes with no SOC 2018 counterpart
};

struct Dataset {
  std::filesystem::path data_dir;
  Taxonomy taxonomy;
  Geography geography;
  TechnicalLabels technical;
  ObservedUsage observed;
  LaborData labor;
  PeerMeasures peers;
};

// The shipped data directory (set at build time; FLOE_DATA overrides it).
std::filesystem::path default_data_dir();

// Reads and joins everything. `progress` (optional) is told each file as it is read.
Dataset load_dataset(const DatasetOptions& options,
                     const std::function<void(const std::string& file)>& progress = {});

// What `floe data check` prints: counts and join coverage of every input, every code that could
// not be joined (by name), and the problems that make the data inconsistent.
struct DataCheck {
  std::string report;
  std::vector<std::string> problems;  // empty when consistent
};
DataCheck check_dataset(const Dataset& dataset, const Atlas& atlas);

// Relative paths, under the data directory, of the files load_dataset reads.
std::vector<std::string> dataset_files(int oews_year = 2023);

}  // namespace floe
