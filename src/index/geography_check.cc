// floe's state indices against observed AI use by state (docs/method.md §16).
#include "floe/geography_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "data/state_usage.h"
#include "data/text_file.h"
#include "floe/error.h"

namespace floe {
namespace {

struct Layer {
  std::string name;
  IndexOptions options;
};

std::vector<Layer> layers() {
  std::vector<Layer> out;
  for (auto [labeler, name] :
       {std::pair{Labeler::kHuman, "human"}, std::pair{Labeler::kGpt4, "GPT-4"},
        std::pair{Labeler::kMean, "mean"}}) {
    for (double e2 : {0.0, 1.0}) {
      IndexOptions o;
      o.technical = {labeler, e2};
      out.push_back({fmt::format("technical, {} labels, E2 = {:g}", name, e2), o});
    }
  }
  IndexOptions observed;
  observed.layer = LayerKind::kObserved;
  out.push_back({"observed (Anthropic Economic Index tasks)", observed});
  return out;
}

}  // namespace

std::filesystem::path state_usage_file(const std::filesystem::path& data_dir) {
  return data::find_data_file(
      data_dir, "ai-exposure/anthropic-economic-index/release_2025_09_15/aei_us_states_subset.csv");
}

std::vector<StateUsage> read_observed_state_usage(const Dataset& ds,
                                                  const std::filesystem::path& path) {
  std::vector<StateUsage> out;
  for (const auto& row : data::read_state_usage(path)) {
    const auto s = ds.geography.find_state(row.state);
    if (!s) {
      throw DataError(path.string(), row.line, "geo_id", "unknown state '" + row.state + "'");
    }
    const double people = static_cast<double>(ds.geography[*s].population);
    if (people <= 0) continue;  // a territory: no population estimate to divide by
    out.push_back({*s, row.conversations, 1e5 * row.conversations / people});
  }
  return out;
}

GeographyCheck check_geography(const Dataset& ds, const Cells& cells,
                               const std::vector<StateUsage>& usage) {
  GeographyCheck check;
  check.usage = usage;
  std::vector<double> per_capita;
  for (const auto& u : usage) per_capita.push_back(u.per_100k);
  for (const Layer& layer : layers()) {
    const IndexResult r = compute_index(ds, cells, layer.options);
    std::vector<double> iceberg, surface;
    for (const auto& u : usage) {
      iceberg.push_back(r.states[u.state.index()].iceberg());
      surface.push_back(r.states[u.state.index()].surface());
    }
    for (const auto& [name, values] :
         {std::pair{"iceberg", &iceberg}, std::pair{"surface", &surface}}) {
      const Agreement a = agreement(*values, per_capita);
      check.agreements.push_back(
          {layer.name, name, usage.size(), a.spearman, a.spearman_p, a.tier_agreement, a.tier_p});
    }
    check.layers.push_back(layer.name);
    check.iceberg.push_back(std::move(iceberg));
    check.surface.push_back(std::move(surface));
  }
  // A reference that knows nothing of AI: the state's mean annual wage (its wage bill over its
  // workers, the default layer's covered cells).
  const IndexResult r = compute_index(ds, cells, {});
  std::vector<double> mean_wage;
  for (const auto& u : usage) {
    const IndexFigures& f = r.states[u.state.index()];
    mean_wage.push_back(f.employment > 0 ? f.wage_bill / f.employment : 0.0);
  }
  const Agreement a = agreement(mean_wage, per_capita);
  check.agreements.push_back({"reference: mean annual wage (no AI information)", "mean wage",
                              usage.size(), a.spearman, a.spearman_p, a.tier_agreement, a.tier_p});
  return check;
}

Table geography_check_table(const GeographyCheck& check) {
  Table t;
  t.title = fmt::format("State indices against observed AI use per capita ({} states)",
                        check.usage.size());
  t.columns = {{"layer", "Capability layer", ColumnKind::kText},
               {"index", "Index", ColumnKind::kText},
               {"states", "States", ColumnKind::kCount},
               {"spearman", "Spearman", ColumnKind::kNumber, 2},
               {"spearman_p", "p", ColumnKind::kNumber, 4},
               {"tier_agreement", "Same tercile", ColumnKind::kShare, 0},
               {"tier_p", "p", ColumnKind::kNumber, 4}};
  for (const auto& a : check.agreements) {
    t.rows.push_back({a.layer, a.index, static_cast<double>(a.states), a.spearman, a.spearman_p,
                      a.tier_agreement, a.tier_p});
  }
  t.notes = {
      "Observed use: Anthropic Economic Index (release 2025-09-15), Claude.ai conversations of "
      "4-11 August 2025 by US state, per resident (Census Vintage 2023); states with no "
      "published task are left out.",
      "Same tercile: share of states in the same third (low, middle, high) by both measures; "
      "chance is about 1/3. The published Iceberg model reports 69% for its Surface index.",
      "p: one-sided permutation p-value (10,000 random pairings). The last row is a reference "
      "that knows nothing of AI: each state's mean annual wage. docs/method.md §16."};
  return t;
}

Table geography_states_table(const Dataset& ds, const GeographyCheck& check) {
  Table t;
  t.title = "Observed AI use and floe's indices by state";
  t.columns = {{"usps", "", ColumnKind::kText},
               {"name", "State", ColumnKind::kText},
               {"conversations", "Conversations", ColumnKind::kCount},
               {"per_100k", "Per 100k residents", ColumnKind::kNumber, 1},
               {"usage_tier", "Use tercile", ColumnKind::kNumber, 0}};
  // The default layer (technical, human labels, E2 = 0) is the first.
  t.columns.push_back({"iceberg", "Iceberg", ColumnKind::kShare, 1});
  t.columns.push_back({"iceberg_tier", "Tercile", ColumnKind::kNumber, 0});
  t.columns.push_back({"surface", "Surface", ColumnKind::kShare, 2});
  t.columns.push_back({"surface_tier", "Tercile", ColumnKind::kNumber, 0});
  std::vector<double> per_capita;
  for (const auto& u : check.usage) per_capita.push_back(u.per_100k);
  const auto use_tier = terciles(per_capita);
  const auto ice_tier = terciles(check.iceberg.front());
  const auto sur_tier = terciles(check.surface.front());
  for (std::size_t i = 0; i < check.usage.size(); ++i) {
    const State& s = ds.geography[check.usage[i].state];
    t.rows.push_back({s.usps, s.name, check.usage[i].conversations, check.usage[i].per_100k,
                      static_cast<double>(use_tier[i] + 1), check.iceberg.front()[i],
                      static_cast<double>(ice_tier[i] + 1), check.surface.front()[i],
                      static_cast<double>(sur_tier[i] + 1)});
  }
  std::stable_sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return std::get<double>(a[3]) > std::get<double>(b[3]);
  });
  t.notes = {
      "Terciles: 1 lowest third, 3 highest. Indices: technical layer, human labels, E2 = 0."};
  return t;
}

}  // namespace floe
