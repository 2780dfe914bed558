// Workbooks for tests, zipped in memory from their XML parts (what Excel
// would save), so that each test states its workbook's XML in full.
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/zip_archive.h"

namespace embargo::testing {

// Part name ("xl/worksheets/sheet1.xml") -> its content.
using XlsxParts = std::map<std::string, std::string>;

inline constexpr const char* kSpreadsheetMain =
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr const char* kOfficeRelationships =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kPackageRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";

inline std::string ZipParts(const XlsxParts& parts) {
  auto zipped = ::embargo::ZipParts(parts);
  return zipped.ok() ? *zipped : std::string();
}

// A sheet's row `number` of inline-string cells, one per text, from column A
// (each text's XML as given: bytes, escapes and references).
inline std::string InlineStringRow(int number, const std::vector<std::string>& texts) {
  std::string xml = "<row r=\"" + std::to_string(number) + "\">";
  for (const std::string& text : texts)
    xml += "<c t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  return xml + "</row>";
}

inline std::string Worksheet(const std::string& rows) {
  return std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + kSpreadsheetMain +
         "\"><sheetData>" + rows + "</sheetData></worksheet>";
}

// The package and workbook parts of a workbook whose one sheet, `sheet`, is
// xl/worksheets/sheet1.xml; add that part (and any other) to them.
inline XlsxParts OneSheetWorkbookParts(const std::string& sheet) {
  XlsxParts parts;
  parts["_rels/.rels"] = std::string("<Relationships xmlns=\"") + kPackageRelationships +
                         "\"><Relationship Id=\"rId1\" Type=\"" + kOfficeRelationships +
                         "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  parts["xl/workbook.xml"] = std::string("<workbook xmlns=\"") + kSpreadsheetMain +
                             "\" xmlns:r=\"" + kOfficeRelationships + "\"><sheets><sheet name=\"" +
                             sheet + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
      std::string("<Relationships xmlns=\"") + kPackageRelationships +
      "\"><Relationship Id=\"rId1\" Type=\"" + kOfficeRelationships +
      "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
  return parts;
}

}  // namespace embargo::testing
