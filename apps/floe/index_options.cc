#include "index_options.h"

#include <fmt/format.h>

#include <sstream>

#include "floe/error.h"

namespace floe::cli {

void add_index_options(CLI::App& c, IndexArgs& a) {
  c.add_option("--layer", a.layer,
               "Capability layer: 'technical' (GPTs-are-GPTs labels: what AI can technically do), "
               "'observed' (tasks seen in Anthropic Economic Index usage), or a CSV file with "
               "task_id (or dwa_id) and capability columns")
      ->capture_default_str();
  c.add_option("--labeler", a.labeler, "Whose technical labels: human, gpt4 or mean")
      ->check(CLI::IsMember({"human", "gpt4", "mean"}))
      ->capture_default_str();
  c.add_option("--e2-weight", a.e2_weight,
               "Capability of an E2 task (exposed only with LLM-powered tools); E1 = 1, E0 = 0")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  c.add_flag("--transfer", a.transfer,
             "Let capability flow through skills: a detailed work activity shown in one "
             "occupation's task counts for every task that shares it");
  c.add_option("--observed-min-share", a.observed_min_share,
               "observed layer: a task counts when its share of conversations (%) exceeds this")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  c.add_option("--weights", a.weights,
               "Task weights: 'onet' (core 2, supplemental 1), 'equal', or a CSV with task_id and "
               "weight columns")
      ->capture_default_str();
  c.add_option("--surface", a.surface,
               "SOC codes (comma-separated, any level) of the visible 'surface' occupations")
      ->capture_default_str();
  c.add_option("--cells", a.cells,
               "State cells: 'raked' (fitted to state totals and national occupation totals) or "
               "'product' (group margins x national shares only)")
      ->check(CLI::IsMember({"raked", "product"}))
      ->capture_default_str();
}

IndexOptions IndexArgs::options() const {
  IndexOptions o;
  if (layer == "technical") {
    o.layer = LayerKind::kTechnical;
  } else if (layer == "observed") {
    o.layer = LayerKind::kObserved;
  } else {
    o.layer = LayerKind::kFile;
    o.layer_file = layer;
  }
  o.technical.labeler = labeler == "gpt4"   ? Labeler::kGpt4
                        : labeler == "mean" ? Labeler::kMean
                                            : Labeler::kHuman;
  o.technical.e2_weight = e2_weight;
  o.transfer = transfer;
  o.observed_min_percent = observed_min_share;
  if (weights == "onet") {
    o.weighting = TaskWeighting::kOnetType;
  } else if (weights == "equal") {
    o.weighting = TaskWeighting::kEqual;
  } else {
    o.weighting = TaskWeighting::kFile;
    o.weights_file = weights;
  }
  o.surface.clear();
  std::stringstream codes(surface);
  for (std::string code; std::getline(codes, code, ',');) {
    if (!code.empty()) o.surface.push_back(code);
  }
  if (o.surface.empty()) throw Error("--surface: give at least one SOC code");
  return o;
}

CellOptions IndexArgs::cell_options() const {
  CellOptions o;
  o.method = cells == "product" ? CellMethod::kProduct : CellMethod::kRaked;
  return o;
}

std::string IndexArgs::describe() const {
  std::string s = "layer " + layer;
  if (layer == "technical") s += fmt::format(", labeler {}, E2 weight {:g}", labeler, e2_weight);
  if (layer == "observed") s += fmt::format(", min share {:g}%", observed_min_share);
  if (transfer) s += ", transfer through skills";
  s += ", weights " + weights + ", surface " + surface + ", cells " + cells;
  return s;
}

}  // namespace floe::cli
