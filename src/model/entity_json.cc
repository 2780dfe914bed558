#include "model/entity_json.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <vector>

#include "common/json_text.h"

namespace embargo {
namespace {

using nlohmann::json;

// Every value of each enum, for parsing by name.
constexpr std::array kNameKinds = {NameKind::kPrimary, NameKind::kAlias, NameKind::kWeakAlias,
                                   NameKind::kPreviousName};
constexpr std::array kNamePartTypes = {NamePartType::kGiven,  NamePartType::kMiddle,
                                       NamePartType::kFamily, NamePartType::kPatronymic,
                                       NamePartType::kTitle,  NamePartType::kOther};
constexpr std::array kGenders = {Gender::kMale, Gender::kFemale, Gender::kOther};
constexpr std::array kIdTypes = {IdType::kPassport, IdType::kNationalId, IdType::kImo,
                                 IdType::kMmsi,     IdType::kSwiftBic,   IdType::kRegistration,
                                 IdType::kTax,      IdType::kCrypto,     IdType::kOther};

std::string_view NamePartTypeName(NamePartType type) {
  switch (type) {
    case NamePartType::kGiven: return "given";
    case NamePartType::kMiddle: return "middle";
    case NamePartType::kFamily: return "family";
    case NamePartType::kPatronymic: return "patronymic";
    case NamePartType::kTitle: return "title";
    case NamePartType::kOther: return "other";
  }
  return "other";
}

// The value of `values` whose name is exactly `text`.
template <typename Enum, size_t N, typename NameFn>
std::optional<Enum> ParseByName(std::string_view text, const std::array<Enum, N>& values,
                                NameFn name) {
  for (Enum value : values) {
    if (name(value) == text) return value;
  }
  return std::nullopt;
}

// ---- Encoding ----

void PutString(json& obj, const char* key, const std::string& value) {
  if (!value.empty()) obj[key] = value;
}

void PutStrings(json& obj, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) obj[key] = values;
}

// "YYYY[-MM[-DD]]" when that text parses back to exactly `date`, else the
// three numbers.
json DateToJson(const PartialDate& date) {
  std::string text = date.ToString();
  std::optional<PartialDate> parsed = PartialDate::Parse(text);
  if (parsed && *parsed == date) return text;
  return json{{"year", date.year}, {"month", date.month}, {"day", date.day}};
}

json DateSpecToJson(const DateSpec& spec) {
  json out = json::object();
  if (!(spec.from == PartialDate{})) out["from"] = DateToJson(spec.from);
  if (!(spec.to == PartialDate{})) out["to"] = DateToJson(spec.to);
  if (spec.approximate) out["approximate"] = true;
  return out;
}

json NameToJson(const Name& name) {
  json out = json::object();
  PutString(out, "value", name.value);
  out["kind"] = NameKindName(name.kind);
  if (!name.parts.empty()) {
    json parts = json::array();
    for (const NamePart& part : name.parts) {
      json p = json::object();
      p["type"] = NamePartTypeName(part.type);
      PutString(p, "value", part.value);
      parts.push_back(std::move(p));
    }
    out["parts"] = std::move(parts);
  }
  return out;
}

json IdentifierToJson(const Identifier& id) {
  json out = json::object();
  out["type"] = IdTypeName(id.type);
  PutString(out, "value", id.value);
  PutString(out, "country", id.country);
  PutString(out, "label", id.label);
  return out;
}

json AddressToJson(const Address& address) {
  json out = json::object();
  PutString(out, "full", address.full);
  PutString(out, "city", address.city);
  PutString(out, "country", address.country);
  return out;
}

json VesselToJson(const VesselFacts& v) {
  json out = json::object();
  PutString(out, "type", v.type);
  PutString(out, "tonnage", v.tonnage);
  PutString(out, "gross_tonnage", v.gross_tonnage);
  PutString(out, "build_date", v.build_date);
  return out;
}

json LinkToJson(const Link& link) {
  json out = json::object();
  PutString(out, "relation", link.relation);
  PutString(out, "target_id", link.target_id);
  PutString(out, "target_name", link.target_name);
  return out;
}

template <typename T, typename ToJson>
void PutObjects(json& obj, const char* key, const std::vector<T>& values, ToJson to_json) {
  if (values.empty()) return;
  json array = json::array();
  for (const T& value : values) array.push_back(to_json(value));
  obj[key] = std::move(array);
}

// ---- Decoding ----
// Each reader leaves its output untouched when the key is absent and returns
// an Error naming the field ("names[2].kind: ...") when the value is wrong.

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

std::string Index(const std::string& path, size_t i) { return fmt::format("{}[{}]", path, i); }

Error FieldError(const std::string& path, std::string_view what) {
  return MakeError(fmt::format("{}: {}", path, what));
}

Error TypeError(const std::string& path, std::string_view expected, const json& got) {
  return FieldError(path, fmt::format("expected {}, got {}", expected, got.type_name()));
}

const json* Find(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

Status CheckKeys(const json& obj, const std::string& path,
                 std::initializer_list<std::string_view> known) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) == known.end()) {
      return FieldError(Join(path, it.key()), "unknown field");
    }
  }
  return Status::Ok();
}

Status ReadString(const json& obj, const char* key, const std::string& path, std::string& out) {
  const json* value = Find(obj, key);
  if (value == nullptr) return Status::Ok();
  if (!value->is_string()) return TypeError(Join(path, key), "a string", *value);
  out = value->get_ref<const std::string&>();
  return Status::Ok();
}

Status ReadBool(const json& obj, const char* key, const std::string& path, bool& out) {
  const json* value = Find(obj, key);
  if (value == nullptr) return Status::Ok();
  if (!value->is_boolean()) return TypeError(Join(path, key), "true or false", *value);
  out = value->get<bool>();
  return Status::Ok();
}

Status ReadStrings(const json& obj, const char* key, const std::string& path,
                   std::vector<std::string>& out) {
  const json* value = Find(obj, key);
  if (value == nullptr) return Status::Ok();
  std::string field = Join(path, key);
  if (!value->is_array()) return TypeError(field, "an array of strings", *value);
  out.reserve(value->size());
  for (size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    if (!item.is_string()) return TypeError(Index(field, i), "a string", item);
    out.push_back(item.get_ref<const std::string&>());
  }
  return Status::Ok();
}

// Calls `read(item, item_path, out_item)` for every object of the array at
// `key`, appending to `out`.
template <typename T, typename Read>
Status ReadObjects(const json& obj, const char* key, const std::string& path, std::vector<T>& out,
                   Read read) {
  const json* value = Find(obj, key);
  if (value == nullptr) return Status::Ok();
  std::string field = Join(path, key);
  if (!value->is_array()) return TypeError(field, "an array of objects", *value);
  out.reserve(value->size());
  for (size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    std::string item_path = Index(field, i);
    if (!item.is_object()) return TypeError(item_path, "an object", item);
    T decoded;
    EMBARGO_RETURN_IF_ERROR(read(item, item_path, decoded));
    out.push_back(std::move(decoded));
  }
  return Status::Ok();
}

// A required enum written by its name.
template <typename Enum, typename Parse>
Status ReadEnum(const json& obj, const char* key, const std::string& path, std::string_view what,
                Parse parse, Enum& out) {
  const json* value = Find(obj, key);
  std::string field = Join(path, key);
  if (value == nullptr) return FieldError(field, "missing");
  if (!value->is_string()) return TypeError(field, "a string", *value);
  const std::string& text = value->get_ref<const std::string&>();
  std::optional<Enum> parsed = parse(text);
  if (!parsed) return FieldError(field, fmt::format("unknown {} \"{}\"", what, text));
  out = *parsed;
  return Status::Ok();
}

Status ReadDateNumber(const json& obj, const char* key, const std::string& path, int& out) {
  const json* value = Find(obj, key);
  std::string field = Join(path, key);
  if (value == nullptr) return FieldError(field, "missing");
  if (!value->is_number_integer()) return TypeError(field, "an integer", *value);
  bool fits = value->is_number_unsigned()
                  ? value->get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int>::max())
                  : value->get<int64_t>() >= std::numeric_limits<int>::min() &&
                        value->get<int64_t>() <= std::numeric_limits<int>::max();
  if (!fits) return FieldError(field, "out of range");
  out = value->get<int>();
  return Status::Ok();
}

Status ReadDate(const json& obj, const char* key, const std::string& path, PartialDate& out) {
  const json* value = Find(obj, key);
  if (value == nullptr) return Status::Ok();
  std::string field = Join(path, key);
  if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    std::optional<PartialDate> date = PartialDate::Parse(text);
    // Only the canonical spelling the encoder writes: no spaces or times.
    if (!date || date->ToString() != text) {
      return FieldError(field, fmt::format("not a YYYY, YYYY-MM or YYYY-MM-DD date: \"{}\"", text));
    }
    out = *date;
    return Status::Ok();
  }
  if (value->is_object()) {
    EMBARGO_RETURN_IF_ERROR(CheckKeys(*value, field, {"year", "month", "day"}));
    EMBARGO_RETURN_IF_ERROR(ReadDateNumber(*value, "year", field, out.year));
    EMBARGO_RETURN_IF_ERROR(ReadDateNumber(*value, "month", field, out.month));
    EMBARGO_RETURN_IF_ERROR(ReadDateNumber(*value, "day", field, out.day));
    return Status::Ok();
  }
  return TypeError(field, "a date string or {year, month, day}", *value);
}

Status ReadDateSpec(const json& obj, const std::string& path, DateSpec& out) {
  EMBARGO_RETURN_IF_ERROR(CheckKeys(obj, path, {"from", "to", "approximate"}));
  EMBARGO_RETURN_IF_ERROR(ReadDate(obj, "from", path, out.from));
  EMBARGO_RETURN_IF_ERROR(ReadDate(obj, "to", path, out.to));
  return ReadBool(obj, "approximate", path, out.approximate);
}

Status ReadNamePart(const json& obj, const std::string& path, NamePart& out) {
  EMBARGO_RETURN_IF_ERROR(CheckKeys(obj, path, {"type", "value"}));
  auto parse = [](std::string_view text) {
    return ParseByName(text, kNamePartTypes, NamePartTypeName);
  };
  EMBARGO_RETURN_IF_ERROR(ReadEnum(obj, "type", path, "name part type", parse, out.type));
  return ReadString(obj, "value", path, out.value);
}

Status ReadName(const json& obj, const std::string& path, Name& out) {
  EMBARGO_RETURN_IF_ERROR(CheckKeys(obj, path, {"value", "kind", "parts"}));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "value", path, out.value));
  auto parse = [](std::string_view text) { return ParseByName(text, kNameKinds, NameKindName); };
  EMBARGO_RETURN_IF_ERROR(ReadEnum(obj, "kind", path, "name kind", parse, out.kind));
  return ReadObjects(obj, "parts", path, out.parts, ReadNamePart);
}

Status ReadIdentifier(const json& obj, const std::string& path, Identifier& out) {
  EMBARGO_RETURN_IF_ERROR(CheckKeys(obj, path, {"type", "value", "country", "label"}));
  auto parse = [](std::string_view text) { return ParseByName(text, kIdTypes, IdTypeName); };
  EMBARGO_RETURN_IF_ERROR(ReadEnum(obj, "type", path, "identifier type", parse, out.type));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "value", path, out.value));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "country", path, out.country));
  return ReadString(obj, "label", path, out.label);
}

Status ReadAddress(const json& obj, const std::string& path, Address& out) {
  EMBARGO_RETURN_IF_ERROR(CheckKeys(obj, path, {"full", "city", "country"}));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "full", path, out.full));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "city", path, out.city));
  return ReadString(obj, "country", path, out.country);
}

Status ReadVessel(const json& obj, const std::string& path, VesselFacts& out) {
  if (!obj.is_object()) return TypeError(path, "an object", obj);
  EMBARGO_RETURN_IF_ERROR(CheckKeys(obj, path, {"type", "tonnage", "gross_tonnage", "build_date"}));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "type", path, out.type));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "tonnage", path, out.tonnage));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "gross_tonnage", path, out.gross_tonnage));
  return ReadString(obj, "build_date", path, out.build_date);
}

Status ReadLink(const json& obj, const std::string& path, Link& out) {
  EMBARGO_RETURN_IF_ERROR(CheckKeys(obj, path, {"relation", "target_id", "target_name"}));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "relation", path, out.relation));
  EMBARGO_RETURN_IF_ERROR(ReadString(obj, "target_id", path, out.target_id));
  return ReadString(obj, "target_name", path, out.target_name);
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at
// line 1, column 5: ..."; drop the bracketed tag.
std::string_view WithoutTag(std::string_view what) {
  if (!what.empty() && what.front() == '[') {
    size_t close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  return what;
}

}  // namespace

json EntityToJson(const Entity& e) {
  json out = json::object();
  out["id"] = e.id;
  PutString(out, "dataset", e.dataset);
  PutString(out, "source_id", e.source_id);
  out["schema"] = SchemaName(e.schema);
  PutObjects(out, "names", e.names, NameToJson);
  PutObjects(out, "birth_dates", e.birth_dates, DateSpecToJson);
  PutStrings(out, "birth_places", e.birth_places);
  PutStrings(out, "nationalities", e.nationalities);
  PutStrings(out, "countries", e.countries);
  PutStrings(out, "former_flags", e.former_flags);
  if (!e.vessel->empty()) out["vessel"] = VesselToJson(*e.vessel);
  if (e.gender != Gender::kUnknown) out["gender"] = GenderName(e.gender);
  PutObjects(out, "identifiers", e.identifiers, IdentifierToJson);
  PutObjects(out, "addresses", e.addresses, AddressToJson);
  PutStrings(out, "programs", e.programs);
  PutStrings(out, "topics", e.topics);
  PutString(out, "listed_on", e.listed_on);
  PutStrings(out, "remarks", e.remarks);
  PutObjects(out, "links", e.links, LinkToJson);
  return out;
}

Result<Entity> EntityFromJson(const json& j) {
  if (!j.is_object()) return TypeError("entity", "an object", j);
  const std::string root;
  EMBARGO_RETURN_IF_ERROR(
      CheckKeys(j, root,
                {"id", "dataset", "source_id", "schema", "names", "birth_dates", "birth_places",
                 "nationalities", "countries", "former_flags", "vessel", "gender", "identifiers",
                 "addresses", "programs", "topics", "listed_on", "remarks", "links"}));
  Entity e;
  if (Find(j, "id") == nullptr) return FieldError("id", "missing");
  EMBARGO_RETURN_IF_ERROR(ReadString(j, "id", root, e.id));
  if (e.id.empty()) return FieldError("id", "empty");
  EMBARGO_RETURN_IF_ERROR(ReadString(j, "dataset", root, e.dataset));
  EMBARGO_RETURN_IF_ERROR(ReadString(j, "source_id", root, e.source_id));
  EMBARGO_RETURN_IF_ERROR(ReadEnum(j, "schema", root, "schema", ParseSchema, e.schema));
  EMBARGO_RETURN_IF_ERROR(ReadObjects(j, "names", root, e.names, ReadName));
  EMBARGO_RETURN_IF_ERROR(ReadObjects(j, "birth_dates", root, e.birth_dates, ReadDateSpec));
  EMBARGO_RETURN_IF_ERROR(ReadStrings(j, "birth_places", root, e.birth_places));
  EMBARGO_RETURN_IF_ERROR(ReadStrings(j, "nationalities", root, e.nationalities));
  EMBARGO_RETURN_IF_ERROR(ReadStrings(j, "countries", root, e.countries));
  EMBARGO_RETURN_IF_ERROR(ReadStrings(j, "former_flags", root, e.former_flags));
  if (const json* vessel = Find(j, "vessel"))
    EMBARGO_RETURN_IF_ERROR(ReadVessel(*vessel, "vessel", *e.vessel));
  if (Find(j, "gender") != nullptr) {
    auto parse = [](std::string_view text) { return ParseByName(text, kGenders, GenderName); };
    EMBARGO_RETURN_IF_ERROR(ReadEnum(j, "gender", root, "gender", parse, e.gender));
  }
  EMBARGO_RETURN_IF_ERROR(ReadObjects(j, "identifiers", root, e.identifiers, ReadIdentifier));
  EMBARGO_RETURN_IF_ERROR(ReadObjects(j, "addresses", root, e.addresses, ReadAddress));
  EMBARGO_RETURN_IF_ERROR(ReadStrings(j, "programs", root, e.programs));
  EMBARGO_RETURN_IF_ERROR(ReadStrings(j, "topics", root, e.topics));
  EMBARGO_RETURN_IF_ERROR(ReadString(j, "listed_on", root, e.listed_on));
  EMBARGO_RETURN_IF_ERROR(ReadStrings(j, "remarks", root, e.remarks));
  EMBARGO_RETURN_IF_ERROR(ReadObjects(j, "links", root, e.links, ReadLink));
  return e;
}

std::string EntityJson(const Entity& e) {
  // Loaders guarantee UTF-8; should a string still hold invalid bytes,
  // JsonText writes U+FFFD rather than throw.
  return JsonText(EntityToJson(e));
}

Result<Entity> EntityFromJsonText(std::string_view text) {
  json j;
  try {
    j = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    return MakeError(fmt::format("invalid JSON: {}", WithoutTag(e.what())));
  }
  return EntityFromJson(j);
}

}  // namespace embargo
