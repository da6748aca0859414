// The war for AI talent: how AI-skilled people move among big tech, AI labs, stealth startups,
// other tech, other industries and universities, calibrated by gradient to observed facts
// (docs/talent.md).
//
// Two forms of one model share every formula:
//  - the expected-flow form: headcounts move as expected values, smooth in the parameters, so
//    that dual numbers give the exact Jacobian of every target (calibration);
//  - the agent form: each AI-skilled worker is a record that exits, stays or moves by one
//    counter-based random draw a month (a segment of `floe simulate`, same engine and store).
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "floe/table.h"

namespace floe {

class Store;

// Employer classes, in the order of data/talent/employers.csv (the model gives some of them
// roles: big tech's net flow, the startups' equity, academia's PhDs).
enum class Employer : int {
  kBigTech,
  kAiLabs,
  kStealth,
  kOtherTech,
  kHealthCare,
  kFinance,
  kOtherIndustry,
  kAcademia
};
inline constexpr int kEmployers = 8;
// Kinds of AI-skilled worker, in the order of data/talent/segments.csv.
inline constexpr int kSegments = 3;  // researchers, ML engineers and data scientists, AI engineers
inline constexpr int kResearchers = 0;

// A calendar month as an index: months since January 2011 (the talent model's first month).
inline constexpr int kTalentFirstYear = 2011;
int talent_month(int year, int month);           // 2022, 12 -> 143
std::string talent_date(int index);              // 143 -> "2022-12"
int parse_talent_date(const std::string& text);  // "2022-12" -> 143; -1 if malformed

struct EmployerClass {
  std::string key, label;
  double pay = 0;       // annual pay relative to big tech
  double equity = 0;    // expected yearly equity value, relative to big-tech pay
  double autonomy = 0;  // 0-1
  double mission = 0;   // 0-1
  double openings = 0;  // relative number of AI job openings (the "size" of the choice)
  std::string source;
};

struct TalentSegmentData {
  std::string key, label, soc;
  double soc_share = 1;  // share of the SOC occupation's employment that is this segment
  double exit_rate = 0;  // per month: leaving the occupation (BLS EP separations rate / 12)
  std::vector<std::pair<int, double>> observed;  // (month index of May, OEWS employment)
  std::vector<double> headcount;                 // H_s(t), t = 0 .. months
};

// An observed fact the model is fitted to (data/talent/targets.csv).
struct TalentTarget {
  enum class Kind { kValue, kEachBelow, kEachAbove, kRatio, kRatioAtLeast };
  std::string key, statistic, description, source;
  Kind kind = Kind::kValue;
  int first = 0, last = 0;            // months the statistic is taken over (inclusive)
  int base_first = 0, base_last = 0;  // for ratios: the base period
  double observed = 0;
  double tolerance = 0;  // kValue: absolute; kEach*: hinge scale; kRatio*: a factor (> 1)
  std::size_t line = 0;
};

struct TalentData {
  std::filesystem::path dir;  // data/talent
  int months = 0;             // modelled months: 0 .. months-1
  int launch = 0;             // December 2022: the first month after ChatGPT's launch
  std::array<EmployerClass, kEmployers> employers;
  std::array<TalentSegmentData, kSegments> segments;
  std::vector<TalentTarget> targets;
};

// A target's kind as targets.csv names it: "value", "each_below", "each_above", "ratio",
// "ratio_at_least".
const char* to_string(TalentTarget::Kind kind);

// What a target asks for, as people read it (docs/talent.md §4), from its kind as targets.csv
// names it: "168 ± 50", "≤ 0 every month", "20× (within a factor of 1.5)", "≥ 100×"; numbers to
// three significant digits. An unknown kind (a run file from before floe wrote them) reads as a
// value target.
std::string target_goal(std::string_view kind, double observed, double tolerance);

// Why a small run's agents can miss targets the fitted model meets: one note for every table
// that shows "this run's agents" against the targets, for a run at `scale` (0.01: 1%).
std::string talent_scale_note(double scale);

// Reads data/talent/*.csv and sizes the segments from the OEWS national files 2021-2024 and BLS
// Employment Projections under `data_dir`, for months through `last_month` (an index).
// Throws DataError naming the file, line and field of any problem.
TalentData load_talent_data(const std::filesystem::path& data_dir, int last_month);

// The calibrated parameters, in natural units (docs/talent.md §6 lists each with its prior).
inline constexpr int kTalentParameters = 15;
struct TalentParameterSpec {
  const char* name;
  const char* meaning;
  bool positive;           // fitted as log(value)
  double prior, prior_sd;  // mean and standard deviation, on the fitted (log) scale's value
};
const std::array<TalentParameterSpec, kTalentParameters>& talent_parameter_specs();
using TalentParameters = std::array<double, kTalentParameters>;
TalentParameters prior_talent_parameters();
// Three deliberately different starting points for calibration ("prior", "low", "high").
std::vector<std::pair<std::string, TalentParameters>> talent_starting_points();

// Scenario levers, applied from month `from` on (docs/talent.md §5).
struct TalentLevers {
  int from = 0;
  double non_compete = 0;      // share of moves to competitors that enforcement prevents, 0-1
  double immigration = 0;      // relative increase in new AI workers a month (>= 0)
  double big_tech_pay = 0;     // relative change in big-tech pay (> -1)
  double funding_drought = 0;  // share of startups' expected equity value lost, 0-1
};

// The expected-flow path: monthly stocks and flows.
struct TalentPath {
  int months = 0;
  // [t][s * kEmployers + k]: headcount at the start of month t (t = 0 .. months)
  std::vector<std::array<double, kSegments * kEmployers>> headcount;
  // [t][s * kEmployers + k]: new workers who joined k during month t
  std::vector<std::array<double, kSegments * kEmployers>> entrants;
  // [t][j * kEmployers + k]: job-to-job moves from j to k during month t, all segments
  std::vector<std::array<double, kEmployers * kEmployers>> moves;
  // [t][k]: researchers joining k during month t (moves and entrants)
  std::vector<std::array<double, kEmployers>> researcher_hires;
  // [t][k]: new AI PhDs by where they go; k = kEmployers: outside the modelled employers
  std::vector<std::array<double, kEmployers + 1>> phds;
  std::vector<double> genai;  // G(t): generative-AI postings relative to May 2024
};

TalentPath expected_talent_path(const TalentData& data, const TalentParameters& parameters,
                                const TalentLevers& levers = {});

// One target against a model path.
struct TargetFit {
  const TalentTarget* target = nullptr;
  double model = 0;  // the statistic (for kEach*: the worst month)
  bool within = false;
};
std::vector<TargetFit> fit_targets(const TalentData& data, const TalentPath& path);

// What happened in one calendar month of the agent form, counted over agents.
struct TalentMonth {
  std::array<double, kSegments * kEmployers> headcount{};  // at the start of the month
  std::array<double, kSegments * kEmployers> entrants{};
  std::array<double, kSegments * kEmployers> exits{};
  std::array<double, kEmployers * kEmployers> moves{};  // [from * kEmployers + to]
  std::array<double, kEmployers> researcher_hires{};    // researchers joining: moves and new
  std::array<double, kEmployers + 1> phd{};             // new AI PhDs by destination, outside last
  double genai = 0;                                     // G(t), as in the expected form
};

struct TalentCalibration {
  std::string start_name;
  TalentParameters start{}, fitted{};
  double loss_before = 0, loss_after = 0;  // ½ Σ residual², targets and priors
  int iterations = 0;
  bool converged = false;
  double seconds = 0;
  std::vector<TargetFit> before, after;
  bool all_within() const;
};
TalentCalibration calibrate_talent(const TalentData& data, const TalentParameters& start,
                                   const std::string& start_name = "prior");

// The loss ½ Σ r² and its gradient by dual numbers (for the finite-difference test and for
// `floe talent calibrate --check-gradient`); `fitted` is in the fitted (log) scale.
double talent_loss(const TalentData& data, const std::vector<double>& fitted,
                   std::vector<double>* gradient);
std::vector<double> to_fitted_scale(const TalentParameters& p);
TalentParameters from_fitted_scale(const std::vector<double>& x);

// Parameters as a small TOML file ([talent.parameters] name = value), for saving a fit and
// giving it to a scenario.
void write_talent_parameters(const std::filesystem::path& path, const TalentParameters& p,
                             const std::string& comment);
TalentParameters read_talent_parameters(const std::filesystem::path& path);

// The talent segment of a simulation run (filled by floe::simulate when the scenario's
// talent.enabled is true): agents from January 2011 through the run's last month.
struct TalentRun {
  bool enabled = false;
  int start = 0;                // talent month index of the workforce run's month 1 (run.start)
  double scale = 1;             // share of the US AI-skilled workforce simulated
  std::string parameters_from;  // "calibrated at the start of the run" or the file
  TalentData data;
  TalentParameters parameters{};
  TalentLevers levers;
  std::vector<TalentMonth> months;  // months 0 .. start + (months run) - 1
};

// The segment's results as tables: by employer class and month, moves, new PhDs, indicators,
// targets (expected form and agents) and parameters; written to a run's results file as
// talent_month, talent_moves, talent_phd, talent_series, talent_targets, talent_parameters.
std::vector<Table> talent_tables(const TalentRun& run);
// A calibration's targets (observed, tolerance, model before and after, within) and parameters
// (start, fitted, prior), for the terminal, CSV/JSON and the HTML report.
Table talent_fit_table(const TalentCalibration& c);
Table talent_parameter_table(const TalentCalibration& c);
void write_talent_tables(Store& store, const TalentRun& run);

}  // namespace floe
