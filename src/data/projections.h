// Reader for BLS Employment Projections 2024-34, Table 1.10 "Occupational separations and
// openings" (bls-ep/occupation__Table_1_10.csv): employment 2024 and 2034, labor force exit and
// occupational transfer rates per occupation.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace floe::data {

struct ProjectionRow {
  std::string code;        // National Employment Matrix code (SOC; summary rows for groups)
  bool line_item = false;  // a detailed occupation (else a summary of a group)
  double employment_2024 = 0, employment_2034 = 0;  // thousands
  double change_percent = 0;                        // 2024-34
  double exit_rate = 0;                             // labor force exits, percent per year
  double transfer_rate = 0;                         // occupational transfers, percent per year
  std::size_t line = 0;
};
std::vector<ProjectionRow> read_projections(const std::filesystem::path& path);

}  // namespace floe::data
