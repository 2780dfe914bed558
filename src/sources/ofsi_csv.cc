#include "sources/ofsi_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "common/csv.h"
#include "model/country.h"
#include "sources/free_text.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

enum Column {
  kName1,
  kName2,
  kName3,
  kName4,
  kName5,
  kName6,
  kTitle,
  kDob,
  kTownOfBirth,
  kCountryOfBirth,
  kNationality,
  kPassport,
  kNiNumber,
  kPosition,
  kAddress1,
  kAddress6 = kAddress1 + 5,
  kPostCode,
  kCountry,
  kOtherInformation,
  kGroupType,
  kAliasType,
  kRegime,
  kListedOn,
  kGroupId,
  kColumnCount,
};

constexpr std::string_view kColumnNames[kColumnCount] = {
    "Name 1",
    "Name 2",
    "Name 3",
    "Name 4",
    "Name 5",
    "Name 6",
    "Title",
    "DOB",
    "Town of Birth",
    "Country of Birth",
    "Nationality",
    "Passport Details",
    "NI Number",
    "Position",
    "Address 1",
    "Address 2",
    "Address 3",
    "Address 4",
    "Address 5",
    "Address 6",
    "Post/Zip Code",
    "Country",
    "Other Information",
    "Group Type",
    "Alias Type",
    "Regime",
    "Listed On",
    "Group ID",
};

using Row = MappedRow;

// Given names (Name 1-5) then the family name (Name 6), as typed parts.
Name RowName(const Row& row) {
  Name name;
  std::vector<std::string_view> values;
  for (int column = kName1; column <= kName6; ++column) {
    std::string_view value = row[column];
    if (value.empty()) continue;
    values.push_back(value);
    NamePartType type = column == kName6   ? NamePartType::kFamily
                        : column == kName1 ? NamePartType::kGiven
                                           : NamePartType::kMiddle;
    name.parts.push_back({type, std::string(value)});
  }
  if (!row[kTitle].empty()) name.parts.push_back({NamePartType::kTitle, std::string(row[kTitle])});
  name.value = JoinNonEmpty(values, " ");
  if (name.parts.size() < 2) name.parts.clear();  // a firm's one-field name has no parts
  return name;
}

Result<NameKind> AliasKind(const Row& row, const std::string& file) {
  std::string_view type = row[kAliasType];
  if (EqualsIgnoreCase(type, "Prime Alias")) return NameKind::kPrimary;
  if (EqualsIgnoreCase(type, "AKA") || type.empty()) return NameKind::kAlias;
  if (EqualsIgnoreCase(type, "FKA")) return NameKind::kPreviousName;
  return MakeError(file, row.csv.line, fmt::format("unknown Alias Type '{}'", type));
}

void AddIdentifiers(Entity& entity, std::string_view text, IdType type) {
  for (const std::string& item : SplitEnumerated(text)) {
    for (std::string& number : DocumentNumbers(item)) {
      bool known = std::any_of(entity.identifiers.begin(), entity.identifiers.end(),
                               [&](const Identifier& id) { return id.value == number; });
      if (!known) entity.identifiers.push_back({type, std::move(number), "", item});
    }
  }
}

void AddOtherInformation(Entity& entity, std::string_view text) {
  if (text.empty()) return;
  AppendUnique(entity.remarks, std::string(text));
  for (std::string& ref : UnReferences(text)) {
    bool known = std::any_of(entity.identifiers.begin(), entity.identifiers.end(),
                             [&](const Identifier& id) { return id.value == ref; });
    if (!known)
      entity.identifiers.push_back(
          {IdType::kOther, std::move(ref), "", std::string(kUnReferenceLabel)});
  }
  std::string imo = ImoNumber(text);
  bool known = std::any_of(entity.identifiers.begin(), entity.identifiers.end(),
                           [&](const Identifier& id) { return id.value == imo; });
  if (!imo.empty() && !known) {
    entity.identifiers.push_back({IdType::kImo, imo, "", "IMO"});
    // A firm's IMO number (OMM has one) does not make it a ship.
    if (!LooksLikeFirmName(entity.caption())) entity.schema = Schema::kVessel;
  }
}

void AddDate(Entity& entity, const Row& row) {
  if (row[kDob].empty()) return;
  auto date = ParseDayMonthYear(row[kDob]);
  if (!date) {
    AppendUnique(entity.remarks, fmt::format("DOB '{}' ignored: not a date", row[kDob]));
    return;
  }
  DateSpec spec{*date, *date, false};
  if (std::find(entity.birth_dates.begin(), entity.birth_dates.end(), spec) ==
      entity.birth_dates.end())
    entity.birth_dates.push_back(spec);
}

void AddAddress(Entity& entity, const Row& row) {
  std::vector<std::string_view> lines;
  for (int column = kAddress1; column <= kAddress6; ++column) lines.push_back(row[column]);
  lines.push_back(row[kPostCode]);
  lines.push_back(row[kCountry]);
  Address address{JoinNonEmpty(lines), "", NormalizeCountry(row[kCountry])};
  bool seen = std::any_of(entity.addresses.begin(), entity.addresses.end(),
                          [&](const Address& a) { return a.full == address.full; });
  if (address.full.empty() || seen) return;
  AppendUnique(entity.countries, address.country);
  entity.addresses.push_back(std::move(address));
}

// Everything a row adds to its party besides the name.
void AddFacts(Entity& entity, const Row& row) {
  AddDate(entity, row);
  AppendUnique(entity.birth_places, JoinNonEmpty({row[kTownOfBirth], row[kCountryOfBirth]}));
  for (const std::string& country : SplitEnumerated(row[kNationality]))
    AppendUnique(entity.nationalities, NormalizeCountry(country));
  AddIdentifiers(entity, row[kPassport], IdType::kPassport);
  AddIdentifiers(entity, row[kNiNumber], IdType::kNationalId);
  AddAddress(entity, row);
  if (!row[kPosition].empty())
    AppendUnique(entity.remarks, "Position: " + std::string(row[kPosition]));
  AddOtherInformation(entity, row[kOtherInformation]);
  AppendUnique(entity.programs, std::string(row[kRegime]));
  if (auto listed = ParseDayMonthYear(row[kListedOn]); listed && listed->day > 0) {
    std::string iso = listed->ToString();
    if (entity.listed_on.empty() || iso < entity.listed_on) entity.listed_on = iso;
  }
}

Result<Entity> NewParty(const Row& row, const std::string& file) {
  Entity entity;
  entity.dataset = std::string(kOfsiDataset);
  entity.source_id = std::string(row[kGroupId]);
  entity.id = fmt::format("{}-{}", kOfsiDataset, entity.source_id);
  std::string_view type = row[kGroupType];
  if (EqualsIgnoreCase(type, "Individual")) {
    entity.schema = Schema::kPerson;
  } else if (EqualsIgnoreCase(type, "Entity")) {
    entity.schema = Schema::kOrganization;
  } else if (EqualsIgnoreCase(type, "Ship")) {
    entity.schema = Schema::kVessel;
  } else {
    return MakeError(file, row.csv.line, fmt::format("unknown Group Type '{}'", type));
  }
  return entity;
}

Result<std::string> VersionDate(const std::vector<CsvRow>& rows, const std::string& file) {
  if (rows.size() < 2 || rows[0].fields.size() < 2 || Trim(rows[0].fields[0]) != "Last Updated")
    return MakeError(file, 1, "expected 'Last Updated,dd/mm/yyyy' then the OFSI header");
  auto date = ParseDayMonthYear(rows[0].fields[1]);
  if (!date || date->day == 0)
    return MakeError(file, 1, fmt::format("bad Last Updated date '{}'", rows[0].fields[1]));
  return date->ToString();
}

Status CheckHeader(const CsvRow& header, const std::string& file, int* columns) {
  for (int c = 0; c < kColumnCount; ++c) {
    columns[c] = FindColumn(header.fields, kColumnNames[c]);
    if (columns[c] < 0)
      return MakeError(file, header.line,
                       fmt::format("missing column '{}' in the OFSI header", kColumnNames[c]));
  }
  return Status::Ok();
}

}  // namespace

bool LooksLikeOfsiCsv(std::string_view text) {
  if (text.substr(0, 13) != "Last Updated,") return false;
  std::string_view header = text.substr(0, 4096);
  return header.find("Name 6") != std::string_view::npos &&
         header.find("Group ID") != std::string_view::npos;
}

Result<ParsedList> ParseOfsiCsv(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  std::string text = Windows1252ToUtf8(bytes);
  Result<std::vector<CsvRow>> rows = ReadCsv(text, file);
  if (!rows.ok()) return rows.error();
  Result<std::string> version = VersionDate(*rows, file);
  if (!version.ok()) return version.error();
  int columns[kColumnCount];
  EMBARGO_RETURN_IF_ERROR(CheckHeader((*rows)[1], file, columns));
  ParsedList list;
  list.dataset = {std::string(kOfsiDataset), "ofsi_csv", file, *version};
  std::unordered_map<std::string, size_t> parties;
  size_t width = (*rows)[1].fields.size();
  for (size_t i = 2; i < rows->size(); ++i) {
    Row row{(*rows)[i], columns};
    if (row.csv.fields.size() != width)
      return MakeError(file, row.csv.line,
                       fmt::format("expected {} fields as in the header, found {}", width,
                                   row.csv.fields.size()));
    if (row[kGroupId].empty()) return MakeError(file, row.csv.line, "empty Group ID");
    auto [it, added] = parties.try_emplace(std::string(row[kGroupId]), list.entities.size());
    if (added) {
      Result<Entity> party = NewParty(row, file);
      if (!party.ok()) return party.error();
      list.entities.push_back(std::move(*party));
    }
    Entity& party = list.entities[it->second];
    Result<NameKind> kind = AliasKind(row, file);
    if (!kind.ok()) return kind.error();
    Name name = RowName(row);
    if (name.value.empty())
      return MakeError(file, row.csv.line, "row has no name (Name 1-6 empty)");
    name.kind = *kind;
    AddName(party, std::move(name));
    AddFacts(party, row);
  }
  if (list.entities.empty()) return MakeError(file, 2, "no records after the header");
  return list;
}

}  // namespace embargo
