// The tamper-evident audit log: every update, import, screening run, alert
// and decision appends one row. Rows are numbered 1, 2, 3... and chained:
// each row's hash is the SHA-256 of the previous row's hash and this row's
// fields, so editing, removing or reordering any row breaks every hash from
// there on, and VerifyAudit names the first bad row. Cutting rows off the
// end, or rewriting rows and recomputing every hash after them, leaves a
// valid chain: store/audit_head.h anchors and publishes the head against
// that, store/audit_state.h records the tables' state in the rows, and
// store/audit_verify.h checks all of it. AppendAudit must run inside the
// caller's transaction, so the record and the change it describes commit
// together or not at all. Functions over one Database; thread-compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "store/database.h"

namespace embargo::store {

struct AuditEvent {
  std::string actor;    // OS user or --analyst
  std::string action;   // list.version, list.unchanged, rescreen.run, alert.open, alert.close,
                        // alert.decide, ...
  std::string subject;  // what it is about: "us_ofac_sdn@3", "alert 17"
  nlohmann::json details = nlohmann::json::object();
};

struct AuditRow {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;
  std::string subject;
  std::string details;  // compact JSON
  std::string prev_hash;
  std::string hash;
};

// The hash every row of the chain must carry before the first row.
inline constexpr const char* kAuditGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// SHA-256 of the row's seq, time, actor, action, subject, details and
// prev_hash (as a JSON array, so no two field splits hash alike).
std::string AuditRowHash(const AuditRow& row);

Result<AuditRow> AppendAudit(Database& db, const AuditEvent& event);

struct AuditCheck {
  int64_t rows = 0;
  std::string head_hash;      // hash of the last row (kAuditGenesis when empty)
  int64_t first_bad_seq = 0;  // 0 when the chain is intact
  std::string problem;        // what is wrong with the first bad row
  bool ok() const { return first_bad_seq == 0; }
};
Result<AuditCheck> VerifyAudit(Database& db);
// The same walk, also calling `each_row` with every row in order.
Result<AuditCheck> VerifyAudit(Database& db,
                               const std::function<Status(const AuditRow&)>& each_row);

// Row `seq` of the chain, or nullopt when there is none.
Result<std::optional<AuditRow>> GetAuditRow(Database& db, int64_t seq);

// Calls `row` for each row in order.
Status ForEachAudit(Database& db, const std::function<Status(const AuditRow&)>& row);
// One JSON object per line: seq, at, actor, action, subject, details
// (object), prev_hash, hash.
Status ExportAudit(Database& db, std::ostream& out);

// The OS user name running this process ("unknown" when none).
std::string CurrentUser();

}  // namespace embargo::store
