// JSON shapes of screening results, shared by the CLI's JSON-lines output
// and the HTTP API. Pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "embargo/screener.h"

namespace embargo::service {

nlohmann::json ExplanationToJson(const Explanation& explanation);
// {"entity_id", "dataset", "source_id", "schema", "caption", "matched_name",
//  "score", "match", "explanation"}
nlohmann::json MatchToJson(const Match& match);
// {"id": ..., "matches": [...]}
nlohmann::json ResultToJson(const std::string& id, const std::vector<Match>& matches);

// Scores are rounded to 4 decimals for output.
double RoundScore(double score);

}  // namespace embargo::service
