// The state of the audited tables, as the audit chain records it. Every
// change to list_versions, version_entities, customers, alerts, decisions,
// decision_reviews, alert_assignments, suppressions, monitor_state,
// payment_cases, payment_case_decisions or payment_good_guys appends, in the same transaction, an
// audit row whose details carry the new values of the rows it changed:
//   "state": {"alerts": {"columns": [...], "rows": {"17": [values], ...},
//                        "sha256": SHA-256 of the "rows" JSON}, ...}
// A row's key is its key columns joined by ':' ("3:us_ofac_sdn-1234"); a
// deleted row is null. Values are the text the database returns; long text
// (an alert's explanation, a customer's record, a payment case's hits and
// message) is recorded as its SHA-256.
// `audit verify` (store/audit_verify.h) replays these to rebuild what each
// table should hold. Functions over one Database; thread-compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit.h"
#include "store/database.h"

namespace embargo::store {

enum class AuditedTable {
  kListVersions,
  kVersionEntities,
  kCustomers,
  kAlerts,
  kDecisions,
  kDecisionReviews,
  kAlertAssignments,
  kSuppressions,
  kMonitorState,
  kPaymentCases,
  kPaymentCaseDecisions,
  kPaymentGoodGuys,
  kPaymentCaseReviews,
};

struct AuditedColumn {
  std::string name;  // as recorded: the SQL column, or "<column>_sha256"
  std::string sql;   // the SQL column it is read from
  bool digest = false;
};

struct AuditedTableSpec {
  AuditedTable table;
  std::string name;
  std::vector<std::string> key_columns;
  std::vector<AuditedColumn> columns;
};

// Every audited table, in the order verify reports them.
const std::vector<AuditedTableSpec>& AuditedTables();
const AuditedTableSpec& SpecOf(AuditedTable table);

using StateValues = std::vector<std::optional<std::string>>;

// Calls `row` with the key and recorded values (in the spec's column order)
// of each row of `table` matching `where` (SQL after WHERE; "" = all rows).
Status ForEachStateRow(
    Database& db, AuditedTable table, std::string_view where, const SqlParams& params,
    const std::function<Status(const std::string& key, StateValues values)>& row);

// The new state of the rows one change touched, gathered before its audit
// row is appended.
class StateChange {
 public:
  // Records the current values of `table`'s rows matching `where`.
  Status Capture(Database& db, AuditedTable table, std::string_view where,
                 const SqlParams& params = {});
  // Records that row `key` of `table` was deleted.
  void Deleted(AuditedTable table, std::string key);
  size_t size() const { return entries_.size(); }

  // The "state" object for entries [begin, end).
  nlohmann::json ToJson(size_t begin, size_t end) const;

 private:
  struct Entry {
    AuditedTable table;
    std::string key;
    std::optional<StateValues> values;  // nullopt: deleted
  };
  std::vector<Entry> entries_;
};

// At most this many changed rows go into one audit row; a larger change
// (a list version of 200,000 entities, a customer file) is split into parts.
inline constexpr size_t kStateRowsPerAuditRow = 20000;

// Appends `event` with `change` in details.state (none when it is empty),
// inside the caller's transaction. A change larger than kStateRowsPerAuditRow takes several
// rows with the same action and subject, each with "part" and "parts".
// Returns the last row appended.
Result<AuditRow> AppendStateAudit(Database& db, const AuditEvent& event, const StateChange& change);

// For the migration that introduced state (schema 2): rows written before it
// are adopted as found, by "audit.baseline" rows carrying their state (one
// per table, one per list version's entities). Appends nothing to a store
// whose audited tables are empty. Tables made by later migrations (the
// payment cases, schema 3) are audited from their first row: not adopted.
Status AdoptUnauditedState(Database& db);

}  // namespace embargo::store
