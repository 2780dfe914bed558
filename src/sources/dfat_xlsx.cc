#include "sources/dfat_xlsx.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "common/csv.h"
#include "common/utf8.h"
#include "common/xlsx.h"
#include "model/country.h"
#include "sources/free_text.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

enum Column {
  kReference,
  kName,
  kType,
  kNameType,
  kDateOfBirth,
  kPlaceOfBirth,
  kCitizenship,
  kAddress,
  kAdditionalInformation,
  kListingInformation,
  kCommittees,
  kControlDate,
  kColumnCount,
};

constexpr std::string_view kColumnNames[kColumnCount] = {
    "Reference",
    "Name of Individual or Entity",
    "Type",
    "Name Type",
    "Date of Birth",
    "Place of Birth",
    "Citizenship",
    "Address",
    "Additional Information",
    "Listing Information",
    "Committees",
    "Control Date",
};

struct Row {
  const XlsxRow& cells;
  const int* columns;

  std::string_view operator[](int column) const {
    int index = columns[column];
    if (index < 0 || index >= static_cast<int>(cells.cells.size())) return {};
    return Trim(cells.cells[index].text);
  }
};

struct Context {
  std::string file;
  std::string sheet;
};

Error CellError(const Context& ctx, const XlsxRow& row, int index, std::string message) {
  return MakeError(
      ctx.file, 0,
      fmt::format("{}!{}{}: {}", ctx.sheet, XlsxColumnLetters(index + 1), row.number, message));
}

Error RowError(const Context& ctx, const Row& row, Column column, std::string message) {
  return CellError(ctx, row.cells, std::max(0, row.columns[column]), std::move(message));
}

// Excel writes UTF-8, but neither the zip nor the XML parser checks it, and
// the text's _xHHHH_ escapes and character references are decoded
// unchecked (_xD800_ gives a surrogate): a cell whose text is not UTF-8 is
// refused, as the text lists refuse such bytes at their line.
Status CheckRowText(const Context& ctx, const XlsxRow& row) {
  for (size_t i = 0; i < row.cells.size(); ++i) {
    const std::string& text = row.cells[i].text;
    size_t bad = FindInvalidUtf8(text);
    if (bad != std::string::npos) {
      return CellError(ctx, row, static_cast<int>(i),
                       fmt::format("invalid UTF-8 (byte 0x{:02X}) in the cell's text",
                                   static_cast<unsigned char>(text[bad])));
    }
  }
  return Status::Ok();
}

// Empty cells and DFAT's "NA" / "na" placeholders hold nothing.
bool IsBlank(std::string_view value) {
  return value.empty() || EqualsIgnoreCase(value, "na") || EqualsIgnoreCase(value, "n/a");
}

Result<NameKind> NameKindOf(const Context& ctx, const Row& row) {
  std::string_view type = row[kNameType];
  if (EqualsIgnoreCase(type, "Primary Name")) return NameKind::kPrimary;
  if (EqualsIgnoreCase(type, "aka") || EqualsIgnoreCase(type, "Original Script"))
    return NameKind::kAlias;
  if (EqualsIgnoreCase(type, "Formerly known as") || EqualsIgnoreCase(type, "Previously listed as"))
    return NameKind::kPreviousName;
  return RowError(ctx, row, kNameType, fmt::format("unknown Name Type '{}'", type));
}

Result<Schema> SchemaOf(const Context& ctx, const Row& row) {
  if (EqualsIgnoreCase(row[kType], "Individual")) return Schema::kPerson;
  if (EqualsIgnoreCase(row[kType], "Entity")) return Schema::kOrganization;
  return RowError(ctx, row, kType, fmt::format("unknown Type '{}'", row[kType]));
}

// "12/05/1960 alt DOB: 1961" -> "12/05/1960 ; 1961".
std::string WithoutAltMarkers(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    size_t at = text.find("alt");
    size_t colon = at == std::string_view::npos ? at : text.find("DOB:", at);
    if (colon == std::string_view::npos || colon > at + 6) {
      out.append(text.substr(0, at == std::string_view::npos ? text.size() : at + 3));
      text.remove_prefix(at == std::string_view::npos ? text.size() : at + 3);
      continue;
    }
    out.append(text.substr(0, at));
    out.push_back(';');
    text.remove_prefix(colon + 4);
  }
  return out;
}

// "a) 12/05/1960; b) 1961", "12/05/1960; alt DOB: 1961": every date given.
void AddBirthDates(Entity& entity, std::string_view text) {
  for (const std::string& item : SplitEnumerated(text)) {
    for (const std::string& piece : SplitList(WithoutAltMarkers(item), ';')) {
      if (IsBlank(piece)) continue;
      auto date = ParseDateText(piece);
      if (!date) {
        AppendUnique(entity.remarks, fmt::format("Date of Birth '{}' not read", piece));
        continue;
      }
      if (std::find(entity.birth_dates.begin(), entity.birth_dates.end(), *date) ==
          entity.birth_dates.end())
        entity.birth_dates.push_back(*date);
    }
  }
}

void AddIdentifier(Entity& entity, IdType type, std::string value, std::string label) {
  bool known = std::any_of(entity.identifiers.begin(), entity.identifiers.end(),
                           [&](const Identifier& id) { return id.value == value; });
  if (!known) entity.identifiers.push_back({type, std::move(value), "", std::move(label)});
}

void AddAdditionalInformation(Entity& entity, std::string_view text) {
  if (IsBlank(text)) return;
  AppendUnique(entity.remarks, std::string(text));
  for (std::string& number : NumbersAfter(text, "passport"))
    AddIdentifier(entity, IdType::kPassport, std::move(number), "Passport");
  for (std::string& number : NumbersAfter(text, "national identification"))
    AddIdentifier(entity, IdType::kNationalId, std::move(number), "National identification");
  std::string imo = ImoNumber(text);
  if (!imo.empty()) {
    AddIdentifier(entity, IdType::kImo, imo, "IMO");
    // A firm's IMO number (OMM has one) does not make it a ship.
    if (!LooksLikeFirmName(entity.caption())) entity.schema = Schema::kVessel;
  }
}

void AddFacts(Entity& entity, const Row& row) {
  AddBirthDates(entity, row[kDateOfBirth]);
  for (std::string& place : SplitEnumerated(row[kPlaceOfBirth]))
    if (!IsBlank(place)) AppendUnique(entity.birth_places, std::move(place));
  for (const std::string& country : SplitEnumerated(row[kCitizenship]))
    AppendUnique(entity.nationalities, NormalizeCountry(country));
  for (std::string& line : SplitEnumerated(row[kAddress])) {
    if (IsBlank(line)) continue;
    bool seen = std::any_of(entity.addresses.begin(), entity.addresses.end(),
                            [&](const Address& a) { return a.full == line; });
    if (seen) continue;
    size_t comma = line.rfind(',');
    std::string country =
        NormalizeCountry(comma == std::string::npos ? line : line.substr(comma + 1));
    AppendUnique(entity.countries, country);
    entity.addresses.push_back({std::move(line), "", std::move(country)});
  }
  AddAdditionalInformation(entity, row[kAdditionalInformation]);
  if (!IsBlank(row[kListingInformation])) {
    AppendUnique(entity.remarks, std::string(row[kListingInformation]));
    std::string listed = FirstDateInProse(row[kListingInformation]);
    if (!listed.empty() && (entity.listed_on.empty() || listed < entity.listed_on))
      entity.listed_on = listed;
  }
  AppendUnique(entity.programs, std::string(row[kCommittees]));
}

Status FindColumns(const Context& ctx, const XlsxSheet& sheet, int* columns) {
  if (sheet.rows.empty()) return MakeError(ctx.file, 0, ctx.sheet + ": empty sheet");
  std::vector<std::string> header = sheet.rows[0].Texts();
  for (int c = 0; c < kColumnCount; ++c) {
    columns[c] = FindColumn(header, kColumnNames[c]);
    if (columns[c] < 0)
      return MakeError(ctx.file, 0,
                       fmt::format("{}: missing column '{}' in the DFAT header (row {})", ctx.sheet,
                                   kColumnNames[c], sheet.rows[0].number));
  }
  return Status::Ok();
}

bool IsEmptyRow(const XlsxRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](const XlsxCell& cell) { return Trim(cell.text).empty(); });
}

// The party of a row, created on its first row ("5" for "5", "5a", "5b2").
Result<Entity*> PartyOf(const Context& ctx, const Row& row, ParsedList& list,
                        std::unordered_map<std::string, size_t>& parties) {
  std::string_view reference = row[kReference];
  size_t digits = 0;
  while (digits < reference.size() && std::isdigit(static_cast<unsigned char>(reference[digits])))
    ++digits;
  if (digits == 0)
    return RowError(ctx, row, kReference,
                    fmt::format("Reference '{}' does not start with a number", reference));
  std::string source_id(reference.substr(0, digits));
  auto [it, added] = parties.try_emplace(source_id, list.entities.size());
  if (added) {
    Result<Schema> schema = SchemaOf(ctx, row);
    if (!schema.ok()) return schema.error();
    Entity entity;
    entity.dataset = std::string(kDfatDataset);
    entity.source_id = source_id;
    entity.id = fmt::format("{}-{}", kDfatDataset, source_id);
    entity.schema = *schema;
    list.entities.push_back(std::move(entity));
  }
  return &list.entities[it->second];
}

}  // namespace

bool LooksLikeDfatXlsx(std::string_view bytes) {
  if (bytes.substr(0, 4) != "PK\x03\x04") return false;
  auto book = XlsxWorkbook::FromBytes(bytes, "");
  if (!book.ok()) return false;
  auto sheet = book->ReadSheet(0);
  if (!sheet.ok() || sheet->rows.empty()) return false;
  std::vector<std::string> header = sheet->rows[0].Texts();
  return FindColumn(header, "Name of Individual or Entity") >= 0 &&
         FindColumn(header, "Committees") >= 0;
}

Result<ParsedList> ParseDfatXlsx(const std::filesystem::path& path, std::string_view bytes) {
  Context ctx{path.string(), ""};
  auto book = XlsxWorkbook::FromBytes(bytes, ctx.file);
  if (!book.ok()) return book.error();
  auto sheet = book->ReadSheet(0);
  if (!sheet.ok()) return sheet.error();
  ctx.sheet = sheet->name;
  int columns[kColumnCount];
  EMBARGO_RETURN_IF_ERROR(FindColumns(ctx, *sheet, columns));
  ParsedList list;
  list.dataset = {std::string(kDfatDataset), "dfat_xlsx", ctx.file, ""};
  std::unordered_map<std::string, size_t> parties;
  for (size_t i = 1; i < sheet->rows.size(); ++i) {
    if (IsEmptyRow(sheet->rows[i])) continue;
    EMBARGO_RETURN_IF_ERROR(CheckRowText(ctx, sheet->rows[i]));
    Row row{sheet->rows[i], columns};
    Result<Entity*> party = PartyOf(ctx, row, list, parties);
    if (!party.ok()) return party.error();
    Result<NameKind> kind = NameKindOf(ctx, row);
    if (!kind.ok()) return kind.error();
    if (row[kName].empty()) return RowError(ctx, row, kName, "empty name");
    AddName(**party, {std::string(row[kName]), *kind, {}});
    AddFacts(**party, row);
    std::string control = std::string(row[kControlDate].substr(0, 10));
    if (PartialDate::Parse(control))
      list.dataset.version_date = std::max(list.dataset.version_date, control);
  }
  if (list.entities.empty())
    return MakeError(ctx.file, 0, ctx.sheet + ": no records after the header");
  return list;
}

}  // namespace embargo
