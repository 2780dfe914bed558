#include "store/screening_record_of.h"

#include <algorithm>

#include "match/match_json.h"
#include "payments/screening_json.h"

namespace embargo::store {

nlohmann::json CandidatesJson(const std::vector<Match>& matches) {
  nlohmann::json out = nlohmann::json::array();
  for (const Match& m : matches) {
    out.push_back({{"id", m.entity->id},
                   {"caption", m.entity->caption()},
                   {"schema", SchemaName(m.entity->schema)},
                   {"dataset", m.entity->dataset},
                   {"matched_name", m.explanation.matched_name},
                   {"score", match::RoundScore(m.score)},
                   {"match", m.match}});
  }
  return out;
}

ScreeningRecord NameScreeningRecord(ScreeningRecord base, nlohmann::json subject,
                                    const std::vector<Match>& matches, double threshold,
                                    const std::vector<std::string>& warnings,
                                    const std::string& error) {
  base.kind = "name";
  base.subject = subject.dump();
  bool alert = std::any_of(matches.begin(), matches.end(), [](const Match& m) { return m.match; });
  base.outcome = !error.empty() ? "not_screened" : alert ? "alert" : "clear";
  nlohmann::json result = {
      {"threshold", threshold}, {"candidates", CandidatesJson(matches)}, {"warnings", warnings}};
  if (!error.empty()) result["error"] = error;
  base.result = result.dump();
  return base;
}

ScreeningRecord PaymentScreeningRecord(ScreeningRecord base, const payments::Message& message,
                                       const payments::Screening& screening, int64_t case_id) {
  base.kind = "payment";
  base.subject =
      nlohmann::json{{"type", message.type},         {"id", message.id},
                     {"uetr", message.uetr},         {"amount", message.amount},
                     {"currency", message.currency}, {"file", message.file},
                     {"line", message.line},         {"digest", payments::MessageDigest(message)}}
          .dump();
  base.outcome = screening.decision == "hold" ? "alert" : "clear";
  nlohmann::json hits = nlohmann::json::array();
  for (const payments::Hit& hit : screening.hits) {
    nlohmann::json h = {{"path", hit.path},
                        {"kind", hit.kind},
                        {"text", hit.text},
                        {"score", match::RoundScore(hit.score)}};
    if (hit.entity != nullptr) h["entity"] = hit.entity->id;
    if (hit.place != nullptr) h["place"] = hit.place->jurisdiction + ":" + hit.place->name;
    hits.push_back(std::move(h));
  }
  nlohmann::json result = {{"decision", screening.decision},
                           {"threshold", screening.threshold},
                           {"hits", std::move(hits)},
                           {"cleared", screening.suppressed.size()}};
  if (case_id > 0) result["case_id"] = case_id;
  base.result = result.dump();
  return base;
}

}  // namespace embargo::store
