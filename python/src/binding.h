// The floe Python module (docs/python.md): pybind11 over the public API in include/floe/.
//
// Each file binds one part and registers it on the module with a bind_* function; this header
// holds what several parts share: the loaded data (one load per data directory, shared by every
// call and every run) and the conversion of result tables to numpy arrays and plain lists.
#pragma once

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <memory>
#include <string>

#include "floe/dataset.h"
#include "floe/error.h"
#include "floe/market.h"
#include "floe/table.h"

namespace floe::python {

namespace py = pybind11;

// A data directory loaded and checked (load_dataset), with the labor-market cells every
// simulation runs on. Immutable: shared by index calls and runs, alive while any uses it.
struct World {
  DatasetOptions options;
  Dataset dataset;
  Cells cells;
};

// The data a call names: None (the default data directory), a path, or a floe.Data object.
// Loads each directory once per process; later calls share it.
std::shared_ptr<const World> world(const py::object& data);
// The data loaded with these options (once per process: later calls share it).
std::shared_ptr<const World> load_world(const DatasetOptions& options);

// A table as {column name: numpy array}, in column order: numbers as float64 (NaN where
// empty), yes/no as bool, text as object arrays of str (None where empty). Driven by the
// table's own columns, so it follows any change to them.
py::dict table_arrays(const Table& table);
// A table as a list of {column name: value} rows (numbers as float, None where empty).
py::list table_rows(const Table& table);
// One table cell as a Python value (None for an empty one or NaN).
py::object cell_value(const Value& value);

// Checks a value as the command line's CLI::Range(low, high) checks its option, with its
// message: "--scale: Value 2 not in range 0.000000 to 1.000000".
template <typename T>
void check_range(const char* option, T value, T low, T high) {
  if (!(value >= low && value <= high)) {
    throw Error(fmt::format("{}: Value {} not in range {} to {}", option, value,
                            std::to_string(low), std::to_string(high)));
  }
}

// A path argument: str or os.PathLike.
std::filesystem::path to_path(const py::handle& path);

void bind_errors(py::module_& m);
void bind_data(py::module_& m);
void bind_index(py::module_& m);
void bind_simulation(py::module_& m);
void bind_runs(py::module_& m);

}  // namespace floe::python
