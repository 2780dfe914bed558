// What the reconciliation API (service/reconcile_handler.h) tells OpenRefine
// of the FollowTheMoney model: the types embargo screens (FtM schemata;
// their parents are model/ftm_schema's) and the properties a query
// may give or a data extension may ask for, each with its FtM label and the
// query field embargo reads it into. Facts of the published FtM model,
// trimmed to what embargo reads and writes. Immutable tables; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "embargo/entity.h"

namespace embargo::service {

struct ReconType {
  std::string_view name;    // FtM schema name: "Person"
  std::string_view label;   // "Person"
  std::string_view plural;  // "People"
  std::string_view description;
  std::optional<Schema> schema;  // what embargo screens it as; nullopt: abstract (Thing, Vehicle)
};

// Thing, LegalEntity, Person, Organization, Company, Vehicle, Vessel, Airplane.
const std::vector<ReconType>& ReconTypes();
// By FtM name, exact; nullptr when unknown.
const ReconType* FindReconType(std::string_view name);
// The type embargo's `schema` is shown as.
const ReconType& ReconTypeOf(Schema schema);
// Whether `ancestor` is `type` or one of its parents ("Thing", "Person":
// true), `type` being one of ReconTypes(); FtM's hierarchy (IsFtmSchemaA).
bool IsTypeOrParent(std::string_view ancestor, std::string_view type);

// The query field a property is read into; kNone: not scored (data
// extension only).
enum class QueryField : uint8_t {
  kNone,
  kName,
  kFirstName,
  kLastName,
  kBirthDate,
  kCountry,
  kIdNumber,
  kImoNumber,
  kGender,
};

struct ReconProperty {
  std::string_view schema;  // the type FtM defines it on: "Thing", "Person", ...
  std::string_view name;    // "birthDate"
  std::string_view label;   // "Birth date"
  QueryField field = QueryField::kNone;
  bool country = false;  // values are ISO country codes, shown by name

  // "Person:birthDate", as FtM writes a qualified property name.
  std::string qname() const;
  // What embargo does with the property in a query, for people.
  std::string_view Description() const;
};

const std::vector<ReconProperty>& ReconProperties();
// By name ("birthDate") or qualified name ("Person:birthDate"; the schema
// part may be any type the property applies to). nullptr when unknown.
const ReconProperty* FindReconProperty(std::string_view id);
// `name` as a property of `type` (defined on it or a parent); nullptr when
// it has none.
const ReconProperty* FindReconProperty(std::string_view type, std::string_view name);

}  // namespace embargo::service
