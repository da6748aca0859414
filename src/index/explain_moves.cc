#include "index/explain_moves.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "floe/career.h"
#include "floe/numbers.h"

namespace floe::detail {
namespace {

// "Economics and Accounting 2.0 -> 5.0; Programming 1.0 -> 4.5" (O*NET levels, 0-7).
std::string learning(const Taxonomy& t, OccupationId from, OccupationId to) {
  std::string out;
  for (const LearningGap& g : what_to_learn(t, from, to)) {
    if (!out.empty()) out += "; ";
    out += fmt::format("{} {:.1f} -> {:.1f}", t.descriptors[g.descriptor].name, g.from_level,
                       g.to_level);
  }
  return out;
}

}  // namespace

Table career_moves_table(const Dataset& ds, OccupationId o, const std::vector<double>& exposure,
                         const SimilarityMatrix& similarity, std::size_t suggested,
                         std::size_t flagged) {
  const Taxonomy& t = ds.taxonomy;
  const std::size_t n = t.occupations.size();
  std::vector<double> openings(n), wage(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double v = annual_openings(ds, OccupationId(i));
    openings[i] = std::isnan(v) ? 0.0 : v;
    const Wage& w = ds.labor.national[i].mean;
    wage[i] = w.source == WageSource::kMissing ? kNaN : w.annual;
  }
  const CareerCandidates candidates(t, similarity);
  const auto moves = career_moves(candidates, o, {exposure, openings, wage});

  Table m;
  m.title = "Where its workers could move: similar work, less exposed, within reach";
  m.columns = {{"soc_code", "SOC", ColumnKind::kText},
               {"title", "Occupation", ColumnKind::kText},
               {"suggested", "Suggested", ColumnKind::kFlag},
               {"similarity", "Similarity", ColumnKind::kNumber, 2},
               {"job_zone", "Job zone", ColumnKind::kNumber, 1},
               {"preparation_gap", "Gap", ColumnKind::kNumber, 1},
               {"preparation", "Preparation", ColumnKind::kText},
               {"exposure", "Exposure", ColumnKind::kShare, 1},
               {"exposure_drop", "Drop", ColumnKind::kShare, 1},
               {"mean_wage", "Mean wage", ColumnKind::kDollars},
               {"pay_kept", "Pay kept", ColumnKind::kShare, 0},
               {"openings", "Openings a year", ColumnKind::kCount},
               {"score", "Score", ColumnKind::kNumber, 4},
               {"learn", "What to learn (O*NET level 0-7)", ColumnKind::kText}};
  std::size_t shown_suggested = 0, shown_flagged = 0;
  for (const CareerMove& mv : moves) {
    std::size_t& shown = mv.suggested ? shown_suggested : shown_flagged;
    if (shown >= (mv.suggested ? suggested : flagged)) continue;
    ++shown;
    const OccupationId x = mv.occupation;
    m.rows.push_back({t[x].soc_code, t[x].title, mv.suggested, mv.similarity,
                      candidates.job_zone(x), mv.preparation_gap,
                      preparation_time(candidates.job_zone(x)), exposure[x.index()],
                      mv.exposure_drop, wage[x.index()], mv.pay_kept, openings[x.index()], mv.score,
                      learning(t, o, x)});
  }
  m.notes.push_back(
      "Suggested: less exposed, at most one Job Zone more preparation, with openings; ranked by "
      "score = similarity x exposure drop x pay kept x openings factor (docs/method.md §14). "
      "Flagged (not suggested): more than one Job Zone more preparation; 'Preparation' is what "
      "its Job Zone typically takes.");
  if (std::isnan(exposure[o.index()])) {
    m.notes.push_back("No exposure for this occupation: nothing to compare.");
  }
  return m;
}

}  // namespace floe::detail
