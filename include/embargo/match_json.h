// The JSON form of a screening result, as the CLI's JSON lines, the HTTP
// API's /match and the Python package give it. A match:
//   {"caption", "dataset", "entity_id", "explanation", "match",
//    "matched_name", "schema", "score", "source_id"}
// its explanation:
//   {"alignment": [{"candidate", "kind", "query", "similarity"}],
//    "features": [{"detail", "feature", "value"}], "matched_kind",
//    "matched_name", "name_score", "query_name", "unmatched_candidate",
//    "unmatched_query"}
// Keys sorted, scores rounded to 4 decimals, UTF-8. Pure functions.
#pragma once

#include <string>

#include "embargo/screener.h"

namespace embargo {

std::string MatchJson(const Match& match);
std::string ExplanationJson(const Explanation& explanation);

}  // namespace embargo
