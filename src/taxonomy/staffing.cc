// The national staffing pattern: each occupation's employment by NAICS sector, from the OEWS
// national industry-specific estimates, with the suppressed cells estimated (docs/method.md §5).
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

#include "floe/error.h"
#include "taxonomy/build.h"
#include "taxonomy/sectors.h"

namespace floe::taxonomy {
namespace {

using data::OewsGroup;

// The enclosing SOC groups of a detailed code, smallest first, as (group code, prefix length of
// its members): broad "15-1250" (members "15-125*"), minor "15-1200", major "15-0000", all.
std::array<std::pair<std::string, std::size_t>, 4> enclosing_groups(const std::string& soc) {
  return {{{soc.substr(0, 6) + "0", 6},
           {soc.substr(0, 5) + "00", 5},
           {soc.substr(0, 3) + "0000", 3},
           {"00-0000", 0}}};
}

// What the file says about one sector.
struct SectorFigures {
  double total = 0;  // the 00-0000 row
  // Per SOC group code: its published employment (absent when not released).
  std::unordered_map<std::string, double> groups;
  // Per detailed code: released employment, or NaN when suppressed.
  std::map<std::string, double> detailed;
};

// A suppressed (occupation, sector) cell being estimated.
struct Suppressed {
  std::size_t occupation, sector;
  double value;
};

// The seed of a suppressed cell: the employment its smallest released enclosing group has left
// after its released members, shared equally among the group's suppressed members (docs/method.md
// §5). 0 when every enclosing group is fully accounted for.
double group_room(const SectorFigures& f, const std::string& soc) {
  for (const auto& [group, prefix] : enclosing_groups(soc)) {
    if (group == soc) continue;  // an OEWS aggregate code is its own broad group
    const auto it = f.groups.find(group);
    if (it == f.groups.end()) continue;
    double released = 0;
    int suppressed = 0;
    for (const auto& [code, value] : f.detailed) {
      if (code.compare(0, prefix, soc, 0, prefix) != 0) continue;
      if (std::isnan(value))
        ++suppressed;
      else
        released += value;
    }
    return std::max(0.0, it->second - released) / std::max(1, suppressed);
  }
  return 0;
}

// Iterative proportional fitting of the suppressed cells to each occupation's unreleased
// remainder (rows, met exactly at the end) and each sector's (columns, scaled to the rows'
// total); zero seeds stay zero.
void fit_suppressed(std::vector<Suppressed>& cells, const std::vector<double>& row_target,
                    std::vector<double> col_target) {
  double rows = 0, cols = 0;
  for (double r : row_target) rows += r;
  for (double c : col_target) cols += c;
  if (cols > 0) {
    for (double& c : col_target) c *= rows / cols;
  }
  std::vector<double> row_sum(row_target.size()), col_sum(col_target.size());
  for (int iteration = 0; iteration < 200; ++iteration) {
    std::fill(col_sum.begin(), col_sum.end(), 0.0);
    for (const auto& x : cells) col_sum[x.sector] += x.value;
    for (auto& x : cells) {
      if (col_sum[x.sector] > 0 && col_target[x.sector] > 0) {
        x.value *= col_target[x.sector] / col_sum[x.sector];
      }
    }
    std::fill(row_sum.begin(), row_sum.end(), 0.0);
    for (const auto& x : cells) row_sum[x.occupation] += x.value;
    double error = 0;
    for (auto& x : cells) {
      if (row_sum[x.occupation] > 0) x.value *= row_target[x.occupation] / row_sum[x.occupation];
    }
    std::fill(col_sum.begin(), col_sum.end(), 0.0);
    for (const auto& x : cells) col_sum[x.sector] += x.value;
    for (std::size_t k = 0; k < col_sum.size(); ++k) {
      if (col_target[k] > 0) error = std::max(error, std::abs(col_sum[k] / col_target[k] - 1));
    }
    if (error < 1e-10) break;
  }
}

}  // namespace

void add_sectors(const data::OewsTable& natsector, const data::OewsTable& national, Taxonomy& t) {
  std::unordered_map<std::string, std::size_t> sector_index;
  for (const auto& row : natsector.rows) {
    if (row.group != OewsGroup::kTotal || sector_index.count(row.naics)) continue;
    sector_index.emplace(row.naics, t.sectors.size());
    t.sectors.push_back({row.naics, row.naics_title, sector_key(row.naics)});
  }
  if (t.sectors.empty() || t.sectors.size() > 255) {
    throw DataError(
        natsector.file, 0, "O_GROUP",
        "expected 1 to 255 sectors with an all-occupations (00-0000) total row, found " +
            std::to_string(t.sectors.size()));
  }
  const std::size_t n_sectors = t.sectors.size(), n_occ = t.occupations.size();
  std::vector<SectorFigures> fig(n_sectors);
  for (const auto& row : natsector.rows) {
    const auto it = sector_index.find(row.naics);
    if (it == sector_index.end()) {
      throw DataError(natsector.file, row.line, "NAICS",
                      "sector '" + row.naics + "' has no all-occupations (00-0000) row");
    }
    SectorFigures& f = fig[it->second];
    const bool released = row.employment.has_value();
    if (row.group == OewsGroup::kTotal) f.total = released ? row.employment.value : 0;
    if (row.group == OewsGroup::kDetailed) {
      f.detailed[row.occ_code] = released ? row.employment.value : std::nan("");
    } else if (released) {
      f.groups.emplace(row.occ_code, row.employment.value);
    }
  }
  std::vector<double> national_emp(n_occ, 0.0);
  for (const auto& row : national.rows) {
    if (row.group != OewsGroup::kDetailed || !row.employment.has_value()) continue;
    if (auto o = t.find_occupation(row.occ_code)) national_emp[o->index()] = row.employment.value;
  }

  // Released cells; suppressed ones with their seeds; each occupation's and sector's remainder.
  std::vector<std::vector<SectorShare>> rows(n_occ);
  std::vector<Suppressed> suppressed;
  std::vector<double> occupation_left(n_occ, 0.0), sector_left(n_sectors, 0.0);
  for (std::size_t k = 0; k < n_sectors; ++k) {
    double released = 0;
    for (const auto& [code, value] : fig[k].detailed) {
      if (!std::isnan(value)) released += value;
    }
    sector_left[k] = std::max(0.0, fig[k].total - released);
  }
  for (std::size_t o = 0; o < n_occ; ++o) {
    const std::string& soc = t.occupations[o].soc_code;
    double released = 0;
    for (std::size_t k = 0; k < n_sectors; ++k) {
      const auto it = fig[k].detailed.find(soc);
      if (it == fig[k].detailed.end()) continue;
      const SectorId id(k);
      if (std::isnan(it->second)) {
        suppressed.push_back({o, k, group_room(fig[k], soc)});
        rows[o].push_back({id, 0, 0, true});
      } else {
        released += it->second;
        rows[o].push_back({id, 0, it->second, false});
      }
    }
    occupation_left[o] = std::max(0.0, national_emp[o] - released);
  }
  // An occupation whose suppressed cells all have seed 0 still has its remainder to place.
  std::vector<double> seeded(n_occ, 0.0);
  for (const auto& x : suppressed) seeded[x.occupation] += x.value;
  for (auto& x : suppressed) {
    if (seeded[x.occupation] <= 0) x.value = 1;
  }
  fit_suppressed(suppressed, occupation_left, sector_left);
  std::vector<std::size_t> next(n_occ, 0);
  for (const auto& x : suppressed) {
    auto& row = rows[x.occupation];
    while (!row[next[x.occupation]].estimated) ++next[x.occupation];
    row[next[x.occupation]++].employment = x.value;
  }

  for (std::size_t o = 0; o < n_occ; ++o) {
    auto& row = rows[o];
    std::erase_if(row, [](const SectorShare& s) { return s.employment <= 0; });
    if (row.empty()) {
      // Not in the staffing pattern (another year's code, or nothing released): the pattern of
      // its smallest enclosing SOC group with released figures.
      for (const auto& [group, prefix] : enclosing_groups(t.occupations[o].soc_code)) {
        for (std::size_t k = 0; k < n_sectors; ++k) {
          const auto it = fig[k].groups.find(group);
          if (it != fig[k].groups.end() && it->second > 0) {
            row.push_back({SectorId(k), 0, it->second, true});
          }
        }
        if (!row.empty()) break;
      }
    }
    double total = 0;
    for (const auto& s : row) total += s.employment;
    if (!(total > 0)) {
      throw DataError(natsector.file, 0, "TOT_EMP",
                      "no employment in any sector for occupation " + t.occupations[o].soc_code);
    }
    for (auto& s : row) s.share = s.employment / total;
    if (total > 0 && national_emp[o] > 0 &&
        std::all_of(row.begin(), row.end(), [](auto& s) { return s.estimated; })) {
      for (auto& s : row) s.employment = s.share * national_emp[o];
    }
    t.occupation_sectors.add_row(row);
  }
  t.staffing_file = natsector.file;
}

}  // namespace floe::taxonomy
