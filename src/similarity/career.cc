// Career moves: candidates, the rule and the score (formulas in include/floe/career.h and
// docs/method.md §14).
#include "floe/career.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "floe/error.h"
#include "floe/numbers.h"

namespace floe {
namespace {

// Job Zones are means of whole zones: a gap of exactly one may carry float noise.
constexpr double kOneZone = 1.0 + 1e-6;

// The mean Job Zone of the occupation's O*NET occupations; NaN when none is rated.
double mean_job_zone(const Taxonomy& t, OccupationId o) {
  double sum = 0;
  int n = 0;
  for (OnetOccupationId onet : t[o].onet) {
    if (t[onet].job_zone == 0) continue;
    sum += t[onet].job_zone;
    ++n;
  }
  return n > 0 ? sum / n : kNaN;
}

void check_inputs(const CareerCandidates& c, const MoveInputs& in) {
  const std::size_t n = c.size();
  if (in.exposure.size() != n || in.openings.size() != n || in.wage.size() != n) {
    throw Error("career moves: inputs for " + std::to_string(in.exposure.size()) + ", " +
                std::to_string(in.openings.size()) + " and " + std::to_string(in.wage.size()) +
                " occupations, candidates for " + std::to_string(n));
  }
}

// V̄(o): the mean openings over o's candidates.
double mean_openings(const CareerCandidates& c, OccupationId from, const MoveInputs& in) {
  double sum = 0;
  std::size_t n = 0;
  for (const CareerCandidate& x : c.of(from)) {
    const double v = in.openings[x.occupation.index()];
    if (!(v > 0)) continue;
    sum += v;
    ++n;
  }
  return n > 0 ? sum / static_cast<double>(n) : 0.0;
}

// The move to candidate x when it is suggested or flagged; nothing when it is neither.
std::optional<CareerMove> judge(OccupationId from, const CareerCandidate& x, const MoveInputs& in,
                                double mean_v) {
  const double e_from = in.exposure[from.index()];
  const double e_to = in.exposure[x.occupation.index()];
  const double v = in.openings[x.occupation.index()];
  if (std::isnan(e_from) || std::isnan(e_to) || !(e_to < e_from) || !(v > 0)) return std::nullopt;
  if (std::isnan(x.preparation_gap)) return std::nullopt;
  CareerMove m;
  m.occupation = x.occupation;
  m.similarity = x.similarity;
  m.preparation_gap = x.preparation_gap;
  m.exposure_drop = e_from - e_to;
  const double w_from = in.wage[from.index()], w_to = in.wage[x.occupation.index()];
  if (w_from > 0 && w_to > 0) m.pay_kept = std::min(1.0, w_to / w_from);
  m.openings_factor = v / (v + mean_v);
  m.score = m.similarity * m.exposure_drop * m.pay_kept * m.openings_factor;
  m.suggested = x.preparation_gap <= kOneZone;
  return m;
}

// Suggested before flagged; then higher score, higher similarity, lower index.
bool better(const CareerMove& a, const CareerMove& b) {
  if (a.suggested != b.suggested) return a.suggested;
  if (a.score != b.score) return a.score > b.score;
  if (a.similarity != b.similarity) return a.similarity > b.similarity;
  return a.occupation < b.occupation;
}

}  // namespace

CareerCandidates::CareerCandidates(const Taxonomy& t, const SimilarityMatrix& s, std::size_t k) {
  const std::size_t n = t.occupations.size();
  if (s.size() != n) throw Error("career candidates: the similarity is for another taxonomy");
  zone_.resize(n);
  for (std::size_t o = 0; o < n; ++o) zone_[o] = mean_job_zone(t, OccupationId(o));
  for (std::size_t o = 0; o < n; ++o) {
    std::vector<CareerCandidate> row;
    for (OccupationId x : s.most_similar(OccupationId(o), k)) {
      row.push_back({x, s(OccupationId(o), x), static_cast<float>(zone_[x.index()] - zone_[o])});
    }
    candidates_.add_row(row);
  }
}

std::vector<CareerMove> career_moves(const CareerCandidates& c, OccupationId from,
                                     const MoveInputs& in, bool flagged) {
  check_inputs(c, in);
  const double mean_v = mean_openings(c, from, in);
  std::vector<CareerMove> moves;
  for (const CareerCandidate& x : c.of(from)) {
    const auto m = judge(from, x, in, mean_v);
    if (m && (m->suggested || flagged)) moves.push_back(*m);
  }
  std::sort(moves.begin(), moves.end(), better);
  return moves;
}

void best_career_moves(const CareerCandidates& c, const MoveInputs& in,
                       std::span<OccupationId> best) {
  check_inputs(c, in);
  if (best.size() != c.size()) throw Error("career moves: output is not one per occupation");
  for (std::size_t o = 0; o < c.size(); ++o) {
    const OccupationId from(o);
    const double mean_v = mean_openings(c, from, in);
    std::optional<CareerMove> top;
    for (const CareerCandidate& x : c.of(from)) {
      const auto m = judge(from, x, in, mean_v);
      if (m && m->suggested && (!top || better(*m, *top))) top = m;
    }
    best[o] = top ? top->occupation : OccupationId();
  }
}

}  // namespace floe
