// Reads Office Open XML workbooks (.xlsx, what Excel saves) into rows of
// cells: shared and inline strings, numbers, booleans, error values, and
// dates (kept as their serial number and given as ISO 8601 text). Open()
// unzips every worksheet at once, so an XlsxWorkbook owns plain bytes, is
// immutable and thread-safe to read; ReadSheet() parses one sheet on demand.
// Errors carry the file and the part or cell: "book.xlsx: Sheet1!B7: ...".
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/status.h"

namespace embargo {

enum class XlsxCellType : uint8_t {
  kEmpty,    // no cell, or a cell with no value (a gap in the row)
  kString,   // shared string, inline string or a formula's string result
  kNumber,   // a number shown as a number
  kDate,     // a number whose cell style is a date or time format, up to 9999-12-31
  kBoolean,  // text "TRUE"/"FALSE", number 1/0
  kError,    // "#N/A", "#DIV/0!", ...: text holds the code
};

struct XlsxCell {
  XlsxCellType type = XlsxCellType::kEmpty;
  // What a CSV export would hold: the string; a number as written in the file
  // ("41988", "0.5"); a date as "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM:SS" when it
  // has a time of day); "TRUE"/"FALSE"; the error code.
  std::string text;
  // Numbers, booleans (1/0) and dates: the value; a date is its serial number
  // in the workbook's date system (days since 1899-12-30, or 1904-01-01).
  double number = 0;
};

struct XlsxRow {
  int number = 0;               // 1-based row number in the sheet ("7" in B7)
  std::vector<XlsxCell> cells;  // cells[0] is column A; gaps are kEmpty cells

  // The text of every cell, gaps as "" (a CSV-like record).
  std::vector<std::string> Texts() const;
};

struct XlsxSheet {
  std::string name;
  // Rows that hold at least one cell element, in order; rows absent from the
  // file (blank rows) are not listed, so use XlsxRow::number for positions.
  std::vector<XlsxRow> rows;
};

class XlsxWorkbook {
 public:
  // Reads the archive at `path`. Fails on a missing or corrupt zip, a
  // missing or malformed workbook part, or a sheet whose part is missing.
  static Result<XlsxWorkbook> Open(const std::filesystem::path& path);
  // The same from bytes in memory; `file_name` is used in errors.
  static Result<XlsxWorkbook> FromBytes(std::string_view bytes, std::string file_name);

  // Sheet names in workbook order.
  std::vector<std::string> SheetNames() const;
  // Parses the sheet named `name` (exact, case-sensitive as Excel stores it).
  Result<XlsxSheet> ReadSheet(std::string_view name) const;
  // Parses the sheet at `index` in workbook order.
  Result<XlsxSheet> ReadSheet(size_t index) const;

 private:
  struct SheetPart {
    std::string name;
    std::string part;  // "xl/worksheets/sheet1.xml"
    std::string xml;
  };

  std::string file_;
  std::vector<SheetPart> sheets_;
  std::vector<std::string> shared_strings_;
  bool has_shared_strings_ = false;
  std::vector<bool> date_styles_;  // by cell style index (the `s` attribute)
  bool date1904_ = false;
};

// The 1-based column number of a column's letters ("A" -> 1, "AA" -> 27), or
// 0 when `letters` is not 1-3 letters A-Z within XFD.
int XlsxColumnNumber(std::string_view letters);

// The letters of a 1-based column number (1 -> "A", 27 -> "AA").
std::string XlsxColumnLetters(int column);

}  // namespace embargo
