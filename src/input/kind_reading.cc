#include "input/kind_reading.h"

#include <fmt/format.h>

#include <string>
#include <unordered_map>

#include "common/strings.h"
#include "input/text_key.h"

namespace embargo::input {
namespace {

template <typename T>
struct Synonym {
  std::string_view word;
  T value;
};

// Matched by FoldedKey: case, accents, spaces and punctuation do not count.
constexpr Synonym<Schema> kSchemas[] = {
    // People.
    {"Individual", Schema::kPerson},
    {"Natural person", Schema::kPerson},
    {"Private person", Schema::kPerson},
    {"Private individual", Schema::kPerson},
    {"개인", Schema::kPerson},
    {"자연인", Schema::kPerson},
    {"個人", Schema::kPerson},
    {"个人", Schema::kPerson},
    {"自然人", Schema::kPerson},
    {"Personne physique", Schema::kPerson},
    {"Natürliche Person", Schema::kPerson},
    {"Persona física", Schema::kPerson},
    {"Pessoa física", Schema::kPerson},
    {"Физическое лицо", Schema::kPerson},
    {"Физлицо", Schema::kPerson},
    // Companies.
    {"Corporate", Schema::kCompany},
    {"Corporation", Schema::kCompany},
    {"Corp", Schema::kCompany},
    {"Business", Schema::kCompany},
    {"Firm", Schema::kCompany},
    {"Enterprise", Schema::kCompany},
    {"Legal person", Schema::kCompany},
    {"법인", Schema::kCompany},
    {"기업", Schema::kCompany},
    {"회사", Schema::kCompany},
    {"法人", Schema::kCompany},
    {"企業", Schema::kCompany},
    {"企业", Schema::kCompany},
    {"会社", Schema::kCompany},
    {"公司", Schema::kCompany},
    {"Société", Schema::kCompany},
    {"Personne morale", Schema::kCompany},
    {"Unternehmen", Schema::kCompany},
    {"Juristische Person", Schema::kCompany},
    {"Empresa", Schema::kCompany},
    {"Persona jurídica", Schema::kCompany},
    {"Pessoa jurídica", Schema::kCompany},
    {"Компания", Schema::kCompany},
    {"Юридическое лицо", Schema::kCompany},
    {"Юрлицо", Schema::kCompany},
    // Other organisations.
    {"Org", Schema::kOrganization},
    {"Association", Schema::kOrganization},
    {"단체", Schema::kOrganization},
    {"団体", Schema::kOrganization},
    {"组织", Schema::kOrganization},
    {"組織", Schema::kOrganization},
    {"Organisme", Schema::kOrganization},
    {"Организация", Schema::kOrganization},
    // Vessels and aircraft.
    {"Boat", Schema::kVessel},
    {"선박", Schema::kVessel},
    {"船舶", Schema::kVessel},
    {"船", Schema::kVessel},
    {"Navire", Schema::kVessel},
    {"Schiff", Schema::kVessel},
    {"Buque", Schema::kVessel},
    {"Судно", Schema::kVessel},
    {"Plane", Schema::kAirplane},
    {"항공기", Schema::kAirplane},
    {"航空機", Schema::kAirplane},
    {"飞机", Schema::kAirplane},
    {"Avion", Schema::kAirplane},
    {"Flugzeug", Schema::kAirplane},
    {"Самолёт", Schema::kAirplane},
};

constexpr Synonym<Gender> kGenders[] = {
    {"M", Gender::kMale},          {"Male", Gender::kMale},      {"Man", Gender::kMale},
    {"Masculine", Gender::kMale},  {"남", Gender::kMale},        {"남자", Gender::kMale},
    {"남성", Gender::kMale},       {"男", Gender::kMale},        {"男性", Gender::kMale},
    {"Homme", Gender::kMale},      {"Masculin", Gender::kMale},  {"Männlich", Gender::kMale},
    {"Mann", Gender::kMale},       {"Hombre", Gender::kMale},    {"Masculino", Gender::kMale},
    {"Мужской", Gender::kMale},    {"Муж", Gender::kMale},       {"М", Gender::kMale},
    {"F", Gender::kFemale},        {"Female", Gender::kFemale},  {"Woman", Gender::kFemale},
    {"Feminine", Gender::kFemale}, {"여", Gender::kFemale},      {"여자", Gender::kFemale},
    {"여성", Gender::kFemale},     {"女", Gender::kFemale},      {"女性", Gender::kFemale},
    {"Femme", Gender::kFemale},    {"Féminin", Gender::kFemale}, {"Weiblich", Gender::kFemale},
    {"Frau", Gender::kFemale},     {"Mujer", Gender::kFemale},   {"Femenino", Gender::kFemale},
    {"Женский", Gender::kFemale},  {"Жен", Gender::kFemale},     {"Ж", Gender::kFemale},
    {"Other", Gender::kOther},
};

template <typename T, size_t N>
std::unordered_map<std::string, T>* ByKey(const Synonym<T> (&table)[N]) {
  auto* out = new std::unordered_map<std::string, T>();
  for (const Synonym<T>& s : table) out->emplace(FoldedKey(s.word), s.value);
  return out;
}

template <typename T>
const T* Find(const std::unordered_map<std::string, T>& table, std::string_view text) {
  auto it = table.find(FoldedKey(text));
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace

FieldReading<Schema> ReadSchema(std::string_view text) {
  static const auto* const synonyms = ByKey(kSchemas);
  FieldReading<Schema> out;
  text = Trim(text);
  // FtM's Thing (any kind: a vessel's name too) is no schema at all.
  if (IsBlank(text) || EqualsIgnoreCase(text, "Thing")) return out;
  if (std::optional<Schema> schema = ParseSchema(text)) {
    out.values = {*schema};
  } else if (const Schema* synonym = Find(*synonyms, text)) {
    out.values = {*synonym};
  } else {
    out.warning = fmt::format("schema '{}' is not a known kind of party: ignored", text);
  }
  return out;
}

FieldReading<Gender> ReadGender(std::string_view text) {
  static const auto* const synonyms = ByKey(kGenders);
  FieldReading<Gender> out;
  text = Trim(text);
  if (IsBlank(text) || EqualsIgnoreCase(text, "x") || EqualsIgnoreCase(text, "unspecified"))
    return out;
  if (const Gender* gender = Find(*synonyms, text)) {
    out.values = {*gender};
  } else {
    out.warning = fmt::format("gender '{}' is not a known gender: ignored", text);
  }
  return out;
}

}  // namespace embargo::input
