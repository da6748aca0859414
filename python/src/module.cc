// The compiled core of the Python package floe (python/floe/__init__.py re-exports it).
#include "binding.h"

PYBIND11_MODULE(_core, m) {
  namespace python = floe::python;
  m.doc() = "floe's compiled core: see the package floe and docs/python.md.";
  python::bind_errors(m);
  python::bind_data(m);
  python::bind_index(m);
  python::bind_simulation(m);
  python::bind_runs(m);
}
