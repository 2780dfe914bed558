#include "sources/ftm_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "common/json_parse.h"
#include "common/parallel.h"
#include "model/country.h"
#include "sources/list_text.h"

namespace embargo {
namespace {

using nlohmann::json;
using Values = std::vector<std::string>;

// One parsed line's properties, checked to be lists of strings.
class Props {
 public:
  explicit Props(const json* properties) : properties_(properties) {}
  Values Get(const char* name) const {
    if (properties_ == nullptr || !properties_->contains(name)) return {};
    return JsonStrings((*properties_)[name]).value_or(Values{});
  }

 private:
  const json* properties_;
};

// A Sanction, Identification, Passport or Address line, applied once every
// subject is known.
struct Attachment {
  std::string id;
  std::string schema;
  json properties;
};

struct FileState {
  std::string file;
  ParsedList list;
  std::unordered_map<std::string, size_t> index;  // subject id -> entities index
  std::unordered_set<std::string> ids;            // every record's id
  std::vector<Values> address_refs;               // parallel to entities
  std::vector<Attachment> attachments;
  std::vector<Values> subject_datasets;
};

bool IsSubjectSchema(std::string_view schema) {
  for (std::string_view s :
       {"Person", "Organization", "Company", "LegalEntity", "PublicBody", "Vessel", "Airplane"}) {
    if (schema == s) return true;
  }
  return false;
}

bool IsAttachmentSchema(std::string_view schema) {
  return schema == "Sanction" || schema == "Identification" || schema == "Passport" ||
         schema == "Address";
}

void AddNames(const Props& props, Entity& entity) {
  Values names = props.Get("name");
  for (size_t i = 0; i < names.size(); ++i) {
    entity.names.push_back({names[i], i == 0 ? NameKind::kPrimary : NameKind::kAlias, {}});
  }
  for (auto [prop, kind] :
       {std::pair{"alias", NameKind::kAlias}, std::pair{"weakAlias", NameKind::kWeakAlias},
        std::pair{"previousName", NameKind::kPreviousName}}) {
    for (std::string& value : props.Get(prop)) entity.names.push_back({std::move(value), kind, {}});
  }
}

// Where `word` occurs in `text` as a whole word (bounded by the ends, a
// space, comma, hyphen or dot), else npos.
size_t FindWord(std::string_view text, std::string_view word) {
  auto boundary = [](char c) { return c == ' ' || c == ',' || c == '-' || c == '.'; };
  for (size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + 1)) {
    size_t end = pos + word.size();
    if ((pos == 0 || boundary(text[pos - 1])) && (end == text.size() || boundary(text[end]))) {
      return pos;
    }
  }
  return std::string_view::npos;
}

// Names written without spaces (리영길) are tagged when a family and a given
// part make up the whole name, in either order.
void TagUnspacedParts(const std::vector<NamePart>& parts, Name& name) {
  for (const NamePart& family : parts) {
    if (family.type != NamePartType::kFamily) continue;
    for (const NamePart& given : parts) {
      if (given.type != NamePartType::kGiven) continue;
      if (name.value == family.value + given.value) name.parts = {family, given};
      if (name.value == given.value + family.value) name.parts = {given, family};
      if (!name.parts.empty()) return;
    }
  }
}

// FtM gives name parts per entity, not per name (firstName: [Виталий,
// Vitaly]); each name gets the parts that occur in it, in order.
void TagParts(const std::vector<NamePart>& parts, Name& name) {
  std::vector<std::pair<size_t, const NamePart*>> found;
  for (const NamePart& part : parts) {
    size_t pos = FindWord(name.value, part.value);
    if (pos != std::string_view::npos) found.emplace_back(pos, &part);
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [pos, part] : found) name.parts.push_back(*part);
  if (found.empty()) TagUnspacedParts(parts, name);
}

// Without a `name`, the first value of each part makes the primary name.
Name NameFromParts(const std::vector<NamePart>& parts) {
  Name name{"", NameKind::kPrimary, {}};
  for (NamePartType type : {NamePartType::kGiven, NamePartType::kMiddle, NamePartType::kPatronymic,
                            NamePartType::kFamily}) {
    auto it =
        std::find_if(parts.begin(), parts.end(), [&](const NamePart& p) { return p.type == type; });
    if (it == parts.end()) continue;
    name.value += (name.value.empty() ? "" : " ") + it->value;
    name.parts.push_back(*it);
  }
  return name;
}

void AddNameParts(const Props& props, Entity& entity) {
  static constexpr std::pair<const char*, NamePartType> kParts[] = {
      {"title", NamePartType::kTitle},           {"firstName", NamePartType::kGiven},
      {"secondName", NamePartType::kMiddle},     {"middleName", NamePartType::kMiddle},
      {"fatherName", NamePartType::kPatronymic}, {"lastName", NamePartType::kFamily},
  };
  std::vector<NamePart> parts;
  for (auto [prop, type] : kParts) {
    for (std::string& value : props.Get(prop)) parts.push_back({type, std::move(value)});
  }
  if (parts.empty()) return;
  size_t first_untagged = 0;
  bool has_primary = !entity.names.empty() && entity.names[0].kind == NameKind::kPrimary;
  if (Name name = NameFromParts(parts); !has_primary && !name.value.empty()) {
    entity.names.insert(entity.names.begin(), std::move(name));
    first_untagged = 1;
  }
  for (size_t i = first_untagged; i < entity.names.size(); ++i) TagParts(parts, entity.names[i]);
}

void AddIdentifiers(const Props& props, Entity& entity) {
  IdType id_number = entity.schema == Schema::kPerson ? IdType::kNationalId : IdType::kOther;
  const std::pair<const char*, IdType> kIds[] = {
      {"passportNumber", IdType::kPassport},
      {"idNumber", id_number},
      {"socialSecurityNumber", IdType::kNationalId},
      {"registrationNumber", IdType::kRegistration},
      {"ogrnCode", IdType::kRegistration},
      {"dunsCode", IdType::kRegistration},
      {"leiCode", IdType::kRegistration},
      {"uniqueEntityId", IdType::kRegistration},
      {"taxNumber", IdType::kTax},
      {"innCode", IdType::kTax},
      {"vatCode", IdType::kTax},
      {"swiftBic", IdType::kSwiftBic},
      {"imoNumber", IdType::kImo},
      {"mmsi", IdType::kMmsi},
      {"callSign", IdType::kOther},
      {"icaoCode", IdType::kOther},
      {"serialNumber", IdType::kOther},
  };
  for (auto [prop, type] : kIds) {
    for (std::string& value : props.Get(prop))
      entity.identifiers.push_back({type, value, "", prop});
  }
}

void AddCountries(const Props& props, Entity& entity) {
  for (const char* prop : {"nationality", "citizenship"}) {
    for (const std::string& v : props.Get(prop))
      AppendUnique(entity.nationalities, NormalizeCountry(v));
  }
  for (const char* prop : {"country", "jurisdiction", "mainCountry", "flag"}) {
    for (const std::string& v : props.Get(prop))
      AppendUnique(entity.countries, NormalizeCountry(v));
  }
  for (const std::string& v : props.Get("pastFlags"))
    AppendUnique(entity.former_flags, NormalizeCountry(v));
}

// A vessel's particulars (the first value of each: FtM allows several, the
// others are kept as notes). Only a Vessel's: other schemata's "type" means
// something else.
void AddVesselFacts(const Props& props, Entity& entity) {
  if (entity.schema != Schema::kVessel) return;
  const std::pair<const char*, std::string VesselFacts::*> kFacts[] = {
      {"type", &VesselFacts::type},
      {"tonnage", &VesselFacts::tonnage},
      {"grossRegisteredTonnage", &VesselFacts::gross_tonnage},
      {"buildDate", &VesselFacts::build_date}};
  for (const auto& [prop, field] : kFacts)
    for (std::string& value : props.Get(prop)) SetVesselFact(entity, field, prop, std::move(value));
}

void AddFacts(const Props& props, Entity& entity) {
  for (const std::string& text : props.Get("birthDate")) {
    if (auto date = PartialDate::Parse(text)) entity.birth_dates.push_back({*date, *date, false});
  }
  for (std::string& place : props.Get("birthPlace")) AppendUnique(entity.birth_places, place);
  Values gender = props.Get("gender");
  if (!gender.empty()) entity.gender = ParseGender(gender[0]);
  for (std::string& full : props.Get("address")) entity.addresses.push_back({full, "", ""});
  for (std::string& program : props.Get("program")) AppendUnique(entity.programs, program);
  for (std::string& topic : props.Get("topics")) AppendUnique(entity.topics, topic);
  for (std::string& note : props.Get("notes")) entity.remarks.push_back(std::move(note));
}

Entity BuildSubject(const std::string& id, std::string_view schema, const Props& props) {
  Entity entity;
  entity.id = id;
  entity.source_id = id;
  entity.schema = ParseSchema(schema).value_or(Schema::kLegalEntity);
  AddNames(props, entity);
  AddNameParts(props, entity);
  AddIdentifiers(props, entity);
  AddCountries(props, entity);
  AddFacts(props, entity);
  AddVesselFacts(props, entity);
  return entity;
}

Status CheckProperties(const json& properties, const std::string& file, int line) {
  if (!properties.is_object()) {
    return MakeError(file, line, "\"properties\" must be an object");
  }
  for (const auto& [name, value] : properties.items()) {
    if (!JsonStrings(value)) {
      return MakeError(file, line,
                       fmt::format("property '{}' must be a string or a list of strings", name));
    }
  }
  return Status::Ok();
}

std::string StringField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

Values StringsField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() ? JsonStrings(*it).value_or(Values{}) : Values{};
}

// The line kept whole: every property as written (checked to be strings),
// datasets, referents, timestamps, target.
FtmRecord ReadRecord(const json& object, const std::string& id, const std::string& schema,
                     const json& properties) {
  FtmRecord record;
  record.id = id;
  record.schema = schema;
  record.caption = StringField(object, "caption");
  for (const auto& [name, value] : properties.items()) {
    Values values = JsonStrings(value).value_or(Values{});
    if (!values.empty()) record.properties.push_back({name, std::move(values)});
  }
  record.datasets = StringsField(object, "datasets");
  record.referents = StringsField(object, "referents");
  record.first_seen = StringField(object, "first_seen");
  record.last_seen = StringField(object, "last_seen");
  record.last_change = StringField(object, "last_change");
  auto target = object.find("target");
  if (target != object.end() && target->is_boolean()) record.target = target->get<bool>();
  return record;
}

// What one line gives, read on any thread (nothing shared), then joined
// into the file's state in line order (JoinLine).
struct LineRead {
  Status status = Status::Ok();
  std::string id;
  std::string changed;  // last_change's date
  std::shared_ptr<FtmRecord> record;
  std::optional<Attachment> attachment;
  std::optional<Entity> subject;
  Values address_refs;  // a subject's
};

LineRead ReadLine(std::string_view text, int line, const std::string& file) {
  LineRead read;
  Result<json> parsed = ParseJson(text, file, line);
  if (!parsed.ok()) {
    read.status = parsed.error();
    return read;
  }
  read.status = CheckDecodedStrings(*parsed, file, line);
  if (!read.status.ok()) return read;
  const json& object = *parsed;
  if (!object.is_object()) {
    read.status = MakeError(file, line, "expected a JSON object per line");
    return read;
  }
  read.id = StringField(object, "id");
  std::string schema = StringField(object, "schema");
  if (read.id.empty()) read.status = MakeError(file, line, "entity without \"id\"");
  if (read.status.ok() && schema.empty())
    read.status = MakeError(file, line, "entity without \"schema\"");
  if (!read.status.ok()) return read;
  json properties = object.value("properties", json::object());
  read.status = CheckProperties(properties, file, line);
  if (!read.status.ok()) return read;
  read.changed = StringField(object, "last_change").substr(0, 10);
  read.record = std::make_shared<FtmRecord>(ReadRecord(object, read.id, schema, properties));
  if (IsSubjectSchema(schema)) {
    Props props(&properties);
    read.subject = BuildSubject(read.id, schema, props);
    read.address_refs = props.Get("addressEntity");
  }
  if (IsAttachmentSchema(schema))
    read.attachment = Attachment{read.id, schema, std::move(properties)};
  return read;
}

Status JoinLine(LineRead read, int line, FileState& state) {
  EMBARGO_RETURN_IF_ERROR(read.status);
  state.list.dataset.version_date = std::max(state.list.dataset.version_date, read.changed);
  if (!state.ids.insert(read.id).second) {
    return MakeError(state.file, line, fmt::format("duplicate entity id '{}'", read.id));
  }
  if (read.attachment) state.attachments.push_back(std::move(*read.attachment));
  if (!read.subject) {
    state.list.records.push_back(std::move(read.record));
    return Status::Ok();
  }
  state.index.emplace(read.id, state.list.entities.size());
  state.list.entities.push_back(std::move(*read.subject));
  state.address_refs.push_back(std::move(read.address_refs));
  state.subject_datasets.push_back(read.record->datasets);
  state.list.entities.back().ftm = std::shared_ptr<const FtmRecord>(std::move(read.record));
  return Status::Ok();
}

void ApplySanction(const Props& props, Entity& entity) {
  Values programs = props.Get("programId");
  if (programs.empty()) programs = props.Get("program");
  for (std::string& program : programs) AppendUnique(entity.programs, std::move(program));
  for (const char* prop : {"listingDate", "startDate"}) {
    for (const std::string& text : props.Get(prop)) {
      std::string date = IsoDateOrEmpty(text);
      if (!date.empty() && (entity.listed_on.empty() || date < entity.listed_on)) {
        entity.listed_on = date;
      }
    }
  }
}

void ApplyIdentification(const Attachment& a, const Props& props, Entity& entity) {
  Values numbers = props.Get("number");
  for (std::string& n : props.Get("passportNumber")) numbers.push_back(std::move(n));
  Values labels = props.Get("type");
  std::string label = labels.empty() ? a.schema : labels[0];
  IdType type = a.schema == "Passport" ? IdType::kPassport : IdTypeFromLabel(label);
  Values countries = props.Get("country");
  std::string country = countries.empty() ? "" : NormalizeCountry(countries[0]);
  for (std::string& number : numbers) entity.identifiers.push_back({type, number, country, label});
}

Address ToAddress(const Props& props) {
  Values full = props.Get("full"), city = props.Get("city"), country = props.Get("country");
  return {full.empty() ? "" : full[0], city.empty() ? "" : city[0],
          country.empty() ? "" : NormalizeCountry(country[0])};
}

void ApplyAttachments(FileState& state) {
  std::unordered_map<std::string, Address> addresses;
  for (const Attachment& a : state.attachments) {
    Props props(&a.properties);
    if (a.schema == "Address") {
      addresses.emplace(a.id, ToAddress(props));
      continue;
    }
    bool sanction = a.schema == "Sanction";
    for (const std::string& ref : props.Get(sanction ? "entity" : "holder")) {
      auto it = state.index.find(ref);
      if (it == state.index.end()) continue;
      Entity& entity = state.list.entities[it->second];
      if (sanction) {
        ApplySanction(props, entity);
      } else {
        ApplyIdentification(a, props, entity);
      }
    }
  }
  for (size_t i = 0; i < state.list.entities.size(); ++i) {
    Entity& entity = state.list.entities[i];
    for (const std::string& ref : state.address_refs[i]) {
      auto it = addresses.find(ref);
      if (it == addresses.end() || it->second.full.empty()) continue;
      AppendUnique(entity.countries, it->second.country);
      entity.addresses.push_back(it->second);
    }
  }
}

std::string StemName(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  for (std::string_view suffix : {".jsonl", ".json", ".ftm"}) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
    }
  }
  if (name == "entities" && path.has_parent_path()) return path.parent_path().filename().string();
  return name;
}

std::string DatasetName(const FileState& state, const std::filesystem::path& path,
                        const std::string& fallback) {
  const std::vector<Values>& all = state.subject_datasets;
  bool uniform = !all.empty() && all[0].size() == 1 &&
                 std::all_of(all.begin(), all.end(), [&](const Values& v) { return v == all[0]; });
  if (uniform) return all[0][0];
  return fallback.empty() ? StemName(path) : fallback;
}

}  // namespace

Result<ParsedList> ParseFtmJson(const std::filesystem::path& path, std::string_view bytes,
                                const std::string& dataset_fallback) {
  FileState state;
  state.file = path.string();
  EMBARGO_RETURN_IF_ERROR(CheckUtf8(bytes, state.file));
  // Lines are read a block at a time, the block's lines on every core
  // (parsing the JSON is most of a large file's time), then joined in line
  // order: the first bad line is the one reported, as when read one by one.
  constexpr size_t kBlockLines = 16384;
  constexpr size_t kLinesPerTask = 256;
  std::vector<std::pair<int, std::string_view>> block;  // (line number, text)
  std::vector<LineRead> reads;
  auto read_block = [&]() -> Status {
    reads.assign(block.size(), LineRead{});
    ParallelForBlocks(block.size(), kLinesPerTask, [&](size_t, size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i)
        reads[i] = ReadLine(block[i].second, block[i].first, state.file);
    });
    for (size_t i = 0; i < block.size(); ++i)
      EMBARGO_RETURN_IF_ERROR(JoinLine(std::move(reads[i]), block[i].first, state));
    block.clear();
    return Status::Ok();
  };
  int line = 0;
  while (!bytes.empty()) {
    ++line;
    size_t end = bytes.find('\n');
    std::string_view text = Trim(bytes.substr(0, end));
    bytes.remove_prefix(end == std::string_view::npos ? bytes.size() : end + 1);
    if (!text.empty()) block.emplace_back(line, text);
    if (block.size() == kBlockLines) EMBARGO_RETURN_IF_ERROR(read_block());
  }
  EMBARGO_RETURN_IF_ERROR(read_block());
  if (line == 0) return MakeError(state.file, 1, "empty file: expected FtM entities, one per line");
  ApplyAttachments(state);
  std::string name = DatasetName(state, path, dataset_fallback);
  state.list.dataset = {name, "ftm", state.file, state.list.dataset.version_date};
  for (Entity& entity : state.list.entities) entity.dataset = name;
  return std::move(state.list);
}

}  // namespace embargo
