// The backtest's data and scores (docs/model.md §14, "Backtest").
#include "floe/backtest.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "data/oews.h"
#include "data/text_file.h"
#include "dataset/paths.h"
#include "floe/compare.h"
#include "floe/error.h"

namespace floe {

ObservedYear read_observed_year(const std::filesystem::path& data_dir, int year) {
  const std::string name = dataset::oews_national(year);
  std::filesystem::path plain = data_dir / name, compressed = plain;
  compressed += ".zst";
  std::error_code ec;
  if (!std::filesystem::exists(plain, ec) && !std::filesystem::exists(compressed, ec)) {
    throw DataError(plain.string(), 0, "",
                    "no OEWS national file for May " + std::to_string(year) +
                        " in the data (also looked for " + compressed.filename().string() + ")");
  }
  const data::OewsTable table = data::read_oews(data::find_data_file(data_dir, name));
  ObservedYear out;
  out.year = year;
  out.file = table.file;
  for (const data::OewsRow& row : table.rows) {
    if (row.employment.has_value()) out.employment[row.occ_code] = row.employment.value;
  }
  return out;
}

ChangeJoin join_observed(const std::vector<std::string>& model_codes, const ObservedYear& start,
                         const ObservedYear& end) {
  ChangeJoin join;
  for (std::size_t i = 0; i < model_codes.size(); ++i) {
    const std::string& code = model_codes[i];
    const auto s = start.employment.find(code);
    const auto e = end.employment.find(code);
    // A zero start has no relative change: counted with the codes the start year lacks.
    const bool has_start = s != start.employment.end() && s->second > 0;
    if (!has_start) join.missing_start.push_back(code);
    if (e == end.employment.end()) join.missing_end.push_back(code);
    if (has_start && e != end.employment.end())
      join.joined.push_back({i, code, s->second, e->second});
  }
  return join;
}

ChangeScores score_changes(std::span<const double> predicted, std::span<const double> observed,
                           std::span<const double> weights) {
  if (predicted.size() != observed.size() || predicted.size() != weights.size()) {
    throw Error("score_changes: predicted, observed and weights differ in length");
  }
  ChangeScores s;
  s.occupations = predicted.size();
  if (predicted.empty()) {
    s.pearson = s.weighted_pearson = s.mae = s.weighted_mae = s.weighted_mae_relative =
        std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  // Log changes for the correlations: symmetric in growth and decline, so that a few small
  // occupations that doubled do not decide them (docs/model.md §14).
  std::vector<double> log_p(predicted.size()), log_o(predicted.size()), ones(predicted.size(), 1);
  double abs_sum = 0, w_abs_sum = 0, w_sum = 0;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    // A loss of (nearly) everything has no finite log: changes count from -99% down as -99%.
    log_p[i] = std::log1p(std::max(predicted[i], -0.99));
    log_o[i] = std::log1p(std::max(observed[i], -0.99));
    const double error = 100 * std::abs(predicted[i] - observed[i]);
    abs_sum += error;
    w_abs_sum += weights[i] * error;
    w_sum += weights[i];
  }
  double mean_p = 0, mean_o = 0;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    mean_p += weights[i] * predicted[i];
    mean_o += weights[i] * observed[i];
  }
  mean_p /= w_sum;
  mean_o /= w_sum;
  double w_rel_sum = 0;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    w_rel_sum += weights[i] * 100 * std::abs((predicted[i] - mean_p) - (observed[i] - mean_o));
  }
  s.weighted_mae_relative = w_rel_sum / w_sum;
  s.pearson = weighted_pearson(log_p, log_o, ones);
  s.weighted_pearson = weighted_pearson(log_p, log_o, weights);
  s.mae = abs_sum / static_cast<double>(predicted.size());
  s.weighted_mae = w_abs_sum / w_sum;
  return s;
}

double skill_score(double mae_model, double mae_reference) {
  return 1.0 - mae_model / mae_reference;
}

double prorated_growth(double growth_10y, double years) {
  return std::pow(1.0 + growth_10y, years / 10.0) - 1.0;
}

double bass_share_since_release(double months, double p, double q) {
  if (months <= 0 || p <= 0) return 0;
  const double decay = std::exp(-(p + q) * months);
  return (1.0 - decay) / (1.0 + (q / p) * decay);
}

}  // namespace floe
