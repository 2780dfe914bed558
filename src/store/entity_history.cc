#include "store/entity_history.h"

#include <fmt/format.h>

#include <map>

#include "model/entity_json.h"

namespace embargo::store {
namespace {

Result<Entity> RecordEntity(Database& db, const std::string& hash) {
  auto body = db.QueryValue("SELECT body FROM entity_records WHERE hash = ?", {hash});
  if (!body.ok()) return body.error();
  if (!body->has_value()) return MakeError(fmt::format("entity record {} is missing", hash));
  return EntityFromJsonText(**body);
}

}  // namespace

nlohmann::json ListVersionToJson(const ListVersion& v) {
  return {{"id", v.id},
          {"dataset", v.dataset},
          {"source", v.source},
          {"origin", v.origin},
          {"format", v.format},
          {"published", v.published},
          {"fetched_at", v.fetched_at},
          {"effective_date", v.effective_date},
          {"content_hash", v.content_hash},
          {"entities", v.entity_count}};
}

Result<std::vector<EntityVersionState>> EntityHistory(Database& db, const std::string& entity_id) {
  auto datasets = db.Query(
      "SELECT DISTINCT v.dataset FROM version_entities e JOIN list_versions v ON v.id = "
      "e.version_id WHERE e.entity_id = ? ORDER BY v.dataset",
      {entity_id});
  if (!datasets.ok()) return datasets.error();
  std::vector<EntityVersionState> history;
  for (const SqlRow& d : *datasets) {
    auto versions = ListVersions(db, d.Text(0));
    if (!versions.ok()) return versions.error();
    std::string previous_hash;  // of the last version that held it
    bool held_before = false, held_last = false;
    for (const ListVersion& v : *versions) {
      auto hash = db.QueryValue(
          "SELECT record_hash FROM version_entities WHERE version_id = ? AND entity_id = ?",
          {v.id, entity_id});
      if (!hash.ok()) return hash.error();
      EntityVersionState s{v, "", hash->value_or(""), {}};
      if (s.record_hash.empty()) {
        s.state = held_last ? "removed" : "absent";
      } else if (!held_last) {
        s.state = "added";
      } else if (s.record_hash == previous_hash) {
        s.state = "unchanged";
      } else {
        s.state = "changed";
        auto before = RecordEntity(db, previous_hash);
        if (!before.ok()) return before.error();
        auto after = RecordEntity(db, s.record_hash);
        if (!after.ok()) return after.error();
        std::vector<Entity> b{*before}, a{*after};
        ListDiff diff = DiffEntities(b, a);
        if (!diff.changed.empty()) s.fields = diff.changed.front().fields;
      }
      held_last = !s.record_hash.empty();
      held_before = held_before || held_last;
      if (held_last) previous_hash = s.record_hash;
      if (held_before) history.push_back(std::move(s));
    }
  }
  return history;
}

nlohmann::json EntityHistoryToJson(const std::string& entity_id,
                                   const std::vector<EntityVersionState>& history) {
  nlohmann::json versions = nlohmann::json::array();
  for (const EntityVersionState& s : history) {
    versions.push_back({{"version", ListVersionToJson(s.version)},
                        {"state", s.state},
                        {"record_hash", s.record_hash},
                        {"fields", FieldChangesToJson(s.fields)}});
  }
  return {{"entity", entity_id}, {"versions", std::move(versions)}};
}

Result<nlohmann::json> VersionDiffJson(Database& db, int64_t version_id) {
  auto all = ListVersions(db);
  if (!all.ok()) return all.error();
  const ListVersion* to = nullptr;
  const ListVersion* from = nullptr;
  for (const ListVersion& v : *all) {
    if (v.id == version_id) to = &v;
  }
  if (to == nullptr) return MakeError(fmt::format("no list version {}", version_id));
  for (const ListVersion& v : *all) {
    if (v.dataset == to->dataset && v.id < to->id) from = &v;  // oldest first: the last before
  }
  auto delta = DiffVersionIds(db, from ? from->id : 0, to->id);
  if (!delta.ok()) return delta.error();
  std::vector<std::string> before_ids = delta->changed, after_ids = delta->added;
  before_ids.insert(before_ids.end(), delta->removed.begin(), delta->removed.end());
  after_ids.insert(after_ids.end(), delta->changed.begin(), delta->changed.end());
  std::vector<Entity> before, after;
  if (from != nullptr) {
    auto loaded = LoadVersionEntities(db, from->id, before_ids);
    if (!loaded.ok()) return loaded.error();
    before = std::move(*loaded);
  }
  auto loaded = LoadVersionEntities(db, to->id, after_ids);
  if (!loaded.ok()) return loaded.error();
  after = std::move(*loaded);
  nlohmann::json j = DiffToJson(DiffEntities(before, after));
  // Only what differs was loaded: the rest of `to` is unchanged.
  j["counts"]["unchanged"] = to->entity_count - static_cast<int64_t>(delta->added.size()) -
                             static_cast<int64_t>(delta->changed.size());
  j["from"] = from ? ListVersionToJson(*from) : nlohmann::json();
  j["to"] = ListVersionToJson(*to);
  return j;
}

}  // namespace embargo::store
