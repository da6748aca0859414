#include "data/state_usage.h"

#include <cmath>
#include <map>

#include "data/delimited.h"
#include "floe/error.h"

namespace floe::data {
namespace {

struct TaskCell {
  double count = -1, percent = -1;
  std::size_t line = 0;
};

}  // namespace

std::vector<StateUsageRow> read_state_usage(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto geo = r.column("geo_id"), variable = r.column("variable"),
             task = r.column("cluster_name"), value = r.column("value");
  const auto geography = r.find_column("geography");
  // (state, task) -> its count and share, in file order of states.
  std::map<std::string, std::map<std::string, TaskCell>> states;
  while (r.next()) {
    if (geography && r.text(*geography) != "state_us") continue;
    const std::string_view v = r.text(variable);
    if (v != "onet_task_count" && v != "onet_task_pct") continue;
    TaskCell& cell = states[std::string(r.required(geo))][std::string(r.required(task))];
    if (v == "onet_task_count") {
      if (cell.count >= 0) r.fail(task, "a second onet_task_count for this state and task");
      cell.count = static_cast<double>(r.count(value));
      cell.line = r.line();
    } else {
      if (cell.percent >= 0) r.fail(task, "a second onet_task_pct for this state and task");
      cell.percent = r.number_in(value, 0, 100);
    }
  }
  std::vector<StateUsageRow> rows;
  for (const auto& [state, tasks] : states) {
    StateUsageRow row{state, 0, 0, 0};
    double best_count = 0;
    for (const auto& [name, cell] : tasks) {
      if (cell.count <= 0 || cell.percent <= 0) continue;  // 'not classified' rows, halves
      const double total = cell.count / (cell.percent / 100);
      ++row.tasks;
      if (row.conversations > 0 && std::abs(total / row.conversations - 1) > 0.01) {
        throw DataError(path.string(), cell.line, "value",
                        "task '" + name + "' implies " + std::to_string(std::lround(total)) +
                            " conversations in " + state + ", another task " +
                            std::to_string(std::lround(row.conversations)));
      }
      if (cell.count > best_count) {
        best_count = cell.count;
        row.conversations = std::round(total);
        row.line = cell.line;
      }
    }
    if (row.tasks > 0) rows.push_back(std::move(row));
  }
  if (rows.empty()) throw DataError(path.string(), 0, "variable", "no onet_task_count rows");
  return rows;
}

}  // namespace floe::data
