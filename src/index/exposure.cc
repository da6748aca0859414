#include <cmath>
#include <limits>

#include "data/codes.h"
#include "data/delimited.h"
#include "floe/error.h"
#include "floe/index.h"

namespace floe {

std::vector<double> task_weights(const Taxonomy& t, TaskWeighting weighting,
                                 const std::filesystem::path& file) {
  std::vector<double> w(t.tasks.size(), 1.0);
  switch (weighting) {
    case TaskWeighting::kOnetType:
      // Eloundou et al. (2023): core tasks count twice (docs/method.md §7).
      for (std::size_t i = 0; i < t.tasks.size(); ++i) {
        w[i] = t.tasks[i].type == TaskType::kCore ? 2.0 : 1.0;
      }
      break;
    case TaskWeighting::kEqual:
      break;
    case TaskWeighting::kFile: {
      data::DelimitedReader r(file);
      r.read_header();
      const auto id_col = r.column("task_id"), weight_col = r.column("weight");
      data::UniqueKeys keys;
      while (r.next()) {
        const std::int64_t id = r.count(id_col);
        const auto task = t.find_task(static_cast<std::int32_t>(id));
        if (!task || id > INT32_MAX) r.fail(id_col, "unknown O*NET task ID " + std::to_string(id));
        keys.insert(r, id_col, std::to_string(id));
        w[task->index()] = r.number_in(weight_col, 0.0, 1e9);
      }
      break;
    }
  }
  return w;
}

CapabilityLayer make_layer(const Dataset& ds, const IndexOptions& options) {
  CapabilityLayer layer;
  switch (options.layer) {
    case LayerKind::kTechnical:
      layer = technical_layer(ds.technical, options.technical);
      break;
    case LayerKind::kObserved:
      layer = observed_layer(ds.observed, options.observed_min_percent);
      break;
    case LayerKind::kFile:
      layer = read_capability_csv(options.layer_file, ds.taxonomy);
      break;
  }
  if (options.transfer) layer = with_transfer(layer, ds.taxonomy);
  return layer;
}

std::vector<double> occupation_exposure(const Taxonomy& t, const CapabilityLayer& layer,
                                        const std::vector<double>& weights) {
  std::vector<double> exposure(t.occupations.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t o = 0; o < t.occupations.size(); ++o) {
    double num = 0, den = 0;
    for (TaskId task : t.occupation_tasks.row(o)) {
      const float c = layer.capability[task.index()];
      if (std::isnan(c)) continue;  // unlabeled: out of numerator and denominator
      num += weights[task.index()] * c;
      den += weights[task.index()];
    }
    if (den > 0) exposure[o] = num / den;  // docs/method.md §7, occupation exposure
  }
  return exposure;
}

std::vector<bool> surface_occupations(const Taxonomy& t, const std::vector<std::string>& codes) {
  std::vector<bool> surface(t.occupations.size(), false);
  for (const std::string& code : codes) {
    if (!data::is_soc_code(code)) throw Error("--surface: '" + code + "' is not a SOC code");
    bool matched = false;
    for (std::size_t o = 0; o < t.occupations.size(); ++o) {
      const Occupation& occ = t.occupations[o];
      if (occ.soc_code == code || occ.broad_code == code || occ.minor_code == code ||
          t.major_groups[occ.major.index()].soc_code == code) {
        surface[o] = true;
        matched = true;
      }
    }
    if (!matched) throw Error("--surface: no occupation is in SOC group '" + code + "'");
  }
  return surface;
}

}  // namespace floe
