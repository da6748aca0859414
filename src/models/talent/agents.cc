#include "models/talent/agents.h"

#include <cmath>

namespace floe::talent {
namespace {

enum class Draw : std::uint32_t {
  kInitial = 201,   // rounding of January 2011's counts (subject: segment x class)
  kMonth = 202,     // each agent's month: exit, stay or move (subject: agent id)
  kArrivals = 203,  // rounding of the month's new workers (subject: segment)
  kArrival = 204,   // where each new worker goes (subject: segment x arrival number)
};
Stream stream(Draw d) { return static_cast<Stream>(static_cast<std::uint32_t>(d)); }

// How many of an expected count happen: floor(x + u), so the mean is exactly x.
std::uint32_t round_by_draw(double expected, double u) {
  return static_cast<std::uint32_t>(std::floor(expected + u));
}

// The first index whose cumulative probability exceeds u.
template <std::size_t N>
int pick(const std::array<double, N>& probabilities, int offset, int count, double u) {
  double c = 0;
  for (int k = 0; k < count; ++k) {
    c += probabilities[offset + k];
    if (u < c) return k;
  }
  return count - 1;  // rounding: u beyond the last cumulative sum
}

}  // namespace

TalentAgents::TalentAgents(const TalentData& data, const TalentParameters& parameters,
                           const TalentLevers& levers, double scale, std::uint64_t seed)
    : data_(data), parameters_(parameters), levers_(levers), scale_(scale), rng_(seed) {}

void TalentAgents::start() {
  agents_.clear();
  next_id_ = 0;
  next_month_ = 0;
  const auto first = expected_path<double>(data_, parameters_, levers_, 0).headcount[0];
  for (int s = 0; s < kSegments; ++s) {
    for (int k = 0; k < kEmployers; ++k) {
      const int cell = s * kEmployers + k;
      const auto n =
          round_by_draw(first[cell] * scale_, rng_.uniform(stream(Draw::kInitial), cell));
      for (std::uint32_t i = 0; i < n; ++i) {
        agents_.push_back(
            {next_id_++, static_cast<std::uint8_t>(s), static_cast<std::uint8_t>(k), 0});
      }
    }
  }
}

TalentMonth TalentAgents::step(int t) {
  const MonthChoices<double> c = month_choices(data_, parameters_, levers_, t);
  TalentMonth out;
  out.genai = c.genai;
  for (const TalentAgent& a : agents_) out.headcount[a.segment * kEmployers + a.employer] += 1;
  // Each agent: one uniform decides exit (u < x), else where to be next month, by the move
  // probabilities rescaled onto the rest of the interval.
  std::size_t kept = 0;
  const auto step = static_cast<std::uint32_t>(t);
  for (std::size_t i = 0; i < agents_.size(); ++i) {
    TalentAgent a = agents_[i];
    const double x = data_.segments[a.segment].exit_rate;
    const double u = rng_.uniform(stream(Draw::kMonth), a.id, step);
    if (u < x) {
      out.exits[a.segment * kEmployers + a.employer] += 1;
      continue;
    }
    const int k = pick(c.move, a.employer * kEmployers, kEmployers, (u - x) / (1.0 - x));
    if (k != a.employer) {
      out.moves[a.employer * kEmployers + k] += 1;
      if (a.segment == kResearchers) out.researcher_hires[k] += 1;
      a.employer = static_cast<std::uint8_t>(k);
      a.tenure = 0;
    } else if (a.tenure < 0xffff) {
      ++a.tenure;
    }
    agents_[kept++] = a;  // stable: the order of agents (and so of ids) never changes
  }
  agents_.resize(kept);
  // New workers. Researchers arrive as a cohort of new PhDs, some of whom take jobs outside the
  // modelled employers; the cohort is sized so that those who join keep the OEWS path.
  for (int s = 0; s < kSegments; ++s) {
    const bool phds = s == kResearchers;
    double expected = entrants(data_, levers_, s, t) * scale_;
    if (phds) expected /= 1.0 - c.phd[kEmployers];
    const auto n = round_by_draw(expected, rng_.uniform(stream(Draw::kArrivals), s, step));
    for (std::uint32_t i = 0; i < n; ++i) {
      const double u = rng_.uniform(stream(Draw::kArrival), (std::uint64_t{1} << 32) * s + i, step);
      const int k = phds ? pick(c.phd, 0, kEmployers + 1, u) : pick(c.entry[s], 0, kEmployers, u);
      if (phds) out.phd[k] += 1;
      if (k == kEmployers) continue;  // outside: not an AI-skilled worker floe follows
      out.entrants[s * kEmployers + k] += 1;
      if (phds) out.researcher_hires[k] += 1;
      agents_.push_back(
          {next_id_++, static_cast<std::uint8_t>(s), static_cast<std::uint8_t>(k), 0});
    }
  }
  next_month_ = t + 1;
  return out;
}

TalentPath path_of_counts(const std::vector<TalentMonth>& months, double scale) {
  TalentPath p;
  p.months = static_cast<int>(months.size());
  auto scaled = [scale](auto a) {
    for (auto& x : a) x /= scale;
    return a;
  };
  for (const auto& m : months) {
    p.headcount.push_back(scaled(m.headcount));
    p.entrants.push_back(scaled(m.entrants));
    p.moves.push_back(scaled(m.moves));
    p.researcher_hires.push_back(scaled(m.researcher_hires));
    p.phds.push_back(scaled(m.phd));
    p.genai.push_back(m.genai);
  }
  return p;
}

}  // namespace floe::talent
