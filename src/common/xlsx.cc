#include "common/xlsx.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "common/file.h"
#include "common/strings.h"
#include "common/zip_archive.h"

namespace embargo {
namespace {

// A part larger than this once unzipped is refused (a zip bomb guard; the
// largest real sheet we read, DFAT's, is 5 MB).
constexpr uint64_t kMaxPartBytes = 512ull << 20;
constexpr int kMaxColumn = 16384;  // XFD
constexpr int kMaxRow = 1048576;
// Excel's last date, 9999-12-31, as a serial number in each date system.
// Beyond it Excel shows a date-formatted cell as "#####"; so is it no date
// here (the serial's conversion to a day count would overflow).
constexpr double kLastDateSerial = 2958465;
constexpr double kLastDateSerial1904 = 2957003;

// Element and attribute names without their namespace prefix ("x:row" -> "row").
std::string_view Local(const char* name) {
  std::string_view text(name);
  size_t colon = text.find(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node child : node.children())
    if (Local(child.name()) == local) return child;
  return {};
}

// Attribute by local name; `prefixed` asks for one in another namespace (r:id).
std::string_view Attr(const pugi::xml_node& node, std::string_view local, bool prefixed = false) {
  for (pugi::xml_attribute attr : node.attributes()) {
    std::string_view name(attr.name());
    bool has_prefix = name.find(':') != std::string_view::npos;
    if (has_prefix == prefixed && Local(attr.name()) == local) return attr.value();
  }
  return {};
}

Result<pugi::xml_document> ParseXml(const std::string& xml, const std::string& file,
                                    const std::string& part) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!parsed) {
    std::string_view before(xml.data(), std::min<size_t>(parsed.offset, xml.size()));
    size_t line = 1 + std::count(before.begin(), before.end(), '\n');
    size_t newline = before.rfind('\n');
    size_t column = parsed.offset - (newline == std::string_view::npos ? 0 : newline + 1) + 1;
    return MakeError(
        file, 0,
        fmt::format("{}:{}:{}: malformed XML: {}", part, line, column, parsed.description()));
  }
  return doc;
}

// OOXML escapes characters XML cannot carry as _xHHHH_ ("_x000D_" is a CR).
void AppendUnescaped(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      unsigned code = 0;
      std::string_view hex = text.substr(i + 2, 4);
      auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + 4, code, 16);
      if (ec == std::errc() && ptr == hex.data() + 4) {
        if (code < 0x80) {
          out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (code >> 6)));
          out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xE0 | (code >> 12)));
          out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
}

// The text of a string item (<si> or <is>): its <t>, or the <t> of each rich
// text run <r>; phonetic hints (<rPh>) are not part of the text.
std::string StringItemText(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node child : item.children()) {
    std::string_view name = Local(child.name());
    if (name == "t") AppendUnescaped(child.text().get(), out);
    if (name == "r") AppendUnescaped(Child(child, "t").text().get(), out);
  }
  return out;
}

// Resolves a relationship target against the folder of the part that holds it.
std::string ResolveTarget(std::string_view base_folder, std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string folder(base_folder);
  while (target.substr(0, 3) == "../") {
    target.remove_prefix(3);
    if (!folder.empty()) folder.pop_back();
    size_t slash = folder.rfind('/');
    folder = slash == std::string::npos ? "" : folder.substr(0, slash + 1);
  }
  return folder + std::string(target);
}

std::string FolderOf(std::string_view part) {
  size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(part.substr(0, slash + 1));
}

// Relationship id -> resolved part name, from the .rels part of `part`.
Result<std::map<std::string, std::string>> ReadRelationships(const ZipArchive& archive,
                                                             const std::string& file,
                                                             const std::string& part) {
  std::string folder = FolderOf(part);
  std::string rels_part = folder + "_rels/" + part.substr(folder.size()) + ".rels";
  std::map<std::string, std::string> out;
  if (!archive.Has(rels_part)) return out;
  auto xml = archive.Read(rels_part);
  if (!xml.ok()) return xml.error();
  auto doc = ParseXml(*xml, file, rels_part);
  if (!doc.ok()) return doc.error();
  for (pugi::xml_node rel : Child(*doc, "Relationships").children()) {
    if (Local(rel.name()) != "Relationship") continue;
    out[std::string(Attr(rel, "Id"))] = ResolveTarget(folder, Attr(rel, "Target"));
  }
  return out;
}

// The workbook part named by the package's officeDocument relationship.
Result<std::string> WorkbookPart(const ZipArchive& archive, const std::string& file) {
  auto xml = archive.Read("_rels/.rels");
  if (!xml.ok()) return MakeError(file, 0, "_rels/.rels: part missing: not an .xlsx workbook");
  auto doc = ParseXml(*xml, file, "_rels/.rels");
  if (!doc.ok()) return doc.error();
  for (pugi::xml_node rel : Child(*doc, "Relationships").children()) {
    std::string_view type = Attr(rel, "Type");
    if (type.size() >= 15 && type.substr(type.size() - 15) == "/officeDocument")
      return ResolveTarget("", Attr(rel, "Target"));
  }
  return MakeError(file, 0, "_rels/.rels: no officeDocument relationship: not an .xlsx workbook");
}

// Whether a number format code shows a date or time: it has d, m, y, h or s
// outside quoted text, escapes and [colour/locale] brackets.
bool IsDateFormatCode(std::string_view code) {
  bool in_quotes = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (in_quotes) {
      continue;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal or padding
    } else if (c == '[') {
      size_t close = code.find(']', i);
      if (close == std::string_view::npos) return false;
      std::string_view inside = code.substr(i + 1, close - i - 1);
      // [h], [mm], [ss]: elapsed time.
      if (!inside.empty() && std::string_view("hHmMsS").find(inside[0]) != std::string_view::npos)
        return true;
      i = close;
    } else if (std::string_view("dDmMyYhHsS").find(c) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool IsBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

// For each cell style (cellXfs/xf, in order): whether its number format is a date.
Result<std::vector<bool>> ReadDateStyles(const ZipArchive& archive, const std::string& file,
                                         const std::string& part) {
  std::vector<bool> out;
  if (!archive.Has(part)) return out;
  auto xml = archive.Read(part);
  if (!xml.ok()) return xml.error();
  auto doc = ParseXml(*xml, file, part);
  if (!doc.ok()) return doc.error();
  pugi::xml_node sheet = Child(*doc, "styleSheet");
  std::map<int, bool> custom;
  for (pugi::xml_node fmt : Child(sheet, "numFmts").children()) {
    auto id = ParseNumber<int>(Attr(fmt, "numFmtId"));
    if (id) custom[*id] = IsDateFormatCode(Attr(fmt, "formatCode"));
  }
  for (pugi::xml_node xf : Child(sheet, "cellXfs").children()) {
    int id = ParseNumber<int>(Attr(xf, "numFmtId")).value_or(0);
    auto it = custom.find(id);
    out.push_back(it != custom.end() ? it->second : IsBuiltinDateFormat(id));
  }
  return out;
}

// "YYYY-MM-DD", plus "THH:MM:SS" when there is a time of day.
std::string SerialToIso(double serial, bool date1904) {
  using namespace std::chrono;
  double whole = std::floor(serial);
  auto day_count = static_cast<long>(whole);
  long seconds = std::lround((serial - whole) * 86400.0);
  if (seconds == 86400) {
    ++day_count;
    seconds = 0;
  }
  std::string date;
  if (!date1904 && day_count == 60) {
    date = "1900-02-29";  // Excel keeps Lotus 1-2-3's leap day that never was
  } else {
    sys_days base = date1904         ? sys_days(year{1904} / January / 1)
                    : day_count < 60 ? sys_days(year{1899} / December / 31)
                                     : sys_days(year{1899} / December / 30);
    year_month_day ymd(base + days(day_count));
    date = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  }
  if (seconds == 0) return date;
  return fmt::format("{}T{:02}:{:02}:{:02}", date, seconds / 3600, seconds / 60 % 60, seconds % 60);
}

// Splits "B12" into column 2 and row 12; nullopt when malformed.
std::optional<std::pair<int, int>> ParseCellRef(std::string_view ref) {
  size_t letters = 0;
  while (letters < ref.size() && ref[letters] >= 'A' && ref[letters] <= 'Z') ++letters;
  int column = XlsxColumnNumber(ref.substr(0, letters));
  auto row = ParseNumber<int>(ref.substr(letters));
  if (column == 0 || !row || *row < 1 || *row > kMaxRow) return std::nullopt;
  return std::pair{column, *row};
}

// What reading a cell needs from its workbook.
struct CellContext {
  const std::string& file;
  const std::vector<std::string>* shared_strings;  // null when the workbook has none
  const std::vector<bool>& date_styles;
  bool date1904;
};

Status ReadCell(const CellContext& ctx, const std::string& sheet, const pugi::xml_node& node,
                XlsxRow& row) {
  std::string_view ref = Attr(node, "r");
  int column = static_cast<int>(row.cells.size()) + 1;
  if (!ref.empty()) {
    auto parsed = ParseCellRef(ref);
    if (!parsed || parsed->second != row.number)
      return MakeError(
          ctx.file, 0,
          fmt::format("{}: bad cell reference '{}' in row {}", sheet, ref, row.number));
    column = parsed->first;
  }
  std::string where = fmt::format("{}!{}{}", sheet, XlsxColumnLetters(column), row.number);
  if (column <= static_cast<int>(row.cells.size()))
    return MakeError(ctx.file, 0, where + ": cell appears twice or out of order");
  row.cells.resize(column);
  XlsxCell& cell = row.cells.back();
  std::string_view type = Attr(node, "t");
  std::string value(Trim(Child(node, "v").text().get()));
  auto fail = [&](std::string why) { return MakeError(ctx.file, 0, where + ": " + why); };

  if (type == "inlineStr") {
    cell.type = XlsxCellType::kString;
    cell.text = StringItemText(Child(node, "is"));
    return Status::Ok();
  }
  if (!Child(node, "v")) return Status::Ok();  // a styled cell with no value: a gap
  if (type == "s") {
    if (ctx.shared_strings == nullptr)
      return fail(fmt::format(
          "cell refers to shared string {} but the workbook has no sharedStrings part", value));
    auto index = ParseNumber<size_t>(value);
    if (!index || *index >= ctx.shared_strings->size())
      return fail(fmt::format("shared string index '{}' out of range ({} strings)", value,
                              ctx.shared_strings->size()));
    cell.type = XlsxCellType::kString;
    cell.text = (*ctx.shared_strings)[*index];
  } else if (type == "str") {
    cell.type = XlsxCellType::kString;
    AppendUnescaped(Child(node, "v").text().get(), cell.text);
  } else if (type == "b") {
    if (value != "0" && value != "1") return fail("boolean '" + value + "' is not 0 or 1");
    cell.type = XlsxCellType::kBoolean;
    cell.number = value == "1" ? 1 : 0;
    cell.text = value == "1" ? "TRUE" : "FALSE";
  } else if (type == "e") {
    cell.type = XlsxCellType::kError;
    cell.text = value;
  } else if (type == "d") {
    cell.type = XlsxCellType::kDate;  // ISO 8601 text as written; no serial number
    cell.text = value;
  } else if (type.empty() || type == "n") {
    auto number = ParseNumber<double>(value);
    if (!number || !std::isfinite(*number)) return fail("number '" + value + "' is not a number");
    cell.number = *number;
    auto style = ParseNumber<size_t>(Attr(node, "s")).value_or(0);
    double last_date = ctx.date1904 ? kLastDateSerial1904 : kLastDateSerial;
    bool is_date = style < ctx.date_styles.size() && ctx.date_styles[style] && *number >= 0 &&
                   *number < last_date + 1;
    cell.type = is_date ? XlsxCellType::kDate : XlsxCellType::kNumber;
    cell.text = is_date ? SerialToIso(*number, ctx.date1904) : value;
  } else {
    return fail("unknown cell type '" + std::string(type) + "'");
  }
  return Status::Ok();
}

}  // namespace

int XlsxColumnNumber(std::string_view letters) {
  if (letters.empty() || letters.size() > 3) return 0;
  int number = 0;
  for (char c : letters) {
    if (c < 'A' || c > 'Z') return 0;
    number = number * 26 + (c - 'A' + 1);
  }
  return number <= kMaxColumn ? number : 0;
}

std::string XlsxColumnLetters(int column) {
  std::string out;
  for (; column > 0; column = (column - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (column - 1) % 26));
  return out;
}

std::vector<std::string> XlsxRow::Texts() const {
  std::vector<std::string> out;
  out.reserve(cells.size());
  for (const XlsxCell& cell : cells) out.push_back(cell.text);
  return out;
}

Result<XlsxWorkbook> XlsxWorkbook::Open(const std::filesystem::path& path) {
  auto bytes = ReadFileBytes(path);
  if (!bytes.ok()) return bytes.error();
  return FromBytes(*bytes, path.string());
}

Result<XlsxWorkbook> XlsxWorkbook::FromBytes(std::string_view bytes, std::string file_name) {
  auto archive = ZipArchive::Open(bytes, file_name, ".xlsx", kMaxPartBytes);
  if (!archive.ok()) return archive.error();
  auto workbook_part = WorkbookPart(*archive, file_name);
  if (!workbook_part.ok()) return workbook_part.error();
  auto workbook_xml = archive->Read(*workbook_part);
  if (!workbook_xml.ok()) return workbook_xml.error();
  auto doc = ParseXml(*workbook_xml, file_name, *workbook_part);
  if (!doc.ok()) return doc.error();
  auto rels = ReadRelationships(*archive, file_name, *workbook_part);
  if (!rels.ok()) return rels.error();

  XlsxWorkbook book;
  book.file_ = file_name;
  pugi::xml_node root = Child(*doc, "workbook");
  std::string_view date1904 = Attr(Child(root, "workbookPr"), "date1904");
  book.date1904_ = date1904 == "1" || date1904 == "true";
  for (pugi::xml_node sheet : Child(root, "sheets").children()) {
    if (Local(sheet.name()) != "sheet") continue;
    std::string name(Attr(sheet, "name"));
    auto rel = rels->find(std::string(Attr(sheet, "id", /*prefixed=*/true)));
    if (rel == rels->end())
      return MakeError(file_name, 0,
                       *workbook_part + ": sheet '" + name + "' has no relationship to a part");
    auto xml = archive->Read(rel->second);
    if (!xml.ok()) return xml.error();
    book.sheets_.push_back(SheetPart{name, rel->second, std::move(*xml)});
  }
  if (book.sheets_.empty()) return MakeError(file_name, 0, *workbook_part + ": no sheets");

  std::string folder = FolderOf(*workbook_part);
  std::string styles_part = folder + "styles.xml";
  std::string strings_part = folder + "sharedStrings.xml";
  for (const auto& [id, target] : *rels) {
    if (target.ends_with("styles.xml")) styles_part = target;
    if (target.ends_with("sharedStrings.xml")) strings_part = target;
  }
  auto date_styles = ReadDateStyles(*archive, file_name, styles_part);
  if (!date_styles.ok()) return date_styles.error();
  book.date_styles_ = std::move(*date_styles);
  if (archive->Has(strings_part)) {
    auto xml = archive->Read(strings_part);
    if (!xml.ok()) return xml.error();
    auto strings = ParseXml(*xml, file_name, strings_part);
    if (!strings.ok()) return strings.error();
    for (pugi::xml_node item : Child(*strings, "sst").children())
      if (Local(item.name()) == "si") book.shared_strings_.push_back(StringItemText(item));
    book.has_shared_strings_ = true;
  }
  return book;
}

std::vector<std::string> XlsxWorkbook::SheetNames() const {
  std::vector<std::string> out;
  for (const SheetPart& sheet : sheets_) out.push_back(sheet.name);
  return out;
}

Result<XlsxSheet> XlsxWorkbook::ReadSheet(std::string_view name) const {
  for (size_t i = 0; i < sheets_.size(); ++i)
    if (sheets_[i].name == name) return ReadSheet(i);
  std::string names;
  for (const SheetPart& sheet : sheets_) names += (names.empty() ? "" : ", ") + sheet.name;
  return MakeError(file_, 0, fmt::format("no sheet named '{}' (sheets: {})", name, names));
}

Result<XlsxSheet> XlsxWorkbook::ReadSheet(size_t index) const {
  if (index >= sheets_.size())
    return MakeError(
        file_, 0,
        fmt::format("no sheet number {} (the workbook has {})", index + 1, sheets_.size()));
  const SheetPart& part = sheets_[index];
  auto doc = ParseXml(part.xml, file_, part.part);
  if (!doc.ok()) return doc.error();
  XlsxSheet sheet{part.name, {}};
  CellContext ctx{file_, has_shared_strings_ ? &shared_strings_ : nullptr, date_styles_, date1904_};
  pugi::xml_node data = Child(Child(*doc, "worksheet"), "sheetData");
  int previous_row = 0;
  for (pugi::xml_node row_node : data.children()) {
    if (Local(row_node.name()) != "row") continue;
    std::string_view row_attr = Attr(row_node, "r");
    int row_number = row_attr.empty() ? previous_row + 1 : ParseNumber<int>(row_attr).value_or(0);
    if (row_number <= previous_row || row_number > kMaxRow)
      return MakeError(file_, 0,
                       fmt::format("{}: row number '{}' after row {} is out of order or invalid",
                                   part.name, row_attr, previous_row));
    previous_row = row_number;
    XlsxRow row{row_number, {}};
    for (pugi::xml_node cell_node : row_node.children()) {
      if (Local(cell_node.name()) != "c") continue;
      EMBARGO_RETURN_IF_ERROR(ReadCell(ctx, part.name, cell_node, row));
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace embargo
