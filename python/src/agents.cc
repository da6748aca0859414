// The agents of a run as numpy sees them: one read-only structured array over the run's own
// 16-byte records (AgentView), its fields described by kAgentFields (include/floe/agent.h), so
// that a field added to the record appears here without a change.
//
// The array's base is an AgentMemory object that keeps the simulation alive; the simulation
// holds only a weak reference to it. Every view numpy derives (a field, a slice) has the same
// base, so while the weak reference is alive some array still points at the records, and
// step() refuses to run (a month may move the records: docs/python.md, "Agents").
#include <fmt/format.h>

#include "floe/agent.h"
#include "floe/error.h"
#include "simulation.h"

namespace floe::python {
namespace {

struct AgentMemory {
  py::object simulation;  // keeps the records' owner alive
  int month = 0;
};

std::string numpy_format(std::string_view type) {
  if (type == "u8") return "<u1";
  if (type == "u16") return "<u2";
  if (type == "u32") return "<u4";
  if (type == "f32") return "<f4";
  throw std::logic_error("agent field type " + std::string(type) + " has no numpy format");
}

py::dtype record_dtype() {
  py::list names, formats, offsets;
  for (const AgentField& f : kAgentFields) {
    names.append(std::string(f.name));
    formats.append(numpy_format(f.type));
    offsets.append(f.offset);
  }
  return py::dtype(names, formats, offsets, sizeof(AgentRecord));
}

}  // namespace

py::array PySimulation::agents(const py::object& self, bool twin) {
  check_not_stepping();
  if (twin) output(true);  // throws Error when the run has no twin
  const AgentView view = twin ? simulation_.twin_agents() : simulation_.agents();
  // One memory object per month for every view of it, the run's and the twin's: while any is
  // alive, step() refuses to run.
  py::object memory = agent_memory_ ? agent_memory_() : py::none();
  if (memory.is_none() || memory.cast<const AgentMemory&>().month != simulation_.month()) {
    memory = py::cast(AgentMemory{self, simulation_.month()});
    agent_memory_ = py::weakref(memory);
  }
  static const py::dtype* const dtype = new py::dtype(record_dtype());  // lives with the module
  py::array records(*dtype, {static_cast<py::ssize_t>(view.size)},
                    {static_cast<py::ssize_t>(sizeof(AgentRecord))}, view.records, memory);
  records.attr("setflags")(py::arg("write") = false);
  return records;
}

void bind_agents(py::module_& m) {
  py::class_<AgentMemory>(m, "_AgentMemory",
                          "What the arrays from Simulation.agents() view (kept alive by them).")
      .def_readonly("month", &AgentMemory::month);
  py::list fields;
  for (const AgentField& f : kAgentFields) {
    py::dict d;
    d["name"] = std::string(f.name);
    d["type"] = std::string(f.type);
    d["offset"] = f.offset;
    d["meaning"] = std::string(f.meaning);
    fields.append(std::move(d));
  }
  m.attr("AGENT_FIELDS") = fields;
  m.attr("EMPLOYED") = static_cast<int>(AgentStatus::kEmployed);
  m.attr("UNEMPLOYED") = static_cast<int>(AgentStatus::kUnemployed);
  m.attr("TRAINING") = static_cast<int>(AgentStatus::kTraining);
  m.attr("OUT_OF_LABOR_FORCE") = static_cast<int>(AgentStatus::kOutOfLaborForce);
  m.attr("VACANT") = static_cast<int>(kVacantStatus);
  m.attr("STATUS_MASK") = static_cast<int>(kStatusMask);
}

}  // namespace floe::python
