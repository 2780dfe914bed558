// Entities as FollowTheMoney JSON, the shape yente returns them in:
// {id, caption, schema, properties: {prop: [strings]}, datasets, referents,
// target, first_seen, last_seen, last_change}. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "embargo/entity.h"

namespace embargo::service {

nlohmann::json EntityToFtm(const Entity& entity);

}  // namespace embargo::service
