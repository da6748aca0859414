#include "models/talent/segment.h"

#include "floe/error.h"

namespace floe::talent {
namespace {

TalentRun make_run(const std::filesystem::path& data_dir, const Scenario& sc, double scale) {
  TalentRun r;
  r.enabled = true;
  r.start = parse_talent_date(sc.run.start);
  if (r.start < 0) throw Error("run.start: not a month from 2011 on: '" + sc.run.start + "'");
  r.scale = scale;
  r.data = load_talent_data(data_dir, r.start + sc.run.months - 1);
  const TalentSettings& t = sc.talent;
  r.levers = {r.start, t.non_compete, t.immigration, t.big_tech_pay, t.funding_drought};
  if (t.parameters.empty()) {
    const TalentCalibration c = calibrate_talent(r.data, prior_talent_parameters());
    r.parameters = c.fitted;
    r.parameters_from = "calibrated at the start of the run";
  } else {
    std::filesystem::path file = t.parameters;
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
      agents_(run_.data, run_.parameters, run_.levers, scale, sc.run.seed) {
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

std::vector<engine::Substep> TalentSegment::substeps() {
  return {{"AI talent", [this](int m) { run_month(m); }, {}}};
}

void TalentSegment::save(engine::StateWriter& out) const {
  out.vec(agents_.agents());
  out.put(agents_.next_id());
  out.put(static_cast<std::int32_t>(agents_.next_month()));
  out.vec(run_.months);
}

void TalentSegment::load(engine::StateReader& in) {
  // The fixed parts were rebuilt (deterministically) by the constructor; the state is restored.
  agents_.agents() = in.vec<TalentAgent>();
  agents_.next_id() = in.get<std::uint32_t>();
  agents_.set_next_month(in.get<std::int32_t>());
  run_.months = in.vec<TalentMonth>();
  if (!in.done()) in.fail("corrupt checkpoint (talent model state)");
}

void declare_keys(TalentSettings& s, engine::Schema& schema) {
  schema.flag("talent.enabled", s.enabled, "Run the AI-talent segment (docs/talent.md)");
  schema.text("talent.parameters", s.parameters, {}, "file",
              "Talent parameters saved by floe talent calibrate (default: calibrate at the start "
              "of the run)");
  schema.number("talent.non_compete", s.non_compete, 0, 0.99,
                "Non-compete enforcement: share of moves to competing tech employers it prevents");
  schema.number(
      "talent.immigration", s.immigration, 0, 10,
      "Expanded skilled immigration: relative increase in new AI-skilled workers a month");
  schema.number("talent.big_tech_pay", s.big_tech_pay, -0.9, 10,
                "Compensation shock at big tech: relative pay change");
  schema.number("talent.funding_drought", s.funding_drought, 0, 1,
                "Startup-funding drought: share of startups' and labs' expected equity value lost");
}

}  // namespace floe::talent
