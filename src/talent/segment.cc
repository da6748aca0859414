#include "talent/segment.h"

#include "floe/error.h"

namespace floe::talent {
namespace {

TalentRun make_run(const std::filesystem::path& data_dir, const Scenario& sc, double scale) {
  TalentRun r;
  r.enabled = true;
  r.start = parse_talent_date(sc.start);
  if (r.start < 0) throw Error("run.start: not a month from 2011 on: '" + sc.start + "'");
  r.scale = scale;
  r.data = load_talent_data(data_dir, r.start + sc.months - 1);
  r.levers = {r.start, sc.non_compete, sc.immigration, sc.big_tech_pay, sc.funding_drought};
  if (sc.talent_parameters.empty()) {
    const TalentCalibration c = calibrate_talent(r.data, prior_talent_parameters());
    r.parameters = c.fitted;
    r.parameters_from = "calibrated at the start of the run";
  } else {
    std::filesystem::path file = sc.talent_parameters;
    if (file.is_relative() && !sc.file.empty()) {
      file = std::filesystem::path(sc.file).parent_path() / file;
    }
    r.parameters = read_talent_parameters(file);
    r.parameters_from = file.string();
  }
  return r;
}

}  // namespace

TalentSegment::TalentSegment(const std::filesystem::path& data_dir, const Scenario& sc,
                             double scale)
    : run_(make_run(data_dir, sc, scale)),
      agents_(run_.data, run_.parameters, run_.levers, scale, sc.seed) {
  agents_.start();
}

void TalentSegment::run_history() {
  for (int t = agents_.next_month(); t < run_.start; ++t) run_.months.push_back(agents_.step(t));
}

void TalentSegment::run_month(int m) {
  const int t = run_.start + m - 1;
  if (t != agents_.next_month()) throw Error("talent segment: months out of step");
  run_.months.push_back(agents_.step(t));
}

}  // namespace floe::talent
