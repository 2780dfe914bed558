// The JSON of linkage results, as `embargo xref --format json`, `embargo show
// --format json` and the service's /entities/{id} write them. Every entity is
// named by its id; scores and confidences are rounded to three decimals.
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "embargo/lists.h"
#include "xref/xref.h"

namespace embargo::xref {

// A score or confidence as the JSON gives it: three decimals.
double Round3(double x);

// An entity's names on one line: "HAN JANG SU | Chang-Su Han".
std::string NamesLine(const Entity& entity);

// {"id", "dataset", "caption"}
nlohmann::json MemberJson(const Entity& entity);
// {"a_id", "b_id", "method", "confidence", "evidence": [...]}
nlohmann::json LinkJson(const ListSet& lists, const Link& link);
// {"members": [MemberJson...], "links": [index into the result's links...]}
nlohmann::json ClusterJson(const ListSet& lists, const Cluster& cluster);
// {"id", "other_dataset", "candidates": [id...], "why"}
nlohmann::json AmbiguityJson(const ListSet& lists, const Ambiguity& ambiguity);
// MemberJson plus {"reason", "why", "closest": MemberJson + "score" | null}
nlohmann::json UnlinkedJson(const ListSet& lists, const Unlinked& unlinked);

}  // namespace embargo::xref
