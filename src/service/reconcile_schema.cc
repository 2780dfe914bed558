#include "service/reconcile_schema.h"

#include "model/ftm_schema.h"

namespace embargo::service {

const std::vector<ReconType>& ReconTypes() {
  static const std::vector<ReconType> types = {
      {"Thing", "Thing", "Things", "Any listed party or object", std::nullopt},
      {"LegalEntity", "Legal entity", "Legal entities",
       "A person or an organisation, when which one is not known", Schema::kLegalEntity},
      {"Person", "Person", "People", "A natural person", Schema::kPerson},
      {"Organization", "Organization", "Organizations", "A body, group or firm of any kind",
       Schema::kOrganization},
      {"Company", "Company", "Companies", "A registered business", Schema::kCompany},
      {"Vehicle", "Vehicle", "Vehicles", "A vessel or an aircraft", std::nullopt},
      {"Vessel", "Vessel", "Vessels", "A ship, known by its IMO number, MMSI or call sign",
       Schema::kVessel},
      {"Airplane", "Airplane", "Airplanes", "An aircraft", Schema::kAirplane},
  };
  return types;
}

const ReconType* FindReconType(std::string_view name) {
  for (const ReconType& t : ReconTypes()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const ReconType& ReconTypeOf(Schema schema) {
  for (const ReconType& t : ReconTypes()) {
    if (t.schema == schema) return t;
  }
  return ReconTypes()[1];  // LegalEntity
}

bool IsTypeOrParent(std::string_view ancestor, std::string_view type) {
  return FindReconType(type) != nullptr && IsFtmSchemaA(type, ancestor);
}

const std::vector<ReconProperty>& ReconProperties() {
  using F = QueryField;
  static const std::vector<ReconProperty> properties = {
      {"Thing", "name", "Name", F::kName},
      {"Thing", "alias", "Other name", F::kName},
      {"Thing", "previousName", "Previous name", F::kName},
      {"Thing", "weakAlias", "Weak alias", F::kName},
      {"Thing", "country", "Country", F::kCountry, true},
      {"Thing", "address", "Address"},
      {"Thing", "program", "Program"},
      {"Thing", "topics", "Topics"},
      {"Thing", "notes", "Notes"},
      {"Thing", "sourceUrl", "Source link"},
      {"LegalEntity", "jurisdiction", "Jurisdiction", F::kCountry, true},
      {"LegalEntity", "mainCountry", "Country of origin", F::kCountry, true},
      {"LegalEntity", "registrationNumber", "Registration number", F::kIdNumber},
      {"LegalEntity", "idNumber", "ID Number", F::kIdNumber},
      {"LegalEntity", "taxNumber", "Tax Number", F::kIdNumber},
      {"LegalEntity", "innCode", "INN", F::kIdNumber},
      {"LegalEntity", "ogrnCode", "OGRN", F::kIdNumber},
      {"LegalEntity", "leiCode", "LEI", F::kIdNumber},
      {"LegalEntity", "swiftBic", "SWIFT/BIC", F::kIdNumber},
      {"LegalEntity", "incorporationDate", "Date of registration"},
      {"LegalEntity", "legalForm", "Legal form"},
      {"LegalEntity", "status", "Status"},
      {"LegalEntity", "email", "E-Mail"},
      {"LegalEntity", "phone", "Phone"},
      {"LegalEntity", "website", "Website"},
      {"Person", "firstName", "First name", F::kFirstName},
      {"Person", "lastName", "Last name", F::kLastName},
      {"Person", "middleName", "Middle name"},
      {"Person", "fatherName", "Patronymic"},
      {"Person", "birthDate", "Birth date", F::kBirthDate},
      {"Person", "birthPlace", "Place of birth"},
      {"Person", "deathDate", "Death date"},
      {"Person", "nationality", "Nationality", F::kCountry, true},
      {"Person", "citizenship", "Citizenship", F::kCountry, true},
      {"Person", "passportNumber", "Passport number", F::kIdNumber},
      {"Person", "gender", "Gender", F::kGender},
      {"Person", "position", "Position"},
      {"Person", "title", "Title"},
      {"Vehicle", "registrationNumber", "Registration number", F::kIdNumber},
      {"Vehicle", "type", "Type"},
      {"Vehicle", "buildDate", "Build date"},
      {"Vessel", "imoNumber", "IMO Number", F::kImoNumber},
      {"Vessel", "mmsi", "MMSI", F::kIdNumber},
      {"Vessel", "callSign", "Call Sign", F::kIdNumber},
      {"Vessel", "flag", "Flag", F::kCountry, true},
      {"Vessel", "pastFlags", "Past flags", F::kNone, true},
      {"Vessel", "tonnage", "Tonnage"},
      {"Vessel", "grossRegisteredTonnage", "Gross Registered Tonnage"},
      {"Airplane", "serialNumber", "Serial Number", F::kIdNumber},
      {"Airplane", "manufacturer", "Manufacturer"},
  };
  return properties;
}

std::string ReconProperty::qname() const {
  std::string out(schema);
  out += ':';
  out += name;
  return out;
}

std::string_view ReconProperty::Description() const {
  switch (field) {
    case QueryField::kName: return "Compared as a name of the party";
    case QueryField::kFirstName:
    case QueryField::kLastName: return "Compared as part of the name when no full name is given";
    case QueryField::kBirthDate:
      return "Scored: the same date raises the score, a different one lowers it";
    case QueryField::kCountry:
      return "Scored: a name or ISO code; the same country raises the score, another lowers it";
    case QueryField::kIdNumber:
    case QueryField::kImoNumber:
      return "Scored: the same identifier raises the score, even without a name";
    case QueryField::kGender: return "Scored: a different gender lowers the score";
    case QueryField::kNone: break;
  }
  return "Not scored: available to data extension";
}

const ReconProperty* FindReconProperty(std::string_view id) {
  size_t colon = id.find(':');
  if (colon == std::string_view::npos) {
    for (const ReconProperty& p : ReconProperties()) {
      if (p.name == id) return &p;
    }
    return nullptr;
  }
  return FindReconProperty(id.substr(0, colon), id.substr(colon + 1));
}

const ReconProperty* FindReconProperty(std::string_view type, std::string_view name) {
  for (const ReconProperty& p : ReconProperties()) {
    if (p.name == name && IsTypeOrParent(p.schema, type)) return &p;
  }
  return nullptr;
}

}  // namespace embargo::service
