// What OpenRefine asks of entities once a column is reconciled with them
// (service/reconcile_handler.h): data extension (their property values, as
// FtM properties) and a preview card. Entities are found by id in the whole
// snapshot, as yente finds them. Pure functions over an immutable snapshot;
// thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "service/http_types.h"

namespace embargo::service {

inline constexpr int kReconcilePreviewWidth = 430;
inline constexpr int kReconcilePreviewHeight = 300;

// An extension request {"ids": [...], "properties": [{"id": "birthDate",
// "settings": {"limit": 0, "render": "caption"|"raw"}}]} ->
// {"meta": [{"id", "name"}], "rows": {id: {property: [{"str": value}]}}}.
// A property is named as in FtM ("nationality" or "Person:nationality");
// "caption" shows country codes by name. An unknown id gets an empty row.
// 400 for a request that cannot be read, or more ids than Limits::max_queries.
Response ExtendEntities(const ServingSnapshot& snapshot, const nlohmann::json& request,
                        const Limits& limits);

// GET .../extend/property: parameters type (an FtM type, default Thing) and
// limit (0: all) -> {"limit", "type", "properties": [{"id", "name"}]}: the
// properties screening reads first, then the others, each group by label.
// 400 for an unknown type, 422 for a bad limit.
Response ProposeProperties(const Params& params);

// The entity `id` as a small HTML document (Response::text) with a
// Content-Security-Policy header that allows no script; 400 without an id,
// 404 for an unknown one.
Response PreviewEntity(const ServingSnapshot& snapshot, const std::string& id);

}  // namespace embargo::service
