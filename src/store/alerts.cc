#include "store/alerts.h"

#include <fmt/format.h>

#include "common/strings.h"
#include "store/audit_state.h"

namespace embargo::store {
namespace {

constexpr const char* kAlertSelect =
    "SELECT a.id, a.customer_id, c.external_id, c.name, a.entity_id, a.dataset, a.version_id, "
    "a.entity_hash, a.customer_hash, a.score, a.explanation, a.status, a.created_at, "
    "a.updated_at, a.closed_at, a.closed_reason, r.decision_id, d.status, d.analyst, r.reason, "
    "d.decided_at, g.assignee, g.assigned_by, g.assigned_at FROM alerts a JOIN customers c ON "
    "c.id = a.customer_id LEFT JOIN decision_reviews r ON r.alert_id = a.id AND r.state = "
    "'pending' LEFT JOIN decisions d ON d.id = r.decision_id LEFT JOIN alert_assignments g ON "
    "g.alert_id = a.id";

Alert AlertFrom(const SqlRow& r) {
  Alert a;
  a.id = r.Int(0);
  a.customer_id = r.Int(1);
  a.customer = r.Text(2);
  a.customer_name = r.Text(3);
  a.entity_id = r.Text(4);
  a.dataset = r.Text(5);
  a.version_id = r.Int(6);
  a.entity_hash = r.Text(7);
  a.customer_hash = r.Text(8);
  a.score = r.Real(9);
  a.explanation = r.Text(10);
  a.status = r.Text(11);
  a.created_at = r.Text(12);
  a.updated_at = r.Text(13);
  a.closed_at = r.Text(14);
  a.closed_reason = r.Text(15);
  if (!r.IsNull(16))
    a.pending = PendingReview{r.Int(16), r.Text(17), r.Text(18), r.Text(19), r.Text(20)};
  a.assignee = r.Text(21);
  a.assigned_by = r.Text(22);
  a.assigned_at = r.Text(23);
  return a;
}

// Appends `event` about alert `id` (its subject) with the alert's row as it
// now stands.
Status AuditAlert(Database& db, int64_t id, AuditEvent event) {
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kAlerts, "id = ?", {id}));
  event.subject = fmt::format("alert {}", id);
  auto audit = AppendStateAudit(db, event, change);
  if (!audit.ok()) return audit.error();
  return Status::Ok();
}

// `text`, or null when empty (a time not reached, nobody assigned).
nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

nlohmann::json PendingJson(const std::optional<PendingReview>& p) {
  if (!p) return nullptr;
  return {{"decision", p->decision_id},
          {"status", p->status},
          {"analyst", p->analyst},
          {"reason", p->reason},
          {"decided_at", p->decided_at},
          {"waiting_for", fmt::format("a reviewer other than {}", p->analyst)}};
}

}  // namespace

nlohmann::json AlertToJson(const Alert& a) {
  nlohmann::json explanation = nlohmann::json::parse(a.explanation, nullptr, false);
  return {{"id", a.id},
          {"customer", a.customer},
          {"customer_name", a.customer_name},
          {"entity_id", a.entity_id},
          {"dataset", a.dataset},
          {"version", a.version_id},
          {"score", a.score},
          {"status", a.status},
          {"live", a.live()},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at},
          {"closed_at", TextOrNull(a.closed_at)},
          {"closed_reason", a.closed_reason},
          {"pending_review", PendingJson(a.pending)},
          {"assignee", TextOrNull(a.assignee)},
          {"assigned_by", TextOrNull(a.assigned_by)},
          {"assigned_at", TextOrNull(a.assigned_at)},
          {"explanation", explanation.is_discarded() ? nlohmann::json() : explanation}};
}

std::string AssigneeNamed(const std::string& text, const std::string& me) {
  if (text == "me") return me;
  return text == "none" ? "" : text;
}

std::string AlertMatchedName(const Alert& a) {
  nlohmann::json e = nlohmann::json::parse(a.explanation, nullptr, false);
  if (e.is_object() && e.contains("matched_name") && e["matched_name"].is_string() &&
      !e["matched_name"].get<std::string>().empty()) {
    return e["matched_name"].get<std::string>();
  }
  // Matched by an identifier alone (an IMO number, a passport): no name.
  if (e.is_object() && e.contains("features") && e["features"].is_array()) {
    for (const nlohmann::json& f : e["features"]) {
      if (f.is_object() && f.value("feature", "") == "identifier")
        return "(" + f.value("detail", std::string("identifier")) + ")";
    }
  }
  return "";
}

const std::vector<std::string>& AlertStatuses() {
  static const std::vector<std::string> kStatuses = {"open", "escalated", "true_match",
                                                     "false_positive"};
  return kStatuses;
}

const char* AlertState(const Alert& a) {
  if (!a.live()) return "closed";
  return a.pending ? "pending" : "live";
}

nlohmann::json AlertSummaryJson(const Alert& a) {
  Alert row = a;
  row.explanation.clear();  // not parsed into the JSON only to be dropped
  nlohmann::json j = AlertToJson(row);
  j.erase("explanation");
  j["matched_name"] = AlertMatchedName(a);
  return j;
}

nlohmann::json AlertToJson(const Alert& alert, const std::vector<Decision>& decisions) {
  nlohmann::json j = AlertToJson(alert);
  j["decisions"] = nlohmann::json::array();
  for (const Decision& d : decisions) {
    nlohmann::json review = nullptr;
    if (d.review) {
      review = {{"reason", d.review->reason},
                {"state", d.review->state},
                {"reviewer", TextOrNull(d.review->reviewer)},
                {"note", TextOrNull(d.review->note)},
                {"reviewed_at", TextOrNull(d.review->reviewed_at)}};
    }
    j["decisions"].push_back({{"id", d.id},
                              {"status", d.status},
                              {"note", d.note},
                              {"analyst", d.analyst},
                              {"decided_at", d.decided_at},
                              {"review", std::move(review)}});
  }
  return j;
}

Result<std::vector<Alert>> ListAlerts(Database& db, const AlertFilter& filter) {
  std::string sql = std::string(kAlertSelect) + " WHERE 1 = 1";
  SqlParams params;
  if (!filter.include_closed) sql += " AND a.closed_at IS NULL";
  if (!filter.status.empty()) {
    sql += " AND a.status = ?";
    params.emplace_back(filter.status);
  }
  if (!filter.customer.empty()) {
    sql += " AND c.external_id = ?";
    params.emplace_back(filter.customer);
  }
  if (!filter.entity_id.empty()) {
    sql += " AND a.entity_id = ?";
    params.emplace_back(filter.entity_id);
  }
  if (filter.pending_review) sql += " AND r.decision_id IS NOT NULL";
  if (filter.assignee) {
    if (filter.assignee->empty()) {
      sql += " AND g.assignee IS NULL";
    } else {
      sql += " AND g.assignee = ?";
      params.emplace_back(*filter.assignee);
    }
  }
  if (!filter.created_before.empty()) {
    sql += " AND a.created_at < ?";
    params.emplace_back(filter.created_before);
  }
  sql += " ORDER BY a.score DESC, a.id LIMIT ? OFFSET ?";
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  auto rows = db.Query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<Alert> out;
  for (const SqlRow& r : *rows) out.push_back(AlertFrom(r));
  return out;
}

Result<Alert> GetAlert(Database& db, int64_t id) {
  auto rows = db.Query(std::string(kAlertSelect) + " WHERE a.id = ?", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return MakeError(fmt::format("no alert {}", id));
  return AlertFrom(rows->front());
}

Result<std::vector<Decision>> AlertDecisions(Database& db, int64_t alert_id) {
  auto rows = db.Query(
      "SELECT d.id, d.alert_id, d.status, d.note, d.analyst, d.decided_at, r.reason, r.state, "
      "r.reviewer, r.note, r.reviewed_at FROM decisions d LEFT JOIN decision_reviews r ON "
      "r.decision_id = d.id WHERE d.alert_id = ? ORDER BY d.id",
      {alert_id});
  if (!rows.ok()) return rows.error();
  std::vector<Decision> out;
  for (const SqlRow& r : *rows) {
    Decision d{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), std::nullopt};
    if (!r.IsNull(7))
      d.review = Decision::Review{r.Text(6), r.Text(7), r.Text(8), r.Text(9), r.Text(10)};
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::vector<std::pair<std::string, int64_t>>> AlertCounts(Database& db) {
  auto rows = db.Query(
      "SELECT CASE WHEN closed_at IS NULL THEN status ELSE 'closed' END AS s, count(*) FROM "
      "alerts GROUP BY CASE WHEN closed_at IS NULL THEN status ELSE 'closed' END ORDER BY 1");
  if (!rows.ok()) return rows.error();
  std::vector<std::pair<std::string, int64_t>> out;
  for (const SqlRow& r : *rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

namespace {

// Puts decision `decision_id` (`status`) into effect on `alert` (inside the
// caller's transaction) and adds the rows it changed to `change`.
Status ApplyDecision(Database& db, const Alert& alert, int64_t decision_id,
                     const std::string& status, const std::string& now, StateChange& change) {
  if (status == "false_positive") {
    EMBARGO_RETURN_IF_ERROR(db.Exec(
        "UPDATE alerts SET status = ?, updated_at = ?, closed_at = ?, closed_reason = ? WHERE id "
        "= ?",
        {status, now, now, std::string("decided false positive"), alert.id}));
    EMBARGO_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO suppressions (customer_id, entity_id, customer_hash, entity_hash, "
        "decision_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, entity_id) DO UPDATE SET "
        "customer_hash = excluded.customer_hash, entity_hash = excluded.entity_hash, "
        "decision_id = excluded.decision_id",
        {alert.customer_id, alert.entity_id, alert.customer_hash, alert.entity_hash, decision_id}));
  } else {
    EMBARGO_RETURN_IF_ERROR(db.Exec("UPDATE alerts SET status = ?, updated_at = ? WHERE id = ?",
                                    {status, now, alert.id}));
  }
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kAlerts, "id = ?", {alert.id}));
  if (status == "false_positive") {
    EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kSuppressions,
                                           "customer_id = ? AND entity_id = ?",
                                           {alert.customer_id, alert.entity_id}));
  }
  return Status::Ok();
}

// The live alert `alert_id`, or why it cannot take a decision or review.
Result<Alert> LiveAlert(Database& db, int64_t alert_id) {
  auto alert = GetAlert(db, alert_id);
  if (!alert.ok()) return alert.error();
  if (!alert->live()) {
    return MakeError(
        fmt::format("alert {} is closed ({}): nothing to decide", alert_id, alert->closed_reason));
  }
  return alert;
}

}  // namespace

std::optional<std::string> DecisionFieldsProblem(const std::string& status,
                                                 const std::string& note) {
  if (status != "true_match" && status != "false_positive" && status != "escalated")
    return fmt::format("status '{}': expected true_match, false_positive or escalated", status);
  return NoteProblem(note, "a decision", "why this status");
}

Result<Alert> DecideAlert(Database& db, int64_t alert_id, const std::string& status,
                          const std::string& note, const std::string& analyst,
                          const FourEyesPolicy& policy) {
  if (auto problem = DecisionFieldsProblem(status, note)) return MakeError(*problem);
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto alert = LiveAlert(db, alert_id);
  if (!alert.ok()) return alert.error();
  if (alert->pending) {
    return MakeError(fmt::format(
        "alert {} waits for a reviewer: decision {} ({} by {}) must be approved or rejected "
        "first",
        alert_id, alert->pending->decision_id, alert->pending->status, alert->pending->analyst));
  }
  if (!alert->assignee.empty() && alert->assignee != analyst) {
    return MakeError(fmt::format(
        "alert {} is assigned to {}: {} cannot decide it unless it is assigned to them first",
        alert_id, alert->assignee, analyst));
  }
  const std::string now = NowUtc();
  auto inserted = db.QueryValue(
      "INSERT INTO decisions (alert_id, status, note, analyst, decided_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {alert_id, status, note, analyst, now});
  if (!inserted.ok()) return inserted.error();
  const int64_t decision_id = std::stoll(inserted->value_or("0"));
  const std::optional<std::string> four_eyes = FourEyesReason(*alert, status, policy);
  StateChange change;
  if (four_eyes) {
    EMBARGO_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO decision_reviews (decision_id, alert_id, reason, state) VALUES (?, ?, ?, "
        "'pending')",
        {decision_id, alert_id, *four_eyes}));
    EMBARGO_RETURN_IF_ERROR(
        change.Capture(db, AuditedTable::kDecisionReviews, "decision_id = ?", {decision_id}));
  } else {
    EMBARGO_RETURN_IF_ERROR(ApplyDecision(db, *alert, decision_id, status, now, change));
  }
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kDecisions, "id = ?", {decision_id}));
  nlohmann::json details = {{"status", status},
                            {"previous_status", alert->status},
                            {"note", note},
                            {"customer", alert->customer},
                            {"entity", alert->entity_id},
                            {"version", alert->version_id},
                            {"four_eyes_score", policy.strong_score}};
  if (four_eyes) details["pending_review"] = *four_eyes;
  auto audit = AppendStateAudit(
      db, {analyst, "alert.decide", fmt::format("alert {}", alert_id), std::move(details)}, change);
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return GetAlert(db, alert_id);
}

Result<Alert> ReviewDecision(Database& db, int64_t alert_id, bool approve, const std::string& note,
                             const std::string& reviewer) {
  if (auto problem = NoteProblem(note, "a review", "why approve or reject"))
    return MakeError(*problem);
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto alert = LiveAlert(db, alert_id);
  if (!alert.ok()) return alert.error();
  if (!alert->pending) {
    return MakeError(fmt::format("alert {} has no decision waiting for a reviewer", alert_id));
  }
  const PendingReview pending = *alert->pending;
  if (pending.analyst == reviewer) {
    return MakeError(fmt::format(
        "{} made decision {} and cannot review it: four-eyes needs a reviewer other than its "
        "analyst",
        reviewer, pending.decision_id));
  }
  const std::string now = NowUtc();
  EMBARGO_RETURN_IF_ERROR(db.Exec(
      "UPDATE decision_reviews SET state = ?, reviewer = ?, note = ?, reviewed_at = ? WHERE "
      "decision_id = ?",
      {std::string(approve ? "approved" : "rejected"), reviewer, note, now, pending.decision_id}));
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(
      change.Capture(db, AuditedTable::kDecisionReviews, "decision_id = ?", {pending.decision_id}));
  if (approve) {
    EMBARGO_RETURN_IF_ERROR(
        ApplyDecision(db, *alert, pending.decision_id, pending.status, now, change));
  }
  auto audit = AppendStateAudit(db,
                                {reviewer,
                                 approve ? "alert.approve" : "alert.reject",
                                 fmt::format("alert {}", alert_id),
                                 {{"decision", pending.decision_id},
                                  {"status", pending.status},
                                  {"analyst", pending.analyst},
                                  {"previous_status", alert->status},
                                  {"note", note},
                                  {"customer", alert->customer},
                                  {"entity", alert->entity_id}}},
                                change);
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return GetAlert(db, alert_id);
}

Result<Alert> AssignAlert(Database& db, int64_t alert_id, const std::string& assignee,
                          const std::string& actor, const std::optional<std::string>& expected) {
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto alert = GetAlert(db, alert_id);
  if (!alert.ok()) return alert.error();
  if (expected && alert->assignee != *expected) {
    return MakeError(fmt::format("alert {} was assigned to {} meanwhile: look again", alert_id,
                                 alert->assignee.empty() ? "nobody" : alert->assignee));
  }
  if (!alert->live()) {
    return MakeError(
        fmt::format("alert {} is closed ({}): nothing to assign", alert_id, alert->closed_reason));
  }
  if (alert->assignee == assignee) return alert;  // nothing changes, nothing recorded
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(db.Exec("DELETE FROM alert_assignments WHERE alert_id = ?", {alert_id}));
  if (assignee.empty()) {
    change.Deleted(AuditedTable::kAlertAssignments, std::to_string(alert_id));
  } else {
    EMBARGO_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO alert_assignments (alert_id, assignee, assigned_by, assigned_at) VALUES (?, "
        "?, ?, ?)",
        {alert_id, assignee, actor, NowUtc()}));
    EMBARGO_RETURN_IF_ERROR(
        change.Capture(db, AuditedTable::kAlertAssignments, "alert_id = ?", {alert_id}));
  }
  auto audit = AppendStateAudit(db,
                                {actor,
                                 assignee.empty() ? "alert.unassign" : "alert.assign",
                                 fmt::format("alert {}", alert_id),
                                 {{"assignee", TextOrNull(assignee)},
                                  {"previous", TextOrNull(alert->assignee)},
                                  {"customer", alert->customer},
                                  {"entity", alert->entity_id}}},
                                change);
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return GetAlert(db, alert_id);
}

Result<int64_t> OpenAlert(Database& db, const NewAlert& a, const std::string& actor) {
  const std::string now = NowUtc();
  auto id = db.QueryValue(
      "INSERT INTO alerts (customer_id, entity_id, dataset, version_id, entity_hash, "
      "customer_hash, score, explanation, status, run_id, created_at, updated_at) VALUES (?, ?, "
      "?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id",
      {a.customer_id, a.entity_id, a.dataset, a.version_id, a.entity_hash, a.customer_hash, a.score,
       a.explanation, a.run_id, now, now});
  if (!id.ok()) return id.error();
  int64_t alert_id = std::stoll(id->value_or("0"));
  EMBARGO_RETURN_IF_ERROR(AuditAlert(db, alert_id,
                                     {actor,
                                      "alert.open",
                                      "",
                                      {{"customer", a.customer},
                                       {"customer_id", a.customer_id},
                                       {"entity", a.entity_id},
                                       {"version", a.version_id},
                                       {"score", a.score},
                                       {"run", a.run_id}}}));
  return alert_id;
}

Status RefreshAlert(Database& db, int64_t alert_id, const NewAlert& a, const std::string& actor) {
  EMBARGO_RETURN_IF_ERROR(db.Exec(
      "UPDATE alerts SET version_id = ?, entity_hash = ?, customer_hash = ?, score = ?, "
      "explanation = ?, updated_at = ? WHERE id = ?",
      {a.version_id, a.entity_hash, a.customer_hash, a.score, a.explanation, NowUtc(), alert_id}));
  return AuditAlert(db, alert_id,
                    {actor,
                     "alert.refresh",
                     "",
                     {{"version", a.version_id}, {"score", a.score}, {"run", a.run_id}}});
}

Status CloseAlert(Database& db, int64_t alert_id, const std::string& reason,
                  const std::string& actor) {
  const std::string now = NowUtc();
  EMBARGO_RETURN_IF_ERROR(
      db.Exec("UPDATE alerts SET closed_at = ?, closed_reason = ?, updated_at = ? WHERE id = ? AND "
              "closed_at IS NULL",
              {now, reason, now, alert_id}));
  // A decision still waiting for a reviewer lapses with its alert.
  auto pending = db.QueryValue(
      "SELECT decision_id FROM decision_reviews WHERE alert_id = ? AND state = 'pending'",
      {alert_id});
  if (!pending.ok()) return pending.error();
  if (!pending->has_value()) {
    return AuditAlert(db, alert_id, {actor, "alert.close", "", {{"reason", reason}}});
  }
  const int64_t decision_id = std::stoll(**pending);
  EMBARGO_RETURN_IF_ERROR(
      db.Exec("UPDATE decision_reviews SET state = 'lapsed', reviewed_at = ? WHERE decision_id = ?",
              {now, decision_id}));
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kAlerts, "id = ?", {alert_id}));
  EMBARGO_RETURN_IF_ERROR(
      change.Capture(db, AuditedTable::kDecisionReviews, "decision_id = ?", {decision_id}));
  auto audit = AppendStateAudit(db,
                                {actor,
                                 "alert.close",
                                 fmt::format("alert {}", alert_id),
                                 {{"reason", reason}, {"lapsed_decision", decision_id}}},
                                change);
  if (!audit.ok()) return audit.error();
  return Status::Ok();
}

Status LapseSuppression(Database& db, int64_t customer_id, const std::string& entity_id,
                        const std::string& actor) {
  EMBARGO_RETURN_IF_ERROR(
      db.Exec("DELETE FROM suppressions WHERE customer_id = ? AND entity_id = ?",
              {customer_id, entity_id}));
  StateChange change;
  change.Deleted(AuditedTable::kSuppressions, fmt::format("{}:{}", customer_id, entity_id));
  auto audit = AppendStateAudit(
      db,
      {actor,
       "suppression.lapse",
       fmt::format("customer {} entity {}", customer_id, entity_id),
       {{"why", "the customer's record or the entity's listing changed since the decision"}}},
      change);
  if (!audit.ok()) return audit.error();
  return Status::Ok();
}

}  // namespace embargo::store
