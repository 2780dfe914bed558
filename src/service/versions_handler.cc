#include "service/versions_handler.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/strings.h"
#include "store/entity_history.h"

namespace embargo::service {
namespace {

// An origin ("/srv/lists/sdn.xml, https://...") with each path cut to its
// file's name; URLs as they are.
std::string WithoutFolders(const std::string& origin) {
  std::string out;
  for (const std::string& part : SplitList(origin, ',')) {
    const bool url = part.find("://") != std::string::npos;
    const size_t slash = part.find_last_of('/');
    out += (out.empty() ? "" : ", ") +
           (url || slash == std::string::npos ? part : part.substr(slash + 1));
  }
  return out;
}

// Every "origin" in `j`, for a caller who is no admin.
void HideServerPaths(nlohmann::json& j) {
  if (j.is_object()) {
    for (auto& [key, value] : j.items()) {
      if (key == "origin" && value.is_string()) {
        value = WithoutFolders(value.get<std::string>());
      } else {
        HideServerPaths(value);
      }
    }
  } else if (j.is_array()) {
    for (nlohmann::json& item : j) HideServerPaths(item);
  }
}

}  // namespace

Response HandleVersions(store::Database& db, bool show_paths) {
  auto versions = store::ListVersions(db);
  if (!versions.ok()) return ErrorResponse(500, versions.error().ToString());
  Response r;
  r.body = {{"results", nlohmann::json::array()}};
  for (auto it = versions->rbegin(); it != versions->rend(); ++it) {
    r.body["results"].push_back(store::ListVersionToJson(*it));
  }
  if (!show_paths) HideServerPaths(r.body);
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

Response HandleEntityHistory(store::Database& db, const std::string& entity_id, bool show_paths) {
  auto history = store::EntityHistory(db, entity_id);
  if (!history.ok()) return ErrorResponse(500, history.error().ToString());
  if (history->empty()) {
    return ErrorResponse(404, fmt::format("No stored list version holds {}", entity_id));
  }
  Response r;
  r.body = store::EntityHistoryToJson(entity_id, *history);
  if (!show_paths) HideServerPaths(r.body);
  return r;
}

}  // namespace embargo::service
