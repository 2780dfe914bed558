#include "store/alerts.h"

#include <fmt/format.h>

#include "store/audit_state.h"

namespace embargo::store {
namespace {

constexpr const char* kAlertSelect =
    "SELECT a.id, a.customer_id, c.external_id, c.name, a.entity_id, a.dataset, a.version_id, "
    "a.entity_hash, a.customer_hash, a.score, a.explanation, a.status, a.created_at, "
    "a.updated_at, a.closed_at, a.closed_reason FROM alerts a JOIN customers c ON c.id = "
    "a.customer_id";

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
          {"closed_at", a.closed_at.empty() ? nlohmann::json() : nlohmann::json(a.closed_at)},
          {"closed_reason", a.closed_reason},
          {"explanation", explanation.is_discarded() ? nlohmann::json() : explanation}};
}

nlohmann::json AlertToJson(const Alert& alert, const std::vector<Decision>& decisions) {
  nlohmann::json j = AlertToJson(alert);
  j["decisions"] = nlohmann::json::array();
  for (const Decision& d : decisions) {
    j["decisions"].push_back({{"status", d.status},
                              {"note", d.note},
                              {"analyst", d.analyst},
                              {"decided_at", d.decided_at}});
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
      "SELECT id, alert_id, status, note, analyst, decided_at FROM decisions WHERE alert_id = ? "
      "ORDER BY id",
      {alert_id});
  if (!rows.ok()) return rows.error();
  std::vector<Decision> out;
  for (const SqlRow& r : *rows) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)});
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

Result<Alert> DecideAlert(Database& db, int64_t alert_id, const std::string& status,
                          const std::string& note, const std::string& analyst) {
  if (status != "true_match" && status != "false_positive" && status != "escalated") {
    return MakeError(
        fmt::format("status '{}': expected true_match, false_positive or escalated", status));
  }
  if (note.empty()) return MakeError("a decision needs a note (--note): why this status");
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto alert = GetAlert(db, alert_id);
  if (!alert.ok()) return alert.error();
  if (!alert->live()) {
    return MakeError(
        fmt::format("alert {} is closed ({}): nothing to decide", alert_id, alert->closed_reason));
  }
  const std::string now = NowUtc();
  auto decision_id = db.QueryValue(
      "INSERT INTO decisions (alert_id, status, note, analyst, decided_at) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {alert_id, status, note, analyst, now});
  if (!decision_id.ok()) return decision_id.error();
  if (status == "false_positive") {
    EMBARGO_RETURN_IF_ERROR(db.Exec(
        "UPDATE alerts SET status = ?, updated_at = ?, closed_at = ?, closed_reason = ? WHERE id "
        "= ?",
        {status, now, now, std::string("decided false positive"), alert_id}));
    EMBARGO_RETURN_IF_ERROR(db.Exec(
        "INSERT INTO suppressions (customer_id, entity_id, customer_hash, entity_hash, "
        "decision_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, entity_id) DO UPDATE SET "
        "customer_hash = excluded.customer_hash, entity_hash = excluded.entity_hash, "
        "decision_id = excluded.decision_id",
        {alert->customer_id, alert->entity_id, alert->customer_hash, alert->entity_hash,
         std::stoll(decision_id->value_or("0"))}));
  } else {
    EMBARGO_RETURN_IF_ERROR(db.Exec("UPDATE alerts SET status = ?, updated_at = ? WHERE id = ?",
                                    {status, now, alert_id}));
  }
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kAlerts, "id = ?", {alert_id}));
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kDecisions, "id = ?",
                                         {std::stoll(decision_id->value_or("0"))}));
  if (status == "false_positive") {
    EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kSuppressions,
                                           "customer_id = ? AND entity_id = ?",
                                           {alert->customer_id, alert->entity_id}));
  }
  auto audit = AppendStateAudit(db,
                                {analyst,
                                 "alert.decide",
                                 fmt::format("alert {}", alert_id),
                                 {{"status", status},
                                  {"previous_status", alert->status},
                                  {"note", note},
                                  {"customer", alert->customer},
                                  {"entity", alert->entity_id},
                                  {"version", alert->version_id}}},
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
                                      {{"customer_id", a.customer_id},
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
  return AuditAlert(db, alert_id, {actor, "alert.close", "", {{"reason", reason}}});
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
