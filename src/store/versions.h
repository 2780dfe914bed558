// List versions in the store. Every stored version keeps its entities (as
// content-addressed JSON records, so an entity unchanged between versions is
// stored once), so any past version can be rebuilt exactly. A dataset whose
// content equals its latest stored version makes no new version. Versions
// are "in force" from their effective date: the list's own publication date,
// else the day embargo fetched it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "embargo/entity.h"
#include "embargo/lists.h"
#include "sources/list_guard.h"
#include "store/database.h"

namespace embargo::store {

struct ListVersion {
  int64_t id = 0;
  std::string dataset;
  std::string source;  // "import" or "update <source>"
  std::string origin;  // path or URLs
  std::string format;
  std::string published;  // "" when the list gives no date
  std::string fetched_at;
  std::string effective_date;
  std::string content_hash;
  std::string file_hash;
  int64_t entity_count = 0;
};

struct VersionOrigin {
  std::string source = "import";
  std::string origin;     // overrides each Dataset's path when set (URLs)
  std::string file_hash;  // SHA-256 of the files read, when known
  std::string actor;      // for the audit log; "" = the OS user
};

struct StoredVersion {
  ListVersion version;
  bool created = false;  // false: same content as the latest version, nothing stored
};

// Stores each dataset of `lists` (in one transaction, with one audit row per
// dataset: list.version or list.unchanged). First, the shrink guard
// (sources/list_guard.h) compares each dataset with the stored version it
// would follow (the latest in force on its effective date); a list that
// shrank too far is refused and nothing is stored.
Result<std::vector<StoredVersion>> StoreListSet(Database& db, const ListSet& lists,
                                                const VersionOrigin& origin,
                                                const ShrinkGuard& shrink = {});

// All versions of `dataset` (every dataset when empty), oldest first.
Result<std::vector<ListVersion>> ListVersions(Database& db, const std::string& dataset = "");

// The latest version of each dataset in force on `as_of` (YYYY-MM-DD; empty
// = the latest of all), by effective date, then by storage order.
Result<std::vector<ListVersion>> VersionsInForce(Database& db, const std::string& as_of = "");

// A version of `dataset` chosen by `selector`: its id ("3"), "latest",
// "previous" (the one before the latest) or a date (in force that day).
Result<ListVersion> FindVersion(Database& db, const std::string& dataset,
                                const std::string& selector);

// The entities of a version, sorted by id.
Result<std::vector<Entity>> LoadVersionEntities(Database& db, int64_t version_id);
// Entities of a version restricted to `ids` (any order; unknown ids ignored).
Result<std::vector<Entity>> LoadVersionEntities(Database& db, int64_t version_id,
                                                const std::vector<std::string>& ids);

// The given versions as a ListSet (for Screener::Build).
Result<ListSet> LoadListSet(Database& db, const std::vector<ListVersion>& versions);

// Entity ids that differ between two versions of one dataset (from_id 0 =
// nothing before): added or changed (in `to` with a different record), and
// removed. Sorted.
struct VersionDelta {
  std::vector<std::string> added;
  std::vector<std::string> changed;
  std::vector<std::string> removed;
};
Result<VersionDelta> DiffVersionIds(Database& db, int64_t from_id, int64_t to_id);

// When the stored versions first show each entity of `version`: the
// effective date of the earliest version of its dataset (in force no later
// than `version`) that holds it, and the effective date of the version
// before that one. An entity the list does not date was designated after
// `after` and by `by`; `after` is "" for an entity already in the earliest
// stored version (designated on or before `by`).
struct FirstSeen {
  std::string by;
  std::string after;
};
Result<std::map<std::string, FirstSeen>> FirstSeenDates(Database& db, const ListVersion& version);

// The record hash of each entity id in a version.
Result<std::vector<std::pair<std::string, std::string>>> VersionRecordHashes(Database& db,
                                                                             int64_t version_id);

}  // namespace embargo::store
