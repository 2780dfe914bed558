#include "fuzz/slices.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <pugixml.hpp>
#include <sstream>
#include <stdexcept>

#include "common/csv.h"

namespace embargo::fuzz {
namespace {

// Byte offset where 1-based `line` starts.
size_t LineOffset(std::string_view text, int line) {
  size_t pos = 0;
  for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  return pos == std::string_view::npos ? text.size() : pos;
}

// Keeps the first `count` children named `child` of the element at `path`
// ("/worksheet/sheetData"), and every other child.
void KeepFirst(pugi::xml_document& doc, const char* path, const char* child, size_t count) {
  pugi::xml_node parent = doc.first_element_by_path(path);
  size_t seen = 0;
  for (pugi::xml_node node = parent.child(child); node;) {
    pugi::xml_node next = node.next_sibling(child);
    if (++seen > count) parent.remove_child(node);
    node = next;
  }
}

// How many shared strings (`shared_strings`) or cell formats the cells of a
// sheet use: the highest index a cell gives, plus one.
size_t UsedCount(const pugi::xml_document& sheet, bool shared_strings) {
  size_t used = 0;
  for (pugi::xml_node row : sheet.first_element_by_path("/worksheet/sheetData").children("row")) {
    for (pugi::xml_node cell : row.children("c")) {
      if (shared_strings && std::string_view(cell.attribute("t").value()) != "s") continue;
      size_t value =
          shared_strings ? cell.child("v").text().as_ullong() : cell.attribute("s").as_ullong();
      used = std::max(used, value + 1);
    }
  }
  return used;
}

std::string XmlText(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw);
  return out.str();
}

pugi::xml_document ParseOrThrow(const std::string& xml, const char* part) {
  pugi::xml_document doc;
  if (!doc.load_string(xml.c_str())) throw std::runtime_error(std::string("cannot parse ") + part);
  return doc;
}

// Removes the children of `element` not named in `kept`.
void KeepOnly(pugi::xml_node element, std::initializer_list<std::string_view> kept) {
  for (pugi::xml_node node = element.first_child(); node;) {
    pugi::xml_node next = node.next_sibling();
    if (std::find(kept.begin(), kept.end(), std::string_view(node.name())) == kept.end())
      element.remove_child(node);
    node = next;
  }
}

}  // namespace

std::string CsvHead(std::string_view text, size_t records, char delimiter) {
  CsvReader reader(text, "slice", delimiter);
  CsvRow row;
  for (size_t i = 0; i <= records; ++i) {
    if (!reader.Next(row)) return std::string(text);
  }
  return std::string(text.substr(0, LineOffset(text, row.line)));
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

std::string LinesFrom(const std::vector<std::string_view>& lines, size_t first) {
  std::string out;
  for (size_t i = first;
       i < lines.size() && (out.empty() || out.size() + lines[i].size() <= kSeedBytes); ++i) {
    out.append(lines[i]);
  }
  return out;
}

std::string XmlElements(std::string_view text, const std::string& tag, size_t first, size_t count) {
  const std::string open = "<" + tag + ">", close = "</" + tag + ">";
  std::string out;
  size_t pos = 0;
  for (size_t i = 0; i < first + count; ++i) {
    size_t start = text.find(open, pos);
    size_t end = start == std::string_view::npos ? start : text.find(close, start);
    if (end == std::string_view::npos) break;
    end += close.size();
    if (i >= first) out.append("    ").append(text.substr(start, end - start)).append("\n");
    pos = end;
  }
  return out;
}

std::string UnSlice(std::string_view un, size_t first) {
  std::string out(un.substr(0, un.find("<INDIVIDUAL>")));
  out += XmlElements(un, "INDIVIDUAL", first, 3);
  out += "  </INDIVIDUALS>\n  <ENTITIES>\n";
  out += XmlElements(un, "ENTITY", first, 2);
  out += "  </ENTITIES>\n</CONSOLIDATED_LIST>\n";
  return out;
}

std::vector<std::string> SliceXlsxParts(std::vector<std::string> parts, size_t rows) {
  pugi::xml_document workbook = ParseOrThrow(parts[1], "workbook");
  KeepOnly(workbook.child("workbook"), {"workbookPr", "sheets"});
  parts[1] = XmlText(workbook);
  pugi::xml_document sheet = ParseOrThrow(parts[3], "sheet");
  KeepFirst(sheet, "/worksheet/sheetData", "row", rows);
  KeepOnly(sheet.child("worksheet"), {"sheetData"});
  parts[3] = XmlText(sheet);
  if (!parts[4].empty()) {
    pugi::xml_document strings = ParseOrThrow(parts[4], "shared strings");
    KeepFirst(strings, "/sst", "si", UsedCount(sheet, true));
    parts[4] = XmlText(strings);
  }
  if (!parts[5].empty()) {
    pugi::xml_document styles = ParseOrThrow(parts[5], "styles");
    KeepFirst(styles, "/styleSheet/cellXfs", "xf", UsedCount(sheet, false));
    KeepOnly(styles.child("styleSheet"), {"numFmts", "cellXfs"});
    parts[5] = XmlText(styles);
  }
  return parts;
}

size_t CountBefore(std::string_view text, std::string_view needle, size_t end) {
  size_t count = 0;
  for (size_t at = text.find(needle); at < end; at = text.find(needle, at + 1)) ++count;
  return count;
}

std::string_view FirstField(std::string_view line) { return line.substr(0, line.find(',')); }

std::string LinesOf(std::string_view text, const std::vector<std::string_view>& ids) {
  std::string out;
  for (std::string_view line : Lines(text)) {
    if (std::find(ids.begin(), ids.end(), FirstField(line)) != ids.end()) out.append(line);
  }
  return out;
}

std::string Encode(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t size = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                              utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot convert to ") + encoding);
  out.resize(static_cast<size_t>(size));
  return out;
}

}  // namespace embargo::fuzz
