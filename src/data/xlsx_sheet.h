// One worksheet of an .xlsx workbook streamed into CSV text (xlsx.h says what the text is).
#pragma once

#include <string>
#include <vector>

#include "data/zip_archive.h"

namespace floe::data {

struct SheetRef {
  std::string name;  // as the workbook names it, for errors
  std::string part;  // "xl/worksheets/sheet1.xml"
};

// The sheet as CSV text, line N = row N, every row padded to the widest; `strings` are the
// workbook's shared strings. Throws DataError naming the file, the row and the cell.
std::string sheet_as_csv(const ZipArchive& zip, const SheetRef& sheet,
                         const std::vector<std::string>& strings);

}  // namespace floe::data
