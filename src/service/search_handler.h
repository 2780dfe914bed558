// GET /search/{dataset}: free-text name search for analysts, in yente's
// search shape. Not screening: the text is scored as a name by the same
// Screener (cutoff 0.5, no match decisions), results are paged and counted
// by facet. Pure function over an immutable snapshot; thread-safe.
#pragma once

#include <string>

#include "service/http_types.h"

namespace embargo::service {

inline constexpr double kSearchCutoff = 0.5;
inline constexpr size_t kSearchDefaultLimit = 10;
inline constexpr size_t kSearchMaxLimit = 500;
inline constexpr size_t kSearchMaxOffset = 9499;
inline constexpr size_t kSearchMaxQueryBytes = 1024;

// Parameters: q (a name; without it every entity the filters pass is
// listed, in list order, as yente browses), schema (an FtM schema: Person,
// Organization (with Company), LegalEntity (any party); "Thing" or absent:
// anything), limit (0..500, default 10), offset (0..9499), countries
// (names or ISO codes) and datasets (filters of those fields),
// include_dataset, exclude_dataset, exclude_schema, topics (see
// service/entity_filter.h), target, changed_since, filter, filter_op, sort
// (service/search_options.h), facets (countries, datasets, schema, topics;
// default countries, datasets and topics, as yente).
// 200: {"limit", "offset", "total": {"value", "relation": "eq"}, "results":
// [FtM entity + "score"], "facets": {name: {"label", "values": [{"name",
// "label", "count"}]}}}, where total and facets count every result, not
// only the page. 404 for an unknown dataset; 422 for a limit or offset out
// of range; 400 {"detail"} naming the parameter for any other bad one.
Response HandleSearch(const ServingSnapshot& snapshot, const std::string& dataset,
                      const Params& params);

}  // namespace embargo::service
