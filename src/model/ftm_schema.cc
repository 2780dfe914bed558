#include "model/ftm_schema.h"

#include <algorithm>

namespace embargo {
namespace {

// Each schema's parent in FtM's model (the first it extends), for the
// schemata embargo reads: the thing schemata and the records linked to them.
struct Parent {
  std::string_view child;
  std::string_view parent;
};
constexpr Parent kParents[] = {
    {"LegalEntity", "Thing"},       {"Person", "LegalEntity"},    {"Organization", "LegalEntity"},
    {"PublicBody", "Organization"}, {"Company", "Organization"},  {"Vehicle", "Thing"},
    {"Vessel", "Vehicle"},          {"Airplane", "Vehicle"},      {"Passport", "Identification"},
    {"Ownership", "Interest"},      {"Directorship", "Interest"}, {"Membership", "Interest"},
    {"Employment", "Interest"},
};

std::string_view ParentOf(std::string_view schema) {
  for (const Parent& p : kParents) {
    if (p.child == schema) return p.parent;
  }
  return {};
}

// For entity-typed properties: every record may carry Thing's (an FtM
// interval such as a Sanction never has addressEntity, so nothing is lost).
bool Inherits(std::string_view schema, std::string_view ancestor) {
  return ancestor == "Thing" || IsFtmSchemaA(schema, ancestor);
}

// The properties each schema defines itself (FtM's model), the thing
// schemata only.
struct SchemaProperties {
  std::string_view schema;
  std::vector<std::string_view> properties;
};

const std::vector<SchemaProperties>& ThingSchemata() {
  static const std::vector<SchemaProperties> kSchemata = {
      {"Thing",
       {"name",       "alias",       "previousName", "weakAlias",  "country",       "summary",
        "notes",      "description", "sourceUrl",    "publisher",  "publisherUrl",  "wikipediaUrl",
        "wikidataId", "keywords",    "topics",       "address",    "addressEntity", "program",
        "programId",  "proof",       "createdAt",    "modifiedAt", "retrievedAt"}},
      {"LegalEntity",
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
      {"Person", {"title",
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
      {"Organization", {"cageCode", "permId", "imoNumber", "giiNumber"}},
      {"PublicBody", {}},
      {"Company",
       {"capital", "voenCode", "coatoCode", "irsCode",  "ipoCode",   "cikCode",   "jibCode",
        "mbsCode", "ibcRuc",   "caemCode",  "kppCode",  "okvedCode", "okopfCode", "fnsCode",
        "fssCode", "bikCode",  "pfrNumber", "oksmCode", "isinCode",  "ticker",    "ricCode"}},
      {"Vehicle",
       {"registrationNumber", "type", "model", "owner", "operator", "buildDate", "registrationDate",
        "deregistrationDate"}},
      {"Vessel",
       {"imoNumber", "crsNumber", "flag", "registrationPort", "navigationArea", "tonnage",
        "grossRegisteredTonnage", "nameChangeDate", "callSign", "pastNames", "pastFlags",
        "pastTypes", "mmsi"}},
      {"Airplane", {"serialNumber", "icaoCode"}},
  };
  return kSchemata;
}

}  // namespace

bool IsFtmSchemaA(std::string_view schema, std::string_view ancestor) {
  for (int depth = 0; !schema.empty() && depth < 8; ++depth, schema = ParentOf(schema)) {
    if (schema == ancestor) return true;
  }
  return false;
}

bool IsFtmProperty(std::string_view schema, std::string_view property) {
  const std::vector<SchemaProperties>& all = ThingSchemata();
  auto known = [&](const SchemaProperties& s) { return s.schema == schema; };
  if (std::none_of(all.begin(), all.end(), known)) return false;
  return std::any_of(all.begin(), all.end(), [&](const SchemaProperties& s) {
    return IsFtmSchemaA(schema, s.schema) &&
           std::find(s.properties.begin(), s.properties.end(), property) != s.properties.end();
  });
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
