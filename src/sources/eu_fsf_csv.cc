#include "sources/eu_fsf_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/csv.h"
#include "model/country.h"
#include "sources/eu_fsf_xml.h"
#include "sources/free_text.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

// The columns read, by their header names (the first column of a repeated
// name, Entity_logical_id, is the entity's).
enum Column {
  kDateFile,
  kEntityId,
  kSubjectType,
  kPublicationDate,
  kProgramme,
  kEntityRemark,
  kNameId,
  kLastName,
  kFirstName,
  kMiddleName,
  kWholeName,
  kGender,
  kTitle,
  kFunction,
  kAddressId,
  kAddressNumber,
  kStreet,
  kZipCode,
  kCity,
  kAddressCountry,
  kAddressOther,
  kBirthId,
  kBirthDate,
  kBirthPlace,
  kBirthCountry,
  kIdentityId,
  kIdentityNumber,
  kIdentityCountry,
  kCitizenshipId,
  kCitizenshipCountry,
  kEuReference,
  kColumnCount
};

constexpr const char* kHeaders[kColumnCount] = {
    "Date_file",       "Entity_logical_id", "Subject_type",    "Leba_publication_date",
    "Programme",       "Entity_remark",     "Naal_logical_id", "Naal_lastname",
    "Naal_firstname",  "Naal_middlename",   "Naal_wholename",  "Naal_gender",
    "Naal_title",      "Naal_function",     "Addr_logical_id", "Addr_number",
    "Addr_street",     "Addr_zipcode",      "Addr_city",       "Addr_country",
    "Addr_other",      "Birt_logical_id",   "Birt_date",       "Birt_place",
    "Birt_country",    "Iden_logical_id",   "Iden_number",     "Iden_country",
    "Citi_logical_id", "Citi_country",      "EU_ref_num"};

// The text between each line's wrapping quotes, padding tabs dropped and
// "" read as ", one line per physical line (so CSV lines stay file lines).
std::string Unwrap(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    auto trim_pad = [&] {
      while (!line.empty() && (line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    };
    trim_pad();
    if (!line.empty() && line.front() == '"') line.remove_prefix(1);
    if (!line.empty() && line.back() == '"') line.remove_suffix(1);
    trim_pad();
    for (size_t i = 0; i < line.size(); ++i) {
      out.push_back(line[i]);
      if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') ++i;
    }
    out.push_back('\n');
  }
  return out;
}

std::string_view Cell(const CsvRow& row, const int* columns, Column c) {
  size_t i = static_cast<size_t>(columns[c]);
  return i < row.fields.size() ? Trim(row.fields[i]) : std::string_view();
}

struct Builder {
  Entity entity;
  std::string logical_id;
};

void AddRow(const CsvRow& row, const int* col, Entity& e) {
  auto cell = [&](Column c) { return std::string(Cell(row, col, c)); };
  if (!cell(kNameId).empty()) {
    std::string first = cell(kFirstName), middle = cell(kMiddleName), last = cell(kLastName);
    std::string whole = cell(kWholeName);
    if (whole.empty()) whole = JoinNonEmpty({first, middle, last}, " ");
    Name name{whole, e.names.empty() ? NameKind::kPrimary : NameKind::kAlias, {}};
    if (e.schema == Schema::kPerson && !last.empty() && (!first.empty() || !middle.empty())) {
      if (!first.empty()) name.parts.push_back({NamePartType::kGiven, first});
      if (!middle.empty()) name.parts.push_back({NamePartType::kMiddle, middle});
      name.parts.push_back({NamePartType::kFamily, last});
    }
    // The same name comes once per regulation that names it.
    bool known = std::any_of(e.names.begin(), e.names.end(),
                             [&](const Name& n) { return n.value == name.value; });
    if (!known) AddName(e, std::move(name));
    if (e.gender == Gender::kUnknown) e.gender = ParseGender(cell(kGender));
    if (!cell(kFunction).empty()) AppendUnique(e.remarks, "Function: " + cell(kFunction));
    if (!cell(kTitle).empty()) AppendUnique(e.remarks, "Title: " + cell(kTitle));
  }
  if (!cell(kAddressId).empty()) {
    std::string country = NormalizeCountry(cell(kAddressCountry));
    std::string full = JoinNonEmpty({cell(kAddressNumber), cell(kStreet), cell(kZipCode),
                                     cell(kCity), cell(kAddressOther), cell(kAddressCountry)});
    AppendUnique(e.countries, country);
    if (!full.empty()) e.addresses.push_back({full, cell(kCity), country});
  }
  if (!cell(kBirthId).empty()) {
    if (auto date = ParseDateText(cell(kBirthDate))) AddBirthDate(e, *date);
    AppendUnique(e.birth_places, JoinNonEmpty({cell(kBirthPlace), cell(kBirthCountry)}));
  }
  if (!cell(kIdentityId).empty() && !cell(kIdentityNumber).empty()) {
    std::string text = cell(kIdentityNumber);  // "AD001095 (passport-National passport)"
    IdType type = IdTypeFromLabel(text);
    std::string number = text.substr(0, text.find(" ("));
    e.identifiers.push_back({type == IdType::kOther ? IdType::kOther : type, number,
                             NormalizeCountry(cell(kIdentityCountry)), text});
  }
  if (!cell(kCitizenshipId).empty()) {
    std::string country = NormalizeCountry(cell(kCitizenshipCountry));
    AppendUnique(e.schema == Schema::kPerson ? e.nationalities : e.countries, country);
  }
  AppendUnique(e.programs, cell(kProgramme));
  std::string remark = cell(kEntityRemark);
  if (!remark.empty()) AppendUnique(e.remarks, remark);
  std::string date = IsoDateOrEmpty(cell(kPublicationDate));
  if (!date.empty() && (e.listed_on.empty() || date < e.listed_on)) e.listed_on = date;
}

}  // namespace

bool LooksLikeEuFsfCsv(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  return head.substr(0, 10) == "\"Date_file" &&
         head.find("Entity_logical_id;Subject_type") != std::string_view::npos;
}

Result<ParsedList> ParseEuFsfCsv(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  std::string text = Unwrap(Windows1252ToUtf8(bytes));
  CsvReader reader(text, file, ';');
  CsvRow header;
  if (!reader.Next(header)) {
    if (reader.error()) return *reader.error();
    return MakeError(file, 1, "empty file");
  }
  int columns[kColumnCount];
  for (int c = 0; c < kColumnCount; ++c) {
    columns[c] = -1;
    for (size_t i = 0; i < header.fields.size(); ++i) {
      std::string_view name = Trim(header.fields[i]);
      if (name == kHeaders[c] || (c == kDateFile && name.rfind("Date_file", 0) == 0)) {
        columns[c] = static_cast<int>(i);
        break;
      }
    }
    if (columns[c] < 0)
      return MakeError(file, 1, fmt::format("no column {} in the header", kHeaders[c]));
  }
  ParsedList list;
  list.dataset = {std::string(kEuDataset), "eu_fsf_csv", file, ""};
  std::map<std::string, size_t> by_id;  // logical id -> index in list.entities
  std::vector<int> first_lines;         // per entity
  CsvRow row;
  while (reader.Next(row)) {
    if (row.fields.size() == 1 && Trim(row.fields[0]).empty()) continue;
    if (row.fields.size() != header.fields.size()) {
      return MakeError(
          file, row.line,
          fmt::format("{} fields, the header has {}", row.fields.size(), header.fields.size()));
    }
    std::string id(Cell(row, columns, kEntityId));
    if (id.empty()) return MakeError(file, row.line, "row without Entity_logical_id");
    if (list.dataset.version_date.empty()) {
      auto date = ParseDayMonthYear(Cell(row, columns, kDateFile));
      if (!date) {
        return MakeError(
            file, row.line,
            fmt::format("file date '{}' is not dd/mm/yyyy", Cell(row, columns, kDateFile)));
      }
      list.dataset.version_date = date->ToString();
    }
    auto [it, added] = by_id.emplace(id, list.entities.size());
    if (added) {
      Entity e;
      e.dataset = std::string(kEuDataset);
      std::string_view type = Cell(row, columns, kSubjectType);
      e.schema = type == "P"   ? Schema::kPerson
                 : type == "E" ? Schema::kOrganization
                               : Schema::kLegalEntity;
      list.entities.push_back(std::move(e));
      first_lines.push_back(row.line);
    }
    Entity& e = list.entities[it->second];
    std::string reference(Cell(row, columns, kEuReference));
    if (e.source_id.empty() && !reference.empty()) e.source_id = reference;
    AddRow(row, columns, e);
    e.id = id;  // the logical id until the end: the reference may come on a later row
  }
  if (reader.error()) return *reader.error();
  for (size_t i = 0; i < list.entities.size(); ++i) {
    Entity& e = list.entities[i];
    if (e.names.empty()) {
      return MakeError(file, first_lines[i],
                       fmt::format("entity {} has no name row (Naal_logical_id)", e.id));
    }
    if (e.source_id.empty()) e.source_id = e.id;
    e.id = fmt::format("{}-{}", kEuDataset, e.source_id);
  }
  if (list.entities.empty()) return MakeError(file, 1, "no rows after the header");
  return list;
}

}  // namespace embargo
