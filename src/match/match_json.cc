#include "match/match_json.h"

#include <cmath>

#include "embargo/match_json.h"

namespace embargo::match {

double RoundScore(double score) { return std::round(score * 10000.0) / 10000.0; }

void WriteExplanation(JsonWriter& w, const Explanation& e) {
  w.BeginObject();
  w.Key("alignment");
  w.BeginArray();
  for (const TokenAlignment& a : e.alignment) {
    w.BeginObject();
    w.Member("candidate", a.candidate);
    w.Member("kind", a.kind);
    w.Member("query", a.query);
    w.Member("similarity", RoundScore(a.similarity));
    w.EndObject();
  }
  w.EndArray();
  w.Key("features");
  w.BeginArray();
  for (const FeatureContribution& f : e.features) {
    w.BeginObject();
    w.Member("detail", f.detail);
    w.Member("feature", f.feature);
    w.Member("value", RoundScore(f.value));
    w.EndObject();
  }
  w.EndArray();
  w.Member("matched_kind", NameKindName(e.matched_kind));
  w.Member("matched_name", e.matched_name);
  w.Member("name_score", RoundScore(e.name_score));
  w.Member("query_name", e.query_name);
  w.Key("unmatched_candidate");
  w.Strings(e.unmatched_candidate);
  w.Key("unmatched_query");
  w.Strings(e.unmatched_query);
  w.EndObject();
}

void WriteMatch(JsonWriter& w, const Match& m) {
  w.BeginObject();
  w.Member("caption", m.entity->caption());
  w.Member("dataset", m.entity->dataset);
  w.Member("entity_id", m.entity->id);
  w.Key("explanation");
  WriteExplanation(w, m.explanation);
  w.Member("match", m.match);
  w.Member("matched_name", m.explanation.matched_name);
  w.Member("schema", SchemaName(m.entity->schema));
  w.Member("score", RoundScore(m.score));
  w.Member("source_id", m.entity->source_id);
  w.EndObject();
}

}  // namespace embargo::match

namespace embargo {

std::string MatchJson(const Match& match) {
  std::string text;
  JsonWriter w(text);
  match::WriteMatch(w, match);
  return text;
}

std::string ExplanationJson(const Explanation& explanation) {
  std::string text;
  JsonWriter w(text);
  match::WriteExplanation(w, explanation);
  return text;
}

}  // namespace embargo
