#include "service/reconcile_handler.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>
#include <variant>

#include "common/json_parse.h"
#include "common/parallel.h"
#include "common/strings.h"
#include "match/match_json.h"
#include "service/algorithms_handler.h"
#include "service/catalog_handler.h"
#include "service/entity_filter.h"
#include "service/json_body_check.h"
#include "service/name_prefix_index.h"
#include "service/query_names.h"
#include "service/reconcile_entities.h"
#include "service/reconcile_query.h"
#include "service/reconcile_schema.h"
#include "service/request_target.h"

namespace embargo::service {
namespace {

using nlohmann::json;

// Where OpenSanctions defines its identifiers and types: the same for
// yente and embargo, so OpenRefine treats the two services as one space.
constexpr const char* kOpenSanctionsSpace = "https://www.opensanctions.org/reference/#schema";

// The JSON a client sent as `what` (a parameter, form field or body), or
// the error response: over the shape limits, or not JSON.
std::variant<json, Response> ParseClientJson(std::string_view text, const std::string& what,
                                             const Limits& limits) {
  if (std::optional<Response> refused = CheckJsonBody(text, limits)) return *refused;
  Result<json> parsed = ParseJson(text, what);
  if (!parsed.ok()) return ErrorResponse(400, parsed.error().ToString());
  return std::move(*parsed);
}

// What a reconciliation request carries besides the manifest request.
struct Payload {
  std::optional<json> queries;
  std::optional<json> extend;
};

bool IsJsonBody(std::string_view content_type, std::string_view body) {
  std::string type = AsciiLowercase(content_type);
  if (type.rfind("application/json", 0) == 0) return true;
  std::string_view trimmed = Trim(body);
  return type.find("form") == std::string::npos && !trimmed.empty() && trimmed.front() == '{';
}

// Reads `queries` and `extend`, JSON texts, from the parameters and a form
// body, or as members (objects or JSON texts) of a JSON body.
std::variant<Payload, Response> ReadPayload(const ReconcileRequest& request, const Limits& limits) {
  Params fields = request.params;
  std::optional<json> body;
  if (!request.body.empty()) {
    if (AsciiLowercase(request.content_type).rfind("multipart/", 0) == 0) {
      return ErrorResponse(415,
                           "send the form as application/x-www-form-urlencoded, or the batch "
                           "as JSON: {\"queries\": {...}}");
    }
    if (IsJsonBody(request.content_type, request.body)) {
      auto parsed = ParseClientJson(request.body, "request body", limits);
      if (auto* error = std::get_if<Response>(&parsed)) return std::move(*error);
      body = std::move(std::get<json>(parsed));
      if (!body->is_object())
        return ErrorResponse(400, "request body must be an object with 'queries' or 'extend'");
    } else {
      Result<RequestTarget> form = ParseRequestTarget("/?" + std::string(request.body));
      if (!form.ok()) return ErrorResponse(400, "request body: " + form.error().message);
      fields.merge(form->params);
    }
  }
  Payload payload;
  for (const char* name : {"queries", "extend"}) {
    std::optional<json>& into =
        std::string_view(name) == "queries" ? payload.queries : payload.extend;
    if (body && body->contains(name) && !(*body)[name].is_string()) {
      into = (*body)[name];
      continue;
    }
    std::string text =
        body && body->contains(name) ? (*body)[name].get<std::string>() : Param(fields, name);
    if (Trim(text).empty()) continue;
    auto parsed = ParseClientJson(text, name, limits);
    if (auto* error = std::get_if<Response>(&parsed)) return std::move(*error);
    into = std::move(std::get<json>(parsed));
  }
  if (!request.body.empty() && !payload.queries && !payload.extend) {
    return ErrorResponse(400, body ? "request body must be an object with 'queries' or 'extend'"
                                   : "request body must give the form field 'queries' or 'extend'");
  }
  return payload;
}

json TypeJson(const ReconType& t) {
  return {{"id", t.name}, {"name", t.plural}, {"description", t.description}};
}

// "Person · UN Security Council Consolidated Sanctions List".
std::string EntityDescription(const Entity& e) {
  return fmt::format("{} · {}", ReconTypeOf(e.schema).label, DatasetTitle(e.dataset));
}

json Candidate(const Match& m) {
  const Entity& e = *m.entity;
  json features = json::array();
  for (const FeatureContribution& f : m.explanation.features)
    features.push_back({{"id", f.feature}, {"value", match::RoundScore(f.value)}});
  return {{"id", e.id},
          {"name", e.caption()},
          {"description", EntityDescription(e)},
          {"type", {TypeJson(ReconTypeOf(e.schema))}},
          {"score", match::RoundScore(m.score)},
          {"match", m.match},
          {"features", features}};
}

Response ReconcileBatch(const ServingSnapshot& snapshot, const std::string& dataset,
                        const Params& params, const json& batch, const Limits& limits) {
  std::string algorithm = Param(params, "algorithm", "best");
  if (!IsKnownAlgorithm(algorithm))
    return ErrorResponse(400, fmt::format("Unknown algorithm: {}", algorithm));
  Result<EntityFilter> filter = ParseEntityFilter(snapshot, dataset, params);
  if (!filter.ok()) return ErrorResponse(422, filter.error().message);
  if (!batch.is_object())
    return ErrorResponse(400, "queries must be an object of query keys to queries");
  if (batch.size() > limits.max_queries) {
    return ErrorResponse(400, fmt::format("Too many queries in one batch: {}, at most {}",
                                          batch.size(), limits.max_queries));
  }
  std::vector<ReconQuery> queries;
  for (auto it = batch.begin(); it != batch.end(); ++it) {
    Result<ReconQuery> q = ReadReconcileQuery(it.key(), it.value(), limits);
    if (!q.ok()) return ErrorResponse(400, q.error().message);
    queries.push_back(std::move(*q));
  }
  auto accept = [&filter](const Entity& e) { return filter->Accepts(e); };
  std::vector<std::vector<Match>> results(queries.size());
  ParallelFor(queries.size(), queries.size() >= kParallelQueries ? 0 : 1, [&](size_t i) {
    if (!queries[i].screened) return;
    ScreenOptions options{kDefaultThreshold, kReconcileCutoff, queries[i].limit, accept};
    results[i] = snapshot.screener->Screen(queries[i].query, options);
  });
  Response response;
  response.body = json::object();
  for (size_t i = 0; i < queries.size(); ++i) {
    json result = json::array();
    for (const Match& m : results[i]) {
      result.push_back(Candidate(m));
      response.alerts += m.match ? 1 : 0;
    }
    response.body[queries[i].key] = {{"result", std::move(result)}};
  }
  response.queries = queries.size();
  response.headers.emplace_back("x-batch-size", std::to_string(queries.size()));
  return response;
}

// The types a query may ask for: every screenable schema, in ReconTypes()
// order, whatever the dataset holds (as yente offers every matchable one).
std::vector<const ReconType*> ScreenableTypes() {
  std::vector<const ReconType*> out;
  for (const ReconType& t : ReconTypes()) {
    if (t.schema) out.push_back(&t);
  }
  return out;
}

// A dataset name as one path segment of a URL.
std::string PathSegment(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (IsAsciiAlnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

json ServiceManifest(const std::string& dataset, const ReconcileRequest& request) {
  size_t question = request.target.find('?');
  std::string query =
      question == std::string_view::npos ? "" : std::string(request.target.substr(question));
  if (query == "?") query.clear();
  std::string service = fmt::format("{}/reconcile/{}", request.base_url, PathSegment(dataset));
  auto endpoint = [&](const char* path) {
    return json{{"service_url", service}, {"service_path", path + query}};
  };
  json types = json::array();
  for (const ReconType* t : ScreenableTypes()) types.push_back(TypeJson(*t));
  json render = {{"name", "render"},
                 {"label", "Value rendering"},
                 {"type", "select"},
                 {"default", "caption"},
                 {"help_text", "Countries by name ('North Korea') or as codes ('kp')"},
                 {"choices",
                  {{{"id", "caption"}, {"name", "User-readable value"}},
                   {{"id", "raw"}, {"name", "Machine-readable value"}}}}};
  json limit = {{"name", "limit"},
                {"label", "Limit"},
                {"type", "number"},
                {"default", 0},
                {"help_text", "Most values to return per row (0: all)"}};
  return {
      {"versions", {"0.2"}},
      {"name", fmt::format("{} (embargo)", DatasetTitle(dataset))},
      {"identifierSpace", kOpenSanctionsSpace},
      {"schemaSpace", kOpenSanctionsSpace},
      {"documentation", fmt::format("{}/openapi.json", request.base_url)},
      {"batchSize", kReconcileBatchSize},
      {"view", {{"url", fmt::format("{}/entities/{{{{id}}}}{}", request.base_url, query)}}},
      {"preview",
       {{"url", fmt::format("{}/preview?id={{{{id}}}}{}", service,
                            query.empty() ? "" : "&" + query.substr(1))},
        {"width", kReconcilePreviewWidth},
        {"height", kReconcilePreviewHeight}}},
      {"suggest",
       {{"entity", endpoint("/suggest/entity")},
        {"type", endpoint("/suggest/type")},
        {"property", endpoint("/suggest/property")}}},
      {"extend",
       {{"propose_properties", endpoint("/extend/property")},
        {"property_settings", {limit, render}}}},
      {"defaultTypes", types},
  };
}

// yente's match_prefix: `prefix` (case-insensitive, trimmed, not empty)
// begins one of `labels`.
bool MatchesPrefix(std::string_view prefix, std::initializer_list<std::string_view> labels) {
  std::string p = AsciiLowercase(Trim(prefix));
  if (p.empty()) return false;
  return std::any_of(labels.begin(), labels.end(), [&p](std::string_view label) {
    return AsciiLowercase(Trim(label)).rfind(p, 0) == 0;
  });
}

json SuggestTypes(const std::string& prefix) {
  json result = json::array();
  for (const ReconType* t : ScreenableTypes()) {
    if (result.size() < kSuggestTypeLimit && MatchesPrefix(prefix, {t->name, t->label}))
      result.push_back(TypeJson(*t));
  }
  return result;
}

// The scored properties of the types in scope (and their parents).
json SuggestProperties(const std::string& prefix) {
  std::vector<const ReconType*> types = ScreenableTypes();
  json result = json::array();
  for (const ReconProperty& p : ReconProperties()) {
    bool applies = std::any_of(types.begin(), types.end(), [&p](const ReconType* t) {
      return IsTypeOrParent(p.schema, t->name);
    });
    if (p.field == QueryField::kNone || !applies || !MatchesPrefix(prefix, {p.name, p.label}))
      continue;
    if (result.size() < kSuggestTypeLimit)
      result.push_back({{"id", p.qname()}, {"name", p.label}, {"description", p.Description()}});
  }
  return result;
}

Result<json> SuggestEntities(const ServingSnapshot& snapshot, const std::string& dataset,
                             const Params& params) {
  std::optional<size_t> limit =
      ParseNumber<size_t>(Param(params, "limit", std::to_string(kSuggestDefaultLimit)));
  if (!limit || *limit > kSuggestMaxLimit)
    return MakeError(fmt::format("limit must be an integer in [0, {}]", kSuggestMaxLimit));
  Result<EntityFilter> filter = ParseEntityFilter(snapshot, dataset, params);
  if (!filter.ok()) return filter.error();
  const std::vector<Entity>& entities = snapshot.screener->lists().entities;
  auto index = NamePrefixIndex::ForScreener(snapshot.screener);
  json result = json::array();
  for (const NamePrefixIndex::Hit& hit :
       index->Find(entities, Param(params, "prefix"), *limit,
                   [&filter](const Entity& e) { return filter->Accepts(e); })) {
    const Entity& e = *hit.entity;
    result.push_back({{"id", e.id},
                      {"name", e.caption()},
                      {"description", EntityDescription(e)},
                      {"type", {TypeJson(ReconTypeOf(e.schema))}}});
  }
  return result;
}

}  // namespace

Response HandleReconcile(const ServingSnapshot& snapshot, const std::string& dataset,
                         const ReconcileRequest& request, const Limits& limits) {
  std::vector<std::string> scope = ResolveDatasetScope(snapshot, dataset);
  if (scope.empty()) return UnknownDataset(dataset);
  auto payload = ReadPayload(request, limits);
  if (auto* error = std::get_if<Response>(&payload)) return std::move(*error);
  const Payload& p = std::get<Payload>(payload);
  if (p.extend) return ExtendEntities(snapshot, *p.extend, limits);
  if (p.queries) return ReconcileBatch(snapshot, dataset, request.params, *p.queries, limits);
  Response r;
  r.body = ServiceManifest(dataset, request);
  return r;
}

Response HandleReconcileSuggest(const ServingSnapshot& snapshot, const std::string& dataset,
                                ReconcileSuggest kind, const Params& params) {
  std::vector<std::string> scope = ResolveDatasetScope(snapshot, dataset);
  if (scope.empty()) return UnknownDataset(dataset);
  std::string prefix = Param(params, "prefix");
  json result;
  switch (kind) {
    case ReconcileSuggest::kType: result = SuggestTypes(prefix); break;
    case ReconcileSuggest::kProperty: result = SuggestProperties(prefix); break;
    case ReconcileSuggest::kEntity: {
      Result<json> entities = SuggestEntities(snapshot, dataset, params);
      if (!entities.ok()) return ErrorResponse(422, entities.error().message);
      result = std::move(*entities);
      break;
    }
  }
  Response r;
  r.body = {{"code", "/api/status/ok"},
            {"status", "200 OK"},
            {"prefix", prefix},
            {"result", std::move(result)}};
  return r;
}

Response HandleReconcileExtendProperties(const ServingSnapshot& snapshot,
                                         const std::string& dataset, const Params& params) {
  if (ResolveDatasetScope(snapshot, dataset).empty()) return UnknownDataset(dataset);
  return ProposeProperties(params);
}

Response HandleReconcilePreview(const ServingSnapshot& snapshot, const std::string& dataset,
                                const Params& params) {
  if (ResolveDatasetScope(snapshot, dataset).empty()) return UnknownDataset(dataset);
  return PreviewEntity(snapshot, Param(params, "id"));
}

std::string ServiceBaseUrl(std::string_view host, std::string_view forwarded_proto, bool tls) {
  bool https = tls || EqualsIgnoreCase(Trim(forwarded_proto), "https");
  host = Trim(host);
  bool valid =
      !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
               c == '[' || c == ']';
      });
  return fmt::format("{}://{}", https ? "https" : "http", valid ? host : "localhost");
}

}  // namespace embargo::service
