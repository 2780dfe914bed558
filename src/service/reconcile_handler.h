// The OpenRefine reconciliation service (Reconciliation Service API 0.2, as
// yente offers it at /reconcile) over a serving snapshot. {dataset} is
// resolved as /match resolves it (404 when unknown).
//   GET  /reconcile/{dataset}: the service manifest (name, identifier and
//        schema spaces, view and preview URLs, suggest and extend services,
//        defaultTypes: the types the dataset holds). With a `queries` or
//        `extend` parameter, answers it as POST does.
//   POST /reconcile/{dataset}: the form field (or, in a JSON body, the
//        member) `queries`: {key: {"query", "type", "limit", "properties":
//        [{"pid", "v"}]}} (service/reconcile_query.h) -> {key: {"result":
//        [{id, name, description, type: [{id, name}], score, match,
//        features: [{id, value}]}]}}, scored by the Screener (score in
//        [0, 1] as yente's, match = score >= 0.8, best first, down to 0.5);
//        or `extend` (service/reconcile_entities.h): {"ids", "properties":
//        [{"id", "settings"}]} -> {"meta", "rows"}. A multipart body is 415.
//        Parameters: algorithm (as /match), changed_since, and /match's
//        dataset, schema and topic filters. Header x-batch-size.
//   GET  .../suggest/entity?prefix=&limit=: entities by the beginning of a
//        name (service/name_prefix_index.h); .../suggest/type and
//        .../suggest/property?prefix=: types and scored properties by the
//        beginning of their id or label, at most 5.
//   GET  .../extend/property?type=&limit=: the properties data extension
//        can add to entities of a type.
//   GET  .../preview?id=: an entity as a small HTML card (Response::text),
//        for OpenRefine's preview pane.
// Errors are {"detail"}: 400 for a batch or body that cannot be read
// (naming the query and field), 422 for a parameter out of range.
// Pure functions over an immutable snapshot; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "service/http_types.h"

namespace embargo::service {

inline constexpr double kReconcileCutoff = 0.5;
inline constexpr size_t kReconcileBatchSize = 10;  // queries OpenRefine is asked to send at once
inline constexpr size_t kSuggestDefaultLimit = 10;
inline constexpr size_t kSuggestMaxLimit = 500;
inline constexpr size_t kSuggestTypeLimit = 5;

// The reconciliation request as the service received it.
struct ReconcileRequest {
  const Params& params;           // query parameters
  std::string_view target;        // the request target as sent, its query string passed on
  std::string_view body;          // POST body; empty for GET
  std::string_view content_type;  // of the body
  std::string_view base_url;      // "https://host:port", for the manifest's URLs
};

// GET and POST /reconcile/{dataset}.
Response HandleReconcile(const ServingSnapshot& snapshot, const std::string& dataset,
                         const ReconcileRequest& request, const Limits& limits);

enum class ReconcileSuggest { kEntity, kType, kProperty };
Response HandleReconcileSuggest(const ServingSnapshot& snapshot, const std::string& dataset,
                                ReconcileSuggest kind, const Params& params);

// GET /reconcile/{dataset}/extend/property.
Response HandleReconcileExtendProperties(const ServingSnapshot& snapshot,
                                         const std::string& dataset, const Params& params);

// GET /reconcile/{dataset}/preview: on 200, `text` is an HTML document.
Response HandleReconcilePreview(const ServingSnapshot& snapshot, const std::string& dataset,
                                const Params& params);

// "http://" or "https://" and the request's Host header ("localhost" when
// missing or not a host name); https when the service serves TLS or a proxy
// says it did (X-Forwarded-Proto).
std::string ServiceBaseUrl(std::string_view host, std::string_view forwarded_proto, bool tls);

}  // namespace embargo::service
