#include "sources/embargo_list_record.h"

#include <fmt/format.h>

#include <cctype>
#include <unordered_map>

#include "model/country.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

constexpr ListFieldSpec kFields[kListFieldCount] = {
    {ListField::kId, "id", "", false},
    {ListField::kName, "name", "names", false},
    {ListField::kDataset, "dataset", "", false},
    {ListField::kSchema, "schema", "", false},
    {ListField::kAliases, "aliases", "", true},
    {ListField::kWeakAliases, "weak_aliases", "", true},
    {ListField::kPreviousNames, "previous_names", "", true},
    {ListField::kBirthDate, "birth_date", "birth_dates", true},
    {ListField::kNationality, "nationality", "nationalities", true},
    {ListField::kCountry, "country", "countries", true},
    {ListField::kGender, "gender", "", false},
    {ListField::kPassport, "passport", "passports", true},
    {ListField::kNationalId, "national_id", "national_ids", true},
    {ListField::kImo, "imo", "", true},
    {ListField::kBic, "bic", "", true},
    {ListField::kRegistration, "registration", "", true},
    {ListField::kProgram, "program", "programs", true},
    {ListField::kListedOn, "listed_on", "", false},
    {ListField::kRemarks, "remarks", "", false},
    {ListField::kTopics, "topics", "", true},
    {ListField::kFormerFlags, "former_flag", "former_flags", true},
    {ListField::kMmsi, "mmsi", "", true},
    {ListField::kCallSign, "call_sign", "call_signs", true},
    {ListField::kVesselType, "vessel_type", "", false},
    {ListField::kTonnage, "tonnage", "", false},
    {ListField::kGrossTonnage, "gross_tonnage", "", false},
    {ListField::kBuildDate, "build_date", "", false},
};

// FollowTheMoney's topic shape: lowercase words joined by dots.
bool IsTopic(std::string_view text) {
  bool word_start = true;
  for (char c : text) {
    if (c == '.') {
      if (word_start) return false;
      word_start = true;
    } else if ((c >= 'a' && c <= 'z') || (!word_start && (c == '_' || (c >= '0' && c <= '9')))) {
      word_start = false;
    } else {
      return false;
    }
  }
  return !word_start;
}

bool SameKey(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || b.empty()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

// Builds one entity; errors name the record's place.
class EntityBuilder {
 public:
  EntityBuilder(const std::string& file, const ListRecord& record) : file_(file), record_(record) {}

  Result<Entity> Build(const std::string& dataset);

 private:
  Error Fail(std::string message) const {
    return MakeError(file_, record_.line, record_.Prefix() + message);
  }
  std::string First(ListField field) const {
    return record_[field].empty() ? "" : std::string(Trim(record_[field][0]));
  }
  Status AddNames(Entity& entity) const;
  Status AddBirthDates(Entity& entity) const;
  Status AddCountries(ListField field, std::vector<std::string>& out) const;
  Status AddScalars(Entity& entity) const;
  void AddIdentifiers(Entity& entity) const;

  const std::string& file_;
  const ListRecord& record_;
};

Status EntityBuilder::AddNames(Entity& entity) const {
  const std::vector<std::string>& names = record_[ListField::kName];
  for (size_t i = 0; i < names.size(); ++i) {
    NameKind kind = i == 0 ? NameKind::kPrimary : NameKind::kAlias;
    if (!Trim(names[i]).empty()) entity.names.push_back({std::string(Trim(names[i])), kind, {}});
  }
  if (entity.names.empty()) return Fail("missing name");
  for (auto [field, kind] : {std::pair{ListField::kAliases, NameKind::kAlias},
                             std::pair{ListField::kWeakAliases, NameKind::kWeakAlias},
                             std::pair{ListField::kPreviousNames, NameKind::kPreviousName}}) {
    for (const std::string& value : record_[field]) {
      if (!Trim(value).empty()) entity.names.push_back({std::string(Trim(value)), kind, {}});
    }
  }
  return Status::Ok();
}

// "1970", "1970-03", "1970-03-01", "~1958" (approximate), "1960..1962".
std::optional<DateSpec> ParseDateSpec(std::string_view text) {
  DateSpec spec;
  if (!text.empty() && text.front() == '~') {
    spec.approximate = true;
    text.remove_prefix(1);
  }
  size_t dots = text.find("..");
  auto from = PartialDate::Parse(text.substr(0, dots));
  auto to = dots == std::string_view::npos ? from : PartialDate::Parse(text.substr(dots + 2));
  if (!from || !to) return std::nullopt;
  spec.from = *from;
  spec.to = *to;
  return spec;
}

Status EntityBuilder::AddBirthDates(Entity& entity) const {
  for (const std::string& raw : record_[ListField::kBirthDate]) {
    std::string_view text = Trim(raw);
    if (text.empty()) continue;
    auto spec = ParseDateSpec(text);
    if (!spec) {
      return Fail(
          fmt::format("invalid birth_date '{}' (expected YYYY, YYYY-MM, YYYY-MM-DD, "
                      "~YYYY or YYYY..YYYY)",
                      text));
    }
    entity.birth_dates.push_back(*spec);
  }
  return Status::Ok();
}

Status EntityBuilder::AddCountries(ListField field, std::vector<std::string>& out) const {
  for (const std::string& raw : record_[field]) {
    std::string_view text = Trim(raw);
    if (text.empty()) continue;
    std::string code = NormalizeCountry(text);
    if (code.empty()) {
      return Fail(fmt::format("unknown country '{}' in {} (use a country name or ISO code)", text,
                              ListFieldInfo(field).column));
    }
    AppendUnique(out, code);
  }
  return Status::Ok();
}

Status EntityBuilder::AddScalars(Entity& entity) const {
  std::string schema = First(ListField::kSchema);
  auto parsed = schema.empty() ? Schema::kLegalEntity : ParseSchema(schema);
  if (!parsed) {
    return Fail(
        fmt::format("unknown schema '{}' (use Person, Organization, Company, "
                    "LegalEntity, Vessel or Airplane)",
                    schema));
  }
  entity.schema = *parsed;
  std::string gender = First(ListField::kGender);
  entity.gender = ParseGender(gender);
  if (!gender.empty() && entity.gender == Gender::kUnknown) {
    return Fail(fmt::format("invalid gender '{}' (expected male, female or other)", gender));
  }
  std::string listed_on = First(ListField::kListedOn);
  auto date = PartialDate::Parse(listed_on);
  if (!listed_on.empty() && !date) {
    return Fail(fmt::format("invalid listed_on '{}' (expected YYYY-MM-DD)", listed_on));
  }
  if (date) entity.listed_on = date->ToString();
  std::string built = First(ListField::kBuildDate);
  if (!built.empty() && !PartialDate::Parse(built)) {
    return Fail(
        fmt::format("invalid build_date '{}' (expected YYYY, YYYY-MM or YYYY-MM-DD)", built));
  }
  entity.vessel.Update([&](VesselFacts& vessel) {
    vessel.type = First(ListField::kVesselType);
    vessel.tonnage = First(ListField::kTonnage);
    vessel.gross_tonnage = First(ListField::kGrossTonnage);
    vessel.build_date = std::move(built);
  });
  return Status::Ok();
}

void EntityBuilder::AddIdentifiers(Entity& entity) const {
  for (auto [field, type] :
       {std::pair{ListField::kPassport, IdType::kPassport},
        std::pair{ListField::kNationalId, IdType::kNationalId},
        std::pair{ListField::kImo, IdType::kImo}, std::pair{ListField::kBic, IdType::kSwiftBic},
        std::pair{ListField::kRegistration, IdType::kRegistration},
        std::pair{ListField::kMmsi, IdType::kMmsi},
        std::pair{ListField::kCallSign, IdType::kOther}}) {
    for (const std::string& value : record_[field]) {
      std::string_view text = Trim(value);
      if (type == IdType::kImo && text.substr(0, 3) == "IMO") text = Trim(text.substr(3));
      if (!text.empty()) {
        entity.identifiers.push_back(
            {type, std::string(text), "", std::string(ListFieldInfo(field).column)});
      }
    }
  }
}

Result<Entity> EntityBuilder::Build(const std::string& dataset) {
  Entity entity;
  entity.source_id = First(ListField::kId);
  if (entity.source_id.empty()) return Fail("missing id");
  entity.dataset = dataset;
  entity.id = fmt::format("{}-{}", dataset, entity.source_id);
  EMBARGO_RETURN_IF_ERROR(AddNames(entity));
  EMBARGO_RETURN_IF_ERROR(AddBirthDates(entity));
  EMBARGO_RETURN_IF_ERROR(AddCountries(ListField::kNationality, entity.nationalities));
  EMBARGO_RETURN_IF_ERROR(AddCountries(ListField::kCountry, entity.countries));
  EMBARGO_RETURN_IF_ERROR(AddCountries(ListField::kFormerFlags, entity.former_flags));
  EMBARGO_RETURN_IF_ERROR(AddScalars(entity));
  AddIdentifiers(entity);
  for (const std::string& program : record_[ListField::kProgram]) {
    AppendUnique(entity.programs, std::string(Trim(program)));
  }
  std::string remarks = First(ListField::kRemarks);
  if (!remarks.empty()) entity.remarks.push_back(std::move(remarks));
  for (const std::string& value : record_[ListField::kTopics]) {
    std::string topic(Trim(value));
    if (topic.empty()) continue;
    if (!IsTopic(topic)) {
      return Fail(
          fmt::format("topics: '{}' is not a topic (lowercase words joined by dots, as "
                      "FollowTheMoney writes them: sanction, export.control, role.pep)",
                      topic));
    }
    AppendUnique(entity.topics, std::move(topic));
  }
  return entity;
}

// One file is one dataset: every record that names a dataset must agree.
Result<std::string> FileDataset(const std::string& file, const std::vector<ListRecord>& records,
                                std::string dataset) {
  for (const ListRecord& record : records) {
    const std::vector<std::string>& values = record[ListField::kDataset];
    std::string named = values.empty() ? "" : std::string(Trim(values[0]));
    if (named.empty()) continue;
    if (dataset.empty()) dataset = named;
    if (named != dataset) {
      return MakeError(file, record.line,
                       fmt::format("{}dataset '{}' differs from '{}' named before; one file holds "
                                   "one dataset",
                                   record.Prefix(), named, dataset));
    }
  }
  return dataset;
}

std::string FileStem(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  return name.substr(0, name.find('.'));
}

}  // namespace

std::optional<ListFieldSpec> FindListField(std::string_view key) {
  key = Trim(key);
  for (const ListFieldSpec& spec : kFields) {
    if (SameKey(key, spec.column) || SameKey(key, spec.plural)) return spec;
  }
  return std::nullopt;
}

const ListFieldSpec& ListFieldInfo(ListField field) { return kFields[static_cast<size_t>(field)]; }

std::string ListFieldNames() {
  std::string out;
  for (const ListFieldSpec& spec : kFields)
    out += (out.empty() ? "" : ", ") + std::string(spec.column);
  return out;
}

Result<ParsedList> BuildEmbargoList(const std::filesystem::path& path,
                                    const std::vector<ListRecord>& records,
                                    std::string file_dataset, const std::string& dataset_fallback) {
  std::string file = path.string();
  Result<std::string> dataset = FileDataset(file, records, std::move(file_dataset));
  if (!dataset.ok()) return dataset.error();
  std::string name = !dataset->empty()           ? *dataset
                     : !dataset_fallback.empty() ? dataset_fallback
                                                 : FileStem(path);
  ParsedList list;
  list.dataset = {name, "embargo_list", file, ""};
  std::unordered_map<std::string, const ListRecord*> seen;
  for (const ListRecord& record : records) {
    Result<Entity> entity = EntityBuilder(file, record).Build(name);
    if (!entity.ok()) return entity.error();
    auto [it, added] = seen.emplace(entity->source_id, &record);
    if (!added) {
      return MakeError(file, record.line,
                       fmt::format("{}duplicate id '{}'{}", record.Prefix(), entity->source_id,
                                   it->second->FirstSeen()));
    }
    list.entities.push_back(std::move(entity).value());
  }
  return list;
}

}  // namespace embargo
