#include "data/oews.h"

#include "data/codes.h"
#include "data/delimited.h"
#include "floe/error.h"

namespace floe::data {
namespace {

OewsGroup parse_group(const DelimitedReader& r, std::size_t col) {
  const std::string_view s = r.text(col);
  if (s == "total") return OewsGroup::kTotal;
  if (s == "major") return OewsGroup::kMajor;
  if (s == "minor") return OewsGroup::kMinor;
  if (s == "broad") return OewsGroup::kBroad;
  if (s == "detailed") return OewsGroup::kDetailed;
  r.fail(col, "expected total, major, minor, broad or detailed, got " + quote(s));
}

OewsAreaType parse_area_type(const DelimitedReader& r, std::size_t col) {
  const std::string_view s = r.text(col);
  if (s.empty()) return OewsAreaType::kUnknown;
  if (s == "1") return OewsAreaType::kNation;
  if (s == "2") return OewsAreaType::kState;
  if (s == "3") return OewsAreaType::kTerritory;
  if (s == "4") return OewsAreaType::kMetro;
  if (s == "6") return OewsAreaType::kNonmetro;
  r.fail(col, "expected an OEWS area type (1, 2, 3, 4 or 6), got '" + std::string(s) + "'");
}

OewsValue optional_value(const DelimitedReader& r, std::optional<std::size_t> col) {
  return col ? r.oews(*col) : OewsValue{};
}

// An estimate no larger than `max` (codes.h: far above any real figure).
OewsValue bounded_value(const DelimitedReader& r, std::optional<std::size_t> col, double max,
                        const char* what) {
  const OewsValue v = optional_value(r, col);
  if (v.has_value() && v.value > max) {
    r.fail(*col, "more than " + std::string(what) + ": " + quote(r.text(*col)) + " (wrong units?)");
  }
  return v;
}

}  // namespace

OewsTopCode oews_top_code(int survey_year) {
  // Field descriptions of each release: May 2021 top-coded at $100.00/h, $208,000/y;
  // from May 2022 at $115.00/h, $239,200/y.
  if (survey_year <= 2021) return {100.0, 208000.0};
  return {115.0, 239200.0};
}

OewsTable read_oews(const std::filesystem::path& path, OewsScope scope) {
  DelimitedReader r(path);  // delimiter sniffed: ',' for BLS files, ';' for the wage subset
  r.read_header();
  const auto code = r.column("OCC_CODE"), title = r.column("OCC_TITLE");
  const auto area = r.find_column("AREA"), area_title = r.find_column("AREA_TITLE"),
             prim_state = r.find_column("PRIM_STATE"), area_type = r.find_column("AREA_TYPE");
  const auto naics = r.find_column("NAICS"), naics_title = r.find_column("NAICS_TITLE");
  auto group = r.find_column("O_GROUP");
  if (!group) group = r.find_column("OCC_GROUP");  // name before May 2019
  const auto i_group = r.find_column("I_GROUP"), own_code = r.find_column("OWN_CODE");
  const bool sectors = scope == OewsScope::kSectors;
  if (sectors && (!i_group || !naics)) {
    r.column(i_group ? "NAICS" : "I_GROUP");  // throws: an industry file names its industries
  }
  const auto emp = r.find_column("TOT_EMP"), h_mean = r.find_column("H_MEAN"),
             a_mean = r.find_column("A_MEAN");
  const char* kPct[] = {"PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90"};
  std::array<std::optional<std::size_t>, 5> a_pct, h_pct;
  for (int i = 0; i < 5; ++i) {
    a_pct[i] = r.find_column(std::string("A_") + kPct[i]);
    h_pct[i] = r.find_column(std::string("H_") + kPct[i]);
  }

  OewsTable table{path.string(), {}};
  UniqueKeys keys;
  while (r.next()) {
    if (sectors) {
      if (r.text(*i_group) != "sector") continue;
    } else {
      if (i_group && r.text(*i_group) != "cross-industry") continue;
      if (own_code && r.text(*own_code) != "1235") continue;
    }
    OewsRow row;
    row.line = r.line();
    row.occ_code = std::string(r.text(code));
    if (!is_soc_code(row.occ_code)) {
      r.fail(code, "not a SOC code (like 15-1252): " + quote(row.occ_code));
    }
    row.occ_title = std::string(r.required(title));
    if (area) row.area = std::string(r.text(*area));
    if (area_title) row.area_title = std::string(r.text(*area_title));
    if (prim_state) row.prim_state = std::string(r.text(*prim_state));
    if (area_type) row.area_type = parse_area_type(r, *area_type);
    if (naics) row.naics = std::string(sectors ? r.required(*naics) : r.text(*naics));
    if (naics_title) row.naics_title = std::string(r.text(*naics_title));
    if (group) row.group = parse_group(r, *group);
    constexpr const char* kAnnual = "$1,000,000 a year";
    constexpr const char* kHourly = "$480.77 an hour ($1,000,000 a year)";
    row.employment = bounded_value(r, emp, kMaxWorkers, "a billion workers");
    row.hourly_mean = bounded_value(r, h_mean, kMaxHourlyWage, kHourly);
    row.annual_mean = bounded_value(r, a_mean, kMaxAnnualWage, kAnnual);
    for (int i = 0; i < 5; ++i) {
      row.annual_percentiles[i] = bounded_value(r, a_pct[i], kMaxAnnualWage, kAnnual);
      row.hourly_percentiles[i] = bounded_value(r, h_pct[i], kMaxHourlyWage, kHourly);
    }
    // OEWS repeats an aggregate such as 13-1020 as both a broad and a detailed row.
    keys.insert(r, code,
                row.area + "|" + row.area_title + "|" + row.naics + "|" + row.occ_code + "|" +
                    std::to_string(static_cast<int>(row.group)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace floe::data
