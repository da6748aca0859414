#include "data/exposure.h"

#include "data/codes.h"
#include "data/delimited.h"
#include "data/onet_fields.h"
#include "floe/error.h"

namespace floe::data {
namespace {

ExposureLabel exposure_label(const DelimitedReader& r, std::size_t col) {
  const std::string_view s = r.text(col);
  if (s == "E0") return ExposureLabel::kE0;
  if (s == "E1") return ExposureLabel::kE1;
  if (s == "E2") return ExposureLabel::kE2;
  r.fail(col, "expected E0, E1 or E2, got " + quote(s));
}

std::uint8_t automation_level(const DelimitedReader& r, std::size_t col) {
  const std::string_view s = r.text(col);
  if (s.size() == 2 && s[0] == 'T' && s[1] >= '0' && s[1] <= '4') {
    return static_cast<std::uint8_t>(s[1] - '0');
  }
  r.fail(col, "expected T0..T4, got " + quote(s));
}

}  // namespace

std::vector<GptTaskLabelRow> read_gpt_task_labels(const std::filesystem::path& path) {
  DelimitedReader r(path, {'\t', true});
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), id = r.column("Task ID"), task = r.column("Task"),
             human = r.column("human_exposure_agg"), gpt4 = r.column("gpt4_exposure"),
             automation = r.column("gpt4_automation");
  std::vector<GptTaskLabelRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    GptTaskLabelRow row{
        onet_code(r, code),       task_id(r, id),          std::string(r.required(task)),
        exposure_label(r, human), exposure_label(r, gpt4), automation_level(r, automation)};
    keys.insert(r, id, std::to_string(row.task_id));
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<GptTaskWeightRow> read_gpt_task_weights(const std::filesystem::path& path) {
  DelimitedReader r(path, {'\t', true});
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), id = r.column("Task ID"),
             weight = r.column("coreweight");
  std::vector<GptTaskWeightRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    GptTaskWeightRow row{onet_code(r, code), task_id(r, id), r.number_in(weight, 0, 1e6)};
    keys.insert(r, id, std::to_string(row.task_id));
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TaskUsageRow> read_task_usage(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto name = r.column("task_name"), pct = r.column("pct");
  std::vector<TaskUsageRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    TaskUsageRow row{std::string(r.required(name)), r.number_in(pct, 0, 100)};
    // Joined by normalized text (capability/build.cc): "Adjust controls." and "adjust controls"
    // are one task, so they are one key.
    keys.insert(r, name, normalize_task_text(row.task_text));
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TaskStatementRow> read_task_statements_csv(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto code = r.column("O*NET-SOC Code"), id = r.column("Task ID"), task = r.column("Task");
  std::vector<TaskStatementRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    TaskStatementRow row{onet_code(r, code), task_id(r, id), std::string(r.required(task))};
    keys.insert(r, id, std::to_string(row.task_id));
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<InteractionShareRow> read_interaction_shares(const std::filesystem::path& path) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto type = r.column("interaction_type"), pct = r.column("pct");
  std::vector<InteractionShareRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    InteractionShareRow row{std::string(r.required(type)), r.number_in(pct, 0, 100)};
    keys.insert(r, type, row.interaction);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<ScoreRow> read_score_table(const std::filesystem::path& path, ScoreKey key,
                                       const std::string& code_column,
                                       const std::string& title_column,
                                       const std::string& score_column) {
  DelimitedReader r(path, {',', true});
  r.read_header();
  const auto code = r.column(code_column), title = r.column(title_column),
             score = r.column(score_column);
  std::vector<ScoreRow> rows;
  UniqueKeys keys;
  while (r.next()) {
    ScoreRow row{std::string(r.text(code)), std::string(r.text(title)), r.number(score)};
    bool ok = false;
    switch (key) {
      case ScoreKey::kSoc:
        ok = is_soc_code(row.code);
        break;
      case ScoreKey::kOnetSoc:
        ok = is_onet_soc_code(row.code);
        break;
      case ScoreKey::kFips:
        row.code = pad_fips(row.code, 5);
        ok = is_fips(row.code, 5);
        break;
      case ScoreKey::kInteger:
        ok = is_fips(row.code, row.code.size());
        break;
    }
    if (!ok) r.fail(code, "malformed code " + quote(r.text(code)));
    keys.insert(r, code, row.code);
    row.line = r.line();
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace floe::data
