#include "service/versions_handler.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/strings.h"
#include "store/entity_history.h"

namespace embargo::service {

Response HandleVersions(store::Database& db) {
  auto versions = store::ListVersions(db);
  if (!versions.ok()) return ErrorResponse(500, versions.error().ToString());
  Response r;
  r.body = {{"results", nlohmann::json::array()}};
  for (auto it = versions->rbegin(); it != versions->rend(); ++it) {
    r.body["results"].push_back(store::ListVersionToJson(*it));
  }
  return r;
}

Response HandleVersionDiff(store::Database& db, const std::string& id) {
  auto n = ParseNumber<int64_t>(id);
  if (!n || *n <= 0) return ErrorResponse(404, fmt::format("List version not found: {}", id));
  auto versions = store::ListVersions(db);
  if (!versions.ok()) return ErrorResponse(500, versions.error().ToString());
  if (std::none_of(versions->begin(), versions->end(),
                   [&](const store::ListVersion& v) { return v.id == *n; })) {
    return ErrorResponse(404, fmt::format("List version not found: {}", id));
  }
  auto diff = store::VersionDiffJson(db, *n);
  if (!diff.ok()) return ErrorResponse(500, diff.error().ToString());
  Response r;
  r.body = std::move(*diff);
  return r;
}

Response HandleEntityHistory(store::Database& db, const std::string& entity_id) {
  auto history = store::EntityHistory(db, entity_id);
  if (!history.ok()) return ErrorResponse(500, history.error().ToString());
  if (history->empty()) {
    return ErrorResponse(404, fmt::format("No stored list version holds {}", entity_id));
  }
  Response r;
  r.body = store::EntityHistoryToJson(entity_id, *history);
  return r;
}

}  // namespace embargo::service
