// The Related Occupations recall table (include/floe/similarity_validation.h).
#include "floe/similarity_validation.h"

#include <fmt/format.h>

#include <optional>

namespace floe {
namespace {

std::string describe(const BlockWeights& a) {
  std::string out;
  for (std::size_t b = 0; b < kSimilarityBlocks; ++b) {
    if (a[b] <= 0) continue;
    out += fmt::format("{}{} {:.2g}", out.empty() ? "" : ", ",
                       to_string(static_cast<SimilarityBlock>(b)), a[b]);
  }
  return out;
}

}  // namespace

Table similarity_validation_table(const Taxonomy& t, const std::vector<double>& weights,
                                  const SimilarityValidationOptions& options) {
  const BlockSimilarities blocks = block_similarities(t, weights);
  Table table;
  table.title = fmt::format(
      "Recall@{} of O*NET Related Occupations among the most similar occupations "
      "(docs/method.md §13)",
      options.k);
  table.columns = {{"similarity", "Similarity", ColumnKind::kText},
                   {"weights", "Block weights", ColumnKind::kText}};
  const std::optional<RelatedTier> tiers[] = {RelatedTier::kPrimaryShort, RelatedTier::kPrimaryLong,
                                              RelatedTier::kSupplemental, std::nullopt};
  const char* tier_key[] = {"primary_short", "primary_long", "supplemental", "all"};
  for (const Half half : {Half::kFit, Half::kHeldOut}) {
    for (int k = 0; k < 4; ++k) {
      table.columns.push_back(
          {fmt::format("{}_{}", tier_key[k], half == Half::kFit ? "fit" : "held_out"),
           fmt::format("{} {}", tier_key[k], to_string(half)), ColumnKind::kShare, 1});
    }
  }
  for (int k = 0; k < 4; ++k) {
    table.columns.push_back({fmt::format("{}_ceiling", tier_key[k]),
                             fmt::format("{} ceiling", tier_key[k]), ColumnKind::kShare, 1});
  }
  table.columns.push_back({"hit_rate_held_out", "Hit rate held-out", ColumnKind::kShare, 1});

  auto add = [&](const std::string& name, const SimilarityMatrix& s, const BlockWeights& a) {
    std::vector<Value> row{name, describe(a)};
    std::vector<double> ceilings;
    double hit_rate = 0;
    for (const Half half : {Half::kFit, Half::kHeldOut}) {
      for (const auto& tier : tiers) {
        const RelatedRecall r = related_recall(t, s, {options.k, tier, half});
        row.emplace_back(r.mean_recall);
        if (half == Half::kHeldOut) {
          ceilings.push_back(r.ceiling);
          if (!tier) hit_rate = r.hit_rate;
        }
      }
    }
    for (double c : ceilings) row.emplace_back(c);
    row.emplace_back(hit_rate);
    table.rows.push_back(std::move(row));
  };
  const BlockWeights defaults = SimilarityOptions{}.weights;
  add("default (fitted)", blocks.combine(defaults), defaults);
  if (options.refit) {
    const SimilarityFit fit = fit_similarity_weights(t, blocks, {.k = options.k});
    add("refit now", blocks.combine(fit.weights), fit.weights);
  }
  for (std::size_t b = 0; b < kSimilarityBlocks; ++b) {
    BlockWeights a{};
    a[b] = 1;
    add(std::string(to_string(static_cast<SimilarityBlock>(b))) + " alone", blocks.combine(a), a);
  }
  FitOptions without_words{.k = options.k};
  without_words.use = {true, true, true, true, false, false};
  const SimilarityFit ratings = fit_similarity_weights(t, blocks, without_words);
  add("fitted without task and title words", blocks.combine(ratings.weights), ratings.weights);
  // The measure before: raw skill importances and DWAs without rarity weights, half each.
  const BlockWeights earlier = {0.5, 0, 0.5, 0, 0, 0};
  add("earlier (raw skills, DWAs)", earlier_block_similarities(t, weights).combine(earlier),
      earlier);
  table.notes = {
      "recall = mean over occupations of the share of their O*NET related occupations (in the "
      "tier) among their 10 most similar; ceiling = the best any ranking can do given how many "
      "each lists. Weights are fitted on the fit half only; the held-out half decides nothing.",
      "Targets (issue 13): Primary-Short >= 60%, all tiers >= 40%, held out."};
  return table;
}

}  // namespace floe
