// The start of a run: the fixed tables (docs/model.md §2-§8), the population laid out in slots
// (§10) with the starting unemployment (§1), and month 0.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/partition.h"
#include "floe/error.h"
#include "floe/index.h"
#include "floe/similarity.h"
#include "models/labor/model.h"

namespace floe::labor {
namespace {

// NAICS sectors whose output is sold beyond the county (Moretti 2010's "tradable" sectors: goods,
// and services exported from the region; docs/model.md §8); the others serve local demand.
// Agriculture, mining, manufacturing, wholesale trade, transportation and warehousing,
// information, finance and insurance, professional services, management of companies.
const std::set<std::string> kTradable = {"11", "21", "31", "42", "48", "51", "52", "54", "55"};

std::vector<double> exposure_with(const Dataset& ds, const CapabilitySettings& sc, double e2) {
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

}  // namespace

Fixed build_fixed(const Dataset& ds, const Cells& cells, const LaborSettings& sc,
                  const std::string& scenario_file) {
  const Taxonomy& t = ds.taxonomy;
  const Geography& g = ds.geography;
  const std::size_t n_occ = t.occupations.size();
  const std::size_t n_states = g.states.size();
  Fixed f;
  check_names(sc, ds, scenario_file);

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

  f.exposure_now = exposure_with(ds, sc.capability, 0.0);
  f.exposure_full = exposure_with(ds, sc.capability, 1.0);
  f.automation = automation_shares(ds);
  for (const Sector& sector : t.sectors) f.tradable.push_back(kTradable.count(sector.naics));

  // Candidate destinations: the occupation itself, then its career-move candidates (its most
  // skill-similar occupations, include/floe/career.h).
  const SimilarityMatrix sim = occupation_similarity(t, task_weights(t, TaskWeighting::kOnetType));
  f.careers = CareerCandidates(t, sim, static_cast<std::size_t>(sc.matching.candidates - 1));
  f.candidates.resize(n_occ);
  f.candidate_similarity.resize(n_occ);
  f.mean_wage.resize(n_occ);
  for (std::size_t o = 0; o < n_occ; ++o) {
    f.candidates[o].push_back(static_cast<std::uint16_t>(o));
    f.candidate_similarity[o].push_back(1.0f);
    for (const CareerCandidate& c : f.careers.of(OccupationId(o))) {
      f.candidates[o].push_back(static_cast<std::uint16_t>(c.occupation.index()));
      f.candidate_similarity[o].push_back(c.similarity);
    }
    const Wage& mean = ds.labor.national[o].mean;
    f.mean_wage[o] = mean.source == WageSource::kMissing ? std::nan("") : mean.annual;
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
    if (sc.demand.use_projections) f.growth[o] = ds.labor.projections[o].growth_10y;
    f.transfer_rate[o] = ds.labor.projections[o].transfer_rate / 12.0;
    f.exit_rate[o] = ds.labor.projections[o].exit_rate / 12.0;
  }
  f.log_stay.resize(n_occ);
  for (std::size_t o = 0; o < n_occ; ++o) {
    f.log_stay[o] = std::log1p(-std::min(0.999999, sc.matching.quits + f.exit_rate[o]));
  }
  f.created.assign(n_occ, 0.0);
  for (std::size_t o = 0; o < n_occ; ++o) {
    const auto it =
        sc.demand.ai_created.find(t.major_groups[t.occupations[o].major.index()].soc_code);
    if (it != sc.demand.ai_created.end()) f.created[o] = it->second;
  }

  // Where jobs are: for choosing the county of a new job (docs/model.md §6).
  f.county_has.assign(l.counties * n_occ, 0);
  for (std::size_t i = 0; i < f.county_has.size(); ++i)
    f.county_has[i] = cells.county_employment[i] > 0;
  std::vector<std::vector<std::uint32_t>> counties_of(n_states);
  for (std::size_t c = 0; c < l.counties; ++c) {
    counties_of[l.county_state[c]].push_back(static_cast<std::uint32_t>(c));
  }
  f.state_county_offset.assign(1, 0);
  for (const auto& counties : counties_of) {
    f.state_counties.insert(f.state_counties.end(), counties.begin(), counties.end());
    f.state_county_offset.push_back(static_cast<std::uint32_t>(f.state_counties.size()));
  }
  std::vector<double> w;
  for (std::size_t o = 0; o < n_occ; ++o) {
    w.assign(n_states, 0.0);
    for (std::size_t s = 0; s < n_states; ++s) w[s] = cells.state_employment[s * n_occ + o];
    f.state_of_occupation.add(w);
  }
  for (std::size_t s = 0; s < n_states; ++s) {
    const auto& counties = counties_of[s];
    for (std::size_t o = 0; o < n_occ; ++o) {
      w.assign(counties.size(), 0.0);
      for (std::size_t k = 0; k < counties.size(); ++k) {
        w[k] = cells.county_employment[counties[k] * n_occ + o];
      }
      f.county_of_state_occupation.add(w);  // table s * n_occ + o
    }
  }
  return f;
}

// Lays out a population as synthesized (sorted by county and occupation, within a cell in
// blocks by industry group in the taxonomy's order) as slots, and converts tenure to the run's
// months encoding.
void lay_out(World& w, const Population& from) {
  const Layout& l = w.fixed.layout;
  const std::size_t n_sub = l.subcells();
  // The labor force at the start, where entrants will join (§17).
  w.fixed.start_cumulative.assign(n_sub, 0);
  w.fixed.start_county_agents.assign(l.counties, 0);
  // The non-empty subcells, found county by county in parallel, then in order.
  std::vector<std::vector<engine::Slots::Range>> of_county(l.counties);
  bool grouped = true;
#pragma omp parallel for schedule(dynamic, 16) reduction(&& : grouped)
  for (std::size_t c = 0; c < l.counties; ++c) {
    std::uint32_t county_agents = 0;
    for (std::size_t o = 0; o < l.occupations; ++o) {
      std::uint64_t i = from.cell_offsets[c * l.occupations + o];
      const std::uint64_t end = from.cell_offsets[c * l.occupations + o + 1];
      for (std::uint32_t e = l.entry_offset[o]; e < l.entry_offset[o + 1]; ++e) {
        const std::uint64_t begin = i;
        while (i < end && from.industry[i] == l.entry_group[e]) ++i;
        const auto k = static_cast<std::uint32_t>(c * l.entries + e);
        if (i > begin) of_county[c].push_back({k, begin, i});
        county_agents += static_cast<std::uint32_t>(i - begin);
        w.fixed.start_cumulative[k] = county_agents;
      }
      grouped = grouped && i == end;
    }
    w.fixed.start_county_agents[c] = county_agents;
  }
  if (!grouped) throw Error("population: a cell's agents are not grouped by industry group");
  // A population of some counties only (a rank's share) says how many agents every county has.
  const bool part = !from.county_agents.empty();
  const std::vector<std::uint32_t> here = w.fixed.start_county_agents;
  if (part) {
    if (from.county_agents.size() != l.counties) throw Error("population: county_agents size");
    w.fixed.start_county_agents = from.county_agents;
  }
  // Spread over ranks, this one lays out its own counties' agents (docs/scaling.md §6): all of
  // them, from a whole population or from one synthesized for this rank.
  w.bounds = engine::partition_counties(w.fixed.start_county_agents, w.ranks->size());
  for (std::size_t c = w.first_county(); c < w.last_county() && part; ++c) {
    if (here[c] != from.county_agents[c]) {
      throw Error("population: holds other counties' agents than this rank's");
    }
  }
  std::vector<engine::Slots::Range> ranges;
  for (std::size_t c = w.first_county(); c < w.last_county(); ++c) {
    ranges.insert(ranges.end(), of_county[c].begin(), of_county[c].end());
  }
  of_county = {};
  w.slots = std::make_unique<engine::Slots>(from, ranges, n_sub, l.entries);
  w.slots->spread_over(*w.ranks);
  AgentRecords& records = w.slots->records();
#pragma omp parallel for schedule(static)
  for (std::size_t i = 0; i < records.size(); ++i) {
    if ((records[i].status & kStatusMask) == kVacantStatus) continue;
    records[i].months =
        static_cast<std::uint16_t>(kMonthBase - std::min<int>(records[i].months, kMonthBase));
  }
  std::uint32_t max_id = 0;
#pragma omp parallel for schedule(static) reduction(max : max_id)
  for (std::size_t i = 0; i < from.size(); ++i) max_id = std::max(max_id, from.id[i]);
  w.next_id = from.size() ? max_id + 1 : 0;
  if (part) {  // ids are the whole population's: 0 to its size - 1
    w.next_id = 0;
    for (std::uint32_t n : from.county_agents) w.next_id += n;
  }
  w.seed = from.seed;
  w.scale = from.scale;
}

namespace {

// Starting unemployment (§1): a share of each subcell's workers, searching from the first month.
void initial_unemployment(World& w) {
  const double rate = w.settings->initial_unemployment;
  engine::Slots& s = *w.slots;
#pragma omp parallel for schedule(dynamic, 64)
  for (std::size_t c = w.first_county(); c < w.last_county(); ++c) {
    for (const engine::GroupSlots& g : s.open_groups(c)) {
      const std::size_t k = g.group;
      const std::uint32_t n = s.employed(k);
      if (n == 0) continue;
      const std::uint32_t want =
          engine::binomial(n, rate, w.rng.uniform(stream(Draw::kInitialUnemployed), k, 0));
      for (std::uint32_t j = 0; j < want; ++j) {
        const double u = w.rng.uniform(stream(Draw::kInitialUnemployed),
                                       k | (static_cast<std::uint64_t>(j + 1) << 32), 0);
        const std::uint64_t i =
            s.start(k) + std::min<std::uint64_t>(s.employed(k) - 1,
                                                 static_cast<std::uint64_t>(u * s.employed(k)));
        s[i].status = kUnemployed;
        s[i].months = kMonthBase - 1;
        s.change_block(k, i, engine::kEmployedBlock, engine::kUnemployedBlock);
      }
    }
  }
}

}  // namespace

// Month 0: the starting unemployment, then the month's tables and outputs.
void start(World& w) {
  initial_unemployment(w);
  start_tables(w);
}

// Month 0 for agents laid out with their starting unemployment: wage bills, θ_0 (§7), the
// month's tables and outputs.
void start_tables(World& w) {
  w.slots->count_wages();
  reset_month(w);
  capability_step(w, 0);
  adoption_step(w, 0);
  separation_hazards_step(w, 0);
  openings_step(w, 0);
  double unemployed = 0;  // over all ranks (openings_step sums them); none waits yet
  for (double u : w.tables.unemployed) unemployed += u;
  w.theta0 = unemployed > 0 ? w.tables.total_openings / unemployed : 0;
  openings_step(w, 0);  // job finding at θ_0
  multiplier_step(w, 0);
  outputs_step(w, 0);
}

}  // namespace floe::labor
