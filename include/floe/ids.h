// Strong index types: an OccupationId cannot be passed where a CountyId is meant.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <vector>

namespace floe {

template <typename Tag>
struct Id {
  std::uint32_t value = std::numeric_limits<std::uint32_t>::max();

  constexpr Id() = default;
  constexpr explicit Id(std::uint32_t v) : value(v) {}
  constexpr explicit Id(std::size_t v) : value(static_cast<std::uint32_t>(v)) {}
  constexpr explicit Id(int v) : value(static_cast<std::uint32_t>(v)) {}
  constexpr bool valid() const { return value != std::numeric_limits<std::uint32_t>::max(); }
  constexpr std::size_t index() const { return value; }
  friend constexpr auto operator<=>(Id, Id) = default;
};

using OccupationId = Id<struct OccupationTag>;          // an OEWS detailed occupation
using OnetOccupationId = Id<struct OnetOccupationTag>;  // an O*NET-SOC occupation
using TaskId = Id<struct TaskTag>;                      // an O*NET task statement
using DwaId = Id<struct DwaTag>;                        // a detailed work activity ("skill")
using SectorId = Id<struct SectorTag>;    // a NAICS sector (OEWS industry-specific estimates)
using ClusterId = Id<struct ClusterTag>;  // an occupation cluster of the derived state margins
using MajorGroupId = Id<struct MajorGroupTag>;  // SOC major group (15-0000 ...)
using StateId = Id<struct StateTag>;
using CountyId = Id<struct CountyTag>;

// Compressed sparse rows: row i holds values[offsets[i] .. offsets[i+1]).
template <typename T>
struct Csr {
  std::vector<std::uint32_t> offsets{0};
  std::vector<T> values;

  std::size_t rows() const { return offsets.size() - 1; }
  std::span<const T> row(std::size_t i) const {
    return {values.data() + offsets[i], values.data() + offsets[i + 1]};
  }
  // Appends a row (rows must be added in order).
  template <typename Range>
  void add_row(const Range& r) {
    values.insert(values.end(), r.begin(), r.end());
    offsets.push_back(static_cast<std::uint32_t>(values.size()));
  }
};

}  // namespace floe

template <typename Tag>
struct std::hash<floe::Id<Tag>> {
  std::size_t operator()(floe::Id<Tag> id) const noexcept { return id.value; }
};
