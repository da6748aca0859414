// Scenario keys: each model declares the keys it reads (path, range, default, meaning and
// source) bound to the fields of its settings; the engine reads TOML against them.
//
// A Schema binds keys to one settings object: build it for the object to read into (or to show,
// or to change). Reading checks everything a user can get wrong in a scenario file — an unknown
// key (the keys of its table are suggested), a wrong type, a value out of range — and names the
// file, the line and the key, so that a typo never silently runs the default.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace toml {
inline namespace v3 {
class node;
}
}  // namespace toml

namespace floe::engine {

// When a key may change: only before a run starts, or also between months (a lever: the model
// reads it every month, so the Python module and the dashboard's sandbox may change it).
enum class When { kStart, kAnyMonth };

struct Key {
  std::string path;     // "adoption.innovation" (table.key) or "name" (top level)
  std::string range;    // what it may hold, for people: "[0, 1]", "human | gpt4 | mean"
  std::string meaning;  // what it is and where its default comes from
  When when = When::kStart;
  // Reads a TOML value into the bound field: "" when fine, else what is wrong.
  std::function<std::string(const toml::node&)> read;
  // The bound field's value as a TOML value literal (reads back to the same value).
  std::function<std::string()> toml;
};

class Schema {
 public:
  void number(std::string path, double& field, double lo, double hi, std::string meaning,
              When when = When::kStart);
  void whole(std::string path, int& field, int lo, int hi, std::string meaning);
  // An unsigned 64-bit value read exactly (a seed), [0, 2^63).
  void whole(std::string path, std::uint64_t& field, std::string meaning);
  // A string; with `allowed`, one of them.
  void text(std::string path, std::string& field, std::vector<std::string> allowed,
            std::string range, std::string meaning);
  // A calendar month "YYYY-MM", from `first_year`.
  void month(std::string path, std::string& field, int first_year, std::string meaning);
  void flag(std::string path, bool& field, std::string meaning);
  // A table of name = number; `names` says what the names are ("USPS", "SOC major").
  void number_map(std::string path, std::map<std::string, double>& field, double lo, double hi,
                  std::string names, std::string meaning, When when = When::kStart);
  void text_list(std::string path, std::vector<std::string>& field, std::string names,
                 std::string meaning);

  const Key* find(std::string_view path) const;
  const std::vector<Key>& keys() const { return keys_; }

 private:
  void add(Key key);
  std::vector<Key> keys_;
};

// Reads TOML text into the fields the schema binds. Throws DataError(file, line, key).
void read_toml(const std::string& text, const std::string& file, const Schema& schema);

// Sets one key from a TOML value literal ("0.003", "{ CA = 2e8 }", "\"region\""), checked as
// in a file; `origin` names where the value came from in errors.
void set_key(const Schema& schema, std::string_view path, std::string_view value,
             const std::string& origin);

// The keys' values as a TOML document, table by table in declaration order, that reads back to
// the same values. Keys whose value is `skip` (e.g. an empty table) are left out.
std::string to_toml(const Schema& schema);

}  // namespace floe::engine
