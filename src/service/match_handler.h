// POST /match/{dataset}: yente-compatible batch screening. Body
// {"queries": {key: {"schema", "properties": {"name": [...], "birthDate":
// [...], "nationality": [...], "idNumber": [...], "imoNumber": [...],
// "mmsi": [...], "callSign": [...], ...}}}, "weights": {...}, "config":
// {...}}; values may be strings or lists. A query may give identifiers and
// no name; an IMO number, MMSI or call sign without a schema makes it a
// Vessel query.
// Parameters: threshold, cutoff, limit, algorithm, include_dataset,
// exclude_dataset, exclude_schema, topics (service/entity_filter.h),
// exclude_entity_ids, date_order (dmy, mdy, ymd); "weights" is accepted and
// ignored. Fields are read leniently (MakeQuery): each response entry
// carries the query's "warnings" (a field ignored or read more than one
// way) and echoes the fields as read under "query". Answers {"responses":
// {key: {"status": 200, "results": [...], "total": {...}, "query": {...},
// "warnings": [...]}}, "limit": N}; a query without a usable name is not
// screened and gets "status": 400 and a "detail", the others are answered.
// A malformed request (wrong types, limits) is a 400 as a whole. Queries of
// one request are screened in parallel. Thread-safe: reads only the pinned
// snapshot.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "embargo/screener.h"
#include "service/http_types.h"

namespace embargo::service {

// One query of an answered request, for its screening record (the server
// makes one per query with a store: store/screening_record_of.h).
struct ScreenedQuery {
  nlohmann::json subject;  // the query as read ("query" of its entry), its "key", the "dataset"
  const std::vector<Match>* results = nullptr;
  double threshold = 0;
  const std::vector<std::string>* warnings = nullptr;
  std::string error;  // why it was not screened ("" when it was)
};

// `screened`, when set, is called once per query after screening, in the
// request's order, on the request's thread.
Response HandleMatch(const ServingSnapshot& snapshot, const std::string& dataset,
                     const Params& params, const std::string& body, const Limits& limits,
                     const std::function<void(ScreenedQuery)>& screened = nullptr);

}  // namespace embargo::service
