#include "service/json_output.h"

#include <cmath>

namespace embargo::service {

double RoundScore(double score) { return std::round(score * 10000.0) / 10000.0; }

nlohmann::json ExplanationToJson(const Explanation& e) {
  nlohmann::json alignment = nlohmann::json::array();
  for (const TokenAlignment& a : e.alignment) {
    alignment.push_back({{"query", a.query},
                         {"candidate", a.candidate},
                         {"similarity", RoundScore(a.similarity)},
                         {"kind", a.kind}});
  }
  nlohmann::json features = nlohmann::json::array();
  for (const FeatureContribution& f : e.features) {
    features.push_back(
        {{"feature", f.feature}, {"value", RoundScore(f.value)}, {"detail", f.detail}});
  }
  return {{"query_name", e.query_name},
          {"matched_name", e.matched_name},
          {"matched_kind", std::string(NameKindName(e.matched_kind))},
          {"name_score", RoundScore(e.name_score)},
          {"alignment", std::move(alignment)},
          {"unmatched_query", e.unmatched_query},
          {"unmatched_candidate", e.unmatched_candidate},
          {"features", std::move(features)}};
}

nlohmann::json MatchToJson(const Match& m) {
  return {{"entity_id", m.entity->id},
          {"dataset", m.entity->dataset},
          {"source_id", m.entity->source_id},
          {"schema", std::string(SchemaName(m.entity->schema))},
          {"caption", m.entity->caption()},
          {"matched_name", m.explanation.matched_name},
          {"score", RoundScore(m.score)},
          {"match", m.match},
          {"explanation", ExplanationToJson(m.explanation)}};
}

nlohmann::json ResultToJson(const std::string& id, const std::vector<Match>& matches) {
  nlohmann::json list = nlohmann::json::array();
  for (const Match& m : matches) list.push_back(MatchToJson(m));
  return {{"id", id}, {"matches", list}};
}

}  // namespace embargo::service
