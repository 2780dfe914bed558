#include "sources/us_csl.h"

#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "common/csv.h"
#include "model/country.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

enum Column {
  kId,
  kSource,
  kEntityNumber,
  kType,
  kPrograms,
  kName,
  kTitle,
  kAddresses,
  kFrNotice,
  kStartDate,
  kRemarks,
  kAltNames,
  kCitizenships,
  kDatesOfBirth,
  kNationalities,
  kPlacesOfBirth,
  kIds,
  kCallSign,
  kVesselFlag,
  kColumnCount,
};

constexpr std::string_view kColumnNames[kColumnCount] = {
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "federal_register_notice",
    "start_date",
    "remarks",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "ids",
    "call_sign",
    "vessel_flag",
};

using Row = MappedRow;

Schema CslSchema(std::string_view type) {
  if (type.empty()) return Schema::kLegalEntity;
  return ParseSchema(type).value_or(Schema::kLegalEntity);
}

// Individuals are written "LAST, Given" as in OFAC's files.
Name PrimaryName(std::string_view value, Schema schema) {
  Name name{std::string(value), NameKind::kPrimary, {}};
  size_t comma = value.find(',');
  if (schema != Schema::kPerson || comma == std::string_view::npos ||
      value.find(',', comma + 1) != std::string_view::npos) {
    return name;
  }
  std::string_view family = Trim(value.substr(0, comma));
  std::string_view given = Trim(value.substr(comma + 1));
  if (!family.empty()) name.parts.push_back({NamePartType::kFamily, std::string(family)});
  if (!given.empty()) name.parts.push_back({NamePartType::kGiven, std::string(given)});
  return name;
}

std::string JoinParts(const std::vector<std::string>& parts, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) out += (out.empty() ? "" : ", ") + parts[i];
  return out;
}

// One `ids` item: "[Country, ]Number, Label" ("US, 80-0890696, Tax ID No.").
// Items whose label is not an identifier (Website, Email Address, sanctions
// notes) become remarks.
void AddIdItem(std::string_view item, Entity& entity) {
  std::vector<std::string> parts = SplitList(item, ',');
  if (parts.size() < 2) return AppendUnique(entity.remarks, std::string(item));
  std::string label = parts.back();
  size_t begin = parts.size() >= 3 && parts[0].size() == 2 ? 1 : 0;
  std::string value = JoinParts(parts, begin, parts.size() - 1);
  if (!IsIdentifierLabel(label)) {
    while (!label.empty() && (label.back() == ':' || label.back() == '-' || label.back() == ' ')) {
      label.pop_back();
    }
    return AppendUnique(entity.remarks, fmt::format("{}: {}", label, value));
  }
  IdType type = IdTypeFromLabel(label);
  if (type == IdType::kImo && value.substr(0, 4) == "IMO ") value.erase(0, 4);
  std::string country = begin == 1 ? NormalizeCountry(parts[0]) : "";
  entity.identifiers.push_back({type, std::move(value), std::move(country), std::move(label)});
}

void AddAddresses(std::string_view cell, Entity& entity) {
  for (std::string& full : SplitList(cell, ';')) {
    std::vector<std::string> parts = SplitList(full, ',');
    // The CSL ends an address with the ISO code of its country when known.
    bool coded = !parts.empty() && parts.back().size() == 2;
    std::string country = coded ? NormalizeCountry(parts.back()) : "";
    AppendUnique(entity.countries, country);
    entity.addresses.push_back({std::move(full), "", std::move(country)});
  }
}

void AddPersonFacts(const Row& row, Entity& entity) {
  for (const std::string& text : SplitList(row[kDatesOfBirth], ';')) {
    if (auto date = PartialDate::Parse(text)) {
      entity.birth_dates.push_back({*date, *date, false});
    } else {
      entity.remarks.push_back("Date of birth: " + text);
    }
  }
  for (Column column : {kNationalities, kCitizenships}) {
    for (const std::string& text : SplitList(row[column], ';')) {
      AppendUnique(entity.nationalities, NormalizeCountry(text));
    }
  }
  for (std::string& place : SplitList(row[kPlacesOfBirth], ';')) {
    AppendUnique(entity.birth_places, std::move(place));
  }
}

// The topic of a CSL row, from the code its source column ends with
// ("Entity List (EL) - Bureau of Industry and Security"): the BIS lists
// control exports, ITAR debarment bars defence trade; the Treasury and State
// lists are sanctions. Empty (the default, "sanction") for a source not known.
std::vector<std::string> CslTopics(std::string_view source) {
  static const std::map<std::string_view, std::string_view> kTopicByCode = {
      {"SDN", "sanction"},       {"SSI", "sanction"},       {"FSE", "sanction"},
      {"PLC", "sanction"},       {"CAP", "sanction"},       {"NS-MBS List", "sanction"},
      {"CMIC", "sanction"},      {"ISN", "sanction"},       {"EL", "export.control"},
      {"DPL", "export.control"}, {"UVL", "export.control"}, {"MEU", "export.control"},
      {"DTC", "debarment"}};
  size_t open = source.find('(');
  size_t close = source.find(')', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return {};
  auto it = kTopicByCode.find(source.substr(open + 1, close - open - 1));
  if (it == kTopicByCode.end()) return {};
  return {std::string(it->second)};
}

Entity BuildEntity(const Row& row) {
  Entity entity;
  entity.dataset = std::string(kCslDataset);
  entity.schema = CslSchema(row[kType]);
  entity.names.push_back(PrimaryName(row[kName], entity.schema));
  for (std::string& alias : SplitList(row[kAltNames], ';')) {
    entity.names.push_back({std::move(alias), NameKind::kAlias, {}});
  }
  AddPersonFacts(row, entity);
  AddAddresses(row[kAddresses], entity);
  for (const std::string& item : SplitList(row[kIds], ';')) AddIdItem(item, entity);
  if (!row[kCallSign].empty()) {
    entity.identifiers.push_back({IdType::kOther, std::string(row[kCallSign]), "", "Call Sign"});
  }
  AppendUnique(entity.countries, NormalizeCountry(row[kVesselFlag]));
  for (std::string& program : SplitList(row[kPrograms], ';')) {
    AppendUnique(entity.programs, std::move(program));
  }
  entity.listed_on = IsoDateOrEmpty(row[kStartDate]);
  if (!row[kTitle].empty()) entity.remarks.push_back(fmt::format("Title: {}", row[kTitle]));
  if (!row[kRemarks].empty()) entity.remarks.emplace_back(row[kRemarks]);
  if (!row[kSource].empty()) entity.remarks.push_back(fmt::format("CSL source: {}", row[kSource]));
  entity.topics = CslTopics(row[kSource]);
  return entity;
}

std::string SourceId(const Row& row) {
  if (!row[kEntityNumber].empty()) return std::string(row[kEntityNumber]);
  if (!row[kId].empty()) return std::string(row[kId]);
  return StableHash({row[kSource], row[kName], row[kAddresses], row[kFrNotice], row[kStartDate]});
}

// Appends "-2", "-3"... to an id seen before.
std::string UniqueId(std::string id, std::unordered_map<std::string, int>& seen) {
  int count = ++seen[id];
  return count == 1 ? id : fmt::format("{}-{}", id, count);
}

Status CheckHeader(const std::vector<CsvRow>& rows, const std::string& file, int* columns) {
  if (rows.empty()) return MakeError(file, 1, "empty file: expected the CSL header row");
  for (int c = 0; c < kColumnCount; ++c) columns[c] = FindColumn(rows[0].fields, kColumnNames[c]);
  if (columns[kName] < 0) return MakeError(file, 1, "missing column 'name' in the CSL header");
  return Status::Ok();
}

}  // namespace

bool IsCslHeader(const std::vector<std::string>& header) {
  for (std::string_view column : {"source", "name", "type", "alt_names"}) {
    if (FindColumn(header, column) < 0) return false;
  }
  return true;
}

Result<ParsedList> ParseUsCsl(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  EMBARGO_RETURN_IF_ERROR(CheckUtf8(bytes, file));
  Result<std::vector<CsvRow>> rows = ReadCsv(bytes, file);
  if (!rows.ok()) return rows.error();
  int columns[kColumnCount];
  EMBARGO_RETURN_IF_ERROR(CheckHeader(*rows, file, columns));
  ParsedList list;
  list.dataset = {std::string(kCslDataset), "us_csl", file, ""};
  std::unordered_map<std::string, int> seen;
  size_t width = (*rows)[0].fields.size();
  for (size_t i = 1; i < rows->size(); ++i) {
    const CsvRow& csv = (*rows)[i];
    if (csv.fields.size() != width) {
      return MakeError(
          file, csv.line,
          fmt::format("expected {} fields as in the header, found {}", width, csv.fields.size()));
    }
    Row row{csv, columns};
    if (row[kName].empty()) continue;
    Entity entity = BuildEntity(row);
    entity.source_id = UniqueId(SourceId(row), seen);
    entity.id = fmt::format("{}-{}", kCslDataset, entity.source_id);
    list.entities.push_back(std::move(entity));
  }
  return list;
}

}  // namespace embargo
