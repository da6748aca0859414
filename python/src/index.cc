// The Iceberg Index and one occupation explained: floe.index(), floe.explain(),
// floe.index_options().
//
// The capability options are the command line's own (apps/floe/index_options.cc): a keyword
// argument e2_weight=0.5 is parsed as --e2-weight 0.5 by the same CLI11 definitions, with the
// same defaults, checks and messages, so Python's numbers are `floe index`'s and an option the
// CLI gains is a keyword here without a change.
#include <fmt/format.h>
#include <pybind11/stl.h>

#include <optional>
#include <vector>

#include "binding.h"
#include "floe/error.h"
#include "floe/explain.h"
#include "floe/index.h"
#include "floe/similarity.h"
#include "index_options.h"

namespace floe::python {
namespace {

using cli::add_index_options;
using cli::IndexArgs;

std::string option_name(std::string keyword) {
  for (char& ch : keyword) {
    if (ch == '_') ch = '-';
  }
  return "--" + keyword;
}

bool is_flag(const CLI::Option& option) { return option.get_expected_max() == 0; }

// The value of one keyword as the command line would spell it.
std::string option_text(const py::handle& value) {
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>() ? "true" : "false";
  if (py::isinstance<py::float_>(value)) return py::repr(value).cast<std::string>();
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    std::string joined;
    for (const py::handle item : value) joined += (joined.empty() ? "" : ",") + option_text(item);
    return joined;
  }
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::hasattr(value, "__fspath__")) return to_path(value).string();
  return py::str(value).cast<std::string>();
}

// Parses keyword arguments as the CLI's index options. Unknown keywords are a TypeError; a
// bad value is floe.Error with CLI11's message ("--e2-weight: Value 2 not in range [0 - 1]").
IndexArgs index_args(const py::kwargs& keywords, const char* function) {
  IndexArgs args;
  CLI::App app;
  add_index_options(app, args);
  std::vector<std::string> argv;
  for (const auto& [key, value] : keywords) {
    const std::string keyword = key.cast<std::string>();
    const std::string name = option_name(keyword);
    const CLI::Option* option = app.get_option_no_throw(name);
    if (!option) {
      throw py::type_error(fmt::format(
          "{}() got an unexpected keyword argument '{}' (floe.index_options() lists the options)",
          function, keyword));
    }
    if (value.is_none()) continue;
    if (is_flag(*option)) {
      if (!py::isinstance<py::bool_>(value)) {
        throw py::type_error(fmt::format("{}(): {} is True or False", function, keyword));
      }
      if (value.cast<bool>()) argv.push_back(name);
      continue;
    }
    argv.push_back(name);
    argv.push_back(option_text(value));
  }
  std::reverse(argv.begin(), argv.end());  // CLI11 takes its arguments last first
  try {
    app.parse(argv);
  } catch (const CLI::ParseError& e) {
    throw Error(e.what());
  }
  return args;
}

constexpr Breakdown kBreakdowns[] = {
    Breakdown::kNation, Breakdown::kState,    Breakdown::kCounty,        Breakdown::kOccupation,
    Breakdown::kMajor,  Breakdown::kIndustry, Breakdown::kStateIndustry, Breakdown::kMetro};

Breakdown breakdown(const std::string& by) {
  std::string names;
  for (Breakdown b : kBreakdowns) {
    if (by == to_string(b)) return b;
    names += (names.empty() ? "" : ", ") + std::string(to_string(b));
  }
  throw Error("by: '" + by + "' is not one of " + names);
}

// One state's rows of a state, county or state-industry table, as `floe index --state` keeps
// them (apps/floe/cmd_index.cc).
Table only_state(Table t, Breakdown b, const Geography& g, const std::string& state) {
  if (b != Breakdown::kState && b != Breakdown::kCounty && b != Breakdown::kStateIndustry) {
    throw Error("state= works with by='state', 'county' or 'state-industry'");
  }
  const auto s = g.find_state(state);
  if (!s) throw Error("state: no state '" + state + "' (use a USPS or FIPS code)");
  const std::size_t col = t.column("fips");
  const std::string& fips = g[*s].fips;
  std::erase_if(t.rows, [&](const auto& row) {
    return std::get<std::string>(row[col]).compare(0, 2, fips) != 0;
  });
  return t;
}

py::dict index(const std::string& by, const std::optional<std::string>& state,
               const py::object& data, const py::kwargs& keywords) {
  const Breakdown b = breakdown(by);
  const IndexArgs args = index_args(keywords, "index");
  const IndexOptions options = args.options();
  const std::shared_ptr<const World> w = world(data);
  const Dataset& ds = w->dataset;
  Table table;
  {
    py::gil_scoped_release release;
    const Cells cells = build_cells(ds, args.cell_options());
    table = index_table(ds, compute_index(ds, cells, options), b);
  }
  if (state) table = only_state(std::move(table), b, ds.geography, *state);
  return table_arrays(table);
}

py::dict explain(const std::string& query, const py::object& data,
                 const std::optional<std::vector<double>>& similarity_weights, std::size_t moves,
                 const py::kwargs& keywords) {
  ExplainOptions options;
  options.index = index_args(keywords, "explain").options();
  if (similarity_weights) {
    // As --similarity-weights: six numbers, each in [0, 1].
    if (similarity_weights->size() != kSimilarityBlocks) {
      throw Error(fmt::format("--similarity-weights: {} required {} but received {}",
                              "similarity_weights", kSimilarityBlocks, similarity_weights->size()));
    }
    for (std::size_t i = 0; i < kSimilarityBlocks; ++i) {
      check_range("--similarity-weights", (*similarity_weights)[i], 0.0, 1.0);
      options.similarity.weights[i] = (*similarity_weights)[i];
    }
  }
  options.moves = moves;
  const std::shared_ptr<const World> w = world(data);
  const Dataset& ds = w->dataset;
  const OccupationMatch match = find_occupation_query(ds, query);
  Explanation e;
  {
    py::gil_scoped_release release;
    e = explain_occupation(ds, match, options);
  }
  py::dict out;
  const py::list profile = table_rows(e.profile);
  out["profile"] = profile.empty() ? py::object(py::dict()) : py::object(profile[0]);
  out["tasks"] = table_rows(e.tasks);
  out["exposure"] = table_rows(e.exposure);
  out["moves"] = table_rows(e.moves);
  py::dict notes;
  for (const auto& [name, table] : {std::pair<const char*, const Table*>{"profile", &e.profile},
                                    {"tasks", &e.tasks},
                                    {"exposure", &e.exposure},
                                    {"moves", &e.moves}}) {
    notes[name] = py::cast(table->notes);
  }
  out["notes"] = notes;
  return out;
}

// Every index option: keyword, command-line name, default and meaning.
py::list index_options() {
  IndexArgs args;
  CLI::App app;
  add_index_options(app, args);
  py::list out;
  for (const CLI::Option* o : app.get_options()) {
    std::string name = o->get_name();
    if (name.rfind("--", 0) != 0 || name == "--help") continue;
    std::string keyword = name.substr(2);
    for (char& ch : keyword) {
      if (ch == '-') ch = '_';
    }
    py::dict d;
    d["keyword"] = keyword;
    d["option"] = name;
    d["default"] =
        is_flag(*o) ? py::object(py::bool_(false)) : py::object(py::str(o->get_default_str()));
    d["meaning"] = o->get_description();
    out.append(std::move(d));
  }
  return out;
}

}  // namespace

void bind_index(py::module_& m) {
  m.def("index", &index, py::arg("by") = "nation", py::arg("state") = py::none(),
        py::arg("data") = py::none(),
        "The Iceberg Index (docs/method.md §7) for one breakdown, as {column: numpy array}: the "
        "table `floe index --by BY --format csv` prints, with the same numbers (codes, names, "
        "index, its range over the capability layers, exposed wages, workers). by: nation, "
        "state, county, occupation, major, industry, state-industry or metro; state: one "
        "state's rows (USPS or FIPS, as --state). Options are the command line's, as keywords "
        "(floe.index_options()): layer, labeler, e2_weight, transfer, weights, surface, "
        "cells ...");
  m.def("explain", &explain, py::arg("query"), py::arg("data") = py::none(),
        py::arg("similarity_weights") = py::none(), py::arg("moves") = 10,
        "Everything floe knows about one occupation, as `floe explain QUERY --format json` "
        "prints it: {'profile': {...}, 'tasks': [...], 'exposure': [...], 'moves': [...], "
        "'notes': {...}}. query: a SOC code ('15-1252'), an O*NET-SOC code or words from a "
        "title ('bookkeeping'). similarity_weights: the six block weights (as "
        "--similarity-weights); moves: career moves listed. Index options as in floe.index().");
  m.def("index_options", &index_options,
        "The capability options index() and explain() take, as the command line defines them: "
        "[{'keyword', 'option', 'default', 'meaning'}].");
}

}  // namespace floe::python
