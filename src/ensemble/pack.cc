// Packing a Replicate for MPI (pack.h).
#include "ensemble/pack.h"

#include <cmath>

#include "floe/error.h"

namespace floe::ensemble {
namespace {

constexpr double kTwo32 = 4294967296.0;

// MonthFigures' fields are packed in their declared order (kMonthFigureFields), by name, not
// copied as bytes, so that the format does not depend on the struct's layout.
static_assert(kMonthFigureFields.size() == kPackedFigures);

void put(std::vector<double>& out, const std::vector<MonthFigures>& series) {
  for (const MonthFigures& f : series) {
    for (auto field : kMonthFigureFields) out.push_back(f.*field);
  }
}

std::vector<MonthFigures> take(std::span<const double> values, std::size_t months) {
  std::vector<MonthFigures> out(months);
  for (std::size_t m = 0; m < months; ++m) {
    for (std::size_t k = 0; k < kPackedFigures; ++k) {
      out[m].*kMonthFigureFields[k] = values[m * kPackedFigures + k];
    }
  }
  return out;
}

// A header count: a whole, non-negative number below 2^32.
bool whole(double v) { return v >= 0 && v < kTwo32 && std::floor(v) == v; }

}  // namespace

std::vector<double> pack(std::size_t run, const Replicate& r) {
  std::vector<double> out;
  out.reserve(kPackedHeader + (r.national.size() + r.twin_national.size()) * kPackedFigures);
  out.push_back(static_cast<double>(run));
  out.push_back(static_cast<double>(r.seed >> 32));
  out.push_back(static_cast<double>(r.seed & 0xffffffffu));
  out.push_back(static_cast<double>(r.national.size()));
  out.push_back(static_cast<double>(r.twin_national.size()));
  put(out, r.national);
  put(out, r.twin_national);
  return out;
}

Replicate unpack(std::span<const double> packed, std::size_t* run) {
  if (packed.size() < kPackedHeader) throw Error("ensemble: a message shorter than its header");
  for (std::size_t i = 0; i < kPackedHeader; ++i) {
    if (!whole(packed[i])) throw Error("ensemble: a message with a malformed header");
  }
  const auto n = static_cast<std::size_t>(packed[3]), m = static_cast<std::size_t>(packed[4]);
  if (packed.size() != kPackedHeader + (n + m) * kPackedFigures) {
    throw Error("ensemble: a message of " + std::to_string(packed.size()) + " values for " +
                std::to_string(n) + " + " + std::to_string(m) + " months");
  }
  if (run) *run = static_cast<std::size_t>(packed[0]);
  Replicate r;
  r.seed = (static_cast<std::uint64_t>(packed[1]) << 32) | static_cast<std::uint64_t>(packed[2]);
  r.national = take(packed.subspan(kPackedHeader), n);
  r.twin_national = take(packed.subspan(kPackedHeader + n * kPackedFigures), m);
  return r;
}

}  // namespace floe::ensemble
