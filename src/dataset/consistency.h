// Sums that must match the totals they add up to (docs/data.md, "Consistency"): the published
// files are compiled separately, so each comparison has a tolerance, measured on the real
// files, that rounding and separate compilation stay well inside and a wrong row does not.
#pragma once

#include <string>
#include <vector>

#include "floe/dataset.h"

namespace floe::dataset {

// Employment: the sums of the May 2023 files agree within 0.05%.
inline constexpr double kEmploymentTolerance = 0.005;
// Wage bills: the states' (from state mean wages) sum to 1.1% below the national one.
inline constexpr double kWageBillTolerance = 0.03;
// Beyond this, load_dataset refuses the data outright: no index is worth computing on it.
inline constexpr double kGrossTolerance = 0.10;

struct SumCheck {
  std::string parts;  // what is summed, e.g. "employment of Alabama's industry groups"
  std::string total;  // what it should equal, e.g. "Alabama's total"
  std::string file;   // where the parts are
  double sum = 0, expected = 0;
  double tolerance = 0;

  // (sum - expected) / expected; 0 when both are 0.
  double relative() const;
  bool within(double tol) const;
  bool ok() const { return within(tolerance); }
};

// Every comparison, in a fixed order. The states are compared with OEWS national figures only
// when the national file is of the margins' year (May 2023).
std::vector<SumCheck> sum_checks(const Dataset& dataset);

// Throws DataError naming the file and the first sum beyond kGrossTolerance.
void refuse_gross_inconsistency(const Dataset& dataset);

}  // namespace floe::dataset
