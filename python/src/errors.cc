// floe's errors as Python exceptions: floe.Error (a ValueError) for any error floe reports to
// a user, and its subclass floe.DataError for a problem located in an input file, carrying
// file, line, field and problem. The message is the one line the CLI prints after
// "floe: error: ".
#include "binding.h"
#include "floe/error.h"

namespace floe::python {
namespace {

// Created once and kept for the life of the process (module objects outlive every call).
PyObject* g_error = nullptr;
PyObject* g_data_error = nullptr;

void raise_data_error(const DataError& e) {
  py::object exception =
      py::reinterpret_steal<py::object>(PyObject_CallFunction(g_data_error, "s", e.what()));
  if (!exception) return;  // the call set a Python error already
  exception.attr("file") = e.file();
  exception.attr("line") = e.line();
  exception.attr("field") = e.field();
  exception.attr("problem") = e.problem();
  PyErr_SetObject(g_data_error, exception.ptr());
}

}  // namespace

void bind_errors(py::module_& m) {
  g_error = PyErr_NewExceptionWithDoc(
      "floe.Error",
      "An error floe reports to its user (bad option, bad input, failed write): one line, "
      "the same as the command line prints.",
      PyExc_ValueError, nullptr);
  g_data_error = PyErr_NewExceptionWithDoc(
      "floe.DataError",
      "A problem in an input file: '<file>:<line>: <field>: <problem>'. Attributes file, line "
      "(1-based; 0 for the file as a whole), field (a column or key; '' if none) and problem.",
      g_error, nullptr);
  m.add_object("Error", py::handle(g_error));
  m.add_object("DataError", py::handle(g_data_error));
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const DataError& e) {
      raise_data_error(e);
    } catch (const Error& e) {
      PyErr_SetString(g_error, e.what());
    }
  });
}

}  // namespace floe::python
