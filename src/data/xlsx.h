// Reading BLS workbooks (.xlsx) as BLS publishes them, with no conversion step.
//
// An .xlsx file is a zip archive of XML parts (Office Open XML, ECMA-376): xl/workbook.xml lists
// the sheets in order, xl/_rels/workbook.xml.rels maps each to its part
// (xl/worksheets/sheetN.xml), and xl/sharedStrings.xml holds the texts that cells refer to by
// index. floe reads the first visible sheet: BLS puts the estimates there, and the field
// descriptions and hidden filler sheets after it. The zip is read with libzip, the XML with
// expat, streaming, so a 40 MB sheet never sits in memory as XML.
//
// The sheet becomes CSV text that the one delimited reader (delimited.h) parses like any other
// file, so every reader accepts a workbook wherever it accepts a CSV file. Line N of the text is
// row N of the sheet (errors then name the row Excel shows); a line break inside a cell becomes a
// space. Numbers keep the text the workbook stores ("2.2999999999999998" is the double 2.3, as in
// the CSV twin); booleans become TRUE/FALSE; dates stay serial numbers.
//
// A damaged workbook is one line naming the file: not a zip archive, no workbook part, no
// visible sheet, a sheet whose part is missing, a shared-string index out of range (with its
// cell), a truncated or corrupt entry, malformed XML (with the part and its line).
#pragma once

#include <filesystem>
#include <string>

namespace floe::data {

// Whether `path` names a workbook (by its extension, .xlsx in any case).
bool is_xlsx(const std::filesystem::path& path);

// The first visible worksheet of the workbook as RFC 4180 CSV text (',' separated, every row
// padded to the widest row). Throws DataError naming the file (and the row or part) when the
// workbook is missing or damaged.
std::string xlsx_sheet_as_csv(const std::filesystem::path& path);

}  // namespace floe::data
