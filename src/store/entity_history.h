// One listed entity across the stored versions of its list, and what changed
// between two versions of a list: the workbench's entity history and list
// diff pages (GET /history/{id}, GET /versions/{id}/diff).
#pragma once

#include <string>
#include <vector>

#include "store/database.h"
#include "store/entity_diff.h"
#include "store/versions.h"

namespace embargo::store {

struct EntityVersionState {
  ListVersion version;
  // added (first held, or held again), changed (another record than the
  // version before), unchanged, removed (held before, not now), absent.
  std::string state;
  std::string record_hash;          // "" when the version does not hold it
  std::vector<FieldChange> fields;  // changed: what changed
};

// Every stored version of the datasets that ever held `entity_id`, oldest
// first, with the entity's state in each. Empty when no version holds it.
Result<std::vector<EntityVersionState>> EntityHistory(Database& db, const std::string& entity_id);

// {"entity", "versions": [{"version": {...}, "state", "record_hash",
// "fields": [{field, added, removed}]}]}
nlohmann::json EntityHistoryToJson(const std::string& entity_id,
                                   const std::vector<EntityVersionState>& history);

// `version_id` against the version of its dataset stored before it (nothing
// before the first): DiffToJson's form with "from" and "to" versions.
Result<nlohmann::json> VersionDiffJson(Database& db, int64_t version_id);

// A version as JSON: {"id", "dataset", "source", "origin", "format",
// "published", "fetched_at", "effective_date", "content_hash", "entities"}.
nlohmann::json ListVersionToJson(const ListVersion& v);

}  // namespace embargo::store
