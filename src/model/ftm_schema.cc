#include "model/ftm_schema.h"

#include <algorithm>

namespace embargo {
namespace {

// Schemata whose properties other schemata inherit, by child.
struct Parent {
  std::string_view child;
  std::string_view parent;
};
constexpr Parent kParents[] = {
    {"Passport", "Identification"}, {"Ownership", "Interest"},  {"Directorship", "Interest"},
    {"Membership", "Interest"},     {"Employment", "Interest"},
};

bool Inherits(std::string_view schema, std::string_view ancestor) {
  if (schema == ancestor || ancestor == "Thing") return true;
  for (const Parent& p : kParents) {
    if (p.child == schema && Inherits(p.parent, ancestor)) return true;
  }
  return false;
}

// The properties each schema defines itself (FtM's model), the thing
// schemata only, with the schema it extends.
struct SchemaProperties {
  std::string_view schema;
  std::string_view extends;  // "" for Thing
  std::vector<std::string_view> properties;
};

const std::vector<SchemaProperties>& ThingSchemata() {
  static const std::vector<SchemaProperties> kSchemata = {
      {"Thing", "", {"name",         "alias",         "previousName", "weakAlias", "country",
                     "summary",      "notes",         "description",  "sourceUrl", "publisher",
                     "publisherUrl", "wikipediaUrl",  "wikidataId",   "keywords",  "topics",
                     "address",      "addressEntity", "program",      "programId", "proof",
                     "createdAt",    "modifiedAt",    "retrievedAt"}},
      {"LegalEntity",
       "Thing",
       {"email",
        "phone",
        "website",
        "legalForm",
        "incorporationDate",
        "dissolutionDate",
        "taxStatus",
        "status",
        "sector",
        "classification",
        "registrationNumber",
        "idNumber",
        "taxNumber",
        "vatCode",
        "jurisdiction",
        "mainCountry",
        "opencorporatesUrl",
        "bvdId",
        "icijId",
        "okpoCode",
        "innCode",
        "ogrnCode",
        "leiCode",
        "dunsCode",
        "uniqueEntityId",
        "npiCode",
        "swiftBic",
        "parent"}},
      {"Person", "LegalEntity", {"title",
                                 "firstName",
                                 "secondName",
                                 "middleName",
                                 "fatherName",
                                 "motherName",
                                 "lastName",
                                 "nameSuffix",
                                 "birthDate",
                                 "birthPlace",
                                 "birthCountry",
                                 "deathDate",
                                 "position",
                                 "nationality",
                                 "citizenship",
                                 "passportNumber",
                                 "socialSecurityNumber",
                                 "gender",
                                 "ethnicity",
                                 "religion",
                                 "political",
                                 "education",
                                 "appearance",
                                 "weight",
                                 "height",
                                 "eyeColor",
                                 "hairColor",
                                 "spokenLanguage"}},
      {"Organization", "LegalEntity", {"cageCode", "permId", "imoNumber", "giiNumber"}},
      {"PublicBody", "Organization", {}},
      {"Company",
       "Organization",
       {"capital", "voenCode", "coatoCode", "irsCode",  "ipoCode",   "cikCode",   "jibCode",
        "mbsCode", "ibcRuc",   "caemCode",  "kppCode",  "okvedCode", "okopfCode", "fnsCode",
        "fssCode", "bikCode",  "pfrNumber", "oksmCode", "isinCode",  "ticker",    "ricCode"}},
      {"Vehicle",
       "Thing",
       {"registrationNumber", "type", "model", "owner", "operator", "buildDate", "registrationDate",
        "deregistrationDate"}},
      {"Vessel",
       "Vehicle",
       {"imoNumber", "crsNumber", "flag", "registrationPort", "navigationArea", "tonnage",
        "grossRegisteredTonnage", "nameChangeDate", "callSign", "pastNames", "pastFlags",
        "pastTypes", "mmsi"}},
      {"Airplane", "Vehicle", {"serialNumber", "icaoCode"}},
  };
  return kSchemata;
}

}  // namespace

bool IsFtmProperty(std::string_view schema, std::string_view property) {
  for (int depth = 0; !schema.empty() && depth < 8; ++depth) {
    const std::vector<SchemaProperties>& all = ThingSchemata();
    auto it = std::find_if(all.begin(), all.end(),
                           [&](const SchemaProperties& s) { return s.schema == schema; });
    if (it == all.end()) return false;
    if (std::find(it->properties.begin(), it->properties.end(), property) != it->properties.end()) {
      return true;
    }
    schema = it->extends;
  }
  return false;
}

const std::vector<FtmEntityProperty>& FtmEntityProperties() {
  static const std::vector<FtmEntityProperty> kProperties = {
      {"Thing", "addressEntity", "things"},
      {"Thing", "proof", "proven"},
      {"Sanction", "entity", "sanctions"},
      {"Identification", "holder", "identification"},
      {"CryptoWallet", "holder", "cryptoWallets"},
      {"Risk", "entity", "risks"},
      {"Ownership", "owner", "ownershipOwner"},
      {"Ownership", "asset", "ownershipAsset"},
      {"Directorship", "director", "directorshipDirector"},
      {"Directorship", "organization", "directorshipOrganization"},
      {"Membership", "member", "membershipMember"},
      {"Membership", "organization", "membershipOrganization"},
      {"Employment", "employer", "employees"},
      {"Employment", "employee", "employers"},
      {"Family", "person", "familyPerson"},
      {"Family", "relative", "familyRelative"},
      {"Associate", "person", "associates"},
      {"Associate", "associate", "associations"},
      {"Occupancy", "holder", "occupancies"},
      {"Occupancy", "post", "occupancies"},
      {"UnknownLink", "subject", "unknownLinkSubject"},
      {"UnknownLink", "object", "unknownLinkObject"},
      {"Representation", "agent", "agencyClient"},
      {"Representation", "client", "agentRepresentation"},
      {"Succession", "predecessor", "successors"},
      {"Succession", "successor", "predecessors"},
      {"Debt", "debtor", "debtDebtor"},
      {"Debt", "creditor", "debtCreditor"},
      {"Payment", "payer", "paymentPayer"},
      {"Payment", "beneficiary", "paymentBeneficiary"},
      {"Security", "issuer", "securities"},
  };
  return kProperties;
}

std::string_view FtmReverseProperty(std::string_view schema, std::string_view property) {
  for (const FtmEntityProperty& p : FtmEntityProperties()) {
    if (p.property == property && Inherits(schema, p.schema)) return p.reverse;
  }
  return {};
}

bool IsFtmEntityPropertyName(std::string_view name) {
  const std::vector<FtmEntityProperty>& all = FtmEntityProperties();
  return std::any_of(all.begin(), all.end(), [&](const FtmEntityProperty& p) {
    return p.property == name || p.reverse == name;
  });
}

bool IsFtmEdgeSchema(std::string_view schema) {
  for (std::string_view edge :
       {"Ownership", "Directorship", "Membership", "Employment", "Family", "Associate",
        "UnknownLink", "Representation", "Succession", "Debt", "Payment"}) {
    if (schema == edge) return true;
  }
  return false;
}

}  // namespace embargo
