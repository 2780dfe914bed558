// POST /match/{dataset}: yente-compatible batch screening. Body
// {"queries": {key: {"schema", "properties": {"name": [...], "birthDate":
// [...], "nationality": [...], "idNumber": [...], "imoNumber": [...], ...}}},
// "weights": {...}, "config": {...}}; values may be strings or lists.
// Parameters: threshold, cutoff, limit, algorithm, include_dataset,
// exclude_dataset, exclude_schema, topics (service/entity_filter.h),
// exclude_entity_ids; "weights" is accepted and ignored. Answers
// {"responses": {key: {"status": 200, "results": [...], "total": {...},
// "query": {...}}}, "limit": N}. Queries of one request are screened in
// parallel. Thread-safe: reads only the pinned snapshot.
#pragma once

#include <string>

#include "service/http_types.h"

namespace embargo::service {

Response HandleMatch(const ServingSnapshot& snapshot, const std::string& dataset,
                     const Params& params, const std::string& body, const Limits& limits);

}  // namespace embargo::service
