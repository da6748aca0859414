#include "floe/table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

namespace floe {
namespace {

// Significant digits of numbers in CSV and JSON: more than any input has (OEWS publishes six),
// fewer than the noise of summing doubles (677779.9999999985 is written 677780).
constexpr int kSignificant = 12;

// Negative numbers for people take the minus sign (U+2212), which lines up with digits and
// reads as minus rather than as a hyphen: "−1,234", "−$33.7M", "−0.4%".
constexpr std::string_view kMinus = "\u2212";

std::string group_thousands(double v) {
  const long long n = std::llround(v);
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? std::string(kMinus) + out : out;
}

std::string dollars(double v) {
  const double a = std::abs(v);
  std::string s;
  if (a >= 1e12) {
    s = fmt::format("${:.2f}T", a / 1e12);
  } else if (a >= 1e9) {
    s = fmt::format("${:.1f}B", a / 1e9);
  } else if (a >= 1e6) {
    s = fmt::format("${:.1f}M", a / 1e6);
  } else {
    s = fmt::format("${}", group_thousands(a));
  }
  // The sign goes before the dollar sign, and only when the rounded figure is not zero.
  return v < 0 && s.find_first_of("123456789") != std::string::npos ? std::string(kMinus) + s : s;
}

// fmt's fixed notation with the minus sign for people; "-0.0" (a tiny negative rounded) is "0.0".
std::string fixed(double v, int decimals, std::string_view suffix = "") {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.front() == '-') {
    s.erase(0, 1);
    if (s.find_first_of("123456789") != std::string::npos) s.insert(0, kMinus);
  }
  return s.append(suffix);
}

// Three significant digits ("0.137", "19.6", "0.0231"), a whole number from 100 up ("195",
// "1,234"); no trailing zeros.
std::string statistic(double v) {
  if (std::abs(v) >= 99.95) return group_thousands(v);
  if (v == 0) return "0";
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(v))));
  std::string s = fixed(v, std::max(0, 2 - magnitude));
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

// Columns of text line up by characters, not bytes: "−" and "≥" are one column wide.
std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
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

// A number as plain_number writes it, as JSON: an integer when it is one ("task_id": 21665, not
// 21665.0), null when it is not a number.
nlohmann::ordered_json json_number(double v) {
  if (!std::isfinite(v)) return nullptr;
  const std::string s = plain_number(v);
  if (s.find('.') == std::string::npos && std::abs(v) < 9e15) return std::stoll(s);
  return std::strtod(s.c_str(), nullptr);
}

}  // namespace

std::string plain_number(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "" : (v > 0 ? "inf" : "-inf");
  if (v == 0) return "0";
  // Decimals for kSignificant digits, none for numbers of more digits than that; fixed notation,
  // so never an exponent.
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(v))));
  const int decimals = std::clamp(kSignificant - 1 - magnitude, 0, 17);
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

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
      return fixed(100.0 * v, column.precision, "%");
    case ColumnKind::kFlag:
      return v != 0 ? "yes" : "no";
    case ColumnKind::kStatistic:
      return statistic(v);
    default:
      return fixed(v, column.precision);
  }
}

void write_text(std::ostream& out, const Table& table, std::size_t max_rows) {
  const std::size_t n = max_rows == 0 ? table.rows.size() : std::min(max_rows, table.rows.size());
  std::vector<std::vector<std::string>> cells(n);
  std::vector<std::size_t> width(table.columns.size());
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    width[c] = display_width(table.columns[c].label);
  }
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      cells[r].push_back(format_value(table.rows[r][c], table.columns[c]));
      width[c] = std::max(width[c], display_width(cells[r].back()));
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
        if (!std::isnan(*d)) out << plain_number(*d);
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
        obj[key] = json_number(*d);
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
