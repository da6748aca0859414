// The text view of `floe explain`, and its CSV and JSON (include/floe/explain.h).
#include <fmt/format.h>

#include <algorithm>

#include "floe/explain.h"
#include "index/table_set.h"

namespace floe {
namespace {

std::string cell(const Table& t, const std::string& column, std::size_t row = 0) {
  return format_value(t.rows[row][t.column(column)], t.columns[t.column(column)]);
}

std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + separator.size();
  }
  return parts;
}

// The words of `text` on lines of at most `width` characters, each line after `indent`.
std::string wrap(std::string_view text, std::size_t width, const std::string& indent) {
  std::string out, line;
  for (const std::string& word : split(text, " ")) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += indent + line + '\n';
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += indent + line + '\n';
  return out;
}

void write_profile_text(std::ostream& out, const Table& p) {
  out << fmt::format("{} (SOC {})\n", cell(p, "title"), cell(p, "soc_code"));
  auto line = [&](const char* name, const std::string& value) {
    if (!value.empty()) out << fmt::format("  {:<16}{}\n", name, value);
  };
  line("Major group", cell(p, "major_group"));
  line("O*NET", cell(p, "onet"));
  line("Workers", cell(p, "employment") + " (OEWS May " + cell(p, "oews_year") + ", national)");
  std::string wage = cell(p, "mean_wage") + " a year";
  if (cell(p, "wage_source") == "top-coded") wage = "at least " + wage + " (top-coded)";
  line("Mean wage", wage);
  const std::string zone = cell(p, "job_zone");
  line("Job zone", zone.empty() ? "not rated" : zone + " of 5: " + cell(p, "job_zone_meaning"));
  const std::string source = cell(p, "task_source");
  std::string tasks = cell(p, "tasks");
  if (source == "O*NET") tasks += " from O*NET";
  if (source == "imputed") {
    tasks +=
        ", imputed: O*NET lists none for this 'All Other' occupation, so floe uses those of the "
        "other occupations in its SOC group";
  }
  if (source == "none") tasks = "none in O*NET: floe cannot measure its exposure";
  const Column& labeled = p.columns[p.column("labeled_weight_share")];
  const Value& labeled_share = p.rows[0][p.column("labeled_weight_share")];
  if (std::holds_alternative<double>(labeled_share) && std::get<double>(labeled_share) < 0.995) {
    tasks += "; " + format_value(labeled_share, labeled) + " of their weight has AI labels";
  }
  line("Tasks", tasks);
  std::string range;
  if (cell(p, "exposure_low") != "-") {
    range = " (range " + cell(p, "exposure_low") + "-" + cell(p, "exposure_high") +
            " over the layers the validation cannot tell apart)";
  }
  line("Exposure", cell(p, "exposure") + " of its work, weighted by task, is work AI can do" +
                       range + " (" + cell(p, "options") + ")");
  if (cell(p, "rank") != "-") {
    line("Rank", fmt::format("{} of {} occupations (1 = most exposed); {} of workers are in less "
                             "exposed occupations",
                             cell(p, "rank"), cell(p, "ranked"), cell(p, "workers_less_exposed")));
  }
  if (cell(p, "matched_by") != "SOC code") line("Matched by", cell(p, "matched_by"));
  const std::vector<std::string> also = split(cell(p, "also_matching"), "; ");
  const std::size_t shown = std::min<std::size_t>(also.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) line(i == 0 ? "Also matching" : "", also[i]);
  if (also.size() > shown) line("", fmt::format("... {} more", also.size() - shown));
}

void write_tasks_text(std::ostream& out, const Table& t, std::size_t max_tasks) {
  const std::size_t n = max_tasks == 0 ? t.rows.size() : std::min(max_tasks, t.rows.size());
  out << t.title << fmt::format(": {} of {}\n", n, t.rows.size());
  out << "  AI    Type          Human GPT-4  Task\n";
  const std::string indent(35, ' ');  // the width of the columns before the statement
  for (std::size_t r = 0; r < n; ++r) {
    std::string head = fmt::format("  {:>4}  {:<12}  {:<5} {:<5}  ", cell(t, "capability", r),
                                   cell(t, "type", r), cell(t, "human", r), cell(t, "gpt4", r));
    std::string statement = cell(t, "statement", r);
    if (std::get<bool>(t.rows[r][t.column("imputed")])) {
      statement += " [" + cell(t, "onet_code", r) + "]";
    }
    std::string body = wrap(statement, 62, indent);
    body.replace(0, indent.size(), head);
    out << body;
    const std::string dwas = cell(t, "dwas", r);
    if (!dwas.empty()) out << wrap("activities: " + dwas, 62, indent + "  ");
  }
  if (n < t.rows.size()) {
    out << fmt::format("  ... {} more tasks (--tasks 0 shows all; --format csv)\n",
                       t.rows.size() - n);
  }
  for (const auto& note : t.notes) out << wrap(note, 96, "  ");
}

void write_exposure_text(std::ostream& out, const Table& x) {
  out << "Exposure under each option (rank among occupations in brackets; * = chosen)\n";
  auto entry = [&](std::size_t r) {
    const bool chosen = std::get<bool>(x.rows[r][x.column("chosen")]);
    return fmt::format("{:>6} ({:>3}){}", cell(x, "exposure", r), cell(x, "rank", r),
                       chosen ? "*" : " ");
  };
  auto print = [&](std::string text) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  print(fmt::format("  {:<26}{:>13} {:>13} {:>13}", "technical, labels by", "E2 = 0", "E2 = 0.5",
                    "E2 = 1"));
  std::size_t r = 0;
  for (const char* transfer : {"", " + transfer"}) {
    for (const char* labeler : {"human", "GPT-4", "mean of both"}) {
      print(fmt::format("  {:<26}{:>13} {:>13} {:>13}", std::string(labeler) + transfer, entry(r),
                        entry(r + 1), entry(r + 2)));
      r += 3;
    }
  }
  for (; r < x.rows.size(); ++r) {
    const std::string layer = std::get<std::string>(x.rows[r][x.column("layer")]);
    std::string name = layer == "observed" ? "observed usage" : "chosen layer";
    if (std::get<bool>(x.rows[r][x.column("transfer")])) name += " + transfer";
    print(fmt::format("  {:<26}{:>13}", name, entry(r)));
  }
  for (const auto& note : x.notes) out << wrap(note, 96, "  ");
}

// One paragraph a move: where, why it fits, what it pays, what to learn.
void write_moves_text(std::ostream& out, const Table& m) {
  out << m.title << '\n';
  if (m.rows.empty()) out << "  none\n";
  bool flagged_heading = false;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const bool suggested = std::get<bool>(m.rows[r][m.column("suggested")]);
    if (!suggested && !flagged_heading) {
      out << "  Flagged, not suggested: more than one Job Zone of preparation away\n";
      flagged_heading = true;
    }
    out << fmt::format("  {} {}\n", cell(m, "soc_code", r), cell(m, "title", r));
    std::string why = fmt::format(
        "similarity {}, exposure {} ({} lower), Job Zone {} ({:+.1f}: {}), {} a year ({} of pay "
        "kept), {} openings a year; score {}",
        cell(m, "similarity", r), cell(m, "exposure", r), cell(m, "exposure_drop", r),
        cell(m, "job_zone", r), std::get<double>(m.rows[r][m.column("preparation_gap")]),
        cell(m, "preparation", r), cell(m, "mean_wage", r), cell(m, "pay_kept", r),
        cell(m, "openings", r), cell(m, "score", r));
    out << wrap(why, 92, "      ");
    const std::string learn = cell(m, "learn", r);
    if (!learn.empty()) out << wrap("to learn: " + learn, 92, "      ");
  }
  for (const auto& note : m.notes) out << wrap(note, 96, "  ");
}

}  // namespace

void write_explanation(std::ostream& out, const Explanation& e, std::string_view format,
                       std::size_t max_tasks) {
  using detail::OutputFormat;
  const OutputFormat f = detail::parse_output_format(format);
  const detail::NamedTables tables = {
      {"profile", e.profile}, {"tasks", e.tasks}, {"exposure", e.exposure}, {"moves", e.moves}};
  if (f == OutputFormat::kCsv) return detail::write_tables_csv(out, tables);
  if (f == OutputFormat::kJson) return detail::write_tables_json(out, tables);
  write_profile_text(out, e.profile);
  out << '\n';
  write_tasks_text(out, e.tasks, max_tasks);
  out << '\n';
  write_exposure_text(out, e.exposure);
  out << '\n';
  write_moves_text(out, e.moves);
}

}  // namespace floe
