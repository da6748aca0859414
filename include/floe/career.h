// Career moves: where the workers of an occupation could go when AI exposes their work
// (docs/method.md §14). One definition, used by `floe explain`, the dashboard, and the
// simulation's job matching and retraining.
//
// Candidates of o: the k occupations most similar to o (SimilarityMatrix::most_similar), each
// with
//   similarity       s(o, o')
//   preparation gap  g(o, o') = z(o') - z(o), where z is the mean O*NET Job Zone of the
//                    occupation's O*NET occupations (1 little preparation .. 5 extensive); NaN
//                    when either has no Job Zone
//
// Given, per occupation, the exposure E, the openings V >= 0 and the mean wage w, a candidate
// o' is a *suggested* move from o when
//   exposure drops          E(o') < E(o)
//   preparation is close    g(o, o') <= 1 (known)
//   jobs are open           V(o') > 0
// A candidate that meets the first and last but needs more than one Job Zone of preparation is
// *flagged* (listed with the years of preparation its Job Zone typically takes), never
// suggested; one whose gap is unknown is neither. Suggested moves are ranked by
//
//   score = s(o, o') · (E(o) - E(o')) · min(1, w(o') / w(o)) · V(o') / (V(o') + V̄(o))
//
// four factors in [0, 1]: skills that transfer, exposure avoided, pay kept (a raise adds
// nothing, a cut takes away in proportion; 1 when a wage is unknown), and openings relative to
// V̄(o), the mean openings over o's candidates. Ties go to the higher similarity, then the
// lower occupation index. Flagged moves follow the suggested ones, in the same order.
//
// What to learn for a move o -> o': the Skills and Knowledge areas that o' rates important
// (importance >= 3 of 5) at a level (0-7) at least a quarter point higher than o's, the largest
// level gaps first, at most five.
//
// CareerCandidates is immutable after construction and safe to share between threads; the
// functions are stateless.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "floe/dataset.h"
#include "floe/similarity.h"

namespace floe {

struct CareerCandidate {
  OccupationId occupation;
  float similarity = 0;
  float preparation_gap = 0;  // NaN when unknown
};

class CareerCandidates {
 public:
  CareerCandidates() = default;
  // The k most similar occupations of every occupation, with their preparation gaps.
  CareerCandidates(const Taxonomy& taxonomy, const SimilarityMatrix& similarity,
                   std::size_t k = 20);

  std::size_t size() const { return candidates_.rows(); }
  std::span<const CareerCandidate> of(OccupationId o) const { return candidates_.row(o.index()); }
  double job_zone(OccupationId o) const { return zone_[o.index()]; }  // NaN when unrated

 private:
  Csr<CareerCandidate> candidates_;
  std::vector<double> zone_;
};

// What moves are judged on, per OccupationId (spans over the caller's arrays).
struct MoveInputs {
  std::span<const double> exposure;  // E; NaN: never a destination, and no moves from it
  std::span<const double> openings;  // V >= 0 (a simulation month's, or annual_openings)
  std::span<const double> wage;      // mean annual wage; NaN or <= 0 when unknown
};

struct CareerMove {
  OccupationId occupation;
  double similarity = 0;
  double preparation_gap = 0;
  double exposure_drop = 0;    // E(o) - E(o')
  double pay_kept = 1;         // min(1, w(o') / w(o))
  double openings_factor = 0;  // V(o') / (V(o') + V̄(o))
  double score = 0;
  bool suggested = false;  // false: flagged, preparation gap > 1 Job Zone
};

// The suggested moves from `from`, best first, then (when `flagged`) the flagged ones. Throws
// Error when the inputs do not have one value per occupation.
std::vector<CareerMove> career_moves(const CareerCandidates& candidates, OccupationId from,
                                     const MoveInputs& inputs, bool flagged = true);

// Every occupation's best suggested move (an invalid OccupationId when it has none), written to
// `best` (one entry per occupation). For the simulation's monthly retraining targets: no
// allocation, a pass over each occupation's candidates.
void best_career_moves(const CareerCandidates& candidates, const MoveInputs& inputs,
                       std::span<OccupationId> best);

// "up to 3 months", "3 months to 1 year", "1 to 2 years", "2 to 4 years", "4 years or more": the
// preparation a Job Zone typically takes (O*NET Job Zone Reference, SVP ranges), for a zone
// rounded to the nearest whole zone.
std::string preparation_time(double job_zone);

// Workers the occupation hires a year: OEWS national employment times the BLS Employment
// Projections 2024-34 rates, 10-year growth / 10 + labor force exits + occupational transfers.
// NaN without projections or published employment.
double annual_openings(const Dataset& dataset, OccupationId occupation);

struct LearningGap {
  std::size_t descriptor = 0;  // index into Taxonomy::descriptors
  double from_level = 0, to_level = 0;
};
std::vector<LearningGap> what_to_learn(const Taxonomy& taxonomy, OccupationId from, OccupationId to,
                                       std::size_t most = 5);

}  // namespace floe
