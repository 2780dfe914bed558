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

#include <string>
#include <vector>

#include "service/http_types.h"
#include "store/screenings.h"

namespace embargo::service {

// With a store, each query of an answered request becomes a screening
// record: `base` says who, when, where and against which versions; the
// handler appends one record per query (store/screening_record_of.h), its
// subject the query as read with its "key" and the "dataset" asked.
struct MatchRecording {
  store::ScreeningRecord base;
  std::vector<store::ScreeningRecord> records;
};

Response HandleMatch(const ServingSnapshot& snapshot, const std::string& dataset,
                     const Params& params, const std::string& body, const Limits& limits,
                     MatchRecording* recording = nullptr);

}  // namespace embargo::service
