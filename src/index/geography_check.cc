// floe's state indices against observed AI use by state (docs/method.md §11).
#include "floe/geography_check.h"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "data/state_usage.h"
#include "data/text_file.h"
#include "floe/compare.h"
#include "floe/error.h"
#include "floe/random.h"

namespace floe {
namespace {

constexpr int kPermutations = 10000;

std::vector<double> ranks(const std::vector<double>& x) {
  return weighted_ranks(x, std::vector<double>(x.size(), 1.0));
}

// x - mean(x), scaled to unit length: the Pearson correlation of two such series is their dot
// product, which a permutation of one of them leaves cheap to recompute.
std::vector<double> standardized(std::vector<double> x) {
  double mean = 0, norm = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  for (double& v : x) {
    v -= mean;
    norm += v * v;
  }
  norm = std::sqrt(norm);
  for (double& v : x) v = norm > 0 ? v / norm : 0.0;
  return x;
}

double same_tier(const std::vector<int>& a, const std::vector<int>& b) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

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

std::vector<int> terciles(const std::vector<double>& x) {
  const std::size_t n = x.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return x[a] < x[b]; });
  const std::size_t base = n / 3, extra = n % 3;
  std::vector<int> tier(n);
  std::size_t rank = 0;
  for (int t = 0; t < 3; ++t) {
    const std::size_t size = base + (static_cast<std::size_t>(t) < extra ? 1 : 0);
    for (std::size_t i = 0; i < size; ++i) tier[order[rank++]] = t;
  }
  return tier;
}

Agreement agreement(const std::vector<double>& x, const std::vector<double>& y,
                    std::uint64_t seed) {
  if (x.size() != y.size() || x.size() < 3) throw Error("agreement: need two series of 3+ values");
  Agreement a;
  const std::vector<double> rx = standardized(ranks(x)), ry = standardized(ranks(y));
  const std::vector<int> tx = terciles(x), ty = terciles(y);
  auto dot = [](const std::vector<double>& u, const std::vector<double>& v) {
    double sum = 0;
    for (std::size_t i = 0; i < u.size(); ++i) sum += u[i] * v[i];
    return sum;
  };
  a.spearman = dot(rx, ry);  // Spearman's rho: Pearson's r of the ranks (ties at mid-rank)
  a.tier_agreement = same_tier(tx, ty);
  // Random pairings: y's ranks and tiers shuffled together (Fisher-Yates, counter-based draws).
  const Random rng(seed);
  int rho_at_least = 0, tier_at_least = 0;
  std::vector<std::size_t> perm(x.size());
  std::vector<double> shuffled_ranks(x.size());
  std::vector<int> shuffled_tiers(x.size());
  for (int p = 0; p < kPermutations; ++p) {
    std::iota(perm.begin(), perm.end(), 0);
    for (std::size_t i = perm.size() - 1; i > 0; --i) {
      const double u = rng.uniform(Stream::kGeographyCheck, static_cast<std::uint64_t>(p),
                                   static_cast<std::uint32_t>(i));
      std::swap(perm[i], perm[static_cast<std::size_t>(u * static_cast<double>(i + 1))]);
    }
    for (std::size_t i = 0; i < perm.size(); ++i) {
      shuffled_ranks[i] = ry[perm[i]];
      shuffled_tiers[i] = ty[perm[i]];
    }
    rho_at_least += dot(rx, shuffled_ranks) >= a.spearman - 1e-12;
    tier_at_least += same_tier(tx, shuffled_tiers) >= a.tier_agreement - 1e-12;
  }
  a.spearman_p = (rho_at_least + 1.0) / (kPermutations + 1.0);
  a.tier_p = (tier_at_least + 1.0) / (kPermutations + 1.0);
  return a;
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
      "that knows nothing of AI: each state's mean annual wage. docs/method.md §11."};
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
