#include "data/margins.h"

#include "data/codes.h"
#include "data/delimited.h"
#include "floe/error.h"

namespace floe::data {
namespace {

std::vector<StateMarginRow> read_margins(const std::filesystem::path& path, bool by_group) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto state = r.column("state"), emp = r.column("employment"),
             wages = r.column("wage_bill_usd");
  const auto group = by_group ? r.column("industry_group") : 0;
  std::vector<StateMarginRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    StateMarginRow row;
    row.state = std::string(r.required(state));
    if (by_group) row.industry_group = std::string(r.required(group));
    row.employment = static_cast<double>(r.count(emp));
    if (row.employment > kMaxWorkers) {
      r.fail(emp, "more than a billion workers: " + quote(r.text(emp)) + " (wrong units?)");
    }
    row.wage_bill = r.number(wages);
    if (row.wage_bill < 0) r.fail(wages, "negative wage bill");
    if (row.wage_bill > row.employment * kMaxAnnualWage) {
      r.fail(wages, quote(r.text(wages)) + " for " + quote(r.text(emp)) +
                        " workers is a mean wage above $1,000,000 a year (wrong units?)");
    }
    keys.insert(r, by_group ? group : state, row.state + "|" + row.industry_group);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::vector<StateMarginRow> read_state_totals(const std::filesystem::path& path) {
  return read_margins(path, false);
}

std::vector<StateMarginRow> read_state_industry_groups(const std::filesystem::path& path) {
  return read_margins(path, true);
}

std::vector<OccupationGroupRow> read_occupation_industry_groups(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), group = r.column("Modified BLS Super Sector");
  std::vector<OccupationGroupRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    OccupationGroupRow row{std::string(r.text(code)), std::string(r.required(group))};
    if (!is_onet_soc_code(row.onet_code)) {
      r.fail(code, "not an O*NET-SOC code (like 15-1252.00): " + quote(row.onet_code));
    }
    keys.insert(r, code, row.onet_code);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace floe::data
