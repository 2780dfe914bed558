// Workbooks for tests, zipped in memory from their XML parts (what Excel
// would save), so that each test states its workbook's XML in full.
// Pure functions; thread-safe.
#pragma once

#include <zip.h>

#include <map>
#include <string>

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
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(source);
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : parts) {
    zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_file_add(archive, name.c_str(), file, ZIP_FL_OVERWRITE);
  }
  zip_close(archive);
  zip_source_open(source);
  zip_source_seek(source, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(source);
  zip_source_seek(source, 0, SEEK_SET);
  std::string out(static_cast<size_t>(size), '\0');
  zip_source_read(source, out.data(), out.size());
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return out;
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
