#include "service/ftm_output.h"

#include <string>
#include <vector>

namespace embargo::service {
namespace {

// properties[key] gains `value` unless empty or already there. An object's
// keys are kept sorted, so the output reads the same whatever the order.
void Add(nlohmann::json& properties, const char* key, const std::string& value) {
  if (value.empty()) return;
  nlohmann::json& values = properties[key];
  if (values.is_null()) values = nlohmann::json::array();
  for (const nlohmann::json& v : values) {
    if (v.get_ref<const std::string&>() == value) return;
  }
  values.push_back(value);
}

const char* NameProperty(NameKind kind) {
  switch (kind) {
    case NameKind::kPrimary: return "name";
    case NameKind::kAlias: return "alias";
    case NameKind::kWeakAlias: return "weakAlias";
    case NameKind::kPreviousName: return "previousName";
  }
  return "alias";
}

const char* IdentifierProperty(IdType type) {
  switch (type) {
    case IdType::kPassport: return "passportNumber";
    case IdType::kNationalId: return "idNumber";
    case IdType::kImo: return "imoNumber";
    case IdType::kMmsi: return "mmsi";
    case IdType::kSwiftBic: return "swiftBic";
    case IdType::kRegistration: return "registrationNumber";
    case IdType::kTax: return "taxNumber";
    case IdType::kCrypto: return "cryptoWallet";
    case IdType::kOther: return "idNumber";
  }
  return "idNumber";
}

}  // namespace

nlohmann::json EntityToFtm(const Entity& e) {
  nlohmann::json p = nlohmann::json::object();
  for (const Name& n : e.names) Add(p, NameProperty(n.kind), n.value);
  for (const DateSpec& d : e.birth_dates) {
    Add(p, "birthDate", d.from.ToString());
    if (!d.to.empty() && !(d.to == d.from)) Add(p, "birthDate", d.to.ToString());
  }
  for (const std::string& place : e.birth_places) Add(p, "birthPlace", place);
  const char* nationality = e.schema == Schema::kPerson ? "nationality" : "country";
  for (const std::string& c : e.nationalities) Add(p, nationality, c);
  for (const std::string& c : e.countries)
    Add(p, e.schema == Schema::kVessel ? "flag" : "country", c);
  if (e.gender != Gender::kUnknown) Add(p, "gender", std::string(GenderName(e.gender)));
  for (const Identifier& id : e.identifiers) Add(p, IdentifierProperty(id.type), id.value);
  for (const Address& a : e.addresses) Add(p, "address", a.full);
  for (const std::string& program : e.programs) Add(p, "program", program);
  for (const std::string& remark : e.remarks) Add(p, "notes", remark);
  for (const std::string& topic : e.topics_or_default()) Add(p, "topics", topic);
  std::string seen = e.listed_on;
  return {{"id", e.id},
          {"caption", e.caption()},
          {"schema", std::string(SchemaName(e.schema))},
          {"properties", std::move(p)},
          {"datasets", {e.dataset}},
          {"referents", nlohmann::json::array()},
          {"target", true},
          {"first_seen", seen.empty() ? nlohmann::json(nullptr) : nlohmann::json(seen)},
          {"last_seen", nullptr},
          {"last_change", nullptr}};
}

}  // namespace embargo::service
