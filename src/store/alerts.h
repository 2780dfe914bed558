// Alerts raised by monitoring (store/rescreen.h) and analysts' decisions on
// them. An alert records the customer, the listed entity, the list version,
// the score and the explanation, and is "live" until closed (closed_at). At
// most one live alert exists per (customer, entity) pair.
//
// Decisions: true_match and escalated keep the alert live; false_positive
// closes it and suppresses the pair (the good-guy list) until the customer's
// record or the entity's listing changes, when a re-screen raises it anew.
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

namespace embargo::store {

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
  bool live() const { return closed_at.empty(); }
};

struct Decision {
  int64_t id = 0;
  int64_t alert_id = 0;
  std::string status;
  std::string note;
  std::string analyst;
  std::string decided_at;
};

// {"id", "customer", "customer_name", "entity_id", "dataset", "version",
//  "score", "status", "live", "created_at", "updated_at", "closed_at",
//  "closed_reason", "explanation": {...}}; with decisions, also
// "decisions": [{"status", "note", "analyst", "decided_at"}].
nlohmann::json AlertToJson(const Alert& alert);
nlohmann::json AlertToJson(const Alert& alert, const std::vector<Decision>& decisions);

struct AlertFilter {
  std::string status;  // "" = any; else one status
  bool include_closed = false;
  std::string customer;   // external id; "" = any
  std::string entity_id;  // "" = any
  int64_t limit = 100;
  int64_t offset = 0;
};

Result<std::vector<Alert>> ListAlerts(Database& db, const AlertFilter& filter);
Result<Alert> GetAlert(Database& db, int64_t id);
Result<std::vector<Decision>> AlertDecisions(Database& db, int64_t alert_id);

// Counts of live alerts by status, and closed ones: {"open": 3, ...}.
Result<std::vector<std::pair<std::string, int64_t>>> AlertCounts(Database& db);

// Records a decision (status: true_match, false_positive or escalated; the
// note is required). Fails on a closed alert or a bad status.
Result<Alert> DecideAlert(Database& db, int64_t alert_id, const std::string& status,
                          const std::string& note, const std::string& analyst);

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
