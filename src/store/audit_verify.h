// `embargo audit verify`: checks the audit trail three ways and reports every
// problem, each naming what differs:
//  1. the chain (store/audit.h): rows 1..n, each hash over the row and the
//     previous hash: an edited, removed or reordered row;
//  2. the state (store/audit_state.h): the audited tables rebuilt from the
//     chain's state records and compared with what they hold, row by row and
//     field by field (a row edited, deleted or inserted outside embargo);
//     entity records checked against their content hashes;
//     screening records checked against their batches' digests
//     (store/screenings.h);
//  3. the head (store/audit_head.h): the keyed anchors in the store, the head
//     file and any head the operator kept (--expect-head) checked against the
//     chain: a deleted tail, or a chain rewritten with recomputed hashes.
// Reads only. Thread-compatible (one Database).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/audit.h"
#include "store/audit_head.h"
#include "store/audit_key.h"
#include "store/database.h"

namespace embargo::store {

enum class RequireAnchor {
  kYes,  // with a key: rows after the last keyed anchor are a problem
  kNo,   // with a key: only the anchors made are checked (audit anchor)
};

struct AuditVerifyOptions {
  const AuditKey* key = nullptr;  // checks the anchors' HMACs
  RequireAnchor require_anchor = RequireAnchor::kYes;
  std::string head_file;            // "" = none
  bool head_file_required = false;  // a missing head file is a problem, not a note
  std::vector<AuditHead> expected;  // --expect-head
};

struct StateDifference {
  enum class Kind {
    kField,          // a field's value differs
    kDeleted,        // in the audit trail, not in the table
    kUnrecorded,     // in the table, not in the audit trail (or deleted there)
    kBadContent,     // an entity record whose body does not hash to its key
    kMissingRecord,  // a version's entity whose record is gone
  };
  Kind kind = Kind::kField;
  std::string table;
  std::string key;
  std::string field;  // kField
  std::optional<std::string> in_table;
  std::optional<std::string> in_trail;
  int64_t seq = 0;  // the audit row that last recorded the row

  // "alerts 17: status is 'closed' in the table, 'open' in the audit trail
  // (row 34)" and the like.
  std::string ToString() const;
};

struct AuditReport {
  AuditCheck chain;
  std::vector<StateDifference> differences;     // every one found
  std::map<std::string, int64_t> rows_checked;  // per audited table, + entity_records
  std::vector<std::string> problems;            // heads, anchors, damaged state records
  std::vector<std::string> notes;               // not problems: what is not anchored, and why
  int64_t anchored_seq = 0;                     // the last row a valid keyed anchor covers
  int64_t published_seq = 0;  // the last row the head file or --expect-head covers
  bool ok() const { return chain.ok() && differences.empty() && problems.empty(); }
};

Result<AuditReport> VerifyAuditTrail(Database& db, const AuditVerifyOptions& options);

}  // namespace embargo::store
