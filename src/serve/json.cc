#include "serve/json.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace floe::serve {

const char* kind_name(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kText:
      return "text";
    case ColumnKind::kCount:
      return "count";
    case ColumnKind::kDollars:
      return "dollars";
    case ColumnKind::kShare:
      return "share";
    case ColumnKind::kNumber:
      return "number";
    case ColumnKind::kFlag:
      return "flag";
    case ColumnKind::kStatistic:
      return "statistic";
  }
  return "text";
}

namespace {

// A number as floe's CSV and JSON files write it (plain_number): 12 significant digits, whole
// numbers as integers ("task_id": 21665, not 21665.0); null when it is not finite.
Json number_json(double v) {
  if (!std::isfinite(v)) return nullptr;
  const std::string s = plain_number(v);
  if (s.find('.') == std::string::npos && std::abs(v) < 9e15) return std::stoll(s);
  return std::strtod(s.c_str(), nullptr);
}

}  // namespace

Json value_json(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* d = std::get_if<double>(&value)) return number_json(*d);
  if (const auto* b = std::get_if<bool>(&value)) return *b;
  return nullptr;
}

Json table_json(const Table& table, std::size_t total_rows) {
  Json columns = Json::array();
  for (const Column& c : table.columns) {
    columns.push_back({{"name", c.name},
                       {"label", c.label},
                       {"kind", kind_name(c.kind)},
                       {"precision", c.precision}});
  }
  Json rows = Json::array();
  for (const auto& row : table.rows) {
    Json object = Json::object();
    for (std::size_t i = 0; i < row.size() && i < table.columns.size(); ++i) {
      object[table.columns[i].name] = value_json(row[i]);
    }
    rows.push_back(std::move(object));
  }
  Json j;
  j["title"] = table.title;
  j["columns"] = std::move(columns);
  j["rows"] = std::move(rows);
  j["notes"] = table.notes;
  j["total_rows"] = total_rows;
  return j;
}

Json table_json(const Table& table) { return table_json(table, table.rows.size()); }

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace floe::serve
