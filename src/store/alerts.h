// Alerts raised by monitoring (store/rescreen.h) and analysts' decisions on
// them. An alert records the customer, the listed entity, the list version,
// the score and the explanation, and is "live" until closed (closed_at). At
// most one live alert exists per (customer, entity) pair.
//
// Decisions: true_match and escalated keep the alert live; false_positive
// closes it and suppresses the pair (the good-guy list) until the customer's
// record or the entity's listing changes, when a re-screen raises it anew.
// A decision the four-eyes policy (store/four_eyes.h) holds back is recorded
// but waits for a reviewer: until then the alert keeps its status and
// carries the pending decision (Alert::pending), and takes no other.
// Every open, refresh, close, decision and lapsed suppression appends an
// audit row in the same transaction, carrying the new state of the rows it
// changed (store/audit_state.h).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/four_eyes.h"

namespace embargo::store {

// A decision waiting for a second person.
struct PendingReview {
  int64_t decision_id = 0;
  std::string status;   // what it decides
  std::string analyst;  // who decided it: anyone but them may review it
  std::string reason;   // why it needs a second person
  std::string decided_at;
};

struct Alert {
  int64_t id = 0;
  int64_t customer_id = 0;
  std::string customer;  // the customer's external id
  std::string customer_name;
  std::string entity_id;
  std::string dataset;
  int64_t version_id = 0;
  std::string entity_hash;
  std::string customer_hash;
  double score = 0;
  std::string explanation;  // JSON
  std::string status;       // open | escalated | true_match | false_positive
  std::string created_at;
  std::string updated_at;
  std::string closed_at;  // "" while live
  std::string closed_reason;
  std::optional<PendingReview> pending;
  std::string assignee;  // who works it; "" when nobody
  std::string assigned_by;
  std::string assigned_at;
  bool live() const { return closed_at.empty(); }
};

struct Decision {
  int64_t id = 0;
  int64_t alert_id = 0;
  std::string status;
  std::string note;
  std::string analyst;
  std::string decided_at;
  // Set for a decision that needed a second person.
  struct Review {
    std::string reason;
    std::string state;  // pending | approved | rejected | lapsed (the alert closed first)
    std::string reviewer, note, reviewed_at;
  };
  std::optional<Review> review;
};

// {"id", "customer", "customer_name", "entity_id", "dataset", "version",
//  "score", "status", "live", "created_at", "updated_at", "closed_at",
//  "closed_reason", "pending_review": null | {"decision", "status",
//  "analyst", "reason", "decided_at", "waiting_for"}, "explanation": {...}};
// with decisions, also "decisions": [{"id", "status", "note", "analyst",
// "decided_at", "review": null | {"reason", "state", "reviewer", "note",
// "reviewed_at"}}].
nlohmann::json AlertToJson(const Alert& alert);
// The same without "explanation", with its "matched_name": a queue's row.
nlohmann::json AlertSummaryJson(const Alert& alert);
// The listed name the alert matched, from its explanation; for a match by an
// identifier alone, that feature in brackets ("(same identifier 9357389)");
// "" if neither.
std::string AlertMatchedName(const Alert& alert);
// The statuses an alert can have: open, escalated, true_match,
// false_positive (what `--status` and `?status=` filter by).
const std::vector<std::string>& AlertStatuses();

// "closed", "pending" (a decision waits for a reviewer) or "live": the
// state column of `alerts list` and of the export.
const char* AlertState(const Alert& alert);
nlohmann::json AlertToJson(const Alert& alert, const std::vector<Decision>& decisions);

struct AlertFilter {
  std::string status;  // "" = any; else one status
  bool include_closed = false;
  std::string customer;         // external id; "" = any
  std::string entity_id;        // "" = any
  bool pending_review = false;  // only alerts with a decision waiting for a reviewer
  // Only alerts assigned to this user ("" = unassigned ones); nullopt = any.
  // AssigneeNamed reads a user's words for it.
  std::optional<std::string> assignee;
  std::string created_before;  // "" or a UTC ISO time: only alerts opened before it
  int64_t limit = 100;
  int64_t offset = 0;
};

// AlertFilter::assignee as a user writes it: "me" is `me`, "none" nobody
// (""), anything else that user.
std::string AssigneeNamed(const std::string& text, const std::string& me);

Result<std::vector<Alert>> ListAlerts(Database& db, const AlertFilter& filter);
Result<Alert> GetAlert(Database& db, int64_t id);
Result<std::vector<Decision>> AlertDecisions(Database& db, int64_t alert_id);

// Counts of live alerts by status, and closed ones: {"open": 3, ...}.
Result<std::vector<std::pair<std::string, int64_t>>> AlertCounts(Database& db);

// What is wrong with a decision's own fields (status: true_match,
// false_positive or escalated; a note), or nullopt: DecideAlert's first
// check, before it looks at the alert.
std::optional<std::string> DecisionFieldsProblem(const std::string& status,
                                                 const std::string& note);

// Records a decision (status: true_match, false_positive or escalated; the
// note is required). Fails on a closed alert, a bad status, or an alert
// whose earlier decision still waits for a reviewer, or one assigned to
// someone other than `analyst`. When `policy` says the
// decision needs a second person it is recorded as pending and the alert
// returned carries it (Alert::pending) and is otherwise unchanged.
Result<Alert> DecideAlert(Database& db, int64_t alert_id, const std::string& status,
                          const std::string& note, const std::string& analyst,
                          const FourEyesPolicy& policy = {});

// Assigns a live alert to `assignee` ("" takes it off anyone), recorded
// under `actor` (alert.assign / alert.unassign, the assignment's row in the
// audit state); assigning it to whom it is assigned changes nothing. Who may
// assign whom is the caller's check. A decision on an alert assigned to
// someone else fails (DecideAlert): it is theirs until reassigned.
// `expected`, when given, is who the caller saw assigned ("" nobody): the
// assignment fails if someone changed it meanwhile (another process), so a
// permission checked against what the caller saw still holds.
Result<Alert> AssignAlert(Database& db, int64_t alert_id, const std::string& assignee,
                          const std::string& actor,
                          const std::optional<std::string>& expected = std::nullopt);

// A second person's review of the decision pending on `alert_id`: approved,
// it takes effect as DecideAlert would have applied it; rejected, the alert
// stays as it was and is open to decisions again. Fails when nothing is
// pending, when `reviewer` is the decision's analyst (nobody reviews their
// own decision), without a note, or when the alert has closed meanwhile.
Result<Alert> ReviewDecision(Database& db, int64_t alert_id, bool approve, const std::string& note,
                             const std::string& reviewer);

// For re-screening (inside its transaction).
struct NewAlert {
  int64_t customer_id = 0;
  std::string entity_id;
  std::string dataset;
  int64_t version_id = 0;
  std::string entity_hash;
  std::string customer_hash;
  double score = 0;
  std::string explanation;
  int64_t run_id = 0;
  std::string customer;  // the customer's external id, for the alert.open audit row
};
Result<int64_t> OpenAlert(Database& db, const NewAlert& alert, const std::string& actor);
// A live alert whose match changed (list version, either side's record, score).
Status RefreshAlert(Database& db, int64_t alert_id, const NewAlert& alert,
                    const std::string& actor);
Status CloseAlert(Database& db, int64_t alert_id, const std::string& reason,
                  const std::string& actor);
// Ends the suppression of a pair whose customer or entity changed since the
// false-positive decision.
Status LapseSuppression(Database& db, int64_t customer_id, const std::string& entity_id,
                        const std::string& actor);

}  // namespace embargo::store
