#include "serve/table_reply.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "serve/json.h"

namespace floe::serve {
namespace {

bool missing(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return true;
  const auto* d = std::get_if<double>(&v);
  return d && std::isnan(*d);
}

// Orders values of one column: numbers and flags by value, text by bytes.
bool less(const Value& a, const Value& b) {
  if (a.index() != b.index()) return a.index() < b.index();
  if (const auto* x = std::get_if<double>(&a)) return *x < std::get<double>(b);
  if (const auto* x = std::get_if<bool>(&a)) return *x < std::get<bool>(b);
  if (const auto* x = std::get_if<std::string>(&a)) return *x < std::get<std::string>(b);
  return false;
}

// A file name safe in a Content-Disposition header: letters, digits, '-', '_' and '.'.
std::string safe_name(std::string_view name) {
  std::string s;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    s += ok ? c : '-';
  }
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

void keep_matching_occupations(Table& table, std::string_view query) {
  std::vector<std::string> words;
  std::istringstream in(lower(query));
  for (std::string w; in >> w;) words.push_back(w);
  const std::size_t code = table.column("soc_code");
  const std::size_t title = table.column("title");
  std::erase_if(table.rows, [&](const auto& row) {
    const std::string text =
        lower(std::get<std::string>(row[title])) + " " + std::get<std::string>(row[code]);
    return !std::all_of(words.begin(), words.end(),
                        [&](const std::string& w) { return text.find(w) != std::string::npos; });
  });
}

std::vector<std::string_view> table_params(std::vector<std::string_view> own) {
  for (std::string_view p : {"format", "sort", "order", "limit"}) own.push_back(p);
  return own;
}

void sort_table(Table& table, std::size_t column, bool descending) {
  std::stable_sort(table.rows.begin(), table.rows.end(), [&](const auto& ra, const auto& rb) {
    const Value& a = ra[column];
    const Value& b = rb[column];
    if (missing(a) || missing(b)) return !missing(a) && missing(b);
    return descending ? less(b, a) : less(a, b);
  });
}

Reply table_reply(Table table, const Params& params, std::string_view name) {
  const std::string format = params.choice("format", {"json", "csv"}, "json");
  if (const auto sort = params.text("sort")) {
    const auto it = std::find_if(table.columns.begin(), table.columns.end(),
                                 [&](const Column& c) { return c.name == *sort; });
    if (it == table.columns.end()) {
      std::vector<std::string_view> names;
      for (const Column& c : table.columns) names.push_back(c.name);
      throw BadRequest("sort", fmt::format("parameter 'sort': no column {} (columns: {})",
                                           quote(*sort), fmt::join(names, ", ")));
    }
    const std::string fallback = it->kind == ColumnKind::kText ? "asc" : "desc";
    const bool descending = params.choice("order", {"asc", "desc"}, fallback) == "desc";
    sort_table(table, static_cast<std::size_t>(it - table.columns.begin()), descending);
  } else if (params.text("order")) {
    throw BadRequest("order", "parameter 'order' needs 'sort' (the column to order by)");
  }
  const std::size_t total = table.rows.size();
  const long limit = params.integer("limit", 1, 1000000, 1000000);
  if (table.rows.size() > static_cast<std::size_t>(limit)) table.rows.resize(limit);
  if (format == "csv") {
    std::ostringstream out;
    write_csv(out, table);
    return {200, out.str(), "text/csv; charset=utf-8", "floe-" + safe_name(name) + ".csv"};
  }
  return {200, dump(table_json(table, total))};
}

Table select_columns(const Table& table, const std::vector<std::string>& names) {
  Table out{table.title, {}, {}, table.notes};
  std::vector<std::size_t> index;
  for (const auto& n : names) index.push_back(table.column(n));
  for (std::size_t i : index) out.columns.push_back(table.columns[i]);
  for (const auto& row : table.rows) {
    std::vector<Value> r;
    for (std::size_t i : index) r.push_back(row[i]);
    out.rows.push_back(std::move(r));
  }
  return out;
}

}  // namespace floe::serve
