// Writes Office Open XML workbooks (.xlsx) that Excel and LibreOffice open:
// one worksheet per XlsxTable, its first row a header kept in view (a
// frozen pane) with an autofilter over the table, each column as wide as
// its longest cell (within bounds). Cells are inline strings,
// or numbers in the columns a sheet declares numeric (a cell there that is
// not a number stays text). Text is written as UTF-8 XML; characters XML
// 1.0 cannot carry (control characters) become U+FFFD. The inverse of
// common/xlsx.h for what it writes (tests read their output back with it).
#pragma once

#include <string>
#include <vector>

#include "embargo/status.h"

namespace embargo {

struct XlsxTable {
  std::string name;  // up to 31 characters, none of []:*?/\ (Excel's rules)
  std::vector<std::vector<std::string>> rows;  // rows[0] is the header
  std::vector<size_t> numeric_columns;         // 0-based
};

// The workbook's bytes; an error for a bad or repeated sheet name, or no sheet.
Result<std::string> XlsxBytes(const std::vector<XlsxTable>& sheets);

}  // namespace embargo
