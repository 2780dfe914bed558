#include "service/entity_handler.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/strings.h"
#include "model/ftm_schema.h"
#include "service/ftm_graph.h"
#include "service/ftm_output.h"
#include "xref/entity_view.h"
#include "xref/link_target.h"

namespace embargo::service {
namespace {

constexpr size_t kAdjacentDefaultLimit = 10;  // yente's default page
constexpr size_t kAdjacentMaxLimit = 500;
constexpr size_t kAdjacentMaxOffset = 10000;

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json LinkToJson(const Screener& screener, const Entity& source, const Link& link) {
  const Entity* target =
      xref::ResolveLink(screener.lists(), source, link,
                        [&screener](std::string_view id) { return screener.FindEntity(id); });
  return {{"relation", link.relation},
          {"target_id", target != nullptr ? nlohmann::json(target->id) : OrNull(link.target_id)},
          {"target_name", OrNull(link.target_name)},
          {"target", target != nullptr ? EntityToFtm(*target) : nlohmann::json(nullptr)}};
}

// Seconds a client is told to wait for the cross-list links after a (re)load.
constexpr int kCrossLinksRetrySeconds = 10;

// The entity's links and its counterparts on the other lists. While the
// server computes the cross-list links (after a load or reload: tens of
// seconds on a busy machine), the entity is answered at once with
// "xref": {"status": "pending", ...} and a Retry-After header.
void AddLinksAndXref(const ServingSnapshot& snapshot, const Entity& entity, Response& r) {
  nlohmann::json& body = r.body;
  const Screener& screener = *snapshot.screener;
  nlohmann::json links = nlohmann::json::array();
  for (const Link& link : entity.links) links.push_back(LinkToJson(screener, entity, link));
  body["links"] = std::move(links);
  const ListSet& lists = screener.lists();
  if (snapshot.cross_links->computing()) {
    body["xref"] = {
        {"status", "pending"},
        {"detail", fmt::format("the cross-list links are being worked out after a (re)load: "
                               "ask again in about {} s",
                               kCrossLinksRetrySeconds)}};
    r.headers.emplace_back("Retry-After", std::to_string(kCrossLinksRetrySeconds));
    return;
  }
  size_t index = static_cast<size_t>(&entity - lists.entities.data());
  const CrossLinks::Linked& cross = snapshot.cross_links->Get(lists);
  body["xref"] =
      xref::EntityViewToJson(lists, xref::ViewEntity(lists, cross.result, *cross.linker, index));
}

struct EntityPath {
  std::string id;
  bool adjacent = false;
  std::string property;  // with adjacent: one property's page
};

std::optional<EntityPath> SplitPath(const std::string& path) {
  EntityPath out;
  size_t slash = path.find('/');
  out.id = path.substr(0, slash);
  if (slash == std::string::npos) return out;
  std::string_view rest = std::string_view(path).substr(slash + 1);
  if (!rest.starts_with("adjacent")) return std::nullopt;
  rest.remove_prefix(8);
  out.adjacent = true;
  if (rest.empty()) return out;
  if (rest[0] != '/' || rest.size() == 1) return std::nullopt;
  out.property = std::string(rest.substr(1));
  if (out.property.find('/') != std::string::npos) return std::nullopt;
  return out;
}

struct Page {
  size_t limit = kAdjacentDefaultLimit;
  size_t offset = 0;
};

std::optional<std::string> ParsePage(const Params& params, Page& page) {
  auto limit = ParseNumber<size_t>(Param(params, "limit", std::to_string(page.limit)));
  if (!limit || *limit > kAdjacentMaxLimit)
    return fmt::format("limit must be an integer in [0, {}]", kAdjacentMaxLimit);
  auto offset = ParseNumber<size_t>(Param(params, "offset", "0"));
  if (!offset || *offset > kAdjacentMaxOffset)
    return fmt::format("offset must be an integer in [0, {}]", kAdjacentMaxOffset);
  page = {*limit, *offset};
  return std::nullopt;
}

// {"results": [...], "total": {"value", "relation"}, "limit", "offset"}.
nlohmann::json PageOf(std::vector<nlohmann::json> records, const Page& page) {
  nlohmann::json results = nlohmann::json::array();
  for (size_t i = page.offset; i < records.size() && i < page.offset + page.limit; ++i) {
    results.push_back(std::move(records[i]));
  }
  return {{"results", std::move(results)},
          {"total", {{"value", records.size()}, {"relation", "eq"}}},
          {"limit", page.limit},
          {"offset", page.offset}};
}

Response Adjacent(const FtmGraph* graph, const FtmRecord* record, const Entity* entity,
                  const EntityPath& path, const Params& params) {
  Page page;
  if (auto error = ParsePage(params, page)) return ErrorResponse(400, *error);
  std::vector<std::pair<std::string, std::vector<nlohmann::json>>> adjacent;
  if (record != nullptr) adjacent = graph->Adjacent(*record);
  Response r;
  if (!path.property.empty()) {
    if (!IsFtmEntityPropertyName(path.property))
      return ErrorResponse(404, "No such property: " + path.property);
    auto it = std::find_if(adjacent.begin(), adjacent.end(),
                           [&](const auto& a) { return a.first == path.property; });
    r.body =
        PageOf(it == adjacent.end() ? std::vector<nlohmann::json>{} : std::move(it->second), page);
    return r;
  }
  r.body["entity"] = entity != nullptr ? EntityToFtm(*entity) : RecordToFtm(*record);
  nlohmann::json groups = nlohmann::json::object();
  for (auto& [property, records] : adjacent) groups[property] = PageOf(std::move(records), page);
  r.body["adjacent"] = std::move(groups);
  return r;
}

}  // namespace

Response HandleEntity(const ServingSnapshot& snapshot, const std::string& full_path,
                      const Params& params) {
  std::optional<EntityPath> path = SplitPath(full_path);
  if (!path) return ErrorResponse(404, "Not found: /entities/" + full_path);
  Result<bool> nested = BoolParam(params, "nested", true);
  if (!nested.ok()) return ErrorResponse(400, nested.error().message);
  const FtmGraph* graph = snapshot.ftm_graph.get();
  const Entity* entity = snapshot.screener->FindEntity(path->id);
  const FtmRecord* record = nullptr;
  if (entity != nullptr) {
    record = entity->ftm.get();
  } else if (graph != nullptr) {
    record = graph->Find(path->id);
  }
  if (entity == nullptr && record == nullptr) {
    std::string_view canonical = graph != nullptr ? graph->CanonicalOf(path->id) : "";
    if (canonical.empty()) return ErrorResponse(404, "Entity not found: " + path->id);
    Response r = ErrorResponse(
        308, fmt::format("Entity {} was merged into {}", path->id, std::string(canonical)));
    std::string location = "/entities/" + std::string(canonical);
    if (path->adjacent)
      location += "/adjacent" + (path->property.empty() ? "" : "/" + path->property);
    r.headers.emplace_back("Location", location);
    return r;
  }
  if (path->adjacent) return Adjacent(graph, record, entity, *path, params);
  Response r;
  if (record != nullptr) {
    std::string_view loaded_as = entity != nullptr ? std::string_view(entity->dataset) : "";
    r.body = *nested && graph != nullptr ? graph->Nested(*record, loaded_as)
                                         : RecordToFtm(*record, loaded_as);
  } else {
    r.body = EntityToFtm(*entity);
  }
  if (entity != nullptr) AddLinksAndXref(snapshot, *entity, r);
  return r;
}

}  // namespace embargo::service
