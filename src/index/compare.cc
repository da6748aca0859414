// floe's exposure against the published measures (formulas in include/floe/compare.h and
// docs/method.md, "Comparison with published measures").
#include "floe/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>

#include "floe/error.h"
#include "floe/numbers.h"
#include "index/table_set.h"

namespace floe {
namespace {

void check_sizes(std::size_t x, std::size_t y, std::size_t w) {
  if (x != y || x != w) {
    throw Error(fmt::format("weighted correlation: {} x, {} y and {} weights", x, y, w));
  }
}

// Values equal to about 12 significant digits are ties: the same figure summed from different
// cells (a county index that equals its state's) differs in the last bits.
bool tied_values(double a, double b) {
  return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

// The OEWS occupation a published SOC 2018 code is counted in (docs: compare.h).
std::optional<OccupationId> occupation_of_soc(const Taxonomy& t, const std::string& soc) {
  if (auto o = t.find_occupation(soc)) return o;
  if (auto onet = t.find_onet(soc + ".00"); onet && t[*onet].occupation.valid()) {
    return t[*onet].occupation;
  }
  return std::nullopt;
}

std::optional<OccupationId> occupation_of_onet(const Taxonomy& t, const std::string& code) {
  if (auto onet = t.find_onet(code); onet && t[*onet].occupation.valid()) {
    return t[*onet].occupation;
  }
  return std::nullopt;
}

double total_employment(const Dataset& ds) {
  if (ds.labor.national_total_employment > 0) return ds.labor.national_total_employment;
  double sum = 0;
  for (const auto& n : ds.labor.national) sum += n.employment;
  return sum;
}

// A measure's scores averaged per OEWS occupation (NaN where it has none).
template <typename Resolve>
std::vector<double> by_occupation(const Taxonomy& t, const std::vector<PeerScore>& scores,
                                  Resolve resolve) {
  std::vector<double> sum(t.occupations.size(), 0.0), n(t.occupations.size(), 0.0);
  for (const PeerScore& s : scores) {
    if (auto o = resolve(t, s.code)) {
      sum[o->index()] += s.score;
      n[o->index()] += 1;
    }
  }
  for (std::size_t o = 0; o < sum.size(); ++o) sum[o] = n[o] > 0 ? sum[o] / n[o] : kNaN;
  return sum;
}

// Pairs a measure's per-occupation scores with floe's exposure.
MeasureComparison join_occupations(const Dataset& ds, const IndexResult& r,
                                   const std::vector<double>& score, std::size_t published) {
  const Taxonomy& t = ds.taxonomy;
  MeasureComparison m;
  m.level = "occupation";
  m.published = published;
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    const double exposure = r.exposure[o];
    if (std::isnan(exposure) || std::isnan(score[o])) continue;
    m.codes.push_back(t.occupations[o].soc_code);
    m.floe.push_back(exposure);
    m.measure.push_back(score[o]);
    m.weight.push_back(ds.labor.national[o].employment);
  }
  return m;
}

struct Spec {
  const char* key;
  const char* name;
  std::vector<PeerScore> PeerMeasures::*scores;
  bool onet;  // O*NET-SOC codes (else SOC 2018)
  const char* note;
};

constexpr Spec kSpecs[] = {
    {"aioe", "Felten-Raj-Seamans AIOE", &PeerMeasures::aioe_occupation, false,
     "AI Occupational Exposure (2021), SOC 2010 scores carried to SOC 2018"},
    {"microsoft", "Microsoft AI applicability", &PeerMeasures::microsoft, false,
     "Tomlinson et al. (2025), from Copilot conversations"},
    {"eloundou_human", "Eloundou et al. beta (human)", &PeerMeasures::eloundou_human_beta, true,
     "GPTs are GPTs (2023), E1 + 0.5 E2 by human raters; O*NET occupations averaged"},
    {"eloundou_gpt4", "Eloundou et al. beta (GPT-4)", &PeerMeasures::eloundou_gpt4_beta, true,
     "GPTs are GPTs (2023), E1 + 0.5 E2 by GPT-4; O*NET occupations averaged"},
};

std::vector<double> spec_scores(const Dataset& ds, const Spec& s) {
  const auto& scores = ds.peers.*s.scores;
  return s.onet ? by_occupation(ds.taxonomy, scores, occupation_of_onet)
                : by_occupation(ds.taxonomy, scores, occupation_of_soc);
}

void finish(MeasureComparison& m, double all_employment) {
  m.joined = m.codes.size();
  m.employment = std::accumulate(m.weight.begin(), m.weight.end(), 0.0);
  m.employment_share = all_employment > 0 ? m.employment / all_employment : 0.0;
  m.pearson = weighted_pearson(m.floe, m.measure, m.weight);
  m.spearman = weighted_spearman(m.floe, m.measure, m.weight);
}

MeasureComparison join_counties(const Dataset& ds, const IndexResult& r) {
  const Geography& g = ds.geography;
  MeasureComparison m;
  m.key = "aige_county";
  m.name = "Felten-Raj-Seamans AIGE (counties)";
  m.level = "county";
  m.published = ds.peers.aioe_county.size();
  // 2017 counties that stand for the same 2023 counties (Connecticut's 8 old counties all stand
  // for its 9 planning regions) form one unit: their AIGE scores averaged, floe's figures once.
  std::map<std::vector<CountyId>, std::pair<std::vector<std::string>, double>> units;
  std::set<std::string> unmatched_states;
  std::size_t unmatched = 0;
  for (const PeerScore& s : ds.peers.aioe_county) {
    std::vector<CountyId> counties = g.census_counties_for_atlas(s.code);
    if (counties.empty()) {
      ++unmatched;
      const auto state = g.find_state(s.code.substr(0, 2));
      unmatched_states.insert(state ? g[*state].name : s.code.substr(0, 2));
      continue;
    }
    std::sort(counties.begin(), counties.end());
    auto& [codes, sum] = units[counties];
    codes.push_back(s.code);
    sum += s.score;
  }
  for (const auto& [counties, unit] : units) {
    IndexFigures f;
    for (CountyId c : counties) f.add(r.counties[c.index()]);
    if (f.employment <= 0 || f.wage_bill <= 0) continue;
    std::string code = unit.first[0];
    for (std::size_t i = 1; i < unit.first.size(); ++i) code += "+" + unit.first[i];
    m.codes.push_back(code);
    m.floe.push_back(f.iceberg());
    m.measure.push_back(unit.second / static_cast<double>(unit.first.size()));
    m.weight.push_back(f.employment);
  }
  double all = 0;
  for (const IndexFigures& f : r.counties) all += f.employment;
  finish(m, all);
  std::string states;
  for (const auto& name : unmatched_states) states += (states.empty() ? "" : ", ") + name;
  m.note = fmt::format(
      "floe's Iceberg index per county vs AIGE by 2017 county (Connecticut's 8 old counties "
      "averaged into one unit; Valdez-Cordova = Chugach + Copper River). floe's county shares "
      "equal their state's, so this compares state indices with county scores.");
  if (unmatched > 0) {
    m.note += fmt::format(" {} AIGE counties have no floe county ({}).", unmatched, states);
  }
  return m;
}

}  // namespace

double weighted_pearson(std::span<const double> x, std::span<const double> y,
                        std::span<const double> w) {
  check_sizes(x.size(), y.size(), w.size());
  double total = 0, mx = 0, my = 0;
  std::size_t weighted_points = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(w[i] >= 0) || std::isinf(w[i])) throw Error("weighted correlation: a weight is not >= 0");
    if (w[i] == 0) continue;
    ++weighted_points;
    total += w[i];
    mx += w[i] * x[i];
    my += w[i] * y[i];
  }
  if (weighted_points < 2) return kNaN;
  mx /= total;
  my /= total;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (w[i] == 0) continue;
    const double dx = x[i] - mx, dy = y[i] - my;
    sxy += w[i] * dx * dy;
    sxx += w[i] * dx * dx;
    syy += w[i] * dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return kNaN;
  return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

std::vector<double> weighted_ranks(std::span<const double> x, std::span<const double> w) {
  if (x.size() != w.size()) {
    throw Error(fmt::format("weighted ranks: {} values and {} weights", x.size(), w.size()));
  }
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  std::vector<double> rank(x.size(), kNaN);
  if (!(total > 0)) return rank;
  double below = 0;  // weight of values strictly smaller
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    double tied = 0;
    while (j < order.size() && tied_values(x[order[i]], x[order[j]])) tied += w[order[j++]];
    const double midrank = (below + tied / 2) / total;
    for (std::size_t k = i; k < j; ++k) rank[order[k]] = midrank;
    below += tied;
    i = j;
  }
  return rank;
}

double weighted_spearman(std::span<const double> x, std::span<const double> y,
                         std::span<const double> w) {
  check_sizes(x.size(), y.size(), w.size());
  return weighted_pearson(weighted_ranks(x, w), weighted_ranks(y, w), w);
}

std::vector<double> published_by_occupation(const Dataset& ds, std::string_view key) {
  for (const Spec& s : kSpecs) {
    if (s.key == key) return spec_scores(ds, s);
  }
  throw Error("no published occupation measure '" + std::string(key) +
              "' (aioe, microsoft, eloundou_human, eloundou_gpt4)");
}

Comparison compare_with_published(const Dataset& ds, const IndexResult& r) {
  Comparison c;
  c.options = r.provenance;
  c.exposure = r.exposure;
  const double all = total_employment(ds);
  for (const Spec& s : kSpecs) {
    MeasureComparison m = join_occupations(ds, r, spec_scores(ds, s), (ds.peers.*s.scores).size());
    m.key = s.key;
    m.name = s.name;
    m.note = s.note;
    finish(m, all);
    c.measures.push_back(std::move(m));
  }
  c.measures.push_back(join_counties(ds, r));
  // A measure that matches nothing is no comparison (docs/method.md §15).
  std::erase_if(c.measures, [](const MeasureComparison& m) { return m.joined == 0; });
  return c;
}

std::vector<std::pair<std::string, Table>> comparison_tables(const Dataset& ds, const Comparison& c,
                                                             std::size_t top) {
  const Taxonomy& t = ds.taxonomy;
  Table measures;
  measures.title = "floe vs published AI-exposure measures (" + c.options + ")";
  measures.columns = {{"measure", "Measure", ColumnKind::kText},
                      {"level", "Level", ColumnKind::kText},
                      {"published", "Published", ColumnKind::kCount},
                      {"joined", "Matched", ColumnKind::kCount},
                      {"employment", "Workers covered", ColumnKind::kCount},
                      {"employment_share", "Share", ColumnKind::kShare, 1},
                      {"pearson", "Pearson", ColumnKind::kNumber, 2},
                      {"spearman", "Spearman", ColumnKind::kNumber, 2},
                      {"note", "Note", ColumnKind::kText}};
  for (const MeasureComparison& m : c.measures) {
    measures.rows.push_back({m.name, m.level, double(m.published), double(m.joined), m.employment,
                             m.employment_share, m.pearson, m.spearman, m.note});
  }
  measures.notes = {
      "Correlations are weighted by employment. Pearson compares the values, Spearman the "
      "rankings (weighted midranks); 1 = same order, 0 = unrelated.",
      "Occupations: OEWS national employment; counties: floe's covered employment."};

  Table disagreements;
  disagreements.title = "Where floe and each measure disagree most (weighted percentile ranks)";
  disagreements.columns = {{"measure", "Measure", ColumnKind::kText},
                           {"direction", "Direction", ColumnKind::kText},
                           {"soc_code", "SOC", ColumnKind::kText},
                           {"title", "Occupation", ColumnKind::kText},
                           {"employment", "Workers", ColumnKind::kCount},
                           {"exposure", "floe exposure", ColumnKind::kShare, 1},
                           {"floe_percentile", "floe pct", ColumnKind::kNumber, 0},
                           {"score", "Measure score", ColumnKind::kNumber, 3},
                           {"measure_percentile", "Measure pct", ColumnKind::kNumber, 0},
                           {"difference", "Difference", ColumnKind::kNumber, 0}};
  for (const MeasureComparison& m : c.measures) {
    if (m.level != "occupation" || m.joined < 2) continue;
    const auto rf = weighted_ranks(m.floe, m.weight), rm = weighted_ranks(m.measure, m.weight);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m.joined; ++i) {
      if (m.weight[i] > 0) order.push_back(i);
    }
    auto diff = [&](std::size_t i) { return rf[i] - rm[i]; };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return diff(a) > diff(b); });
    auto add = [&](std::size_t i, const char* direction) {
      const Occupation& occ = t.occupations[t.find_occupation(m.codes[i])->index()];
      disagreements.rows.push_back({m.name, std::string(direction), occ.soc_code, occ.title,
                                    m.weight[i], m.floe[i], 100 * rf[i], m.measure[i], 100 * rm[i],
                                    100 * diff(i)});
    };
    const std::size_t n = std::min(top, order.size() / 2);
    for (std::size_t k = 0; k < n; ++k) add(order[k], "floe ranks higher");
    for (std::size_t k = 0; k < n; ++k) add(order[order.size() - 1 - k], "measure ranks higher");
  }
  disagreements.notes = {
      "pct: weighted percentile rank among the occupations both cover (50 = the median "
      "worker's occupation). Difference = floe pct - measure pct."};

  Table occupations;
  occupations.title = "floe exposure and published measures per occupation";
  occupations.columns = {{"soc_code", "SOC", ColumnKind::kText},
                         {"title", "Occupation", ColumnKind::kText},
                         {"employment", "Workers", ColumnKind::kCount}};
  std::vector<const MeasureComparison*> occupation_measures;
  for (const MeasureComparison& m : c.measures) {
    if (m.level == "occupation") occupation_measures.push_back(&m);
  }
  occupations.columns.push_back({"exposure", "floe exposure", ColumnKind::kShare, 1});
  for (const MeasureComparison* m : occupation_measures) {
    occupations.columns.push_back({m->key, m->name, ColumnKind::kNumber, 3});
  }
  std::vector<std::vector<double>> score(occupation_measures.size(),
                                         std::vector<double>(t.occupations.size(), kNaN));
  for (std::size_t k = 0; k < occupation_measures.size(); ++k) {
    const MeasureComparison& m = *occupation_measures[k];
    for (std::size_t i = 0; i < m.joined; ++i) {
      score[k][t.find_occupation(m.codes[i])->index()] = m.measure[i];
    }
  }
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    std::vector<Value> row{t.occupations[o].soc_code, t.occupations[o].title,
                           ds.labor.national[o].employment, c.exposure[o]};
    bool any = !std::isnan(c.exposure[o]);
    for (const auto& s : score) {
      row.push_back(s[o]);
      any = any || !std::isnan(s[o]);
    }
    if (any) occupations.rows.push_back(std::move(row));
  }
  occupations.notes = {"Empty where the measure has no score for the occupation (or floe none)."};

  return {{"compare_measures", measures},
          {"compare_disagreements", disagreements},
          {"compare_occupations", occupations}};
}

void write_comparison(std::ostream& out, const Dataset& ds, const Comparison& c,
                      std::string_view format, std::size_t top) {
  using detail::OutputFormat;
  const OutputFormat f = detail::parse_output_format(format);
  const auto tables = comparison_tables(ds, c, top);
  if (f == OutputFormat::kCsv) return detail::write_tables_csv(out, tables);
  if (f == OutputFormat::kJson) return detail::write_tables_json(out, tables);

  // The measures, their notes as footnotes (they are long).
  Table measures = tables[0].second;
  const std::size_t note_col = measures.column("note");
  std::vector<std::string> notes;
  for (auto& row : measures.rows) {
    notes.push_back(std::get<std::string>(row[0]) + ": " + std::get<std::string>(row[note_col]));
    row.erase(row.begin() + static_cast<std::ptrdiff_t>(note_col));
  }
  measures.columns.erase(measures.columns.begin() + static_cast<std::ptrdiff_t>(note_col));
  notes.insert(notes.end(), measures.notes.begin(), measures.notes.end());
  measures.notes.clear();
  write_text(out, measures);
  for (const auto& note : notes) out << "  " << note << '\n';
  out << '\n';
  // Disagreements, one block per measure.
  const Table& d = tables[1].second;
  const std::size_t measure_col = d.column("measure");
  for (const MeasureComparison& m : c.measures) {
    Table block{m.name + ": where the rankings differ most", {}, {}, {}};
    block.columns.assign(d.columns.begin() + 1, d.columns.end());
    for (const auto& row : d.rows) {
      if (std::get<std::string>(row[measure_col]) != m.name) continue;
      block.rows.emplace_back(row.begin() + 1, row.end());
    }
    if (block.rows.empty()) continue;
    write_text(out, block);
    out << '\n';
  }
  for (const auto& note : d.notes) out << note << '\n';
  out << "Every occupation with each measure: --format csv (table compare_occupations), or the "
         "compare_* tables of the results file.\n";
}

}  // namespace floe
