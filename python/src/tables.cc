// floe::Table (include/floe/table.h) to Python: columns to numpy arrays, rows to dicts. The
// conversion reads the table's own columns, so a column added to an index table by the
// library appears in Python without a change here.
#include <cmath>

#include "binding.h"

namespace floe::python {
namespace {

enum class Dtype { kFloat, kBool, kObject };

// What array a column becomes: numbers (and empty cells) as float64, yes/no as bool, anything
// else (text, or a mix) as objects.
Dtype column_dtype(const Table& table, std::size_t c) {
  bool numbers = true, flags = true;
  for (const auto& row : table.rows) {
    const Value& v = row[c];
    numbers =
        numbers && (std::holds_alternative<double>(v) || std::holds_alternative<std::monostate>(v));
    flags = flags && std::holds_alternative<bool>(v);
  }
  const ColumnKind kind = table.columns[c].kind;
  if (kind == ColumnKind::kText) return Dtype::kObject;
  if (kind == ColumnKind::kFlag && flags) return Dtype::kBool;
  if (numbers) return Dtype::kFloat;
  return flags ? Dtype::kBool : Dtype::kObject;
}

py::object column_array(const Table& table, std::size_t c) {
  const auto n = static_cast<py::ssize_t>(table.rows.size());
  switch (column_dtype(table, c)) {
    case Dtype::kFloat: {
      py::array_t<double> a(n);
      double* out = a.mutable_data();
      for (py::ssize_t i = 0; i < n; ++i) {
        const Value& v = table.rows[static_cast<std::size_t>(i)][c];
        const double* d = std::get_if<double>(&v);
        out[i] = d ? *d : std::nan("");
      }
      return a;
    }
    case Dtype::kBool: {
      py::array_t<bool> a(n);
      bool* out = a.mutable_data();
      for (py::ssize_t i = 0; i < n; ++i) {
        out[i] = std::get<bool>(table.rows[static_cast<std::size_t>(i)][c]);
      }
      return a;
    }
    case Dtype::kObject:
      break;
  }
  py::list values(static_cast<std::size_t>(n));
  for (py::ssize_t i = 0; i < n; ++i) {
    values[static_cast<std::size_t>(i)] = cell_value(table.rows[static_cast<std::size_t>(i)][c]);
  }
  return py::module_::import("numpy").attr("array")(values, py::arg("dtype") = "O");
}

}  // namespace

py::object cell_value(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return py::str(*s);
  if (const auto* d = std::get_if<double>(&value)) {
    return std::isnan(*d) ? py::object(py::none()) : py::object(py::float_(*d));
  }
  if (const auto* b = std::get_if<bool>(&value)) return py::bool_(*b);
  return py::none();
}

py::dict table_arrays(const Table& table) {
  py::dict columns;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    columns[py::str(table.columns[c].name)] = column_array(table, c);
  }
  return columns;
}

py::list table_rows(const Table& table) {
  py::list rows;
  for (const auto& row : table.rows) {
    py::dict r;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      r[py::str(table.columns[c].name)] = cell_value(row[c]);
    }
    rows.append(std::move(r));
  }
  return rows;
}

}  // namespace floe::python
