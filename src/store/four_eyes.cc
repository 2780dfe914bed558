#include "store/four_eyes.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "common/strings.h"
#include "store/alerts.h"

namespace embargo::store {

std::optional<std::string> NoteProblem(const std::string& note, const char* what, const char* why) {
  if (Trim(note).empty()) return fmt::format("{} needs a note: {}", what, why);
  if (note.size() > kMaxNoteBytes) {
    return fmt::format("{}'s note is {} bytes: at most {}", what, note.size(), kMaxNoteBytes);
  }
  return std::nullopt;
}

bool ExplanationHasIdentifierMatch(const std::string& explanation_json) {
  nlohmann::json j = nlohmann::json::parse(explanation_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  // A stored explanation is the match's explanation object, or the whole
  // match with it under "explanation".
  const nlohmann::json& e = j.contains("explanation") ? j["explanation"] : j;
  if (!e.is_object() || !e.contains("features") || !e["features"].is_array()) return false;
  for (const nlohmann::json& f : e["features"]) {
    if (!f.is_object() || f.value("feature", "") != "identifier") continue;
    if (f.value("detail", "").rfind("same identifier", 0) == 0) return true;
  }
  return false;
}

std::optional<std::string> FourEyesReason(const Alert& alert, const std::string& status,
                                          const FourEyesPolicy& policy) {
  if (alert.status == "true_match" && status != "true_match") {
    return fmt::format("it reverses the decision that this is a true match (now {})", status);
  }
  if (status != "false_positive") return std::nullopt;
  if (ExplanationHasIdentifierMatch(alert.explanation)) {
    return std::string("a false positive on an alert where both sides carry the same identifier");
  }
  if (alert.score >= policy.strong_score) {
    return fmt::format("a false positive on an alert scoring {:.2f} (four-eyes from {:.2f})",
                       alert.score, policy.strong_score);
  }
  return std::nullopt;
}

}  // namespace embargo::store
