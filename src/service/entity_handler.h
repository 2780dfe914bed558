// GET /entities/{id}, /entities/{id}/adjacent and
// /entities/{id}/adjacent/{property}, as yente answers them.
//
// An entity read from FtM data (OpenSanctions) is its record whole, nested
// as yente nests it (ftm_graph.h): its sanctions, addresses, ownerships,
// family and directorships inline, unless ?nested=false. A referent id (one
// merged into a canonical entity) is a 308 to /entities/{canonical}. Other
// kept records (a Sanction, an Address) are answered the same way.
//
// An entity parsed from an official list's format is its FtM JSON plus
// "links": [{relation, target_id, target_name, target}] with each link's
// entity inlined when it can be resolved (by id, or by a name that is
// exactly the primary name of one entity of the same dataset, as OFAC's
// "Linked To: NAME" gives it, or is that name less a final period; a name
// shared by several entities is left unresolved). Every screenable entity
// also carries "xref": its counterparts on the other lists
// (xref/entity_view.h), from the snapshot's cross-list links; while the
// server is working those out after a load or reload, "xref" is
// {"status": "pending", "detail"} and the answer has a Retry-After header.
//
// Pure functions over an immutable snapshot (see CrossLinks for when its
// links are made); thread-safe.
#pragma once

#include <string>

#include "service/http_types.h"

namespace embargo::service {

// `path`: what follows "/entities/": "{id}", "{id}/adjacent" or
// "{id}/adjacent/{property}". 404 {"detail": ...} for an unknown id or
// property; 400 for a bad limit/offset/nested.
Response HandleEntity(const ServingSnapshot& snapshot, const std::string& path,
                      const Params& params = {});

}  // namespace embargo::service
