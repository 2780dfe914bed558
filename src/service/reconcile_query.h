// One query of an OpenRefine reconciliation batch, {"query": "...", "type":
// "Person", "limit": 5, "properties": [{"pid": "Person:birthDate", "v":
// "1969-11-07"}]}, read into a screening Query: the text and name
// properties as names, the scored properties (service/reconcile_schema.h)
// into their fields, others ignored as yente ignores properties FtM does not
// know, first and last names joined when no name is given. Values may be
// strings, numbers, entities ({"id"}) or lists of them. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "embargo/screener.h"
#include "service/http_types.h"

namespace embargo::service {

inline constexpr size_t kReconcileDefaultLimit = 5;

struct ReconQuery {
  std::string key;
  Query query;
  size_t limit = kReconcileDefaultLimit;
  bool screened = true;  // false: no usable name nor identifier, so no candidates
};

// The query under `key`; an error "query '<key>': <what is wrong>" for a
// field of the wrong type, an unknown or abstract type, a limit outside [1,
// Limits::max_limit], or names over Limits' name count or length.
Result<ReconQuery> ReadReconcileQuery(const std::string& key, const nlohmann::json& query,
                                      const Limits& limits);

}  // namespace embargo::service
