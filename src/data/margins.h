// Readers for the derived OEWS May 2023 state margins (shared/data/derived): state employment
// and wage-bill totals, the same by 23 occupation clusters (the files call them industry groups:
// each O*NET occupation is in one, whatever industry employs it), and the O*NET-SOC -> cluster
// map that produced them. They stand in for the real OEWS state employment file, which is not in
// the offline data; see docs/method.md for how cells are estimated from them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace floe::data {

struct StateMarginRow {
  std::string state;           // state name as OEWS writes it ("Alabama", "Puerto Rico")
  std::string industry_group;  // empty in the totals file
  double employment = 0;
  double wage_bill = 0;  // dollars: employment x annual mean wage, summed
  std::size_t line = 0;  // where the row starts in its file
};
// state_totals_M2023.csv (state,employment,wage_bill_usd)
std::vector<StateMarginRow> read_state_totals(const std::filesystem::path& path);
// state_industry_group_employment_M2023.csv (state,industry_group,employment,wage_bill_usd)
std::vector<StateMarginRow> read_state_industry_groups(const std::filesystem::path& path);

struct OccupationGroupRow {
  std::string onet_code;
  std::string industry_group;
  std::size_t line = 0;  // where the row starts in its file
};
// onet_soc_industry_group.csv
std::vector<OccupationGroupRow> read_occupation_industry_groups(const std::filesystem::path& path);

}  // namespace floe::data
