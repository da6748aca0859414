// floe explain: one occupation's codes, tasks, exposure under every option and nearest
// less-exposed occupations (include/floe/explain.h).
#include "floe/explain.h"
#include "floe/numbers.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "index/explain_moves.h"

namespace floe {
namespace {

const char* preparation(int zone) {
  switch (zone) {
    case 1:
      return "little or no";
    case 2:
      return "some";
    case 3:
      return "medium";
    case 4:
      return "considerable";
    case 5:
      return "extensive";
  }
  return "?";
}

// O*NET job zone, "3" or "3-4" when its O*NET occupations differ, and what it means; empty
// when none is rated.
std::pair<std::string, std::string> job_zone(const Taxonomy& t, OccupationId o) {
  int lo = 6, hi = 0;
  for (OnetOccupationId onet : t[o].onet) {
    const int z = t[onet].job_zone;
    if (z == 0) continue;
    lo = std::min(lo, z);
    hi = std::max(hi, z);
  }
  if (hi == 0) return {};
  if (lo == hi) return {std::to_string(lo), fmt::format("{} preparation needed", preparation(lo))};
  return {fmt::format("{}-{}", lo, hi),
          fmt::format("{} to {} preparation needed", preparation(lo), preparation(hi))};
}

const char* task_type(TaskType type) {
  switch (type) {
    case TaskType::kCore:
      return "Core";
    case TaskType::kSupplemental:
      return "Supplemental";
    case TaskType::kUnrated:
      return "not rated";
  }
  return "?";
}

std::string exposure_label(std::uint8_t label) {
  return label == kNoLabel ? std::string("-") : fmt::format("E{}", int{label});
}

std::string describe_layer(const IndexOptions& o) {
  switch (o.layer) {
    case LayerKind::kTechnical:
      return fmt::format("technical layer, {} labels, E2 weight {:g}{}",
                         to_string(o.technical.labeler), o.technical.e2_weight,
                         o.transfer ? ", with transfer" : "");
    case LayerKind::kObserved:
      return fmt::format("observed layer (share > {:g}%){}", o.observed_min_percent,
                         o.transfer ? ", with transfer" : "");
    case LayerKind::kFile:
      return "layer " + o.layer_file.string() + (o.transfer ? ", with transfer" : "");
  }
  return "?";
}

// Rank of o by exposure (1 = most exposed) among covered occupations, their count, and the
// share of covered employment in occupations with lower exposure.
struct Rank {
  double rank = kNaN, ranked = 0, workers_below = kNaN;
};

Rank rank_of(const Dataset& ds, const std::vector<double>& exposure, OccupationId o) {
  Rank r;
  double below = 0, all = 0;
  std::size_t above = 0, ranked = 0;
  const double e = exposure[o.index()];
  for (std::size_t i = 0; i < exposure.size(); ++i) {
    if (std::isnan(exposure[i])) continue;
    ++ranked;
    const double emp = ds.labor.national[i].employment;
    all += emp;
    if (std::isnan(e)) continue;
    above += exposure[i] > e;
    if (exposure[i] < e) below += emp;
  }
  r.ranked = static_cast<double>(ranked);
  if (!std::isnan(e)) {
    r.rank = static_cast<double>(above + 1);
    r.workers_below = all > 0 ? below / all : kNaN;
  }
  return r;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

Table profile_table(const Dataset& ds, const OccupationMatch& m, const IndexOptions& options,
                    const std::vector<double>& exposure, const std::vector<double>& weights) {
  const Taxonomy& t = ds.taxonomy;
  const OccupationId o = m.occupation;
  const Occupation& occ = t[o];
  const NationalOccupation& nat = ds.labor.national[o.index()];
  const MajorGroup& major = t.major_groups[occ.major.index()];
  std::vector<std::string> onet, also;
  for (OnetOccupationId id : occ.onet) onet.push_back(t[id].code + " " + t[id].title);
  for (OccupationId a : m.also_matching) also.push_back(t[a].soc_code + " " + t[a].title);
  double labeled = 0, all = 0;
  const CapabilityLayer layer = make_layer(ds, options);
  for (TaskId task : t.occupation_tasks.row(o.index())) {
    all += weights[task.index()];
    if (!std::isnan(layer.capability[task.index()])) labeled += weights[task.index()];
  }
  const Rank r = rank_of(ds, exposure, o);
  const auto [zone, zone_meaning] = job_zone(t, o);
  // The range over the ensemble and the chosen layer (docs/method.md §12).
  Interval range;
  if (!options.ensemble.empty()) {
    range.widen(exposure[o.index()]);
    for (const LayerVariant& v : options.ensemble) {
      IndexOptions variant = options;
      variant.layer = LayerKind::kTechnical;
      variant.technical = {v.labeler, v.e2_weight};
      variant.transfer = v.transfer;
      range.widen(occupation_exposure(t, make_layer(ds, variant), weights)[o.index()]);
    }
  }

  Table p;
  p.title = occ.title;
  p.columns = {{"soc_code", "SOC", ColumnKind::kText},
               {"title", "Occupation", ColumnKind::kText},
               {"onet", "O*NET occupations", ColumnKind::kText},
               {"major_group", "Major group", ColumnKind::kText},
               {"employment", "Workers", ColumnKind::kCount},
               {"mean_wage", "Mean wage", ColumnKind::kDollars},
               {"wage_source", "Wage source", ColumnKind::kText},
               {"job_zone", "Job zone", ColumnKind::kText},
               {"job_zone_meaning", "Preparation", ColumnKind::kText},
               {"task_source", "Tasks from", ColumnKind::kText},
               {"tasks", "Tasks", ColumnKind::kCount},
               {"labeled_weight_share", "Labeled", ColumnKind::kShare, 0},
               {"exposure", "Exposure", ColumnKind::kShare, 1},
               {"exposure_low", "Low", ColumnKind::kShare, 1},
               {"exposure_high", "High", ColumnKind::kShare, 1},
               {"rank", "Rank", ColumnKind::kCount},
               {"ranked", "Of", ColumnKind::kCount},
               {"workers_less_exposed", "Workers less exposed", ColumnKind::kShare, 0},
               {"options", "Options", ColumnKind::kText},
               {"oews_year", "OEWS year", ColumnKind::kNumber, 0},
               {"matched_by", "Matched by", ColumnKind::kText},
               {"also_matching", "Also matching", ColumnKind::kText}};
  const char* source = occ.task_source == TaskSource::kOnet      ? "O*NET"
                       : occ.task_source == TaskSource::kImputed ? "imputed"
                                                                 : "none";
  p.rows.push_back({occ.soc_code,
                    occ.title,
                    join(onet, "; "),
                    major.soc_code + " " + major.title,
                    nat.employment_released ? nat.employment : kNaN,
                    nat.mean.source == WageSource::kMissing ? kNaN : nat.mean.annual,
                    std::string(to_string(nat.mean.source)),
                    zone,
                    zone_meaning,
                    std::string(source),
                    double(t.occupation_tasks.row(o.index()).size()),
                    all > 0 ? labeled / all : kNaN,
                    exposure[o.index()],
                    range.low,
                    range.high,
                    r.rank,
                    r.ranked,
                    r.workers_below,
                    describe_layer(options),
                    double(ds.labor.year),
                    m.matched_by,
                    join(also, "; ")});
  return p;
}

Table tasks_table(const Dataset& ds, OccupationId o, const IndexOptions& options,
                  const CapabilityLayer& layer, const std::vector<double>& weights) {
  const Taxonomy& t = ds.taxonomy;
  const bool imputed = t[o].task_source == TaskSource::kImputed;
  Table tasks;
  switch (options.weighting) {
    case TaskWeighting::kOnetType:
      tasks.title = "weight: core 2, supplemental 1";
      break;
    case TaskWeighting::kEqual:
      tasks.title = "every task weighs the same";
      break;
    case TaskWeighting::kFile:
      tasks.title = "weights from " + options.weights_file.string();
      break;
  }
  tasks.title = "Tasks, most AI-capable first (" + tasks.title + ")";
  tasks.columns = {{"task_id", "Task ID", ColumnKind::kNumber, 0},
                   {"onet_code", "O*NET", ColumnKind::kText},
                   {"type", "Type", ColumnKind::kText},
                   {"weight", "Weight", ColumnKind::kNumber, 0},
                   {"human", "Human", ColumnKind::kText},
                   {"gpt4", "GPT-4", ColumnKind::kText},
                   {"capability", "AI capability", ColumnKind::kShare, 0},
                   {"imputed", "Imputed", ColumnKind::kFlag},
                   {"statement", "Task", ColumnKind::kText},
                   {"dwas", "Work activities (DWAs)", ColumnKind::kText}};
  std::vector<TaskId> order(t.occupation_tasks.row(o.index()).begin(),
                            t.occupation_tasks.row(o.index()).end());
  // Most capable first (unlabeled last), then heavier, then O*NET's order.
  auto key = [&](TaskId task) {
    const float c = layer.capability[task.index()];
    return std::isnan(c) ? -1.0 : double(c);
  };
  std::stable_sort(order.begin(), order.end(), [&](TaskId a, TaskId b) {
    if (key(a) != key(b)) return key(a) > key(b);
    return weights[a.index()] > weights[b.index()];
  });
  for (TaskId id : order) {
    const Task& task = t[id];
    std::vector<std::string> dwas;
    for (DwaId d : t.task_dwas.row(id.index())) {
      std::string title = t[d].title;
      if (!title.empty() && title.back() == '.') title.pop_back();
      dwas.push_back(std::move(title));
    }
    const float c = layer.capability[id.index()];
    tasks.rows.push_back(
        {double(task.onet_task_id), t[task.onet_occupation].code, std::string(task_type(task.type)),
         weights[id.index()], exposure_label(ds.technical.human[id.index()]),
         exposure_label(ds.technical.gpt4[id.index()]), std::isnan(c) ? kNaN : double(c), imputed,
         task.statement, join(dwas, "; ")});
  }
  tasks.notes.push_back(
      "Labels (Eloundou et al. 2023): E1 = an LLM alone could halve the time the task takes; "
      "E2 = only with software built on an LLM; E0 = neither.");
  const bool unrated = std::any_of(order.begin(), order.end(),
                                   [&](TaskId id) { return t[id].type == TaskType::kUnrated; });
  if (unrated) {
    tasks.notes.push_back(
        "Type 'not rated': O*NET has not yet rated these tasks core or supplemental (its task "
        "lists revised since 2019, e.g. Software Developers'); each weighs 1, as a supplemental "
        "task does (docs/method.md §7).");
  }
  if (imputed) {
    tasks.notes.push_back(
        "Imputed: O*NET publishes no tasks for this 'All Other' occupation; floe gives it the "
        "tasks of the other occupations in its SOC group (docs/method.md §2).");
  }
  return tasks;
}

Table exposure_table(const Dataset& ds, OccupationId o, const IndexOptions& chosen,
                     const std::vector<double>& weights) {
  Table x;
  x.title = "Exposure under each option";
  x.columns = {{"layer", "Layer", ColumnKind::kText},
               {"labeler", "Labels", ColumnKind::kText},
               {"e2_weight", "E2 weight", ColumnKind::kNumber, 1},
               {"transfer", "Transfer", ColumnKind::kFlag},
               {"exposure", "Exposure", ColumnKind::kShare, 1},
               {"rank", "Rank", ColumnKind::kCount},
               {"ranked", "Of", ColumnKind::kCount},
               {"chosen", "Chosen", ColumnKind::kFlag}};
  auto add = [&](const IndexOptions& v, Value labeler, Value e2, bool is_chosen) {
    const auto exposure = occupation_exposure(ds.taxonomy, make_layer(ds, v), weights);
    const Rank r = rank_of(ds, exposure, o);
    const char* layer = v.layer == LayerKind::kTechnical  ? "technical"
                        : v.layer == LayerKind::kObserved ? "observed"
                                                          : "file";
    x.rows.push_back({std::string(layer), std::move(labeler), std::move(e2), v.transfer,
                      exposure[o.index()], r.rank, r.ranked, is_chosen});
  };
  for (bool transfer : {false, true}) {
    for (Labeler labeler : {Labeler::kHuman, Labeler::kGpt4, Labeler::kMean}) {
      for (double e2 : {0.0, 0.5, 1.0}) {
        IndexOptions v = chosen;
        v.layer = LayerKind::kTechnical;
        v.technical = {labeler, e2};
        v.transfer = transfer;
        const bool is_chosen = chosen.layer == LayerKind::kTechnical &&
                               chosen.technical.labeler == labeler &&
                               chosen.technical.e2_weight == e2 && chosen.transfer == transfer;
        add(v, std::string(to_string(labeler)), e2, is_chosen);
      }
    }
  }
  for (bool transfer : {false, true}) {
    IndexOptions v = chosen;
    v.layer = LayerKind::kObserved;
    v.transfer = transfer;
    add(v, std::monostate{}, kNaN,
        chosen.layer == LayerKind::kObserved && chosen.transfer == transfer);
  }
  const bool listed = std::any_of(x.rows.begin(), x.rows.end(),
                                  [](const auto& row) { return std::get<bool>(row.back()); });
  if (!listed) add(chosen, std::monostate{}, kNaN, true);  // a user layer, or another E2 weight
  x.notes.push_back(
      "technical: what AI can do per the GPTs-are-GPTs labels (E1 = 1, E2 = the E2 weight, E0 = "
      "0); observed: tasks seen in Claude conversations (Anthropic Economic Index); transfer: a "
      "work activity AI performs in one task counts for every task that shares it.");
  return x;
}

}  // namespace

Explanation explain_occupation(const Dataset& ds, const OccupationMatch& match,
                               const ExplainOptions& options) {
  const Taxonomy& t = ds.taxonomy;
  const std::vector<double> weights =
      task_weights(t, options.index.weighting, options.index.weights_file);
  const CapabilityLayer layer = make_layer(ds, options.index);
  const std::vector<double> exposure = occupation_exposure(t, layer, weights);
  const SimilarityMatrix similarity = occupation_similarity(t, weights, options.similarity);
  Explanation e;
  e.profile = profile_table(ds, match, options.index, exposure, weights);
  e.tasks = tasks_table(ds, match.occupation, options.index, layer, weights);
  e.exposure = exposure_table(ds, match.occupation, options.index, weights);
  e.moves = detail::career_moves_table(ds, match.occupation, exposure, similarity, options.moves);
  return e;
}

}  // namespace floe
