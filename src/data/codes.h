// Checks on the code systems that join floe's inputs, and a duplicate-key guard for readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace floe::data {

// SOC 2018 code "15-1252" (also OEWS aggregates such as "13-1020" and group codes "15-0000").
bool is_soc_code(std::string_view s);
// O*NET-SOC code "15-1252.00" / "11-1011.03".
bool is_onet_soc_code(std::string_view s);
// A numeric code of exactly `digits` digits ("01001" county FIPS, "01" state FIPS).
bool is_fips(std::string_view s, std::size_t digits);
// Zero-pads a FIPS code written without its leading zeros ("1" -> "01").
std::string pad_fips(std::string_view s, std::size_t digits);
// Lower-case, whitespace collapsed, trailing period dropped: how task statements are compared
// across O*NET versions whose wording differs only in case and punctuation.
std::string normalize_task_text(std::string_view s);

// Bounds on figures about US workers, far above any real value so that only a wrong file or
// wrong units trip them (docs/data.md, "Bounds"): the US has about 0.17 billion workers, and OEWS
// top-codes annual wages at $239,200.
inline constexpr double kMaxWorkers = 1e9;
inline constexpr double kMaxAnnualWage = 1e6;  // a mean, per worker
inline constexpr double kMaxHourlyWage = kMaxAnnualWage / 2080;

class DelimitedReader;

// Remembers the line where each key was first seen and rejects a second occurrence with a
// DataError naming both lines.
class UniqueKeys {
 public:
  void insert(const DelimitedReader& reader, std::size_t col, std::string key);

 private:
  std::unordered_map<std::string, std::size_t> first_line_;
};

}  // namespace floe::data
