// `floe explain OCCUPATION`: everything floe knows about one occupation, and where its workers
// could move (docs/method.md, "Occupation similarity").
//
// The query is a SOC code ("43-3031"), an O*NET-SOC code ("43-3031.00"), or words from a title
// ("bookkeeping"): case-insensitive, every word the start of a word of the OEWS title or of one
// of its O*NET titles. A title equal to the query wins; otherwise the match with the most
// employment, the others listed as also matching.
//
// "Where its workers could move": its career moves (include/floe/career.h) under the chosen
// options: suggested ones, then those flagged for needing more than one Job Zone of preparation,
// each with what to learn.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "floe/index.h"
#include "floe/similarity.h"

namespace floe {

struct OccupationMatch {
  OccupationId occupation;
  std::string matched_by;  // "SOC code", "O*NET-SOC code 13-1021.00 (counted in 13-1020)", ...
  std::vector<OccupationId> also_matching;  // other title matches, most employment first
};

// Resolves a query. Throws Error (one line, with the closest titles) when nothing matches.
OccupationMatch find_occupation_query(const Dataset& dataset, std::string_view query);

struct ExplainOptions {
  IndexOptions index;            // the chosen capability layer, labels, weights
  SimilarityOptions similarity;  // block weights
  std::size_t moves = 10;        // suggested moves listed (and up to 3 flagged ones)
};

struct Explanation {
  Table profile;   // one row: codes, titles, group, employment, wage, job zone, exposure, rank
  Table tasks;     // one row per task: type, labels, capability, DWAs; most capable first
  Table exposure;  // one row per layer x labeler x E2 weight x transfer: exposure and rank
  Table moves;     // career moves: suggested, then flagged
};

Explanation explain_occupation(const Dataset& dataset, const OccupationMatch& match,
                               const ExplainOptions& options);

// "table": a page for people (at most `max_tasks` tasks, 0 = all); "csv": each table after a
// "# name" line; "json": one object keyed by profile, tasks, exposure, moves.
void write_explanation(std::ostream& out, const Explanation& explanation, std::string_view format,
                       std::size_t max_tasks = 0);

}  // namespace floe
