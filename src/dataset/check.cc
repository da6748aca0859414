// `floe data check`: counts and join coverage of every input.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "dataset/consistency.h"
#include "floe/dataset.h"

namespace floe {
namespace {

// Coverage below this share of OEWS employment makes the data inconsistent: the index would
// describe too little of the workforce (issue: >= 97% matched to labeled occupations).
constexpr double kMinEmploymentCoverage = 0.97;

double pct(double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

bool has_label(const TechnicalLabels& labels, const Taxonomy& t, std::size_t occupation) {
  for (TaskId task : t.occupation_tasks.row(occupation)) {
    if (labels.human[task.index()] != kNoLabel) return true;
  }
  return false;
}

class Report {
 public:
  template <typename... Args>
  void line(fmt::format_string<Args...> f, Args&&... args) {
    text += fmt::format(f, std::forward<Args>(args)...);
    text += '\n';
  }
  void section(const char* title) { text += fmt::format("\n{}\n", title); }
  std::string text;
};

void check_onet(const Dataset& ds, Report& r) {
  const Taxonomy& t = ds.taxonomy;
  std::size_t links = t.task_dwas.values.size();
  std::size_t zoned = std::count_if(t.onet_occupations.begin(), t.onet_occupations.end(),
                                    [](const OnetOccupation& o) { return o.job_zone > 0; });
  r.section("O*NET 29.1 (skills from 30.1)");
  r.line("  occupations {}, tasks {}, detailed work activities (DWAs) {}, task-DWA links {}",
         t.onet_occupations.size(), t.tasks.size(), t.dwas.size(), links);
  r.line("  related-occupation pairs {}, technology skills {}, job zones {} of {} occupations",
         t.related.values.size(), t.technology.values.size(), zoned, t.onet_occupations.size());
  const auto knowledge = std::count_if(t.descriptors.begin(), t.descriptors.end(), [](auto& d) {
    return d.kind == DescriptorKind::kKnowledge;
  });
  r.line("  skills rated: {}, knowledge areas rated: {}", t.descriptors.size() - knowledge,
         knowledge);
  std::vector<std::string> outside;
  for (const auto& o : t.onet_occupations) {
    if (!o.occupation.valid()) outside.push_back(o.code + " " + o.title);
  }
  r.line("  O*NET occupations no OEWS occupation holds: {}", outside.size());
  for (const auto& s : outside) r.line("    {}", s);
}

void check_occupations(const Dataset& ds, Report& r, std::vector<std::string>& problems) {
  const Taxonomy& t = ds.taxonomy;
  const LaborData& l = ds.labor;
  double total = 0, direct = 0, imputed = 0;
  std::size_t n_direct = 0, n_imputed = 0;
  std::vector<std::string> imputed_list, unmatched;
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    const double emp = l.national[o].employment;
    total += emp;
    const bool labeled = has_label(ds.technical, t, o);
    const auto& occ = t.occupations[o];
    const std::string name =
        fmt::format("{} {} ({:L} workers)", occ.soc_code, occ.title, static_cast<long long>(emp));
    if (labeled && occ.task_source == TaskSource::kOnet) {
      direct += emp;
      ++n_direct;
    } else if (labeled && occ.task_source == TaskSource::kImputed) {
      imputed += emp;
      ++n_imputed;
      imputed_list.push_back(name);
    } else {
      unmatched.push_back(name);
    }
  }
  r.section(fmt::format("OEWS May {} national ({})", l.year, l.national_file).c_str());
  r.line("  detailed occupations {}, employment {:.0f} (all-occupations row {:.0f})",
         t.occupations.size(), total, l.national_total_employment);
  r.line(
      "  OEWS May {} detailed occupations matched to O*NET tasks with capability labels: "
      "{} of {}, {:.2f}% of employment",
      l.year, n_direct, t.occupations.size(), pct(direct, total));
  r.line(
      "  'All Other' occupations given their SOC group's tasks (imputed): {}, {:.2f}% of "
      "employment",
      n_imputed, pct(imputed, total));
  for (const auto& s : imputed_list) r.line("    {}", s);
  r.line("  with capability labels, own or imputed: {} of {}, {:.2f}% of employment",
         n_direct + n_imputed, t.occupations.size(), pct(direct + imputed, total));
  r.line("  unmatched (no O*NET tasks with labels): {}", unmatched.size());
  for (const auto& s : unmatched) r.line("    {}", s);
  if (direct < kMinEmploymentCoverage * total) {
    problems.push_back(
        fmt::format("only {:.2f}% of OEWS employment is matched to labeled "
                    "occupations (need {:.0f}%)",
                    pct(direct, total), 100 * kMinEmploymentCoverage));
  }
}

void check_projections(const Dataset& ds, Report& r) {
  const auto& p = ds.labor.projections;
  const std::size_t own =
      std::count_if(p.begin(), p.end(), [](const Projection& x) { return !x.from_group; });
  r.section("BLS Employment Projections 2024-34 (Table 1.10)");
  r.line("  occupations with their own projection {} of {}; the rest use their SOC group's", own,
         p.size());
}

void check_capability(const Dataset& ds, Report& r) {
  const TechnicalLabels& tl = ds.technical;
  std::size_t unlabeled = std::count(tl.human.begin(), tl.human.end(), kNoLabel);
  r.section("Capability layers");
  r.line(
      "  technical (GPTs are GPTs): {} task labels, {} joined to O*NET 29.1 tasks by Task ID, "
      "{} for tasks O*NET 29.1 no longer has; {} of {} O*NET 29.1 tasks unlabeled",
      tl.rows_read, tl.rows_read - tl.task_ids_not_in_onet.size(), tl.task_ids_not_in_onet.size(),
      unlabeled, tl.human.size());
  const ObservedUsage& u = ds.observed;
  r.line(
      "  observed (Anthropic Economic Index): {} of {} task texts joined ({:.1f}% of usage), "
      "automation share of conversations {:.1f}%",
      u.texts_matched, u.texts_read, pct(u.percent_matched, u.percent_read),
      100 * u.automation_share);
  r.line("    unmatched task texts: {} (first: {})", u.unmatched_texts.size(),
         u.unmatched_texts.empty() ? "-" : u.unmatched_texts.front());
}

void check_geography(const Dataset& ds, const Atlas& atlas, Report& r,
                     std::vector<std::string>& problems) {
  const Geography& g = ds.geography;
  std::int64_t people = 0;
  std::size_t placed = 0, metro = 0, territories = 0;
  for (const auto& c : g.counties) {
    people += c.population;
    territories += c.territory_wide;
    placed += c.land_sq_mi > 0;
    metro += c.cbsa_kind != CbsaKind::kNone;
  }
  r.section("Geography (Census Vintage 2023)");
  r.line("  states {} (incl. territories), counties {} (+ {} territory-wide), population {}",
         g.states.size(), g.counties.size() - territories, territories, people);
  r.line("  counties with Gazetteer area and position {}, in metro or micro areas {}", placed,
         metro);
  std::vector<std::string> remapped, missing;
  for (const auto& shape : atlas.counties) {
    const auto ids = g.census_counties_for_atlas(shape.id);
    if (ids.empty()) {
      missing.push_back(shape.id + " " + shape.name);
    } else if (ids.size() > 1 || g[ids[0]].fips != shape.id) {
      remapped.push_back(shape.id + " " + shape.name);
    }
  }
  std::size_t states_drawn = 0;
  for (const auto& shape : atlas.states) states_drawn += g.find_state(shape.id).has_value();
  r.line("  map (us-atlas 2017): {} of {} states and {} of {} counties have data", states_drawn,
         atlas.states.size(), atlas.counties.size() - missing.size(), atlas.counties.size());
  r.line("  map counties standing for 2023 counties after boundary changes: {}", remapped.size());
  for (const auto& s : remapped) r.line("    {}", s);
  r.line("  map counties without data: {}", missing.size());
  for (const auto& s : missing) r.line("    {}", s);
  if (states_drawn != atlas.states.size()) problems.push_back("a map state has no state data");

  const LaborData& l = ds.labor;
  double sum = 0;
  std::size_t with_margins = 0;
  std::vector<std::string> without;
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    const double e = l.state_total_employment[s];
    if (std::isnan(e)) {
      if (!g.states[s].territory) without.push_back(g.states[s].name);
      continue;
    }
    ++with_margins;
    sum += e;
  }
  r.section("State margins (derived from OEWS May 2023 state data)");
  r.line(
      "  states and territories with margins {}, employment {:.0f} (file's national row {:.0f}; "
      "OEWS national {:.0f})",
      with_margins, sum, l.margins_national_employment, l.national_total_employment);
  std::size_t published = 0, cells = 0;
  for (std::size_t s = 0; s < g.states.size(); ++s) {
    if (std::isnan(l.state_total_employment[s])) continue;
    for (std::size_t o = 0; o < ds.taxonomy.occupations.size(); ++o) {
      ++cells;
      published += l.state_wage(StateId(s), OccupationId(o)).source != WageSource::kMissing;
    }
  }
  r.line(
      "  state x occupation mean wages published: {} of {} ({:.1f}%); the rest use the "
      "national wage",
      published, cells, pct(published, cells));
  for (const auto& s : without) problems.push_back("state without margins: " + s);
}

void check_sums(const Dataset& ds, Report& r, std::vector<std::string>& problems) {
  using namespace dataset;
  r.section(
      fmt::format("Consistency: sums against their totals (tolerance: employment {:.1f}%, wage "
                  "bills {:.0f}%; docs/data.md)",
                  100 * kEmploymentTolerance, 100 * kWageBillTolerance)
          .c_str());
  std::size_t state_rows = 0, state_rows_ok = 0;
  for (const SumCheck& c : sum_checks(ds)) {
    const bool per_state = c.parts.find("'s occupation clusters") != std::string::npos;
    state_rows += per_state;
    state_rows_ok += per_state && c.ok();
    const std::string line = fmt::format("{} {:.0f} vs {} {:.0f}: {:+.3f}%", c.parts, c.sum,
                                         c.total, c.expected, 100 * c.relative());
    if (!per_state) r.line("  {}{}", line, c.ok() ? "" : "  <- beyond tolerance");
    if (per_state && !c.ok()) r.line("  {}  <- beyond tolerance", line);
    if (!c.ok()) {
      problems.push_back(fmt::format("{}: {} is {:.0f}, {:+.3f}% off {} {:.0f} (tolerance {:.1f}%)",
                                     c.file, c.parts, c.sum, 100 * c.relative(), c.total,
                                     c.expected, 100 * c.tolerance));
    }
  }
  r.line("  states whose occupation clusters add up to their total: {} of {}", state_rows_ok,
         state_rows);
  if (ds.labor.year != 2023) {
    r.line("  states not compared with OEWS national May {}: the state margins are May 2023",
           ds.labor.year);
  }
}

// The staffing pattern by NAICS sector, and County Business Patterns and metro areas when given.
void check_industries(const Dataset& ds, Report& r, std::vector<std::string>& problems) {
  const Taxonomy& t = ds.taxonomy;
  const LaborData& l = ds.labor;
  std::size_t estimated = 0, all_estimated = 0;
  double estimated_employment = 0, employment = 0;
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    bool only_estimated = true;
    for (const SectorShare& s : t.occupation_sectors.row(o)) {
      employment += s.employment;
      only_estimated = only_estimated && s.estimated;
      if (!s.estimated) continue;
      ++estimated;
      estimated_employment += s.employment;
    }
    all_estimated += only_estimated;
  }
  r.section("Industries: NAICS sectors (OEWS national industry-specific estimates)");
  r.line("  file {}", t.staffing_file);
  r.line(
      "  sectors {}, occupation x sector cells {}, of which estimated {} ({:.0f} workers, "
      "{:.2f}%: suppressed by BLS, or an occupation without a row)",
      t.sectors.size(), t.occupation_sectors.values.size(), estimated, estimated_employment,
      pct(estimated_employment, employment));
  r.line("  occupations with their SOC group's pattern (no row of their own): {}", all_estimated);
  if (!l.cbp_file.empty()) {
    std::size_t covered = std::count(l.cbp_covered.begin(), l.cbp_covered.end(), true);
    double in_counties = 0, in_states = 0;
    for (double e : l.cbp_county_sector) in_counties += e;
    for (double e : l.cbp_state_sector) in_states += e;
    r.section("County Business Patterns (--cbp)");
    r.line("  file {}", l.cbp_file);
    r.line(
        "  sectors covered {} of {}; employees {:.0f}, in counties {:.0f}; withheld cells at "
        "their size class's midpoint {}",
        covered, t.sectors.size(), in_states, in_counties, l.cbp_withheld);
    r.line("  county codes the Census 2023 geography lacks (counted in their state): {}",
           l.cbp_unplaced.size());
    for (const auto& c : l.cbp_unplaced) r.line("    {}", c);
    if (covered == 0) problems.push_back("County Business Patterns: no sector rows");
  }
  if (!l.metro_file.empty()) {
    std::vector<std::string> outside;
    for (const MetroArea& m : l.metros) {
      if (m.counties.empty()) outside.push_back(m.code + " " + m.title);
    }
    r.section("Metropolitan areas (--oews-msa)");
    r.line("  file {}", l.metro_file);
    r.line("  metropolitan areas {}; not in the July 2023 delineation (no counties): {}",
           l.metros.size(), outside.size());
    for (const auto& m : outside) r.line("    {}", m);
  }
}

void check_peers(const Dataset& ds, Report& r) {
  const Taxonomy& t = ds.taxonomy;
  auto matched_soc = [&](const std::vector<PeerScore>& scores) {
    return std::count_if(scores.begin(), scores.end(),
                         [&](const PeerScore& p) { return t.find_occupation(p.code).has_value(); });
  };
  auto matched_onet = [&](const std::vector<PeerScore>& scores) {
    return std::count_if(scores.begin(), scores.end(),
                         [&](const PeerScore& p) { return t.find_onet(p.code).has_value(); });
  };
  const auto& p = ds.peers;
  std::size_t counties = std::count_if(
      p.aioe_county.begin(), p.aioe_county.end(),
      [&](const PeerScore& s) { return !ds.geography.census_counties_for_atlas(s.code).empty(); });
  r.section("Published measures to compare with");
  r.line(
      "  Felten-Raj-Seamans AIOE: {} SOC 2018 occupations after the 2010->2018 crosswalk, {} "
      "are OEWS occupations; {} SOC 2010 codes without a 2018 code",
      p.aioe_occupation.size(), matched_soc(p.aioe_occupation), p.aioe_unmatched.size());
  r.line("  Felten county AIGE: {} counties, {} matched to 2023 counties", p.aioe_county.size(),
         counties);
  r.line("  Microsoft AI applicability: {} occupations, {} are OEWS occupations",
         p.microsoft.size(), matched_soc(p.microsoft));
  r.line("  Eloundou et al. occupation scores: {} O*NET occupations, {} in O*NET 29.1",
         p.eloundou_human_beta.size(), matched_onet(p.eloundou_human_beta));
}

}  // namespace

DataCheck check_dataset(const Dataset& ds, const Atlas& atlas) {
  Report r;
  DataCheck out;
  r.line("Data directory: {}", ds.data_dir.string());
  check_onet(ds, r);
  check_occupations(ds, r, out.problems);
  check_capability(ds, r);
  check_projections(ds, r);
  check_geography(ds, atlas, r, out.problems);
  check_sums(ds, r, out.problems);
  check_industries(ds, r, out.problems);
  check_peers(ds, r);
  r.section(out.problems.empty() ? "Consistent." : "Problems:");
  for (const auto& p : out.problems) r.line("  {}", p);
  out.report = std::move(r.text);
  return out;
}

}  // namespace floe
