// The report page: head with inline CSS, then headline, maps, tables and method, in that order,
// from what a reader needs first to what a reviewer needs to check it.
#include <fmt/format.h>

#include <algorithm>

#include "floe/report.h"
#include "report/html.h"
#include "report/sections.h"

namespace floe::report {

ColorScale state_scale(const IndexResult& r) {
  double lo = 0, hi = 0;
  bool any = false;
  for (const IndexFigures& f : r.states) {
    if (f.wage_bill <= 0) continue;
    lo = any ? std::min(lo, f.iceberg()) : f.iceberg();
    hi = any ? std::max(hi, f.iceberg()) : f.iceberg();
    any = true;
  }
  return round_scale(lo, hi);
}

}  // namespace floe::report

namespace floe {

std::string index_report_html(const Dataset& ds, const Atlas& atlas, const IndexResult& r,
                              const ReportInfo& info) {
  using namespace report;
  const ColorScale scale = state_scale(r);
  const std::string title = "The Iceberg Index: how much US work AI can already do";
  std::string h = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
      html_escape(title), page_style());
  h += fmt::format(
      "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">United States, every state and county "
      "&middot; wages and employment of OEWS May {} &middot; {} layer &middot; {}</p>\n"
      "</header>\n",
      html_escape(title), ds.labor.year, html_escape(r.layer), html_escape(info.date));
  h += headline_section(ds, r, info);
  h += map_section(ds, atlas, r, scale);
  h += table_section(ds, r, scale);
  h += method_section(ds, r, info);
  h += fmt::format(
      "<footer>Made with floe on {}. Every figure can be reproduced with the "
      "options above.</footer>\n",
      html_escape(info.date));
  return h + "</main>\n</body>\n</html>\n";
}

}  // namespace floe
