// Scenario keys read from TOML against a schema of typed, bound keys.
#include "engine/schema.h"

#include <fmt/format.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <sstream>

#include "floe/error.h"

namespace floe::engine {
namespace {

std::optional<double> as_number(const toml::node& n) {
  if (auto i = n.value_exact<std::int64_t>()) return static_cast<double>(*i);
  if (n.is_floating_point()) return n.value<double>();
  return std::nullopt;
}

// A TOML string literal, escaped.
std::string quoted(const std::string& s) {
  std::ostringstream out;
  out << toml::value<std::string>(s);
  return out.str();
}

// A key of an inline table: bare when TOML allows it, else quoted.
std::string key_literal(const std::string& k) {
  const bool bare = !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  return bare ? k : quoted(k);
}

// A number as TOML writes it back exactly ("0.0025", "2e+09", "1.0").
std::string number_literal(double v) {
  std::string s = fmt::format("{}", v);  // shortest round-trip form
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

// "table" of "table.key"; "" for a top-level key.
std::string table_of(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot == std::string::npos ? std::string() : path.substr(0, dot);
}

std::string key_of(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

// Edit distance, to suggest the key a typo meant.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

[[noreturn]] void unknown(const Schema& schema, const std::string& path, const std::string& file,
                          std::size_t line) {
  const Key* nearest = nullptr;
  std::size_t best = 4;  // suggest only close matches
  std::string here;
  for (const Key& k : schema.keys()) {
    if (const std::size_t d = distance(path, k.path); d < best) {
      best = d;
      nearest = &k;
    }
    if (table_of(k.path) == table_of(path)) here += (here.empty() ? "" : ", ") + k.path;
  }
  std::string message = "unknown key";
  if (nearest) message += fmt::format(" (did you mean '{}'?)", nearest->path);
  if (!here.empty()) message += "; keys here: " + here;
  throw DataError(file, line, path, message);
}

void apply(const Key& key, const toml::node& node, const std::string& file) {
  if (const std::string error = key.read(node); !error.empty()) {
    throw DataError(file, node.source().begin.line, key.path,
                    error + " (allowed: " + key.range + ")");
  }
}

// Walks the document: every leaf (or table-valued key) must be a schema key.
void walk(const toml::table& table, const std::string& prefix, const std::string& file,
          const Schema& schema) {
  for (const auto& [k, node] : table) {
    const std::string path = prefix.empty() ? std::string(k.str()) : prefix + "." + k.str().data();
    if (const Key* key = schema.find(path)) {
      apply(*key, node, file);
      continue;
    }
    const toml::table* sub = node.as_table();
    const bool is_table =
        sub && std::any_of(schema.keys().begin(), schema.keys().end(),
                           [&](const Key& x) { return table_of(x.path) == path; });
    if (!is_table) unknown(schema, path, file, node.source().begin.line);
    walk(*sub, path, file, schema);
  }
}

}  // namespace

void Schema::add(Key key) {
  if (find(key.path)) throw Error("scenario schema: key '" + key.path + "' declared twice");
  keys_.push_back(std::move(key));
}

const Key* Schema::find(std::string_view path) const {
  const auto it =
      std::find_if(keys_.begin(), keys_.end(), [&](const Key& k) { return k.path == path; });
  return it == keys_.end() ? nullptr : &*it;
}

void Schema::number(std::string path, double& field, double lo, double hi, std::string meaning,
                    When when) {
  add({std::move(path), fmt::format("[{:g}, {:g}]", lo, hi), std::move(meaning), when,
       [&field, lo, hi](const toml::node& n) -> std::string {
         const auto v = as_number(n);
         if (!v) return "expected a number";
         if (!(*v >= lo && *v <= hi))
           return fmt::format("{:g} is outside [{:g}, {:g}]", *v, lo, hi);
         field = *v;
         return "";
       },
       [&field] { return number_literal(field); }});
}

void Schema::whole(std::string path, int& field, int lo, int hi, std::string meaning) {
  add({std::move(path), fmt::format("[{}, {}]", lo, hi), std::move(meaning), When::kStart,
       [&field, lo, hi](const toml::node& n) -> std::string {
         const auto v = as_number(n);
         if (!v) return "expected a number";
         if (*v != static_cast<double>(static_cast<std::int64_t>(*v))) {
           return "expected a whole number";
         }
         if (!(*v >= lo && *v <= hi)) return fmt::format("{:g} is outside [{}, {}]", *v, lo, hi);
         field = static_cast<int>(*v);
         return "";
       },
       [&field] { return std::to_string(field); }});
}

void Schema::whole(std::string path, std::uint64_t& field, std::string meaning) {
  add({std::move(path), "[0, 2^63)", std::move(meaning), When::kStart,
       [&field](const toml::node& n) -> std::string {
         // Exactly: a double would round 2^53 + 1 to 2^53 and silently run another seed.
         const auto v = n.value_exact<std::int64_t>();
         if (!v) return "expected a whole number (an integer without a decimal point)";
         if (*v < 0) return fmt::format("{} is negative", *v);
         field = static_cast<std::uint64_t>(*v);
         return "";
       },
       [&field] { return std::to_string(field); }});
}

void Schema::text(std::string path, std::string& field, std::vector<std::string> allowed,
                  std::string range, std::string meaning) {
  add({std::move(path), std::move(range), std::move(meaning), When::kStart,
       [&field, allowed](const toml::node& n) -> std::string {
         const auto v = n.value_exact<std::string>();
         if (!v) return "expected a string";
         if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), *v) == allowed.end()) {
           std::string list;
           for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
           return "'" + *v + "' is not one of: " + list;
         }
         field = *v;
         return "";
       },
       [&field] { return quoted(field); }});
}

void Schema::month(std::string path, std::string& field, int first_year, std::string meaning) {
  add({std::move(path), "YYYY-MM", std::move(meaning), When::kStart,
       [&field, first_year](const toml::node& n) -> std::string {
         const auto v = n.value_exact<std::string>();
         int year = 0, month = 0;
         char extra = 0;
         if (!v || v->size() != 7 || (*v)[4] != '-' ||
             std::sscanf(v->c_str(), "%4d-%2d%c", &year, &month, &extra) != 2 || month < 1 ||
             month > 12 || year < first_year || year > 2100) {
           return fmt::format("expected a month \"YYYY-MM\" from {}-01 to 2100-12", first_year);
         }
         field = *v;
         return "";
       },
       [&field] { return quoted(field); }});
}

void Schema::flag(std::string path, bool& field, std::string meaning) {
  add({std::move(path), "true | false", std::move(meaning), When::kStart,
       [&field](const toml::node& n) -> std::string {
         const auto v = n.value_exact<bool>();
         if (!v) return "expected true or false";
         field = *v;
         return "";
       },
       [&field] { return std::string(field ? "true" : "false"); }});
}

void Schema::number_map(std::string path, std::map<std::string, double>& field, double lo,
                        double hi, std::string names, std::string meaning, When when) {
  add({std::move(path), fmt::format("{} = [{:g}, {:g}]", names, lo, hi), std::move(meaning), when,
       [&field, lo, hi](const toml::node& n) -> std::string {
         const toml::table* t = n.as_table();
         if (!t) return "expected a table of name = number";
         std::map<std::string, double> read;
         for (const auto& [k, v] : *t) {
           const auto x = as_number(v);
           if (!x) return fmt::format("'{}': expected a number", k.str());
           if (!(*x >= lo && *x <= hi)) {
             return fmt::format("'{}': {:g} is outside [{:g}, {:g}]", k.str(), *x, lo, hi);
           }
           read[std::string(k.str())] = *x;
         }
         field = std::move(read);
         return "";
       },
       [&field] {
         std::string out;
         for (const auto& [k, v] : field) {
           out +=
               fmt::format("{}{} = {}", out.empty() ? "" : ", ", key_literal(k), number_literal(v));
         }
         return "{ " + out + (out.empty() ? "}" : " }");
       }});
}

void Schema::text_list(std::string path, std::vector<std::string>& field, std::string names,
                       std::string meaning) {
  add({std::move(path), "[" + names + ", ...]", std::move(meaning), When::kStart,
       [&field](const toml::node& n) -> std::string {
         const toml::array* a = n.as_array();
         if (!a) return "expected a list of strings";
         std::vector<std::string> read;
         for (const auto& v : *a) {
           const auto x = v.value_exact<std::string>();
           if (!x) return "expected a list of strings";
           read.push_back(*x);
         }
         field = std::move(read);
         return "";
       },
       [&field] {
         std::string out;
         for (const auto& x : field) out += (out.empty() ? "" : ", ") + quoted(x);
         return "[" + out + "]";
       }});
}

void read_toml(const std::string& text, const std::string& file, const Schema& schema) {
  toml::table doc;
  try {
    doc = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw DataError(file, e.source().begin.line, "", std::string(e.description()));
  }
  walk(doc, "", file, schema);
}

void set_key(const Schema& schema, std::string_view path, std::string_view value,
             const std::string& origin) {
  const Key* key = schema.find(path);
  if (!key) unknown(schema, std::string(path), origin, 0);
  toml::table doc;
  try {
    doc = toml::parse("value = " + std::string(value), origin);
  } catch (const toml::parse_error& e) {
    throw DataError(origin, 0, key->path, "not a TOML value: " + std::string(e.description()));
  }
  const toml::node* node = doc.get("value");
  if (const std::string error = key->read(*node); !error.empty()) {
    throw DataError(origin, 0, key->path, error + " (allowed: " + key->range + ")");
  }
}

std::string to_toml(const Schema& schema) {
  std::string top, tables;
  std::vector<std::string> order;  // tables in the order their first key was declared
  for (const Key& k : schema.keys()) {
    const std::string t = table_of(k.path);
    if (!t.empty() && std::find(order.begin(), order.end(), t) == order.end()) order.push_back(t);
  }
  for (const Key& k : schema.keys()) {
    if (table_of(k.path).empty()) top += key_of(k.path) + " = " + k.toml() + "\n";
  }
  for (const std::string& t : order) {
    tables += "\n[" + t + "]\n";
    for (const Key& k : schema.keys()) {
      if (table_of(k.path) == t) tables += key_of(k.path) + " = " + k.toml() + "\n";
    }
  }
  return top + tables;
}

}  // namespace floe::engine
