// The end of the report: the formula, the options of this run and where every input comes from,
// so that a reader can check or reproduce any number on the page.
#include <fmt/format.h>

#include "report/html.h"
#include "report/sections.h"

namespace floe::report {
namespace {

// The definitions of include/floe/index.h, written for the page.
const char* kFormula = R"(<dl class="formula">
<dt>Occupation exposure</dt>
<dd>E<sub>o</sub> = &Sigma;<sub>t</sub> w<sub>t</sub> c<sub>t</sub> /
  &Sigma;<sub>t</sub> w<sub>t</sub>, over the occupation's labeled tasks t: w<sub>t</sub> is
  the task's weight (O*NET core 2, supplemental 1, unrated 1, by default), c<sub>t</sub> the
  capability of AI on it, from 0 to 1</dd>
<dt>Iceberg index of any region</dt>
<dd>I = &Sigma;<sub>cells</sub> emp &times; wage &times; E<sub>o</sub> /
  &Sigma;<sub>cells</sub> emp &times; wage, over its (area, occupation) cells</dd>
<dt>Exposed wage value</dt>
<dd>the numerator, in dollars</dd>
<dt>Exposure-weighted workers</dt>
<dd>&Sigma;<sub>cells</sub> emp &times; E<sub>o</sub></dd>
<dt>Surface index</dt>
<dd>S = the numerator over the "surface" occupations only (SOC 15-0000, computer and
  mathematical, by default) / the same denominator</dd>
</dl>
<p>Occupations with no labeled task have no E<sub>o</sub>: their cells are left out of numerator
and denominator alike and counted as uncovered employment.</p>
)";

struct Source {
  const char* name;  // "{}" stands for the OEWS year of the run
  const char* publisher;
  const char* license;
};

const Source kSources[] = {
    {"O*NET 29.1 database: occupations, tasks, detailed work activities",
     "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
     "CC BY 4.0; used and adapted under that license"},
    {"Occupational Employment and Wage Statistics (OEWS), May {}",
     "U.S. Bureau of Labor Statistics", "public domain"},
    {"OEWS national industry-specific estimates by NAICS sector (the staffing pattern), May {}",
     "U.S. Bureau of Labor Statistics", "public domain"},
    {"State employment by 23 occupation clusters, aggregated from OEWS May 2023 state data",
     "U.S. Bureau of Labor Statistics, via the AgentTorch/iceberg prototype", "public domain"},
    {"GPTs are GPTs: task exposure labels (Eloundou, Manning, Mishkin and Rock, 2023)", "OpenAI",
     "MIT"},
    {"Anthropic Economic Index, release 2025-02-10", "Anthropic", "CC BY"},
    {"County population estimates, Vintage 2023", "U.S. Census Bureau", "public domain"},
    {"2024 Gazetteer files: counties", "U.S. Census Bureau", "public domain"},
    {"Core-based statistical area delineations, July 2023", "U.S. Office of Management and Budget",
     "public domain"},
    {"us-atlas 3.0.1 (Census 2017 cartographic boundaries, Albers USA)",
     "Mike Bostock, from U.S. Census Bureau files", "ISC; boundaries public domain"},
};

std::string row(const std::string& key, const std::string& value) {
  return fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", html_escape(key), html_escape(value));
}

}  // namespace

std::string method_section(const Dataset& ds, const IndexResult& r, const ReportInfo& info) {
  std::string h = "<section id=\"method\">\n<h2>How it is computed</h2>\n";
  h += kFormula;
  h += "<p>The method is written out in docs/method.md in the floe repository: the index in §7, "
       "how state and county employment are estimated in §5, map boundaries in §6.</p>\n";
  h += "<p class=\"estimated\">Every state and county figure on this page is estimated: state "
       "employment by occupation is fitted to published state totals by occupation cluster and "
       "to national occupation totals, and split by industry with BLS's national staffing "
       "pattern; ";
  h += r.county_source == CountySource::kStateShares
           ? "county figures are state figures scaled by population, so a county's indices are "
             "its state's.</p>\n"
           : "county figures follow County Business Patterns employment by industry.</p>\n";

  h += "<h3>Options of this report</h3>\n<table class=\"options\">\n";
  h += row("Capability layer", r.provenance);
  h += row("Options", info.options);
  h += row("Wages and employment", fmt::format("OEWS May {}", ds.labor.year));
  h += row("Data directory", ds.data_dir.string());
  h += row("Made", info.date + " with floe report");
  h += "</table>\n";

  h += "<h3>Data</h3>\n<table class=\"sources\">\n<thead><tr><th>Source</th><th>Publisher</th>"
       "<th>License</th></tr></thead>\n<tbody>\n";
  for (const Source& s : kSources) {
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                     html_escape(fmt::format(fmt::runtime(s.name), ds.labor.year)),
                     html_escape(s.publisher), html_escape(s.license));
  }
  h += "</tbody>\n</table>\n<p class=\"note\">Files, versions and checksums: data/PROVENANCE.md; "
       "what each file is and how they are joined: docs/data.md.</p>\n";
  return h + "</section>\n";
}

}  // namespace floe::report
