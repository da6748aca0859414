#include "geo/build.h"

#include <algorithm>
#include <unordered_map>

#include "floe/error.h"

namespace floe::geo {

Geography build_geography(const Inputs& in) {
  Geography g;
  std::unordered_map<std::string, std::int64_t> state_population;
  for (const auto& row : in.population) {
    if (row.is_state) state_population[row.state_fips] = row.population;
  }
  // States in FIPS order: those with an estimate, then the territories OEWS covers.
  for (const char* fips :
       {"01", "02", "04", "05", "06", "08", "09", "10", "11", "12", "13", "15", "16", "17",
        "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
        "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "44", "45", "46",
        "47", "48", "49", "50", "51", "53", "54", "55", "56", "66", "72", "78"}) {
    const StateCode* code = find_state_code(fips);
    const auto pop = state_population.find(fips);
    const bool territory = std::string_view(fips) > "56";
    if (pop == state_population.end() && !territory) continue;  // a fixture with few states
    g.states.push_back({code->fips, code->usps, code->name,
                        pop == state_population.end() ? 0 : pop->second, territory});
  }
  for (const auto& row : in.population) {
    if (row.is_state) continue;
    const auto state = g.find_state(row.state_fips);
    if (!state) {
      throw DataError(in.population_file, row.line, "STATE",
                      "county " + row.county_fips + " of a state with no state row");
    }
    County c;
    c.fips = row.county_fips;
    c.state = *state;
    c.name = row.name;
    c.population = row.population;
    g.counties.push_back(std::move(c));
  }
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    if (!g.states[s].territory) continue;
    County c;
    c.fips = g.states[s].fips + "000";
    c.state = StateId(s);
    c.name = g.states[s].name + " (territory-wide)";
    c.territory_wide = true;
    g.counties.push_back(std::move(c));
  }
  std::sort(g.counties.begin(), g.counties.end(),
            [](const County& a, const County& b) { return a.fips < b.fips; });
  std::unordered_map<std::string, std::size_t> by_fips;
  for (std::size_t i = 0; i < g.counties.size(); ++i) by_fips.emplace(g.counties[i].fips, i);
  for (const auto& row : in.gazetteer) {
    const auto it = by_fips.find(row.county_fips);
    if (it == by_fips.end()) continue;  // e.g. Puerto Rico's municipios: no estimate here
    County& c = g.counties[it->second];
    c.land_sq_mi = row.land_sq_mi;
    c.latitude = row.latitude;
    c.longitude = row.longitude;
  }
  for (const auto& row : in.cbsa) {
    const auto it = by_fips.find(row.county_fips);
    if (it == by_fips.end()) continue;
    County& c = g.counties[it->second];
    c.cbsa_code = row.cbsa_code;
    c.cbsa_title = row.cbsa_title;
    c.cbsa_kind = row.metropolitan ? CbsaKind::kMetropolitan : CbsaKind::kMicropolitan;
  }
  std::vector<std::vector<CountyId>> of_state(g.states.size());
  for (std::size_t i = 0; i < g.counties.size(); ++i) {
    of_state[g.counties[i].state.index()].push_back(CountyId(i));
  }
  for (const auto& ids : of_state) g.state_counties.add_row(ids);
  return g;
}

}  // namespace floe::geo
