// The Iceberg Index: the share of wage value in tasks AI can perform (docs/method.md §7).
//
//   Occupation exposure   E_o = sum_t w_t c_t / sum_t w_t      over o's labeled tasks
//   Index of any region   I   = sum_cells emp * wage * E_o / sum_cells emp * wage
//   Exposed wage value        = the numerator, in dollars
//   Exposure-weighted workers = sum_cells emp * E_o
//   Surface index         S   = the numerator over "surface" occupations (SOC 15-0000,
//                               computer and mathematical, by default) / the same denominator
//
// Occupations with no labeled task have no E_o; their cells are left out of numerator and
// denominator alike and counted as uncovered employment.
#pragma once

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "floe/capability.h"
#include "floe/market.h"
#include "floe/table.h"

namespace floe {

enum class LayerKind : std::uint8_t { kTechnical, kObserved, kFile };
enum class TaskWeighting : std::uint8_t {
  kOnetType,  // core 2, supplemental 1, unrated 1 (Eloundou et al.'s weights)
  kEqual,     // every task 1
  kFile,      // a CSV with task_id and weight columns
};

// One technical layer: whose labels, the capability of an E2 task, transfer through DWAs.
struct LayerVariant {
  Labeler labeler = Labeler::kHuman;
  double e2_weight = 0.0;
  bool transfer = false;
  friend bool operator==(const LayerVariant&, const LayerVariant&) = default;
};

// The ensemble of defensible layers that `floe validate capability` finds on the shipped data
// (docs/method.md §11; a test checks that the validation still gives it).
std::vector<LayerVariant> default_ensemble();

struct IndexOptions {
  LayerKind layer = LayerKind::kTechnical;
  std::filesystem::path layer_file;   // for LayerKind::kFile
  TechnicalOptions technical;         // labeler and E2 weight
  double observed_min_percent = 0.0;  // for LayerKind::kObserved
  bool transfer = false;              // capability flows through shared DWAs
  TaskWeighting weighting = TaskWeighting::kOnetType;
  std::filesystem::path weights_file;              // for TaskWeighting::kFile
  std::vector<std::string> surface = {"15-0000"};  // SOC codes at any level
  // Every figure's interval is its lowest and highest value over these technical layers and the
  // chosen one (docs/method.md §12); empty: no intervals.
  std::vector<LayerVariant> ensemble = default_ensemble();
};

// Sums over a set of cells.
struct IndexFigures {
  double employment = 0;            // covered employment
  double wage_bill = 0;             // sum emp * wage (covered)
  double exposed_wages = 0;         // sum emp * wage * E
  double exposed_workers = 0;       // sum emp * E
  double surface_wages = 0;         // exposed wages of surface occupations
  double uncovered_employment = 0;  // in occupations without exposure
  bool estimated = false;           // any cell's employment was estimated

  double iceberg() const { return wage_bill > 0 ? exposed_wages / wage_bill : 0.0; }
  double surface() const { return wage_bill > 0 ? surface_wages / wage_bill : 0.0; }
  void add(const IndexFigures& other);
};

struct StateExtras {
  double gap = 0;  // iceberg - surface
  double hhi = 0;  // Herfindahl-Hirschman index of exposed wages across NAICS sectors, 0..1
};

// The lowest and highest value of a figure over the ensemble (NaN without an ensemble).
struct Interval {
  double low = std::numeric_limits<double>::quiet_NaN();
  double high = std::numeric_limits<double>::quiet_NaN();
  void widen(double value);  // NaN values are ignored
};

// The interval of the Iceberg index of every unit (of E_o for occupations), and of the
// below-the-surface ratio of the nation.
struct IndexRanges {
  Interval nation, below_surface;
  std::vector<Interval> states, counties, occupations, major_groups, industries;
};

// A metropolitan statistical area: from the OEWS MSA file (--oews-msa), or the sum of its
// counties' cells.
struct MetroFigures {
  std::string code;    // CBSA code
  std::string title;   // "Abilene, TX"
  std::string states;  // USPS codes of its counties in the delineation, "NY-NJ-PA"
  IndexFigures figures;
  bool published = false;  // employment and wages from the OEWS MSA file
};

struct IndexResult {
  std::string layer;                     // name of the capability layer
  std::string provenance;                // its provenance and the options
  std::vector<double> exposure;          // E_o per occupation; NaN where uncovered
  std::vector<bool> surface_occupation;  // per occupation
  IndexFigures nation;
  std::vector<IndexFigures> states;            // per StateId
  std::vector<StateExtras> state_extras;       // per StateId
  std::vector<IndexFigures> counties;          // per CountyId
  std::vector<IndexFigures> occupations;       // per OccupationId (national)
  std::vector<IndexFigures> major_groups;      // per MajorGroupId
  std::vector<IndexFigures> industries;        // per SectorId (national)
  IndexRanges ranges;                          // over options.ensemble and the chosen layer
  std::vector<IndexFigures> state_industries;  // [state * sectors + sector]
  // Whether county figures come from county industry data, or are the state's shares scaled by
  // population (then a county's iceberg and surface indices equal its state's).
  CountySource county_source = CountySource::kStateShares;
  std::vector<MetroFigures> metros;
};

// Task weights per TaskId.
std::vector<double> task_weights(const Taxonomy& taxonomy, TaskWeighting weighting,
                                 const std::filesystem::path& file = {});

// The capability layer the options describe (transfer applied).
CapabilityLayer make_layer(const Dataset& dataset, const IndexOptions& options);

// E_o per occupation from a layer and task weights; NaN for occupations with no labeled task.
std::vector<double> occupation_exposure(const Taxonomy& taxonomy, const CapabilityLayer& layer,
                                        const std::vector<double>& weights);

// Which occupations are "surface": those whose code, or broad, minor or major group, is listed.
// Throws Error for a listed code that matches no occupation.
std::vector<bool> surface_occupations(const Taxonomy& taxonomy,
                                      const std::vector<std::string>& codes);

// The index at every level for one set of options.
IndexResult compute_index(const Dataset& dataset, const Cells& cells, const IndexOptions& options);

// How many times the exposure in the visible occupations lies below the surface:
// (iceberg - surface) / surface (docs/method.md §7); NaN when the surface index is 0.
double below_surface_ratio(const IndexFigures& figures);
// The ratio as every output writes it: "13.5x", with the ensemble's range when the result has
// one ("13.5x (range 9.1x-15.0x)"); "n/a" when the surface index is 0.
std::string below_surface_text(const IndexResult& result);
// An interval of shares as every output writes it: "12.3-40.1%"; "" without an interval.
std::string interval_text(const Interval& interval);

// A breakdown of a result as a table, most exposed first.
enum class Breakdown : std::uint8_t {
  kNation,
  kState,
  kCounty,
  kOccupation,
  kMajor,
  kIndustry,       // NAICS sectors, nationally
  kStateIndustry,  // state x NAICS sector
  kMetro,          // metropolitan statistical areas
};
Table index_table(const Dataset& dataset, const IndexResult& result, Breakdown by);
const char* to_string(Breakdown by);  // "nation", "state", ..., "state-industry"

// What the Low and High columns of the state tables mean, in words: the one text that the tables'
// notes, `floe index --help` and the report use.
const char* exposure_band_note();

}  // namespace floe
