// The data a call works on: floe.load() and floe.Data. Loading and checking a data directory
// takes a quarter of a second and a few hundred MB, so each directory (with its options) is
// loaded once per process and shared by every later call that names it (docs/python.md, "Data").
#include <map>

#include "binding.h"
#include "floe/error.h"

namespace floe::python {
namespace {

// A loaded directory, as Python sees it.
struct Data {
  std::shared_ptr<const World> world;
};

std::string cache_key(const DatasetOptions& o) {
  const std::filesystem::path dir = o.data_dir.empty() ? default_data_dir() : o.data_dir;
  std::error_code ec;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(dir, ec);
  return (ec ? dir : canonical).string() + '\n' + std::to_string(o.oews_year) + '\n' +
         o.oews_state_file.string() + '\n' + o.oews_msa_file.string() + '\n' + o.cbp_file.string();
}

// An optional file argument, checked as the command line checks it (CLI::ExistingFile).
std::filesystem::path existing_file(const char* option, const py::object& value) {
  if (value.is_none()) return {};
  std::filesystem::path path = to_path(value);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw Error(std::string(option) + ": File does not exist: " + path.string());
  }
  return path;
}

}  // namespace

std::shared_ptr<const World> load_world(const DatasetOptions& options) {
  // Guarded by the GIL: every caller holds it.
  static std::map<std::string, std::shared_ptr<const World>> loaded;
  const std::string key = cache_key(options);
  if (const auto it = loaded.find(key); it != loaded.end()) return it->second;
  std::shared_ptr<World> w;
  {
    py::gil_scoped_release release;
    w = std::make_shared<World>();
    w->options = options;
    w->dataset = load_dataset(options);
    w->cells = build_cells(w->dataset);
  }
  return loaded.emplace(key, std::move(w)).first->second;
}

std::filesystem::path to_path(const py::handle& path) {
  if (py::isinstance<py::str>(path)) return path.cast<std::string>();
  const py::object fspath = py::module_::import("os").attr("fspath");
  return fspath(path).cast<std::string>();
}

std::shared_ptr<const World> world(const py::object& data) {
  if (py::isinstance<Data>(data)) return data.cast<const Data&>().world;
  DatasetOptions options;
  if (!data.is_none()) options.data_dir = to_path(data);
  return load_world(options);
}

void bind_data(py::module_& m) {
  py::class_<Data>(m, "Data",
                   "A data directory, loaded and checked: the inputs every call works on. Made by "
                   "floe.load(); pass it as data= to index(), explain() and Simulation().")
      .def_property_readonly(
          "dir", [](const Data& d) { return d.world->dataset.data_dir.string(); },
          "The directory the data was read from.")
      .def_property_readonly(
          "oews_year", [](const Data& d) { return d.world->options.oews_year; },
          "The OEWS year of the national occupation file.")
      .def("__repr__", [](const Data& d) {
        return "floe.Data('" + d.world->dataset.data_dir.string() +
               "', oews_year=" + std::to_string(d.world->options.oews_year) + ")";
      });
  m.def(
      "load",
      [](const py::object& data, int oews_year, const py::object& oews_state,
         const py::object& oews_msa, const py::object& cbp) {
        DatasetOptions options;
        if (!data.is_none()) {
          options.data_dir = to_path(data);
          std::error_code ec;
          if (!std::filesystem::is_directory(options.data_dir, ec)) {
            throw Error("--data: Directory does not exist: " + options.data_dir.string());
          }
        }
        check_range("--oews-year", oews_year, 2021, 2024);
        options.oews_year = oews_year;
        options.oews_state_file = existing_file("--oews-state", oews_state);
        options.oews_msa_file = existing_file("--oews-msa", oews_msa);
        options.cbp_file = existing_file("--cbp", cbp);
        return Data{load_world(options)};
      },
      py::arg("data") = py::none(), py::arg("oews_year") = 2023, py::arg("oews_state") = py::none(),
      py::arg("oews_msa") = py::none(), py::arg("cbp") = py::none(),
      "Loads and checks a data directory (default: the shipped data/, or $FLOE_DATA), as the "
      "command line's --data, --oews-year, --oews-state, --oews-msa and --cbp do (BLS and "
      "Census files as published, .xlsx or .csv). Each directory and set of options is read "
      "once per process: later calls share it. Raises floe.DataError naming the file, line and "
      "field of the first problem.");
}

}  // namespace floe::python
