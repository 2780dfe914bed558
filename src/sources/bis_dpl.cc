#include "sources/bis_dpl.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "common/csv.h"
#include "model/country.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

enum Column {
  kName,
  kStreet,
  kCity,
  kState,
  kCountry,
  kPostalCode,
  kEffective,
  kExpiration,
  kLastUpdate,
  kFrCitation,
  kColumnCount,
};

constexpr std::string_view kColumnNames[kColumnCount] = {
    "Name",           "Street_Address",  "City",        "State",       "Country", "Postal_Code",
    "Effective_Date", "Expiration_Date", "Last_Update", "FR_Citation",
};

// "82 F.R.  4842 1/17/2017" and "82 F.R. 4842 1/17/2017" are one citation.
std::string CitationKey(std::string_view citation) {
  std::string key;
  for (char c : citation) {
    if (c == ' ' || c == '\t' || c == ',' || c == ';') continue;
    key.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return key;
}

using Row = MappedRow;

// A date field: valid -> "YYYY-MM-DD"; present but invalid -> "" plus a
// remark, so a typo never drops the party.
std::string CheckedDate(const Row& row, Column column, Entity& entity) {
  std::string date = DplDate(row[column]);
  if (date.empty() && !row[column].empty()) {
    AppendUnique(entity.remarks, fmt::format("{} '{}' ignored: not a valid date",
                                             kColumnNames[column], row[column]));
  }
  return date;
}

Entity NewParty(const Row& row, const std::string& key) {
  Entity entity;
  entity.dataset = std::string(kDplDataset);
  entity.source_id = StableHash({key});
  entity.id = fmt::format("{}-{}", kDplDataset, entity.source_id);
  entity.schema = LooksLikeFirmName(row[kName]) ? Schema::kOrganization : Schema::kLegalEntity;
  entity.names.push_back({std::string(row[kName]), NameKind::kPrimary, {}});
  entity.topics = {"export.control"};  // an export denial, not a sanction
  entity.listed_on = CheckedDate(row, kEffective, entity);
  std::string expires = CheckedDate(row, kExpiration, entity);
  if (!expires.empty()) entity.remarks.push_back("Denial expires " + expires);
  return entity;
}

// Every row adds its address and citation to its party.
void AddRow(const Row& row, Entity& entity) {
  Address address{
      JoinNonEmpty({row[kStreet], row[kCity], row[kState], row[kPostalCode], row[kCountry]}),
      std::string(row[kCity]), NormalizeCountry(row[kCountry])};
  bool seen = std::any_of(entity.addresses.begin(), entity.addresses.end(),
                          [&](const Address& a) { return a.full == address.full; });
  if (!address.full.empty() && !seen) {
    AppendUnique(entity.countries, address.country);
    entity.addresses.push_back(std::move(address));
  }
  if (!row[kFrCitation].empty()) {
    AppendUnique(entity.remarks, fmt::format("FR citation: {}", row[kFrCitation]));
  }
}

Status CheckHeader(const std::vector<CsvRow>& rows, const std::string& file, int* columns) {
  if (rows.empty()) return MakeError(file, 1, "empty file: expected the DPL header row");
  for (int c = 0; c < kColumnCount; ++c) columns[c] = FindColumn(rows[0].fields, kColumnNames[c]);
  for (Column required : {kName, kEffective, kFrCitation}) {
    if (columns[required] < 0) {
      return MakeError(
          file, 1, fmt::format("missing column '{}' in the DPL header", kColumnNames[required]));
    }
  }
  return Status::Ok();
}

}  // namespace

std::string DplDate(std::string_view text) {
  text = Trim(text);
  if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    std::string iso =
        fmt::format("{}-{}-{}", text.substr(6, 4), text.substr(0, 2), text.substr(3, 2));
    return IsoDateOrEmpty(iso);
  }
  return IsoDateOrEmpty(text);
}

bool IsDplHeader(const std::vector<std::string>& header) {
  return FindColumn(header, "Name") >= 0 && FindColumn(header, "Effective_Date") >= 0 &&
         FindColumn(header, "FR_Citation") >= 0;
}

Result<ParsedList> ParseBisDpl(const std::filesystem::path& path, std::string_view bytes) {
  std::string file = path.string();
  EMBARGO_RETURN_IF_ERROR(CheckUtf8(bytes, file));
  Result<std::vector<CsvRow>> rows = ReadCsv(bytes, file, '\t');
  if (!rows.ok()) return rows.error();
  int columns[kColumnCount];
  EMBARGO_RETURN_IF_ERROR(CheckHeader(*rows, file, columns));
  ParsedList list;
  list.dataset = {std::string(kDplDataset), "bis_dpl", file, ""};
  std::unordered_map<std::string, size_t> parties;
  size_t width = (*rows)[0].fields.size();
  for (size_t i = 1; i < rows->size(); ++i) {
    Row row{(*rows)[i], columns};
    if (row.csv.fields.size() != width) {
      return MakeError(file, row.csv.line,
                       fmt::format("expected {} fields as in the header, found {}", width,
                                   row.csv.fields.size()));
    }
    if (row[kName].empty()) continue;
    std::string key =
        fmt::format("{}\x1f{}\x1f{}", row[kName], row[kEffective], CitationKey(row[kFrCitation]));
    auto [it, added] = parties.try_emplace(key, list.entities.size());
    if (added) list.entities.push_back(NewParty(row, key));
    Entity& party = list.entities[it->second];
    AddRow(row, party);
    std::string updated = CheckedDate(row, kLastUpdate, party);
    list.dataset.version_date = std::max(list.dataset.version_date, updated);
  }
  return list;
}

}  // namespace embargo
