// A run's results so far (SimulationOutput) as numpy arrays, named and scaled as the run file
// names and scales them (src/models/db.cc, docs/model.md §12): counts in workers of the economy
// simulated (agents / scale), `agents` the labor force behind a figure in agents. national()
// equals the national table `floe simulate` writes, number for number.
#include <cmath>

#include "models/run_figures.h"
#include "simulation.h"
#include "store/run_schema.h"

namespace floe::python {
namespace {

namespace schema = run_schema;

// MonthIndicators' members after unemployment_rate, in run_schema::kIndicators' order; those
// counting agents are scaled to workers, rates and means are not.
struct IndicatorMember {
  double MonthIndicators::*member;
  bool count;
};
constexpr std::array<IndicatorMember, 10> kIndicatorMembers = {{
    {&MonthIndicators::exposure, false},
    {&MonthIndicators::adoption, false},
    {&MonthIndicators::job_finding, false},
    {&MonthIndicators::openings, true},
    {&MonthIndicators::multiplier, false},
    {&MonthIndicators::trainees_started, true},
    {&MonthIndicators::trainees_completed, true},
    {&MonthIndicators::training_spending, true},
    {&MonthIndicators::trainees_reemployed, true},
    {&MonthIndicators::entrants, true},
}};
static_assert(kIndicatorMembers.size() + 1 == schema::kIndicators.size(),
              "an indicator was added to the run file: add its member here");

// Everyone not employed in the labor force, trainees included (docs/model.md §9); `empty` for
// a place without a labor force (the national table writes 0, a place's rate is NaN).
double unemployment_rate(const MonthFigures& f, double empty) {
  const double force = labor_force(f);
  return force > 0 ? (f.unemployed + f.training) / force : empty;
}

py::array_t<double> zeros(const std::vector<py::ssize_t>& shape) {
  py::array_t<double> a(shape);
  std::fill(a.mutable_data(), a.mutable_data() + a.size(), 0.0);
  return a;
}

py::array_t<std::int64_t> int_array(const std::vector<int>& values) {
  py::array_t<std::int64_t> a(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), a.mutable_data());
  return a;
}

std::vector<int> months_run(const SimulationOutput& o) {
  std::vector<int> months(o.state_major.size());
  for (std::size_t t = 0; t < months.size(); ++t) months[t] = static_cast<int>(t);
  return months;
}

py::array text_array(const std::vector<std::string>& values) {
  return py::module_::import("numpy").attr("array")(py::cast(values), py::arg("dtype") = "O");
}

// Every figure of the run file as an array of one shape, filled entry by entry in workers,
// with unemployment_rate beside them.
class FigureArrays {
 public:
  FigureArrays(const std::vector<py::ssize_t>& shape, double scale) : scale_(scale) {
    for (std::size_t i = 0; i < schema::kFigures.size(); ++i) arrays_.push_back(zeros(shape));
    rate_ = zeros(shape);
  }
  // Entry `at` from figures f of agents (divided by the scale as the run file's writer does).
  void set(std::size_t at, const MonthFigures& f, double empty_rate) {
    for (std::size_t i = 0; i < kRunFileFigures.size(); ++i) {
      arrays_[i].mutable_data()[at] = f.*kRunFileFigures[i] / scale_;
    }
    arrays_.back().mutable_data()[at] = labor_force(f);
    rate_.mutable_data()[at] = unemployment_rate(f, empty_rate);
  }
  void store(py::dict& out, bool with_rate) const {
    for (std::size_t i = 0; i < arrays_.size(); ++i) {
      out[py::str(std::string(schema::kFigures[i]))] = arrays_[i];
    }
    if (with_rate) out["unemployment_rate"] = rate_;
  }

 private:
  double scale_;
  std::vector<py::array_t<double>> arrays_;
  py::array_t<double> rate_;
};

std::vector<std::string> major_codes(const Dataset& ds) {
  std::vector<std::string> codes;
  for (const MajorGroup& g : ds.taxonomy.major_groups) codes.push_back(g.soc_code);
  return codes;
}

}  // namespace

py::dict national_arrays(const SimulationOutput& o, double scale) {
  const std::vector<int> months = months_run(o);
  const auto n = static_cast<py::ssize_t>(months.size());
  py::dict out;
  out["month"] = int_array(months);
  FigureArrays figures({n}, scale);
  std::vector<py::array_t<double>> indicators;
  for (std::size_t i = 0; i < kIndicatorMembers.size(); ++i) indicators.push_back(zeros({n}));
  for (std::size_t t = 0; t < months.size(); ++t) {
    // Summed in the order the run file's writer sums (every state, every group), so that the
    // totals are the file's to the last bit.
    MonthFigures total;
    for (const MonthFigures& f : o.state_major[t]) total.add(f);
    figures.set(t, total, 0.0);
    for (std::size_t i = 0; i < kIndicatorMembers.size(); ++i) {
      const double v = o.indicators[t].*kIndicatorMembers[i].member;
      indicators[i].mutable_data()[t] = kIndicatorMembers[i].count ? v / scale : v;
    }
  }
  // The national table's order: the figures, unemployment_rate, the other indicators.
  static_assert(schema::kIndicators[0] == "unemployment_rate");
  figures.store(out, true);
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    out[py::str(std::string(schema::kIndicators[i + 1]))] = indicators[i];
  }
  return out;
}

py::dict state_arrays(const SimulationOutput& o, const Dataset& ds, double scale, bool by_major) {
  const std::vector<int> months = months_run(o);
  const auto n = static_cast<py::ssize_t>(months.size());
  const auto states = static_cast<py::ssize_t>(o.states);
  const auto majors = static_cast<py::ssize_t>(o.majors);
  std::vector<std::string> fips, usps, names;
  for (const State& s : ds.geography.states) {
    fips.push_back(s.fips);
    usps.push_back(s.usps);
    names.push_back(s.name);
  }
  py::dict out;
  out["state_fips"] = text_array(fips);
  out["usps"] = text_array(usps);
  out["name"] = text_array(names);
  if (by_major) {
    std::vector<std::string> titles;
    for (const MajorGroup& g : ds.taxonomy.major_groups) titles.push_back(g.title);
    out["major"] = text_array(major_codes(ds));
    out["major_title"] = text_array(titles);
  }
  out["month"] = int_array(months);
  FigureArrays figures(
      by_major ? std::vector<py::ssize_t>{n, states, majors} : std::vector<py::ssize_t>{n, states},
      scale);
  for (std::size_t t = 0; t < months.size(); ++t) {
    for (std::size_t s = 0; s < o.states; ++s) {
      MonthFigures state;
      for (std::size_t g = 0; g < o.majors; ++g) {
        const MonthFigures& f = o.state_major[t][s * o.majors + g];
        if (by_major) figures.set((t * o.states + s) * o.majors + g, f, std::nan(""));
        state.add(f);
      }
      if (!by_major) figures.set(t * o.states + s, state, std::nan(""));
    }
  }
  figures.store(out, true);
  return out;
}

py::dict county_arrays(const SimulationOutput& o, const Dataset& ds, double scale) {
  const auto entries = static_cast<py::ssize_t>(o.county_months.size());
  const auto counties = static_cast<py::ssize_t>(o.counties);
  std::vector<std::string> fips, state_fips;
  for (const County& c : ds.geography.counties) {
    fips.push_back(c.fips);
    state_fips.push_back(ds.geography.states[c.state.index()].fips);
  }
  py::dict out;
  out["county_fips"] = text_array(fips);
  out["state_fips"] = text_array(state_fips);
  out["month"] = int_array(o.county_months);
  FigureArrays figures({entries, counties}, scale);
  for (std::size_t r = 0; r < o.county_months.size(); ++r) {
    for (std::size_t c = 0; c < o.counties; ++c) {
      MonthFigures county;
      for (std::size_t g = 0; g < o.majors; ++g) county.add(o.county_major[r][c * o.majors + g]);
      figures.set(r * o.counties + c, county, std::nan(""));
    }
  }
  figures.store(out, true);
  return out;
}

py::dict flow_arrays(const SimulationOutput& o, const Dataset& ds, double scale) {
  const std::vector<int> months = months_run(o);
  const auto majors = static_cast<py::ssize_t>(o.majors);
  py::array_t<double> moves({static_cast<py::ssize_t>(months.size()), majors, majors});
  double* at = moves.mutable_data();
  for (std::size_t t = 0; t < months.size(); ++t) {
    for (const double m : o.flows[t]) *at++ = m / scale;
  }
  py::dict out;
  out["major"] = text_array(major_codes(ds));
  out["month"] = int_array(months);
  out["moves"] = moves;
  return out;
}

}  // namespace floe::python
