// The sections of the report page, each a piece of HTML; html_report.cc puts them in order.
#pragma once

#include <string>

#include "floe/dataset.h"
#include "floe/geo.h"
#include "floe/index.h"
#include "floe/report.h"
#include "report/palette.h"

namespace floe::report {

// The page's CSS (inline in <head>: the page must open offline).
const char* page_style();

// The national Iceberg and Surface indices with one plain-English sentence.
std::string headline_section(const Dataset& dataset, const IndexResult& result,
                             const ReportInfo& info);

// State and county maps with their legends and notes; `scale` colors both.
std::string map_section(const Dataset& dataset, const Atlas& atlas, const IndexResult& result,
                        const ColorScale& scale);

// Ranked tables: states, occupations, SOC major groups, industries (NAICS sectors).
std::string table_section(const Dataset& dataset, const IndexResult& result,
                          const ColorScale& scale);

// The formula, the options used and where the data comes from.
std::string method_section(const Dataset& dataset, const IndexResult& result,
                           const ReportInfo& info);

// The color scale of the Iceberg index over every state with workers in the data.
ColorScale state_scale(const IndexResult& result);

// One headline figure: a big value, its label and a line of detail (escaped here).
std::string figure(const std::string& id, const std::string& value, const std::string& label,
                   const std::string& detail);

// Plain words for amounts: "$1.61 trillion", "23.2 million", "1,667".
std::string dollars_in_words(double dollars);
std::string count_in_words(double count);

}  // namespace floe::report
