#include "common/xlsx_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "common/utf8.h"
#include "common/zip_archive.h"

namespace embargo {
namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kOfficeRels =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";

// `text` as XML character data: escaped, and what XML 1.0 cannot hold
// (control characters, ill-formed UTF-8) as U+FFFD.
std::string XmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    Utf8Char c = DecodeUtf8(text, i);
    const size_t length = std::max<size_t>(c.length, 1);
    const char32_t cp = c.code_point;
    if (c.length == 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE ||
        cp == 0xFFFF) {
      out += "\xEF\xBF\xBD";
    } else if (cp == '&') {
      out += "&amp;";
    } else if (cp == '<') {
      out += "&lt;";
    } else if (cp == '>') {
      out += "&gt;";
    } else if (cp == '"') {
      out += "&quot;";
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

// "A", "B", ... "Z", "AA" ...: the column letters of 0-based `column`.
std::string ColumnName(size_t column) {
  std::string name;
  for (size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

bool IsNumber(const std::string& text) {
  if (text.empty()) return false;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

// Columns a cell of `text` needs: a character each, two for the wide ones
// (Hangul, CJK, full-width forms), as spreadsheets draw them.
size_t TextColumns(std::string_view text) {
  size_t columns = 0;
  for (size_t i = 0; i < text.size();) {
    Utf8Char c = DecodeUtf8(text, i);
    const char32_t cp = c.code_point;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60);
    columns += wide ? 2 : 1;
    i += std::max<size_t>(c.length, 1);
  }
  return columns;
}

// Each column as wide as its longest cell (8 to 60 characters; the header's
// filter button needs two more), so the workbook opens readable.
std::string ColumnWidths(const XlsxTable& sheet, size_t width) {
  std::string xml = "<cols>";
  for (size_t c = 0; c < width; ++c) {
    size_t longest = 0;
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      if (c < sheet.rows[r].size()) {
        longest = std::max(longest, TextColumns(sheet.rows[r][c]) + (r == 0 ? 3 : 1));
      }
    }
    xml += fmt::format(R"(<col min="{0}" max="{0}" width="{1}" customWidth="1"/>)", c + 1,
                       std::clamp<size_t>(longest, 8, 60));
  }
  return xml + "</cols>";
}

std::string WorksheetXml(const XlsxTable& sheet) {
  const std::set<size_t> numeric(sheet.numeric_columns.begin(), sheet.numeric_columns.end());
  size_t width = 0;
  for (const auto& row : sheet.rows) width = std::max(width, row.size());
  std::string xml = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"{}\">",
      kMain);
  if (sheet.rows.size() > 1) {
    xml +=
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
        "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>";
  }
  if (width > 0) xml += ColumnWidths(sheet, width);
  xml += "<sheetData>";
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    xml += fmt::format("<row r=\"{}\">", r + 1);
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      const std::string& value = sheet.rows[r][c];
      if (value.empty()) continue;
      const std::string ref = ColumnName(c) + std::to_string(r + 1);
      if (r > 0 && numeric.contains(c) && IsNumber(value)) {
        xml += fmt::format("<c r=\"{}\"><v>{}</v></c>", ref, value);
      } else {
        xml +=
            fmt::format("<c r=\"{}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                        ref, XmlText(value));
      }
    }
    xml += "</row>";
  }
  xml += "</sheetData>";
  if (!sheet.rows.empty() && width > 0) {
    xml += fmt::format("<autoFilter ref=\"A1:{}{}\"/>", ColumnName(width - 1), sheet.rows.size());
  }
  return xml + "</worksheet>";
}

}  // namespace

Result<std::string> XlsxBytes(const std::vector<XlsxTable>& sheets) {
  if (sheets.empty()) return MakeError("a workbook needs a sheet");
  std::set<std::string> names;
  for (const XlsxTable& sheet : sheets) {
    if (sheet.name.empty() || sheet.name.size() > 31 ||
        sheet.name.find_first_of("[]:*?/\\") != std::string::npos) {
      return MakeError(
          fmt::format("sheet name '{}': 1 to 31 characters, none of []:*?/\\", sheet.name));
    }
    if (!names.insert(sheet.name).second) {
      return MakeError(fmt::format("sheet name '{}' given twice", sheet.name));
    }
  }
  std::map<std::string, std::string> parts;
  std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
      "Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
      "PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/"
      ">";
  std::string workbook = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"{}\" "
      "xmlns:r=\"{}\"><sheets>",
      kMain, kOfficeRels);
  std::string rels = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
      "xmlns=\"{}\">",
      kPackageRels);
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string part = fmt::format("worksheets/sheet{}.xml", i + 1);
    types += fmt::format(
        "<Override PartName=\"/xl/{}\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/"
        ">",
        part);
    workbook += fmt::format("<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                            XmlText(sheets[i].name), i + 1, i + 1);
    rels += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/worksheet\" Target=\"{}\"/>", i + 1,
                        kOfficeRels, part);
    parts["xl/" + part] = WorksheetXml(sheets[i]);
  }
  parts["[Content_Types].xml"] = types + "</Types>";
  parts["xl/workbook.xml"] = workbook + "</sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] = rels + "</Relationships>";
  parts["_rels/.rels"] = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
      "xmlns=\"{}\"><Relationship Id=\"rId1\" Type=\"{}/officeDocument\" "
      "Target=\"xl/workbook.xml\"/></Relationships>",
      kPackageRels, kOfficeRels);
  return ZipParts(parts);
}

}  // namespace embargo
