#include "report/html.h"

#include <fmt/format.h>

#include <algorithm>

namespace floe::report {

std::string percent(double fraction, int decimals) {
  return format_value(fraction, Column{"", "", ColumnKind::kShare, decimals});
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_table(const Table& table, const HtmlTableSpec& spec) {
  std::vector<std::size_t> cols;
  for (const auto& name : spec.columns) cols.push_back(table.column(name));
  const std::size_t n =
      spec.max_rows == 0 ? table.rows.size() : std::min(spec.max_rows, table.rows.size());

  std::string h = fmt::format("<table id=\"{}\">\n<caption>{}</caption>\n<thead><tr><th>#</th>",
                              html_escape(spec.id), html_escape(table.title));
  for (std::size_t c : cols) {
    const Column& col = table.columns[c];
    h += fmt::format("<th{}>{}</th>", col.kind == ColumnKind::kText ? "" : " class=\"num\"",
                     html_escape(col.label));
  }
  h += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < n; ++r) {
    const auto& row = table.rows[r];
    h += fmt::format("<tr><td class=\"num\">{}</td>", r + 1);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const Column& col = table.columns[cols[i]];
      const std::string text = html_escape(format_value(row[cols[i]], col));
      const bool numeric = col.kind != ColumnKind::kText;
      // Codes ("15-1252") must not break at their hyphen.
      const bool code =
          col.name == "soc_code" || col.name == "fips" || col.name == "usps" || col.name == "naics";
      std::string swatch;
      if (i == 0 && spec.swatch) {
        swatch = fmt::format("<span class=\"swatch\" style=\"background:{}\"></span>",
                             html_escape(spec.swatch(row)));
      }
      h += fmt::format("<td{}>{}{}</td>",
                       numeric ? " class=\"num\"" : (code ? " class=\"code\"" : ""), swatch, text);
    }
    h += "</tr>\n";
  }
  h += "</tbody>\n</table>\n";
  if (n < table.rows.size()) {
    h += fmt::format("<p class=\"note\">The first {} of {} rows.</p>\n", n, table.rows.size());
  }
  for (const auto& note : table.notes) {
    h += fmt::format("<p class=\"note\">{}</p>\n", html_escape(note));
  }
  return h;
}

std::string named_rows_table(const std::string& id, const std::string& caption,
                             const std::vector<std::string>& headers,
                             const std::vector<std::vector<std::string>>& rows) {
  std::string h = fmt::format("<table class=\"options\" id=\"{}\">\n<caption>{}</caption>\n",
                              html_escape(id), html_escape(caption));
  if (!headers.empty()) {
    h += "<thead><tr>";
    for (const auto& header : headers) h += "<th>" + html_escape(header) + "</th>";
    h += "</tr></thead>\n";
  }
  h += "<tbody>\n";
  for (const auto& row : rows) {
    h += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const char* cell = i == 0 ? "th" : "td";
      h += fmt::format("<{0}>{1}</{0}>", cell, html_escape(row[i]));
    }
    h += "</tr>\n";
  }
  return h + "</tbody>\n</table>\n";
}

}  // namespace floe::report
