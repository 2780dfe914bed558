// What embargo knows of the FollowTheMoney model's entity-typed properties:
// which property of which schema points at another entity, the name of its
// reverse on the entity pointed at (Sanction.entity -> "sanctions",
// Ownership.owner -> "ownershipOwner"), and which schemata are edges (an
// Ownership links an owner to an asset). This is what nesting an entity's
// neighbours (GET /entities/{id}) and paging them (/adjacent) needs. Facts
// of the published FtM schema, as a table; pure functions.
#pragma once

#include <string_view>
#include <vector>

namespace embargo {

struct FtmEntityProperty {
  std::string_view schema;    // where the property is defined ("Thing" for all things)
  std::string_view property;  // "entity", "owner", "addressEntity", ...
  std::string_view reverse;   // its name on the entity pointed at
};

// Every entity-typed property of the model, each with its reverse.
const std::vector<FtmEntityProperty>& FtmEntityProperties();

// The reverse name of `property` on records of `schema` when it points at
// another entity ("" when it does not, or is unknown). Inherited properties
// count: Passport.holder is Identification.holder; addressEntity is any
// thing's.
std::string_view FtmReverseProperty(std::string_view schema, std::string_view property);

// Whether `name` is the forward or reverse name of an entity-typed property
// (what GET /entities/{id}/adjacent/{name} accepts).
bool IsFtmEntityPropertyName(std::string_view name);

// Whether records of `schema` are edges between two entities (Ownership,
// Directorship, Family, Associate, ...): nesting follows an edge to its
// other end.
bool IsFtmEdgeSchema(std::string_view schema);

// Whether `schema` is `ancestor` or extends it in FtM's model (Company is
// an Organization, a LegalEntity and a Thing; Passport an Identification),
// for the thing schemata and the records linked to them; false for others.
bool IsFtmSchemaA(std::string_view schema, std::string_view ancestor);

// Whether `property` is one of `schema`'s in FtM's model, inherited ones
// included, for the thing schemata embargo screens (LegalEntity, Person,
// Organization, Company, PublicBody, Vessel, Airplane); false for other
// schemata.
bool IsFtmProperty(std::string_view schema, std::string_view property);

}  // namespace embargo
