#include "store/versions.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "common/sha256.h"
#include "common/strings.h"
#include "model/calendar.h"
#include "model/entity_json.h"
#include "store/audit.h"
#include "store/audit_state.h"
#include "store/crash_point.h"

namespace embargo::store {
namespace {

constexpr const char* kVersionColumns =
    "id, dataset, source, origin, format, published, fetched_at, effective_date, content_hash, "
    "file_hash, entity_count";

ListVersion VersionFrom(const SqlRow& r) {
  ListVersion v;
  v.id = r.Int(0);
  v.dataset = r.Text(1);
  v.source = r.Text(2);
  v.origin = r.Text(3);
  v.format = r.Text(4);
  v.published = r.Text(5);
  v.fetched_at = r.Text(6);
  v.effective_date = r.Text(7);
  v.content_hash = r.Text(8);
  v.file_hash = r.Text(9);
  v.entity_count = r.Int(10);
  return v;
}

Result<std::vector<ListVersion>> QueryVersions(Database& db, const std::string& where,
                                               const SqlParams& params) {
  auto rows =
      db.Query(fmt::format("SELECT {} FROM list_versions {}", kVersionColumns, where), params);
  if (!rows.ok()) return rows.error();
  std::vector<ListVersion> out;
  for (const SqlRow& r : *rows) out.push_back(VersionFrom(r));
  return out;
}

// "2024-05" -> "2024-05-01"; a full date as is; anything else -> "".
std::string DayOf(const std::string& date) {
  auto parsed = PartialDate::Parse(date);
  if (!parsed || parsed->year == 0 || !DayExists(*parsed)) return "";
  return fmt::format("{:04}-{:02}-{:02}", parsed->year, std::max(parsed->month, 1),
                     std::max(parsed->day, 1));
}

// The day a version of `dataset` fetched at `fetched_at` is in force from.
std::string EffectiveDate(const Dataset& dataset, const std::string& fetched_at) {
  std::string day = DayOf(dataset.version_date);
  return day.empty() ? fetched_at.substr(0, 10) : day;
}

// For the shrink guard: each dataset's stored version that a new version
// would follow (the latest in force on the new one's effective date), as a
// Dataset named "<dataset>@<id>". A dataset with none (new, or older than
// anything stored) is left out.
Result<std::vector<Dataset>> PredecessorCounts(Database& db, const ListSet& lists) {
  const std::string today = NowUtc();
  std::vector<Dataset> out;
  for (const Dataset& dataset : lists.datasets) {
    auto found = QueryVersions(db,
                               "WHERE dataset = ? AND effective_date <= ? ORDER BY "
                               "effective_date DESC, id DESC LIMIT 1",
                               {dataset.name, EffectiveDate(dataset, today)});
    if (!found.ok()) return found.error();
    if (found->empty()) continue;
    const ListVersion& v = found->front();
    Dataset before;
    before.name = v.dataset;
    before.path = fmt::format("{}@{}", v.dataset, v.id);
    before.entity_count = static_cast<size_t>(v.entity_count);
    out.push_back(std::move(before));
  }
  return out;
}

struct Record {
  const Entity* entity;
  std::string body;
  std::string hash;
};

Result<StoredVersion> StoreDataset(Database& db, const Dataset& dataset,
                                   const std::vector<const Entity*>& entities,
                                   const VersionOrigin& origin) {
  std::vector<Record> records;
  records.reserve(entities.size());
  for (const Entity* e : entities) {
    std::string body = EntityJson(*e);
    std::string hash = Sha256Hex(body);
    records.push_back({e, std::move(body), std::move(hash)});
  }
  std::sort(records.begin(), records.end(),
            [](const Record& a, const Record& b) { return a.entity->id < b.entity->id; });
  Sha256 content;
  for (const Record& r : records) content.Update(r.entity->id + '\t' + r.hash + '\n');

  ListVersion v;
  v.dataset = dataset.name;
  v.source = origin.source;
  v.origin = origin.origin.empty() ? dataset.path : origin.origin;
  v.format = dataset.format;
  v.published = dataset.version_date;
  v.fetched_at = NowUtc();
  v.effective_date = EffectiveDate(dataset, v.fetched_at);
  v.content_hash = content.FinishHex();
  v.file_hash = origin.file_hash;
  v.entity_count = static_cast<int64_t>(records.size());

  // The same content as the latest version in force from the same day is
  // that version. (Content back to an earlier version of the day, A -> B ->
  // A, is a new version: B must not stay in force.)
  auto same = QueryVersions(db, "WHERE dataset = ? AND effective_date = ? ORDER BY id DESC LIMIT 1",
                            {v.dataset, v.effective_date});
  if (!same.ok()) return same.error();
  if (!same->empty() && same->front().content_hash == v.content_hash) {
    StoredVersion out{same->front(), false};
    auto audit = AppendAudit(db, {origin.actor,
                                  "list.unchanged",
                                  fmt::format("{}@{}", v.dataset, out.version.id),
                                  {{"origin", v.origin}, {"content_hash", v.content_hash}}});
    if (!audit.ok()) return audit.error();
    return out;
  }

  auto id = db.QueryValue(
      "INSERT INTO list_versions (dataset, source, origin, format, published, fetched_at, "
      "effective_date, content_hash, file_hash, entity_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?) RETURNING id",
      {v.dataset, v.source, v.origin, v.format,
       v.published.empty() ? SqlParam(nullptr) : SqlParam(v.published), v.fetched_at,
       v.effective_date, v.content_hash,
       v.file_hash.empty() ? SqlParam(nullptr) : SqlParam(v.file_hash), v.entity_count});
  if (!id.ok()) return id.error();
  v.id = ParseNumber<int64_t>(id->value_or("0")).value_or(0);

  SqlParams record_values, link_values;
  record_values.reserve(records.size() * 3);
  link_values.reserve(records.size() * 3);
  for (const Record& r : records) {
    record_values.insert(record_values.end(), {r.hash, r.entity->id, r.body});
    link_values.insert(link_values.end(), {v.id, r.entity->id, r.hash});
  }
  EMBARGO_RETURN_IF_ERROR(InsertRows(db, "INSERT INTO entity_records (hash, entity_id, body)", 3,
                                     record_values, "ON CONFLICT (hash) DO NOTHING"));
  CrashPoint("import.records");
  EMBARGO_RETURN_IF_ERROR(InsertRows(
      db, "INSERT INTO version_entities (version_id, entity_id, record_hash)", 3, link_values));
  // The version's row and every (entity, record hash) it holds, as stored.
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kListVersions, "id = ?", {v.id}));
  EMBARGO_RETURN_IF_ERROR(
      change.Capture(db, AuditedTable::kVersionEntities, "version_id = ?", {v.id}));
  auto audit = AppendStateAudit(db,
                                {origin.actor,
                                 "list.version",
                                 fmt::format("{}@{}", v.dataset, v.id),
                                 {{"origin", v.origin},
                                  {"published", v.published},
                                  {"effective_date", v.effective_date},
                                  {"entities", v.entity_count},
                                  {"content_hash", v.content_hash},
                                  {"file_hash", v.file_hash}}},
                                change);
  if (!audit.ok()) return audit.error();
  return StoredVersion{v, true};
}

Result<std::vector<Entity>> DecodeRecords(Database& db, int64_t version_id,
                                          const std::set<std::string>* only) {
  std::vector<Entity> out;
  Status status = db.ForEach(
      "SELECT v.entity_id, r.body FROM version_entities v JOIN entity_records r ON r.hash = "
      "v.record_hash WHERE v.version_id = ? ORDER BY v.entity_id",
      {version_id}, [&](const SqlRow& row) -> Status {
        if (only != nullptr && !only->contains(row.Text(0))) return Status::Ok();
        auto entity = EntityFromJsonText(row.Text(1));
        if (!entity.ok()) {
          return MakeError(fmt::format("version {} entity {}: stored record is damaged: {}",
                                       version_id, row.Text(0), entity.error().ToString()));
        }
        out.push_back(std::move(*entity));
        return Status::Ok();
      });
  if (!status.ok()) return status.error();
  return out;
}

}  // namespace

Result<std::vector<StoredVersion>> StoreListSet(Database& db, const ListSet& lists,
                                                const VersionOrigin& origin,
                                                const ShrinkGuard& shrink) {
  std::map<std::string, std::vector<const Entity*>> by_dataset;
  for (const Entity& e : lists.entities) by_dataset[e.dataset].push_back(&e);
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto previous = PredecessorCounts(db, lists);
  if (!previous.ok()) return previous.error();
  EMBARGO_RETURN_IF_ERROR(CheckListShrink(*previous, lists, shrink));
  std::vector<StoredVersion> out;
  for (const Dataset& dataset : lists.datasets) {
    auto stored = StoreDataset(db, dataset, by_dataset[dataset.name], origin);
    if (!stored.ok()) return stored.error();
    out.push_back(std::move(*stored));
  }
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return out;
}

Result<std::vector<ListVersion>> ListVersions(Database& db, const std::string& dataset) {
  if (dataset.empty()) return QueryVersions(db, "ORDER BY dataset, effective_date, id", {});
  return QueryVersions(db, "WHERE dataset = ? ORDER BY effective_date, id", {dataset});
}

Result<std::vector<ListVersion>> VersionsInForce(Database& db, const std::string& as_of) {
  if (!as_of.empty() && DayOf(as_of).empty()) {
    return MakeError(fmt::format("'{}' is not a date (YYYY-MM-DD)", as_of));
  }
  auto all = ListVersions(db);
  if (!all.ok()) return all.error();
  std::map<std::string, ListVersion> latest;  // by dataset
  const std::string day = DayOf(as_of);
  for (ListVersion& v : *all) {  // sorted by dataset, effective date, id
    if (!day.empty() && v.effective_date > day) continue;
    latest[v.dataset] = std::move(v);
  }
  std::vector<ListVersion> out;
  for (auto& [name, v] : latest) out.push_back(std::move(v));
  return out;
}

Result<ListVersion> FindVersion(Database& db, const std::string& dataset,
                                const std::string& selector) {
  auto versions = ListVersions(db, dataset);
  if (!versions.ok()) return versions.error();
  if (versions->empty()) return MakeError(fmt::format("no stored versions of '{}'", dataset));
  if (selector.empty() || selector == "latest") return versions->back();
  if (selector == "previous") {
    if (versions->size() < 2) {
      return MakeError(fmt::format("'{}' has only one stored version", dataset));
    }
    return (*versions)[versions->size() - 2];
  }
  if (auto id = ParseNumber<int64_t>(selector)) {
    for (const ListVersion& v : *versions) {
      if (v.id == *id) return v;
    }
    return MakeError(fmt::format("'{}' has no version {}", dataset, selector));
  }
  std::string day = DayOf(selector);
  if (day.empty()) {
    return MakeError(
        fmt::format("version '{}': expected an id, latest, previous or a date", selector));
  }
  const ListVersion* found = nullptr;
  for (const ListVersion& v : *versions) {
    if (v.effective_date <= day) found = &v;
  }
  if (found == nullptr) {
    return MakeError(fmt::format("no version of '{}' was in force on {}", dataset, day));
  }
  return *found;
}

Result<std::vector<Entity>> LoadVersionEntities(Database& db, int64_t version_id) {
  return DecodeRecords(db, version_id, nullptr);
}

Result<std::vector<Entity>> LoadVersionEntities(Database& db, int64_t version_id,
                                                const std::vector<std::string>& ids) {
  std::set<std::string> only(ids.begin(), ids.end());
  return DecodeRecords(db, version_id, &only);
}

Result<ListSet> LoadListSet(Database& db, const std::vector<ListVersion>& versions) {
  ListSet lists;
  for (const ListVersion& v : versions) {
    auto entities = LoadVersionEntities(db, v.id);
    if (!entities.ok()) return entities.error();
    Dataset d;
    d.name = v.dataset;
    d.format = v.format;
    d.path = fmt::format("{}@{}", v.dataset, v.id);
    d.version_date = v.published.empty() ? v.effective_date : v.published;
    d.entity_count = entities->size();
    for (const Entity& e : *entities) d.name_count += e.names.size();
    lists.datasets.push_back(std::move(d));
    std::move(entities->begin(), entities->end(), std::back_inserter(lists.entities));
  }
  return lists;
}

Result<std::vector<std::pair<std::string, std::string>>> VersionRecordHashes(Database& db,
                                                                             int64_t version_id) {
  std::vector<std::pair<std::string, std::string>> out;
  Status status = db.ForEach(
      "SELECT entity_id, record_hash FROM version_entities WHERE version_id = ? ORDER BY "
      "entity_id",
      {version_id}, [&](const SqlRow& r) {
        out.emplace_back(r.Text(0), r.Text(1));
        return Status::Ok();
      });
  if (!status.ok()) return status.error();
  return out;
}

Result<std::map<std::string, FirstSeen>> FirstSeenDates(Database& db, const ListVersion& version) {
  auto versions = ListVersions(db, version.dataset);
  if (!versions.ok()) return versions.error();
  std::set<std::string> dates;  // effective dates of the versions up to `version`
  for (const ListVersion& v : *versions)
    if (v.effective_date <= version.effective_date) dates.insert(v.effective_date);
  std::map<std::string, FirstSeen> out;
  Status status = db.ForEach(
      "SELECT cur.entity_id, MIN(lv.effective_date) FROM version_entities cur "
      "JOIN version_entities ve ON ve.entity_id = cur.entity_id "
      "JOIN list_versions lv ON lv.id = ve.version_id "
      "WHERE cur.version_id = ? AND lv.dataset = ? AND lv.effective_date <= ? "
      "GROUP BY cur.entity_id",
      {version.id, version.dataset, version.effective_date}, [&](const SqlRow& r) {
        FirstSeen seen{r.Text(1), ""};
        auto it = dates.find(seen.by);
        if (it != dates.begin() && it != dates.end()) seen.after = *std::prev(it);
        out.emplace(r.Text(0), std::move(seen));
        return Status::Ok();
      });
  if (!status.ok()) return status.error();
  return out;
}

Result<VersionDelta> DiffVersionIds(Database& db, int64_t from_id, int64_t to_id) {
  VersionDelta delta;
  std::map<std::string, std::string> before;
  if (from_id != 0) {
    auto rows = VersionRecordHashes(db, from_id);
    if (!rows.ok()) return rows.error();
    before.insert(rows->begin(), rows->end());
  }
  auto after = VersionRecordHashes(db, to_id);
  if (!after.ok()) return after.error();
  for (const auto& [id, hash] : *after) {
    auto it = before.find(id);
    if (it == before.end()) {
      delta.added.push_back(id);
    } else {
      if (it->second != hash) delta.changed.push_back(id);
      before.erase(it);
    }
  }
  for (auto& [id, hash] : before) delta.removed.push_back(id);
  return delta;
}

}  // namespace embargo::store
