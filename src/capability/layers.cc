#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "data/codes.h"
#include "data/delimited.h"
#include "floe/capability.h"

namespace floe {
namespace {

constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();

// docs/method.md §1: E0 -> 0, E1 -> 1, E2 -> e2_weight.
float label_value(std::uint8_t label, double e2_weight) {
  switch (label) {
    case 0:
      return 0.0f;
    case 1:
      return 1.0f;
    case 2:
      return static_cast<float>(e2_weight);
    default:
      return kNaNf;
  }
}

std::string format_weight(double w) {
  std::string s = std::to_string(w);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

const char* to_string(Labeler labeler) {
  switch (labeler) {
    case Labeler::kHuman:
      return "human";
    case Labeler::kGpt4:
      return "gpt4";
    case Labeler::kMean:
      return "mean";
  }
  return "?";
}

CapabilityLayer technical_layer(const TechnicalLabels& labels, const TechnicalOptions& options) {
  CapabilityLayer layer;
  layer.name = "technical";
  layer.provenance = std::string("GPTs are GPTs (Eloundou et al. 2023), labeler ") +
                     to_string(options.labeler) + ", E1=1, E2=" + format_weight(options.e2_weight) +
                     ", E0=0";
  const std::size_t n = labels.human.size();
  layer.capability.resize(n);
  for (std::size_t t = 0; t < n; ++t) {
    const float human = label_value(labels.human[t], options.e2_weight);
    const float gpt4 = label_value(labels.gpt4[t], options.e2_weight);
    switch (options.labeler) {
      case Labeler::kHuman:
        layer.capability[t] = human;
        break;
      case Labeler::kGpt4:
        layer.capability[t] = gpt4;
        break;
      case Labeler::kMean:
        layer.capability[t] = 0.5f * (human + gpt4);
        break;
    }
  }
  return layer;
}

CapabilityLayer observed_layer(const ObservedUsage& usage, double min_percent) {
  CapabilityLayer layer;
  layer.name = "observed";
  layer.provenance =
      "Anthropic Economic Index 2025-02-10: task observed in Claude usage (share > " +
      format_weight(min_percent) + "%)";
  layer.capability.resize(usage.percent.size());
  for (std::size_t t = 0; t < usage.percent.size(); ++t) {
    layer.capability[t] = usage.percent[t] > min_percent ? 1.0f : 0.0f;
  }
  return layer;
}

CapabilityLayer read_capability_csv(const std::filesystem::path& path, const Taxonomy& taxonomy) {
  data::DelimitedReader r(path);
  r.read_header();
  const auto task_col = r.find_column("task_id");
  const auto dwa_col = r.find_column("dwa_id");
  if (!task_col && !dwa_col) r.column("task_id");  // throws: names the missing column
  const auto value_col = r.column("capability");
  CapabilityLayer layer;
  layer.name = path.filename().string();
  layer.provenance = "user layer " + path.string();
  layer.capability.assign(taxonomy.tasks.size(), task_col ? kNaNf : 0.0f);
  data::UniqueKeys keys;
  while (r.next()) {
    const float c = static_cast<float>(r.number_in(value_col, 0.0, 1.0));
    if (task_col) {
      const std::int64_t id = r.count(*task_col);
      const auto task = taxonomy.find_task(static_cast<std::int32_t>(id));
      if (!task || id > INT32_MAX) {
        r.fail(*task_col, "unknown O*NET task ID " + std::to_string(id));
      }
      keys.insert(r, *task_col, std::to_string(id));
      layer.capability[task->index()] = c;
    } else {
      const std::string_view dwa_id = r.required(*dwa_col);
      const auto dwa = taxonomy.find_dwa(dwa_id);
      if (!dwa) r.fail(*dwa_col, "unknown DWA ID '" + std::string(dwa_id) + "'");
      keys.insert(r, *dwa_col, std::string(dwa_id));
      for (TaskId t : taxonomy.dwa_tasks.row(dwa->index())) {
        layer.capability[t.index()] = std::max(layer.capability[t.index()], c);
      }
    }
  }
  return layer;
}

CapabilityLayer with_transfer(const CapabilityLayer& layer, const Taxonomy& taxonomy) {
  CapabilityLayer out = layer;
  out.name += "+transfer";
  out.provenance += "; transferred through DWAs (max over linked tasks)";
  std::vector<float> dwa_best(taxonomy.dwas.size(), kNaNf);
  for (std::size_t d = 0; d < taxonomy.dwas.size(); ++d) {
    for (TaskId t : taxonomy.dwa_tasks.row(d)) {
      const float c = layer.capability[t.index()];
      if (std::isnan(c)) continue;
      dwa_best[d] = std::isnan(dwa_best[d]) ? c : std::max(dwa_best[d], c);
    }
  }
  for (std::size_t t = 0; t < taxonomy.tasks.size(); ++t) {
    float c = layer.capability[t];
    for (DwaId d : taxonomy.task_dwas.row(t)) {
      const float best = dwa_best[d.index()];
      if (std::isnan(best)) continue;
      c = std::isnan(c) ? best : std::max(c, best);
    }
    out.capability[t] = c;
  }
  return out;
}

}  // namespace floe
