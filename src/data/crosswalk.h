// Readers for the occupation code crosswalks that join O*NET, OEWS and the exposure data sets.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace floe::data {

// BLS Employment Projections "O*NET-SOC to National Employment Matrix" crosswalk: each O*NET-SOC
// occupation and the NEM/OEWS code it is counted under (e.g. 21-1011.00 -> 21-1018, 13-1021.00
// -> 13-1020). This is BLS's own answer to "which OEWS code holds this O*NET occupation".
struct OnetToSocRow {
  std::string onet_code;
  std::string onet_title;
  std::string soc_code;  // NEM code, the same code OEWS uses
  std::string soc_title;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<OnetToSocRow> read_onet_to_soc(const std::filesystem::path& path);

// SOC 2018 structure (soc_structure_2019.csv, as in O*NET-SOC 2019): one row per group with its
// level. Major "15-0000", minor "15-1200", broad "15-1250", detailed "15-1252", O*NET "15-1252.00".
enum class SocLevel : std::uint8_t { kMajor, kMinor, kBroad, kDetailed, kOnet };
struct SocStructureRow {
  SocLevel level;
  std::string code;
  std::string title;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<SocStructureRow> read_soc_structure(const std::filesystem::path& path);

// BLS SOC 2010 -> 2018 crosswalk (many-to-many), for data sets coded in SOC 2010 (AIOE).
struct Soc2010To2018Row {
  std::string soc2010;
  std::string soc2018;
  std::size_t line = 0;  // where the row starts in its file
};
std::vector<Soc2010To2018Row> read_soc_2010_to_2018(const std::filesystem::path& path);

}  // namespace floe::data
