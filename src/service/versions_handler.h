// List versions over HTTP (service started with --store), for the
// workbench's list pages and for scripts:
//   GET /versions                 every stored version, newest first
//   GET /versions/{id}/diff       what changed since the version before it
//   GET /history/{entity id}      one entity across the versions of its list
// Pure functions over a store connection; the caller serialises access.
#pragma once

#include <string>

#include "service/http_types.h"
#include "store/database.h"

namespace embargo::service {

// 200 {"results": [version...]} (store/entity_history.h, ListVersionToJson).
// `show_paths`: the caller is an admin. Others see each version's origin
// without the server's folders (the file's name, a URL as it is): server
// paths are shown to admins only (a viewer saw them: a new user's trial).
Response HandleVersions(store::Database& db, bool show_paths);
// 200 {"from", "to", "counts", "added", "removed", "changed"}; 404 for an
// unknown version.
Response HandleVersionDiff(store::Database& db, const std::string& id);
// 200 {"entity", "versions": [...]}; 404 when no stored version holds it.
Response HandleEntityHistory(store::Database& db, const std::string& entity_id, bool show_paths);

}  // namespace embargo::service
