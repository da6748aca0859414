// Python values to and from TOML value literals: a lever set from Python (sim.set(key, value))
// reaches the scenario through set_scenario_key as if a scenario file had said it, with the
// file's checks and messages.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "simulation.h"

namespace floe::python {
namespace {

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (const char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned char>(ch));
    } else {
      out += ch;
    }
  }
  return out + '"';
}

std::string toml_key(const std::string& key) {
  const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-';
  });
  return bare ? key : toml_string(key);
}

// Python's repr of a float reads back to the same double, as TOML reads it (inf and nan are
// spelled as TOML spells them).
std::string float_literal(const py::handle& value) {
  const double d = py::float_(py::reinterpret_borrow<py::object>(value)).cast<double>();
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  return py::repr(py::float_(d)).cast<std::string>();
}

const py::object& toml_loads() {
  static const py::object* const loads =  // lives with the module
      new py::object(py::module_::import("tomllib").attr("loads"));
  return *loads;
}

}  // namespace

std::string toml_literal(const py::handle& value) {
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>() ? "true" : "false";
  if (py::isinstance<py::int_>(value)) return py::str(value).cast<std::string>();
  if (py::isinstance<py::float_>(value)) return float_literal(value);
  if (py::isinstance<py::str>(value)) return toml_string(value.cast<std::string>());
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    std::string s = "[";
    for (const py::handle item : value) s += (s.size() > 1 ? ", " : "") + toml_literal(item);
    return s + "]";
  }
  if (py::isinstance<py::dict>(value)) {
    std::string s;
    for (const auto& [k, v] : value.cast<py::dict>()) {
      s += (s.empty() ? "{ " : ", ") + toml_key(py::str(k).cast<std::string>()) + " = " +
           toml_literal(v);
    }
    return s.empty() ? "{}" : s + " }";
  }
  // numpy's booleans, integers and floats
  const std::string type = py::str(py::type::of(value).attr("__name__")).cast<std::string>();
  if (type == "bool_") return value.attr("__bool__")().cast<bool>() ? "true" : "false";
  if (py::hasattr(value, "__index__"))
    return py::str(value.attr("__index__")()).cast<std::string>();
  if (py::hasattr(value, "__float__")) return float_literal(value);
  throw py::type_error("a scenario value is a bool, number, str, list or dict, not " + type);
}

py::object from_toml(const std::string& literal) {
  return toml_loads()("value = " + literal)["value"];
}

py::object toml_document(const std::string& text) { return toml_loads()(text); }

}  // namespace floe::python
