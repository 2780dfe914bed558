#include "store/audit_state.h"

#include <fmt/format.h>

#include <map>

#include "common/sha256.h"

namespace embargo::store {
namespace {

AuditedColumn Plain(const char* name) { return {name, name, false}; }
AuditedColumn Digest(const char* name) { return {std::string(name) + "_sha256", name, true}; }

std::string SelectSql(const AuditedTableSpec& spec, std::string_view where) {
  std::string columns;
  for (const std::string& key : spec.key_columns) columns += (columns.empty() ? "" : ", ") + key;
  for (const AuditedColumn& c : spec.columns) columns += ", " + c.sql;
  std::string sql = fmt::format("SELECT {} FROM {}", columns, spec.name);
  if (!where.empty()) sql += fmt::format(" WHERE {}", where);
  return sql;
}

// Tables a later migration makes: they do not exist yet when schema 2 runs.
bool MadeAfterSchema2(AuditedTable table) {
  return table == AuditedTable::kPaymentCases || table == AuditedTable::kPaymentCaseDecisions ||
         table == AuditedTable::kPaymentGoodGuys || table == AuditedTable::kDecisionReviews ||
         table == AuditedTable::kAlertAssignments || table == AuditedTable::kPaymentCaseReviews;
}

nlohmann::json ValuesToJson(const StateValues& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values) out.push_back(v ? nlohmann::json(*v) : nlohmann::json());
  return out;
}

}  // namespace

const std::vector<AuditedTableSpec>& AuditedTables() {
  static const std::vector<AuditedTableSpec> kTables = {
      {AuditedTable::kListVersions,
       "list_versions",
       {"id"},
       {Plain("dataset"), Plain("source"), Plain("origin"), Plain("format"), Plain("published"),
        Plain("fetched_at"), Plain("effective_date"), Plain("content_hash"), Plain("file_hash"),
        Plain("entity_count")}},
      {AuditedTable::kVersionEntities,
       "version_entities",
       {"version_id", "entity_id"},
       {Plain("record_hash")}},
      // screened_hash and screened_at are the re-screen's bookmark, not the
      // customer's record: not audited (see docs/ARCHITECTURE.md, Store).
      {AuditedTable::kCustomers,
       "customers",
       {"external_id"},
       {Plain("id"), Plain("name"), Digest("record"), Plain("record_hash"), Plain("updated_at")}},
      {AuditedTable::kAlerts,
       "alerts",
       {"id"},
       {Plain("customer_id"), Plain("entity_id"), Plain("dataset"), Plain("version_id"),
        Plain("entity_hash"), Plain("customer_hash"), Plain("score"), Digest("explanation"),
        Plain("status"), Plain("run_id"), Plain("created_at"), Plain("updated_at"),
        Plain("closed_at"), Plain("closed_reason")}},
      {AuditedTable::kDecisions,
       "decisions",
       {"id"},
       {Plain("alert_id"), Plain("status"), Plain("note"), Plain("analyst"), Plain("decided_at")}},
      {AuditedTable::kDecisionReviews,
       "decision_reviews",
       {"decision_id"},
       {Plain("alert_id"), Plain("reason"), Plain("state"), Plain("reviewer"), Plain("note"),
        Plain("reviewed_at")}},
      {AuditedTable::kAlertAssignments,
       "alert_assignments",
       {"alert_id"},
       {Plain("assignee"), Plain("assigned_by"), Plain("assigned_at")}},
      {AuditedTable::kSuppressions,
       "suppressions",
       {"customer_id", "entity_id"},
       {Plain("customer_hash"), Plain("entity_hash"), Plain("decision_id")}},
      {AuditedTable::kMonitorState,
       "monitor_state",
       {"dataset"},
       {Plain("version_id"), Plain("run_id")}},
      {AuditedTable::kPaymentCases,
       "payment_cases",
       {"id"},
       {Plain("message_digest"), Plain("message_type"), Plain("message_id"), Plain("file"),
        Plain("status"), Digest("hits"), Digest("message"), Plain("list_versions"),
        Plain("created_at"), Plain("decided_at")}},
      {AuditedTable::kPaymentCaseDecisions,
       "payment_case_decisions",
       {"id"},
       {Plain("case_id"), Plain("status"), Plain("note"), Plain("analyst"), Plain("decided_at")}},
      {AuditedTable::kPaymentGoodGuys,
       "payment_good_guys",
       {"id"},
       {Plain("field"), Plain("text"), Plain("entity_id"), Plain("entity_hash"), Plain("case_id"),
        Plain("created_at"), Plain("lapsed_at")}},
      {AuditedTable::kPaymentCaseReviews,
       "payment_case_reviews",
       {"decision_id"},
       {Plain("case_id"), Plain("reason"), Plain("state"), Plain("reviewer"), Plain("note"),
        Plain("reviewed_at")}},
  };
  return kTables;
}

const AuditedTableSpec& SpecOf(AuditedTable table) {
  for (const AuditedTableSpec& spec : AuditedTables()) {
    if (spec.table == table) return spec;
  }
  return AuditedTables().front();  // unreachable: every table has a spec
}

Status ForEachStateRow(
    Database& db, AuditedTable table, std::string_view where, const SqlParams& params,
    const std::function<Status(const std::string& key, StateValues values)>& on_row) {
  const AuditedTableSpec& spec = SpecOf(table);
  const size_t keys = spec.key_columns.size();
  return db.ForEach(SelectSql(spec, where), params, [&](const SqlRow& r) {
    std::string key;
    for (size_t i = 0; i < keys; ++i) key += (i == 0 ? "" : ":") + r.Text(i);
    StateValues values;
    values.reserve(spec.columns.size());
    for (size_t i = 0; i < spec.columns.size(); ++i) {
      if (r.IsNull(keys + i)) {
        values.emplace_back();
      } else if (spec.columns[i].digest) {
        values.emplace_back(Sha256Hex(r.Text(keys + i)));
      } else {
        values.emplace_back(r.Text(keys + i));
      }
    }
    return on_row(key, std::move(values));
  });
}

Status StateChange::Capture(Database& db, AuditedTable table, std::string_view where,
                            const SqlParams& params) {
  return ForEachStateRow(db, table, where, params, [&](const std::string& key, StateValues values) {
    entries_.push_back({table, key, std::move(values)});
    return Status::Ok();
  });
}

void StateChange::Deleted(AuditedTable table, std::string key) {
  entries_.push_back({table, std::move(key), std::nullopt});
}

nlohmann::json StateChange::ToJson(size_t begin, size_t end) const {
  std::map<AuditedTable, nlohmann::json> rows;
  for (size_t i = begin; i < end && i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    auto [it, added] = rows.try_emplace(e.table, nlohmann::json::object());
    it->second[e.key] = e.values ? ValuesToJson(*e.values) : nlohmann::json();
  }
  nlohmann::json state = nlohmann::json::object();
  for (auto& [table, table_rows] : rows) {
    const AuditedTableSpec& spec = SpecOf(table);
    nlohmann::json columns = nlohmann::json::array();
    for (const AuditedColumn& c : spec.columns) columns.push_back(c.name);
    std::string digest = Sha256Hex(table_rows.dump());
    state[spec.name] = {{"columns", std::move(columns)},
                        {"rows", std::move(table_rows)},
                        {"sha256", std::move(digest)}};
  }
  return state;
}

Result<AuditRow> AppendStateAudit(Database& db, const AuditEvent& event,
                                  const StateChange& change) {
  const size_t parts =
      std::max<size_t>(1, (change.size() + kStateRowsPerAuditRow - 1) / kStateRowsPerAuditRow);
  Result<AuditRow> last = MakeError("no audit row appended");
  for (size_t part = 0; part < parts; ++part) {
    AuditEvent row = event;
    if (parts > 1) {
      row.details["part"] = part + 1;
      row.details["parts"] = parts;
    }
    if (change.size() > 0) {
      row.details["state"] =
          change.ToJson(part * kStateRowsPerAuditRow, (part + 1) * kStateRowsPerAuditRow);
    }
    last = AppendAudit(db, row);
    if (!last.ok()) return last;
  }
  return last;
}

Status AdoptUnauditedState(Database& db) {
  const AuditEvent baseline{
      "",
      "audit.baseline",
      "",
      {{"why",
        "rows stored before the audit trail recorded table state (schema 2), adopted as found"}}};
  for (const AuditedTableSpec& spec : AuditedTables()) {
    if (spec.table == AuditedTable::kVersionEntities) continue;  // per version, below
    if (MadeAfterSchema2(spec.table)) continue;
    StateChange change;
    EMBARGO_RETURN_IF_ERROR(change.Capture(db, spec.table, ""));
    if (change.size() == 0) continue;
    AuditEvent event = baseline;
    event.subject = spec.name;
    auto row = AppendStateAudit(db, event, change);
    if (!row.ok()) return row.error();
  }
  auto versions = db.Query("SELECT id, dataset FROM list_versions ORDER BY id");
  if (!versions.ok()) return versions.error();
  for (const SqlRow& v : *versions) {
    StateChange change;
    EMBARGO_RETURN_IF_ERROR(
        change.Capture(db, AuditedTable::kVersionEntities, "version_id = ?", {v.Int(0)}));
    AuditEvent event = baseline;
    event.subject = fmt::format("{}@{}", v.Text(1), v.Int(0));
    auto row = AppendStateAudit(db, event, change);
    if (!row.ok()) return row.error();
  }
  return Status::Ok();
}

}  // namespace embargo::store
