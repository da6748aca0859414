// The run's fixed tables (docs/model.md §2-§8).
#include <algorithm>
#include <cmath>
#include <set>

#include "floe/error.h"
#include "floe/index.h"
#include "labor/setup.h"

namespace floe::labor {
namespace {

// NAICS sectors whose output is sold beyond the county (Moretti 2010's "tradable" sectors: goods,
// and services exported from the region; docs/model.md §8); the others serve local demand.
// Agriculture, mining, manufacturing, wholesale trade, transportation and warehousing,
// information, finance and insurance, professional services, management of companies.
const std::set<std::string> kTradable = {"11", "21", "31", "42", "48", "51", "52", "54", "55"};

std::vector<double> exposure_with(const Dataset& ds, const Scenario& sc, double e2) {
  IndexOptions o;
  o.technical.labeler = sc.labeler == "gpt4"   ? Labeler::kGpt4
                        : sc.labeler == "mean" ? Labeler::kMean
                                               : Labeler::kHuman;
  o.technical.e2_weight = e2;
  o.transfer = sc.transfer;
  auto e = occupation_exposure(ds.taxonomy, make_layer(ds, o),
                               task_weights(ds.taxonomy, TaskWeighting::kOnetType));
  for (double& x : e) {
    if (std::isnan(x)) x = 0;  // no labeled task: treated as unexposed
  }
  return e;
}

// a_o: the task-weighted share of the occupation's work GPT-4 judged automatable without a
// human (its T0..T4 labels scaled to 0..1) (docs/model.md §4).
std::vector<double> automation_shares(const Dataset& ds) {
  const Taxonomy& t = ds.taxonomy;
  const auto w = task_weights(t, TaskWeighting::kOnetType);
  std::vector<double> out(t.occupations.size(), 0.0);
  for (std::size_t o = 0; o < out.size(); ++o) {
    double num = 0, den = 0;
    for (TaskId task : t.occupation_tasks.row(o)) {
      const std::uint8_t level = ds.technical.automation[task.index()];
      if (level == kNoLabel) continue;
      num += w[task.index()] * level / 4.0;
      den += w[task.index()];
    }
    out[o] = den > 0 ? num / den : 0.0;
  }
  return out;
}

void check_names(const Scenario& sc, const std::map<std::string, double>& names,
                 const std::string& key, const std::function<bool(const std::string&)>& known,
                 const std::string& what) {
  for (const auto& [name, value] : names) {
    if (!known(name)) throw DataError(sc.file, 0, key, "unknown " + what + " '" + name + "'");
  }
}

}  // namespace

Fixed build_fixed(const Dataset& ds, const Cells& cells, const Scenario& sc) {
  const Taxonomy& t = ds.taxonomy;
  const Geography& g = ds.geography;
  const std::size_t n_occ = t.occupations.size();
  const std::size_t n_states = g.states.size();
  Fixed f;

  for (const auto& [name, value] : sc.industry_speed) {
    if (t.find_sector(name)) continue;
    const std::string hint = sector_hint_for_cluster(name);
    throw DataError(sc.file, 0, "adoption.industry_speed",
                    "unknown NAICS sector '" + name + "'" +
                        (hint.empty() ? "" : "; it was an occupation cluster: use " + hint));
  }
  auto is_state = [&](const std::string& n) { return g.find_state(n).has_value(); };
  check_names(sc, sc.state_speed, "adoption.state_speed", is_state, "state");
  check_names(sc, sc.state_budget, "retraining.state_budget", is_state, "state");
  for (const auto& s : sc.target_states) {
    if (!is_state(s)) throw DataError(sc.file, 0, "retraining.states", "unknown state '" + s + "'");
  }
  check_names(
      sc, sc.ai_created_demand, "demand.ai_created",
      [&](const std::string& n) { return t.find_major_group(n).has_value(); }, "SOC major group");

  Layout& l = f.layout;
  l.counties = g.counties.size();
  l.occupations = n_occ;
  l.entries = t.occupation_sectors.values.size();
  l.entry_offset = t.occupation_sectors.offsets;
  for (std::size_t o = 0; o < n_occ; ++o) {
    for (const SectorShare& ss : t.occupation_sectors.row(o)) {
      l.entry_occupation.push_back(static_cast<std::uint16_t>(o));
      l.entry_group.push_back(static_cast<std::uint8_t>(ss.sector.index()));
    }
    l.occupation_major.push_back(static_cast<std::uint8_t>(t.occupations[o].major.index()));
  }
  for (const County& c : g.counties)
    l.county_state.push_back(static_cast<std::uint16_t>(c.state.index()));
  l.groups = t.sectors.size();
  l.entry_for.assign(n_occ * l.groups, 0);
  for (std::size_t o = 0; o < n_occ; ++o) {
    for (std::size_t gi = 0; gi < l.groups; ++gi)
      l.entry_for[o * l.groups + gi] = l.entry_offset[o];
    for (std::uint32_t e = l.entry_offset[o]; e < l.entry_offset[o + 1]; ++e) {
      l.entry_for[o * l.groups + l.entry_group[e]] = e;
    }
  }

  f.exposure_now = exposure_with(ds, sc, 0.0);
  f.exposure_full = exposure_with(ds, sc, 1.0);
  f.automation = automation_shares(ds);
  for (const Sector& sector : t.sectors) f.tradable.push_back(kTradable.count(sector.naics));

  // Candidate destinations: the occupation itself, then its most skill-similar occupations.
  const SimilarityMatrix sim = occupation_similarity(t, task_weights(t, TaskWeighting::kOnetType));
  f.candidates.resize(n_occ);
  f.candidate_similarity.resize(n_occ);
  for (std::size_t o = 0; o < n_occ; ++o) {
    const OccupationId id(o);
    f.candidates[o].push_back(static_cast<std::uint16_t>(o));
    f.candidate_similarity[o].push_back(1.0f);
    for (OccupationId other : sim.most_similar(id, static_cast<std::size_t>(sc.candidates - 1))) {
      f.candidates[o].push_back(static_cast<std::uint16_t>(other.index()));
      f.candidate_similarity[o].push_back(sim(id, other));
    }
  }

  f.wage_shapes.resize(n_occ);
  for (std::size_t o = 0; o < n_occ; ++o) {
    f.wage_shapes[o] = population::WageShape::from_oews(ds.labor.national[o]);
  }
  f.employment0.assign(n_occ, 0.0);
  for (std::size_t s = 0; s < n_states; ++s) {
    for (std::size_t o = 0; o < n_occ; ++o)
      f.employment0[o] += cells.state_employment[s * n_occ + o];
  }
  f.growth.assign(n_occ, 0.0);
  f.transfer_rate.assign(n_occ, 0.0);
  f.exit_rate.assign(n_occ, 0.0);
  for (std::size_t o = 0; o < n_occ && o < ds.labor.projections.size(); ++o) {
    if (sc.use_projections) f.growth[o] = ds.labor.projections[o].growth_10y;
    f.transfer_rate[o] = ds.labor.projections[o].transfer_rate / 12.0;
    f.exit_rate[o] = ds.labor.projections[o].exit_rate / 12.0;
  }
  f.log_stay.resize(n_occ);
  for (std::size_t o = 0; o < n_occ; ++o) {
    f.log_stay[o] = std::log1p(-std::min(0.999999, sc.quits + f.exit_rate[o]));
  }
  f.created.assign(n_occ, 0.0);
  for (std::size_t o = 0; o < n_occ; ++o) {
    const auto it =
        sc.ai_created_demand.find(t.major_groups[t.occupations[o].major.index()].soc_code);
    if (it != sc.ai_created_demand.end()) f.created[o] = it->second;
  }

  // Where jobs are: for choosing the county of a new job (docs/model.md §6).
  f.county_has.assign(l.counties * n_occ, 0);
  for (std::size_t i = 0; i < f.county_has.size(); ++i)
    f.county_has[i] = cells.county_employment[i] > 0;
  f.state_counties.resize(n_states);
  for (std::size_t c = 0; c < l.counties; ++c) {
    f.state_counties[l.county_state[c]].push_back(static_cast<std::uint32_t>(c));
  }
  f.state_of_occupation.resize(n_occ);
  f.county_of_state_occupation.resize(n_states * n_occ);
  std::vector<double> w;
  for (std::size_t o = 0; o < n_occ; ++o) {
    w.assign(n_states, 0.0);
    for (std::size_t s = 0; s < n_states; ++s) w[s] = cells.state_employment[s * n_occ + o];
    f.state_of_occupation[o] = engine::AliasTable(w);
    for (std::size_t s = 0; s < n_states; ++s) {
      const auto& counties = f.state_counties[s];
      w.assign(counties.size(), 0.0);
      for (std::size_t k = 0; k < counties.size(); ++k) {
        w[k] = cells.county_employment[counties[k] * n_occ + o];
      }
      f.county_of_state_occupation[s * n_occ + o] = engine::AliasTable(w);
    }
  }
  return f;
}

}  // namespace floe::labor
