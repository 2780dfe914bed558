// Four-eyes control over alert decisions. A decision whose effect is hard to
// undo without anyone noticing needs a second person before it takes
// effect:
//   - closing as a false positive an alert whose evidence is strong (score
//     at or above FourEyesPolicy::strong_score, or an identifier in common,
//     as the alert's explanation records it): it silences the pair;
//   - reversing an earlier decision (an alert decided a true match, decided
//     anything else).
// Such a decision is recorded at once but waits in decision_reviews
// (pending) and leaves the alert as it was; it takes effect only when a
// reviewer other than its analyst approves it (store/alerts.h,
// ReviewDecision). Who may review (the reviewer role) is the caller's
// check: the store knows names, the service knows keys and roles.
#pragma once

#include <optional>
#include <string>

namespace embargo::store {

struct FourEyesPolicy {
  // Alerts scoring at least this are strong evidence.
  double strong_score = 0.9;
};

struct Alert;

// Why deciding `status` on `alert` needs a second person, or nullopt when
// the decision can take effect at once. `alert.status` is the alert's
// decided state (open, escalated, true_match).
std::optional<std::string> FourEyesReason(const Alert& alert, const std::string& status,
                                          const FourEyesPolicy& policy);

// What is wrong with the note of a decision or a review (`what`: "a
// decision", "a review"; `why`: what it should say), or nullopt: empty or
// white space only (no note), or longer than kMaxNoteBytes (a 900 KB note
// went into the audit trail: a new user's trial).
inline constexpr size_t kMaxNoteBytes = 10000;
std::optional<std::string> NoteProblem(const std::string& note, const char* what, const char* why);

// Whether an alert's explanation (its JSON) records an identifier both
// sides carry.
bool ExplanationHasIdentifierMatch(const std::string& explanation_json);

}  // namespace embargo::store
