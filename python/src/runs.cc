// floe.read_run(): a results file of `floe simulate` (or Simulation.write) as numpy arrays,
// every table of it, read by the columns the file declares, so that a table or column a later
// floe adds is read without a change here.
#include <sqlite3.h>

#include <cmath>

#include "binding.h"
#include "floe/error.h"
#include "floe/runs.h"
#include "floe/store.h"

namespace floe::python {
namespace {

// One column's values as read, then as the array its declared type asks for.
struct ColumnValues {
  std::string name, type;  // type as declared: INTEGER, REAL, TEXT
  std::vector<double> numbers;
  std::vector<std::int64_t> integers;
  py::list texts;
  bool integer_null = false;

  void read(sqlite3_stmt* q, int c) {
    const int kind = sqlite3_column_type(q, c);
    if (type == "INTEGER") {
      integer_null = integer_null || kind == SQLITE_NULL;
      integers.push_back(sqlite3_column_int64(q, c));
    }
    if (type == "INTEGER" || type == "REAL") {
      numbers.push_back(kind == SQLITE_NULL ? std::nan("") : sqlite3_column_double(q, c));
    } else if (kind == SQLITE_NULL) {
      texts.append(py::none());
    } else {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q, c));
      texts.append(py::str(text, static_cast<std::size_t>(sqlite3_column_bytes(q, c))));
    }
  }
  py::object array() const {
    if (type == "INTEGER" && !integer_null) {
      py::array_t<std::int64_t> a(static_cast<py::ssize_t>(integers.size()));
      std::copy(integers.begin(), integers.end(), a.mutable_data());
      return a;
    }
    if (type == "INTEGER" || type == "REAL") {
      py::array_t<double> a(static_cast<py::ssize_t>(numbers.size()));
      std::copy(numbers.begin(), numbers.end(), a.mutable_data());
      return a;
    }
    return py::module_::import("numpy").attr("array")(texts, py::arg("dtype") = "O");
  }
};

// Every row of a statement, one step at a time; throws Error naming the file.
bool next_row(sqlite3* db, sqlite3_stmt* q, const std::string& file) {
  const int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw Error(file + ": " + sqlite3_errmsg(db));
}

struct Query {
  sqlite3_stmt* q = nullptr;
  Query(sqlite3* db, const std::string& sql, const std::string& file) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) != SQLITE_OK) {
      throw Error(file + ": " + sqlite3_errmsg(db));
    }
  }
  ~Query() { sqlite3_finalize(q); }
};

std::string quoted(const std::string& name) {
  std::string s = "\"";
  for (char ch : name) s += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return s + '"';
}

py::dict read_table(sqlite3* db, const std::string& table, const std::string& file) {
  std::vector<ColumnValues> columns;
  {
    Query info(db, "PRAGMA table_info(" + quoted(table) + ")", file);
    while (next_row(db, info.q, file)) {
      ColumnValues c;
      c.name = reinterpret_cast<const char*>(sqlite3_column_text(info.q, 1));
      const unsigned char* type = sqlite3_column_text(info.q, 2);
      c.type = type ? reinterpret_cast<const char*>(type) : "";
      columns.push_back(std::move(c));
    }
  }
  Query rows(db, "SELECT * FROM " + quoted(table), file);
  while (next_row(db, rows.q, file)) {
    for (std::size_t c = 0; c < columns.size(); ++c) columns[c].read(rows.q, static_cast<int>(c));
  }
  py::dict out;
  for (const ColumnValues& c : columns) out[py::str(c.name)] = c.array();
  return out;
}

py::dict read_run(const py::object& path_object) {
  const std::filesystem::path path = to_path(path_object);
  const SimulationRun run(path);  // checks that it is a simulation run, with one-line errors
  const std::string file = path.string();
  const std::shared_ptr<sqlite3> db = open_results(path);
  py::dict out;
  py::dict info;
  for (const auto& [key, value] : run.info().keys) info[py::str(key)] = value;
  out["run"] = info;
  Query tables(db.get(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid",
               file);
  while (next_row(db.get(), tables.q, file)) {
    const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(tables.q, 0));
    if (name == "run") continue;
    out[py::str(name)] = read_table(db.get(), name, file);
  }
  return out;
}

}  // namespace

void bind_runs(py::module_& m) {
  m.def("read_run", &read_run, py::arg("path"),
        "A results file of `floe simulate` (or Simulation.write) as {table: {column: numpy "
        "array}}: 'run' (its key/value table, as a dict of str), 'national', 'state_major', "
        "'county_major', 'flows' and, with the AI-talent segment, the talent_* tables "
        "(docs/model.md §12, docs/talent.md §9). Integer columns are int64, real ones float64 "
        "(NaN where empty), text ones object arrays. Raises floe.Error for a file that is not a "
        "simulation run.");
}

}  // namespace floe::python
