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

struct IndexOptions {
  LayerKind layer = LayerKind::kTechnical;
  std::filesystem::path layer_file;   // for LayerKind::kFile
  TechnicalOptions technical;         // labeler and E2 weight
  double observed_min_percent = 0.0;  // for LayerKind::kObserved
  bool transfer = false;              // capability flows through shared DWAs
  TaskWeighting weighting = TaskWeighting::kOnetType;
  std::filesystem::path weights_file;              // for TaskWeighting::kFile
  std::vector<std::string> surface = {"15-0000"};  // SOC codes at any level
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
  double band_low = 0, band_high = 0;  // min and max iceberg over labelers x E2 weights
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
  std::vector<IndexFigures> states;        // per StateId
  std::vector<StateExtras> state_extras;   // per StateId
  std::vector<IndexFigures> counties;      // per CountyId
  std::vector<IndexFigures> occupations;   // per OccupationId (national)
  std::vector<IndexFigures> major_groups;  // per MajorGroupId
  std::vector<IndexFigures> industries;    // per SectorId (national)
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

}  // namespace floe
