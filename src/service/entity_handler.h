// GET /entities/{id}: one listed entity as FollowTheMoney JSON plus its
// links, each with the linked entity inlined when it can be resolved (by id,
// or by a name that is exactly the primary name of one entity of the same
// dataset, as OFAC's "Linked To: NAME" gives it, or is that name less a
// final period; a name shared by several entities is left unresolved).
// Also the entity's counterparts on the other lists (xref/entity_view.h),
// from the snapshot's cross-list links. Pure function over an immutable
// snapshot (see CrossLinks for when its links are made); thread-safe.
#pragma once

#include <string>

#include "service/http_types.h"

namespace embargo::service {

// 200: EntityToFtm(entity) plus "links": [{relation, target_id, target_name,
// target}], where target is the linked entity's FtM JSON (without its own
// links) or null, and target_id is the resolved id (null when unresolved).
// 404 {"detail": "Entity not found: <id>"} when no entity has this id.
Response HandleEntity(const ServingSnapshot& snapshot, const std::string& id);

}  // namespace embargo::service
