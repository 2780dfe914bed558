// JSON shapes of screening results, shared by the CLI's JSON-lines output,
// the store's alerts, the payment screens and the HTTP API, written with a
// JsonWriter (no tree). The public form is embargo/match_json.h. Pure
// functions.
#pragma once

#include <string>
#include <vector>

#include "common/json_writer.h"
#include "embargo/screener.h"

namespace embargo::match {

// {"query_name", "matched_name", "matched_kind", "name_score",
//  "alignment": [{"query", "candidate", "similarity", "kind"}],
//  "unmatched_query", "unmatched_candidate",
//  "features": [{"feature", "value", "detail"}]}
void WriteExplanation(JsonWriter& w, const Explanation& explanation);

// {"entity_id", "dataset", "source_id", "schema", "caption", "matched_name",
//  "score", "match", "explanation"}
void WriteMatch(JsonWriter& w, const Match& match);

// Scores are rounded to 4 decimals for output.
double RoundScore(double score);

}  // namespace embargo::match
