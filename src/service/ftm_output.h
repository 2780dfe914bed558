// Entities as FollowTheMoney JSON, the shape yente returns them in:
// {id, caption, schema, properties: {prop: [strings]}, datasets, referents,
// target, first_seen, last_seen, last_change}. Properties are grouped by
// name (in name order), each value once. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "common/json_writer.h"
#include "embargo/entity.h"

namespace embargo::service {

// Writes the entity's members into `w`'s open object (the caller may add
// its own members, such as a score, before closing it).
void WriteFtmMembers(JsonWriter& w, const Entity& entity);

// The same object as a tree, for answers built rarely (/entities/{id}).
nlohmann::json EntityToFtm(const Entity& entity);

}  // namespace embargo::service
