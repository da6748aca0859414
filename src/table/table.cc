#include "floe/table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace floe {
namespace {

std::string group_thousands(double v) {
  const long long n = std::llround(v);
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string dollars(double v) {
  const double a = std::abs(v);
  if (a >= 1e12) return fmt::format("${:.2f}T", v / 1e12);
  if (a >= 1e9) return fmt::format("${:.1f}B", v / 1e9);
  if (a >= 1e6) return fmt::format("${:.1f}M", v / 1e6);
  return std::string("$").append(group_thousands(v));
}

std::string csv_escape(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::size_t Table::column(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == name) return i;
  }
  throw std::out_of_range("no column " + name);
}

std::string format_value(const Value& value, const Column& column) {
  if (std::holds_alternative<std::monostate>(value)) return "";
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
  const double v = std::get<double>(value);
  if (std::isnan(v)) return "-";
  switch (column.kind) {
    case ColumnKind::kCount:
      return group_thousands(v);
    case ColumnKind::kDollars:
      return dollars(v);
    case ColumnKind::kShare:
      return fmt::format("{:.{}f}%", 100.0 * v, column.precision);
    case ColumnKind::kFlag:
      return v != 0 ? "yes" : "no";
    default:
      return fmt::format("{:.{}f}", v, column.precision);
  }
}

void write_text(std::ostream& out, const Table& table, std::size_t max_rows) {
  const std::size_t n = max_rows == 0 ? table.rows.size() : std::min(max_rows, table.rows.size());
  std::vector<std::vector<std::string>> cells(n);
  std::vector<std::size_t> width(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) width[c] = table.columns[c].label.size();
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      cells[r].push_back(format_value(table.rows[r][c], table.columns[c]));
      width[c] = std::max(width[c], cells[r].back().size());
    }
  }
  if (!table.title.empty()) out << table.title << '\n';
  auto row_out = [&](auto get) {
    std::string line;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const std::string s = get(c);
      const bool left = table.columns[c].kind == ColumnKind::kText;
      line += "  ";
      line += left ? fmt::format("{:<{}}", s, width[c]) : fmt::format("{:>{}}", s, width[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  row_out([&](std::size_t c) { return table.columns[c].label; });
  for (std::size_t r = 0; r < n; ++r) row_out([&](std::size_t c) { return cells[r][c]; });
  if (n < table.rows.size()) out << "  ... " << table.rows.size() - n << " more rows\n";
  for (const auto& note : table.notes) out << "  " << note << '\n';
}

void write_csv(std::ostream& out, const Table& table) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    out << (c ? "," : "") << csv_escape(table.columns[c].name);
  }
  out << '\n';
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c) out << ',';
      const Value& v = row[c];
      if (const auto* s = std::get_if<std::string>(&v)) {
        out << csv_escape(*s);
      } else if (const auto* d = std::get_if<double>(&v)) {
        if (!std::isnan(*d)) out << fmt::format("{}", *d);
      } else if (const auto* b = std::get_if<bool>(&v)) {
        out << (*b ? "true" : "false");
      }
    }
    out << '\n';
  }
}

void write_json(std::ostream& out, const Table& table) {
  nlohmann::ordered_json doc;
  doc["title"] = table.title;
  doc["columns"] = nlohmann::ordered_json::array();
  for (const auto& c : table.columns)
    doc["columns"].push_back({{"name", c.name}, {"label", c.label}});
  doc["rows"] = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < row.size(); ++c) {
      const Value& v = row[c];
      const std::string& key = table.columns[c].name;
      if (const auto* s = std::get_if<std::string>(&v)) {
        obj[key] = *s;
      } else if (const auto* d = std::get_if<double>(&v)) {
        obj[key] = std::isnan(*d) ? nlohmann::ordered_json() : nlohmann::ordered_json(*d);
      } else if (const auto* b = std::get_if<bool>(&v)) {
        obj[key] = *b;
      } else {
        obj[key] = nullptr;
      }
    }
    doc["rows"].push_back(std::move(obj));
  }
  doc["notes"] = table.notes;
  out << doc.dump(2) << '\n';
}

}  // namespace floe
