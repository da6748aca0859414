// What differs between two scenario files: their TOML flattened to dotted keys and compared.
#include <fmt/format.h>

#include <toml++/toml.h>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "floe/runs.h"
#include "floe/scenario.h"

namespace floe {
namespace {

struct Flat {
  std::string text;              // as shown: 0.032, "human", [1, 2]
  std::optional<double> number;  // numbers compare by value
  bool is_default = false;       // not in the file: the simulation's default

  std::string shown() const { return is_default ? text + " (default)" : text; }
};

using FlatScenario = std::map<std::string, Flat>;

Flat flat_value(const toml::node& node) {
  if (const auto i = node.value_exact<std::int64_t>()) {
    return {fmt::format("{}", *i), static_cast<double>(*i)};
  }
  if (node.is_floating_point()) {
    const double d = *node.value<double>();
    return {fmt::format("{}", d), d};
  }
  if (const auto s = node.value_exact<std::string>()) return {*s, std::nullopt};
  std::ostringstream out;  // booleans, dates, arrays: as TOML writes them
  node.visit([&](const auto& n) { out << n; });
  return {out.str(), std::nullopt};
}

void flatten(const toml::table& table, const std::string& prefix, FlatScenario& out) {
  for (const auto& [key, node] : table) {
    const std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const toml::table* inner = node.as_table()) {
      flatten(*inner, name, out);
    } else {
      out[name] = flat_value(node);
    }
  }
}

// The value the simulation takes for a key a scenario leaves out, where it has one (maps such
// as adoption.industry_speed have none: a group left out is not sped up or slowed down).
std::optional<Flat> default_value(const std::string& key) {
  static const std::map<std::string, Flat> defaults = [] {
    std::map<std::string, Flat> out;
    for (const ScenarioKey& k : scenario_keys()) {
      if (k.value.empty() || k.value == "none") continue;
      Flat f{k.value, std::nullopt, true};
      char* end = nullptr;
      const double d = std::strtod(k.value.c_str(), &end);
      if (end != k.value.c_str() && *end == '\0') f.number = d;
      out.emplace(k.key, std::move(f));
    }
    return out;
  }();
  const auto it = defaults.find(key);
  if (it == defaults.end()) return std::nullopt;
  return it->second;
}

bool same(const Flat& a, const Flat& b) {
  if (a.number && b.number) return *a.number == *b.number;
  return a.text == b.text;
}

// Lines with their surrounding spaces trimmed; blank lines and comments left out.
std::vector<std::string> meaningful_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    const auto last = line.find_last_not_of(" \t\r");
    lines.push_back(line.substr(first, last - first + 1));
  }
  return lines;
}

// For texts that are not TOML: the lines of each that the other lacks.
std::vector<ScenarioDifference> line_differences(std::string_view a_text, std::string_view b_text) {
  const auto a = meaningful_lines(a_text), b = meaningful_lines(b_text);
  const std::multiset<std::string> in_a(a.begin(), a.end()), in_b(b.begin(), b.end());
  std::vector<ScenarioDifference> out;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!in_b.contains(a[i])) out.push_back({fmt::format("line {} of A", i + 1), a[i], ""});
  }
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (!in_a.contains(b[i])) out.push_back({fmt::format("line {} of B", i + 1), "", b[i]});
  }
  return out;
}

}  // namespace

std::vector<ScenarioDifference> scenario_differences(std::string_view a_text,
                                                     std::string_view b_text) {
  FlatScenario a, b;
  try {
    flatten(toml::parse(a_text), "", a);
    flatten(toml::parse(b_text), "", b);
  } catch (const toml::parse_error&) {
    return line_differences(a_text, b_text);
  }
  std::set<std::string> keys;
  for (const auto& [k, v] : a) keys.insert(k);
  for (const auto& [k, v] : b) keys.insert(k);
  std::vector<ScenarioDifference> out;
  for (const auto& key : keys) {
    if (key == "name" || key == "description") continue;
    const auto ia = a.find(key), ib = b.find(key);
    const std::optional<Flat> va = ia != a.end() ? ia->second : default_value(key);
    const std::optional<Flat> vb = ib != b.end() ? ib->second : default_value(key);
    if (va && vb && same(*va, *vb)) continue;
    out.push_back({key, va ? va->shown() : "", vb ? vb->shown() : ""});
  }
  return out;
}

}  // namespace floe
