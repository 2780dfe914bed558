#include "service/ftm_output.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace embargo::service {
namespace {

// An entity's FtM properties as (property, value) pairs, gathered in the
// entity's order; Write groups them by property, in the order of their
// names (as a sorted JSON object reads), dropping empty and repeated values.
class Properties {
 public:
  void Add(const char* key, std::string_view value) {
    if (!value.empty()) items_.emplace_back(key, value);
  }
  // For values made here (dates): kept alive until written.
  void AddOwned(const char* key, std::string value) {
    owned_.push_back(std::move(value));
    Add(key, owned_.back());
  }
  void Write(JsonWriter& w) {
    std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
      return std::strcmp(a.first, b.first) < 0;
    });
    w.BeginObject();
    for (size_t i = 0; i < items_.size();) {
      size_t end = i;
      while (end < items_.size() && std::strcmp(items_[end].first, items_[i].first) == 0) ++end;
      w.Key(items_[i].first);
      w.BeginArray();
      for (size_t j = i; j < end; ++j) {
        bool repeated = false;
        for (size_t k = i; k < j && !repeated; ++k) repeated = items_[k].second == items_[j].second;
        if (!repeated) w.String(items_[j].second);
      }
      w.EndArray();
      i = end;
    }
    w.EndObject();
  }

 private:
  using Item = std::pair<const char*, std::string_view>;
  std::vector<Item> items_;
  std::deque<std::string> owned_;  // stable addresses
};

const char* NameProperty(NameKind kind) {
  switch (kind) {
    case NameKind::kPrimary: return "name";
    case NameKind::kAlias: return "alias";
    case NameKind::kWeakAlias: return "weakAlias";
    case NameKind::kPreviousName: return "previousName";
  }
  return "alias";
}

// The FtM property of `schema` that holds the identifier ("" when the model
// has none: a digital currency address is a CryptoWallet entity in FtM, so
// it is written as a note). Only properties `schema` has (model/ftm_schema).
const char* IdentifierProperty(const Identifier& id, Schema schema) {
  bool vehicle = schema == Schema::kVessel || schema == Schema::kAirplane;
  bool vessel = schema == Schema::kVessel;
  bool organization = schema == Schema::kOrganization || schema == Schema::kCompany;
  if (id.label == "call_sign" || id.label == "callSign") return vessel ? "callSign" : "idNumber";
  if (vehicle) {
    if (vessel && id.type == IdType::kImo) return "imoNumber";
    if (vessel && id.type == IdType::kMmsi) return "mmsi";
    return id.type == IdType::kCrypto ? "" : "registrationNumber";
  }
  switch (id.type) {
    case IdType::kPassport: return schema == Schema::kPerson ? "passportNumber" : "idNumber";
    case IdType::kNationalId: return "idNumber";
    case IdType::kImo: return organization ? "imoNumber" : "idNumber";
    case IdType::kMmsi: return "idNumber";
    case IdType::kSwiftBic: return "swiftBic";
    case IdType::kRegistration: return "registrationNumber";
    case IdType::kTax: return "taxNumber";
    case IdType::kCrypto: return "";
    case IdType::kOther: return "idNumber";
  }
  return "idNumber";
}

void WriteNullable(JsonWriter& w, std::string_view key, std::string_view value) {
  w.Key(key);
  if (value.empty()) {
    w.Null();
  } else {
    w.String(value);
  }
}

}  // namespace

void WriteFtmRecordMembers(JsonWriter& w, const FtmRecord& f, std::string_view caption, bool target,
                           std::string_view loaded_as) {
  w.Member("caption", f.caption.empty() ? caption : std::string_view(f.caption));
  w.Key("datasets");
  w.BeginArray();
  for (const std::string& d : f.datasets) w.String(d);
  if (!loaded_as.empty() &&
      std::find(f.datasets.begin(), f.datasets.end(), loaded_as) == f.datasets.end()) {
    w.String(loaded_as);
  }
  w.EndArray();
  WriteNullable(w, "first_seen", f.first_seen);
  w.Member("id", f.id);
  WriteNullable(w, "last_change", f.last_change);
  WriteNullable(w, "last_seen", f.last_seen);
  w.Key("properties");
  w.BeginObject();
  for (const FtmProperty& p : f.properties) {
    w.Key(p.name);
    w.Strings(p.values);
  }
  w.EndObject();
  w.Key("referents");
  w.Strings(f.referents);
  w.Member("schema", f.schema);
  w.Member("target", f.target.value_or(target));
}

void WriteFtmMembers(JsonWriter& w, const Entity& e) {
  if (e.ftm != nullptr) return WriteFtmRecordMembers(w, *e.ftm, e.caption(), true, e.dataset);
  Properties p;
  for (const Name& n : e.names) p.Add(NameProperty(n.kind), n.value);
  // A person's facts; of another party (a list calling a firm's founding
  // date its birth date) they are notes, FtM's other schemata lacking them.
  bool person = e.schema == Schema::kPerson;
  for (const DateSpec& d : e.birth_dates) {
    if (!person) {
      p.AddOwned("notes", "Date of birth: " + d.ToString());
      continue;
    }
    p.AddOwned("birthDate", d.from.ToString());
    if (!d.to.empty() && !(d.to == d.from)) p.AddOwned("birthDate", d.to.ToString());
  }
  for (const std::string& place : e.birth_places) {
    if (person) {
      p.Add("birthPlace", place);
    } else {
      p.AddOwned("notes", "Place of birth: " + place);
    }
  }
  const char* nationality = e.schema == Schema::kPerson ? "nationality" : "country";
  for (const std::string& c : e.nationalities) p.Add(nationality, c);
  for (const std::string& c : e.countries)
    p.Add(e.schema == Schema::kVessel ? "flag" : "country", c);
  for (const std::string& c : e.former_flags) p.Add("pastFlags", c);
  if (!e.vessel->type.empty()) p.Add("type", e.vessel->type);
  if (!e.vessel->tonnage.empty()) p.Add("tonnage", e.vessel->tonnage);
  if (!e.vessel->gross_tonnage.empty()) p.Add("grossRegisteredTonnage", e.vessel->gross_tonnage);
  if (!e.vessel->build_date.empty()) p.Add("buildDate", e.vessel->build_date);
  if (person && e.gender != Gender::kUnknown) p.Add("gender", GenderName(e.gender));
  for (const Identifier& id : e.identifiers) {
    const char* property = IdentifierProperty(id, e.schema);
    if (*property != '\0') {
      p.Add(property, id.value);
    } else {
      p.AddOwned("notes",
                 (id.label.empty() ? "Digital currency address" : id.label) + ": " + id.value);
    }
  }
  for (const Address& a : e.addresses) p.Add("address", a.full);
  for (const std::string& program : e.programs) p.Add("program", program);
  for (const std::string& remark : e.remarks) p.Add("notes", remark);
  for (const std::string& topic : e.topics_or_default()) p.Add("topics", topic);

  w.Member("caption", e.caption());
  w.Key("datasets");
  w.BeginArray();
  w.String(e.dataset);
  w.EndArray();
  WriteNullable(w, "first_seen", e.listed_on.empty() ? "" : e.listed_on + "T00:00:00");
  w.Member("id", e.id);
  w.Key("last_change");
  w.Null();
  w.Key("last_seen");
  w.Null();
  w.Key("properties");
  p.Write(w);
  w.Key("referents");
  w.BeginArray();
  w.EndArray();
  w.Member("schema", SchemaName(e.schema));
  w.Member("target", true);
}

nlohmann::json RecordToFtm(const FtmRecord& record, std::string_view loaded_as) {
  std::string text;
  JsonWriter w(text);
  w.BeginObject();
  WriteFtmRecordMembers(w, record, record.id, false, loaded_as);
  w.EndObject();
  return nlohmann::json::parse(text);
}

nlohmann::json EntityToFtm(const Entity& e) {
  std::string text;
  JsonWriter w(text);
  w.BeginObject();
  WriteFtmMembers(w, e);
  w.EndObject();
  return nlohmann::json::parse(text);
}

}  // namespace embargo::service
