// Simulation runs read back from their results files (`floe simulate`, write_simulation_db in
// include/floe/simulation.h), and two runs compared: `floe compare` and `floe report --run`.
//
// A run file holds the tables run(key, value), national(month, ...), state_major(month,
// state_fips, major, ...), county_major(month, county_fips, major, ...) (every county_every
// months and the last) and flows(month, from_major, to_major, moves); with the AI-talent segment
// (talent.enabled, the default) also talent_month, talent_series and talent_targets, among
// others (docs/talent.md). SimulationRun reads them into plain structs; every problem is an
// Error of one line that names the file.
//
// A SimulationRun holds one read-only SQLite connection: not thread-safe. The functions are
// stateless and safe to call from several threads on different runs.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "floe/table.h"

struct sqlite3;

namespace floe {

// Stocks (people at the end of the month, wages a year) and events (people in the month) of one
// place, as the run file stores them, summed over occupation groups.
struct RunFigures {
  double employed = 0, unemployed = 0, training = 0;
  double layoffs = 0, displaced_direct = 0, displaced_indirect = 0;
  double quits = 0, hires = 0, occupation_changes = 0;
  double wage_bill = 0, exposed_wages = 0;
  double exits = 0;   // labor-force exits, each replaced at once by a new worker
  double agents = 0;  // the labor force behind these figures, in agents (for intervals)

  void add(const RunFigures& other);
  // Employed, unemployed and in training: trainees stay in the labor force (docs/model.md §9).
  double labor_force() const { return employed + unemployed + training; }
  // (unemployed + training) / labor force: a trainee is not a job found; NaN for an empty labor
  // force.
  double unemployment_rate() const;
};

// One month of the national table.
struct NationalMonth {
  int month = 0;
  RunFigures figures;
  double unemployment_rate = 0, exposure = 0, adoption = 0, job_finding = 0, openings = 0,
         multiplier = 0, trainees_started = 0, trainees_completed = 0, training_spending = 0,
         trainees_reemployed = 0, entrants = 0;
  // Displacement by AI so far: the sum of displaced_direct (displaced_indirect) over months
  // 0..month.
  double displaced_direct_cumulative = 0, displaced_indirect_cumulative = 0;
};

// A state or county in one month.
struct RegionValues {
  std::string fips;  // "01" or "01001"
  RunFigures figures;
  // States only (counties are stored only every few months, so their events cannot be summed):
  // displacement by AI in months 0..month. NaN for counties.
  double displaced_direct_cumulative = 0, displaced_indirect_cumulative = 0;
};

// Occupation changes from one SOC major group to another.
struct MajorFlow {
  std::string from_major, to_major;  // "15-0000"
  double moves = 0;
};

struct RunInfo {
  std::map<std::string, std::string> keys;  // the whole run table
  std::string command, scenario, description, scenario_text, seed, population, data_dir, created;
  bool complete = true;
  int months = 0;                  // the last month; the national table has months 0..months
  std::vector<int> county_months;  // months with county figures, ascending
  bool talent = false;  // the file has the AI-talent segment's tables (SimulationRun::talent)
  bool twin = false;    // the file has the no-AI twin's tables (docs/model.md §16)
  int replicates = 0;   // runs with other seeds whose spread the file holds (0: none)
};

// A national measure's spread over a run's replicates in one month (docs/model.md §16): the
// mean and the range that holds 90% of them.
struct ReplicateRange {
  double mean = 0, low = 0, high = 0;
  int replicates = 0;
};

// The AI-talent segment of a run, as its tables store it: agents at the run's scale (divide by
// `scale` for the whole US), from January 2011 to the run's last month.
struct TalentSeriesMonth {
  std::string date;  // "2022-12"
  int index = 0;     // months since January 2011 (talent_month)
  int month = 0;     // the run's month: 1 is run.start, <= 0 before it
  double genai_index = 0;
  double big_tech_net_flow = 0;           // agents' moves into big tech minus out of it
  double big_tech_net_flow_expected = 0;  // the expected form, at the run's scale
  double phd_industry_share = 0, phd_industry_share_expected = 0;  // NaN: no new PhDs
};

struct TalentEmployerCount {
  std::string employer;  // "big_tech"
  double researchers = 0, ml_engineers = 0, ai_engineers = 0, headcount = 0;
  double entrants = 0, exits = 0, moved_in = 0, moved_out = 0, net_flow = 0;
};

struct TalentTargetResult {
  std::string target, description, source;
  double observed = 0, tolerance = 0;
  double expected = 0;  // the expected form
  bool expected_within = false;
  double agents = 0;  // this run's agents at US scale; NaN where the run ends before the target
  bool agents_within = false;
  std::string kind;  // as data/talent/targets.csv names it; "" in files from before floe wrote it
};

struct RunTalent {
  double scale = 1;   // run key talent_scale: the share of the US workforce simulated
  std::string start;  // run key talent_start: run.start, "2025-01"
  std::string parameters_from;
  std::vector<TalentSeriesMonth> series;        // talent_series: every month from 2011-01, in order
  std::string last_date;                        // of the last month
  std::vector<TalentEmployerCount> last_month;  // talent_month at last_date, by employer class
  std::vector<TalentTargetResult> targets;      // talent_targets, in the file's order
};

class SimulationRun {
 public:
  // Opens a results file of `floe simulate` read-only and reads its run table and national
  // series. Throws Error for a missing file, a file that is not a floe simulation run (another
  // command's results, no national table, a missing column) or a national table without months
  // 0..N in order.
  explicit SimulationRun(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }
  const RunInfo& info() const { return info_; }
  // Months 0..info().months, in order.
  const std::vector<NationalMonth>& national() const { return national_; }
  // The no-AI twin's (docs/model.md §16), the same months; empty when info().twin is false.
  const std::vector<NationalMonth>& twin_national() const { return twin_national_; }

  // Every state with people in `month`, by FIPS code, of the run or (`twin`) of its no-AI twin.
  // Throws Error for a month outside the run, or for the twin's when the run has none.
  std::vector<RegionValues> states(int month, bool twin = false) const;
  // Every county with people in `month`, by FIPS code. Throws Error unless `month` is one of
  // info().county_months.
  std::vector<RegionValues> counties(int month) const;
  // The spread over the run's replicates of `measure` (a name of replicate_intervals, e.g.
  // "ai_effect_points") in `month`; nullopt when the file has no replicates or not that measure.
  std::optional<ReplicateRange> replicate_range(int month, std::string_view measure) const;
  // Occupation changes between major groups summed over months first..last, largest first.
  std::vector<MajorFlow> flows(int first_month, int last_month) const;
  // The AI-talent segment. Throws Error naming the file and the table, column or run key when
  // the run has no talent tables (info().talent is false) or they are malformed: a missing
  // column, a bad date, months out of order, no months.
  RunTalent talent() const;

 private:
  void check_month(int month) const;

  std::filesystem::path path_;
  std::shared_ptr<sqlite3> db_;
  RunInfo info_;
  std::vector<NationalMonth> national_, twin_national_;
};

// The AI effect on a place's unemployment rate: run minus its no-AI twin, in points, and the
// half-width of its 90% interval from binomial sampling of the two labor forces (in agents, n and
// n'): 1.645 * 100 * sqrt(r (1 - r) / n + r' (1 - r') / n') (docs/model.md §16). Conservative:
// common random numbers make the two runs' draws agree more than independent samples would.
// NaN without agents.
struct UnemploymentEffect {
  double points = 0, margin = 0;
};
UnemploymentEffect unemployment_effect(const RunFigures& run, const RunFigures& twin);
// A place whose labor force is fewer agents than this is marked and never ranked: its rates are
// mostly sampling noise at the run's scale (a 90% margin of about ±1 point at 4% unemployment).
inline constexpr double kFewAgents = 1000;

// Every state of one run at `month`, highest unemployment first (states with no labor force
// last): fips, usps, name, unemployment_rate, unemployment_points (its change since month 0, in
// points), employed, employment_change (relative, since month 0), displaced_direct and
// displaced_indirect (by AI in months 0..month), wage_bill, exposed_wages.
Table run_states_table(const SimulationRun& run, int month);

// The talent segment at its last month, by employer class, most AI-skilled workers first:
// employer, researchers, ml_engineers, ai_engineers, headcount (agents), us_headcount
// (headcount / scale), share (of all AI-skilled agents), entrants, exits, net_flow (moves in
// minus moves out in the month).
Table run_talent_headcount_table(const RunTalent& talent);
// Every target of the talent model: target, description, observed, tolerance, expected,
// expected_within, agents (empty where the run ends before the target), agents_within, source.
Table run_talent_targets_table(const RunTalent& talent);

// A scenario key whose value differs between two scenario texts: "adoption.imitation",
// "0.032", "0.064". A key one text leaves out shows the simulation's default ("0.25 (default)",
// from scenario_keys()), or "" where there is none (a group left out of a map).
struct ScenarioDifference {
  std::string key, a, b;
};

// The keys of two scenario files (TOML; nested and inline tables flattened to dotted keys)
// whose values differ, in key order; `name` and `description` are left out (they name the
// scenario rather than change it). Numbers compare by value (60 equals 60.0), and a key left out
// equals its default. A text that is not
// valid TOML is compared line by line instead: each line in one text and not the other is a
// difference with key "line N".
std::vector<ScenarioDifference> scenario_differences(std::string_view a_text,
                                                     std::string_view b_text);

// Throws Error (one line naming both files) unless the runs cover the same months, have county
// figures for the same months and the same states and counties.
void check_comparable(const SimulationRun& a, const SimulationRun& b);

// The months at which `floe compare` shows the national series: 12, 60 and 120 where the run
// reaches them, `chosen` if given, and the last month; ascending, without repeats.
std::vector<int> comparison_months(int last_month, std::optional<int> chosen = std::nullopt);

struct StateComparison {
  std::string fips, usps, name;   // name and usps from the FIPS code ("" when unknown)
  RegionValues a, b;              // at the comparison's month
  RegionValues a_start, b_start;  // at month 0

  // (B - A) of the unemployment rate, in percentage points (x 100).
  double unemployment_points() const;
  // B's employment relative to A's: b / a - 1 (NaN when A has none).
  double employment_change() const;
};

struct RunComparison {
  std::string a_label, b_label;  // scenario names, with the file names when they are equal
  std::string a_file, b_file;
  int month = 0;  // of the state comparison
  std::vector<ScenarioDifference> scenario;
  std::vector<std::pair<NationalMonth, NationalMonth>> national;  // at comparison_months()
  // Each run's no-AI twin at the same months (empty for a run without one: --no-twin).
  std::vector<NationalMonth> a_twin, b_twin;
  // Every state with people in either run, largest |B - A| unemployment rate first (then by
  // FIPS code).
  std::vector<StateComparison> states;
};

// Compares two runs at `month` (default: the last). Checks them first (check_comparable);
// throws Error for a month outside the runs.
RunComparison compare_runs(const SimulationRun& a, const SimulationRun& b,
                           std::optional<int> month = std::nullopt);

// The comparison as tables, by name: runs (what each file is), scenario (the differing keys),
// one national_<measure> table per measure (unemployment_rate, employed, displaced_direct,
// displaced_indirect, wage_bill, exposed_wages: A, B and B - A at comparison_months),
// national_ai_effect (each run minus its no-AI twin at those months: unemployment points with
// their 90% margins, employed and wage bill; empty for a run without a twin) and states (every
// state, largest difference first).
std::vector<std::pair<std::string, Table>> run_comparison_tables(const RunComparison& comparison);

// Writes the tables as "table" (aligned text; the states table cut to `top` rows), "csv" (each
// table after a "# name" line, tables separated by a blank line) or "json" (one object keyed by
// table name). Throws Error for another format.
void write_run_comparison(std::ostream& out, const RunComparison& comparison,
                          std::string_view format, std::size_t top = 10);

}  // namespace floe
