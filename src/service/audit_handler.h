// The audit trail over HTTP (service started with --store), for the
// workbench's audit page and for scripts:
//   GET  /audit?limit=&before=   the latest rows, newest first (reviewer role)
//   POST /audit/verify           walks the chain and compares every audited
//                                table with what it records (reviewer role)
// Pure functions over a store connection; the caller serialises access.
#pragma once

#include <string>

#include "service/http_types.h"
#include "store/database.h"

namespace embargo::service {

// 200 {"results": [{"seq", "at", "actor", "action", "subject", "details",
// "hash"}...], "limit"}; `before` (a seq) pages back. 400 on a bad number.
Response HandleAuditList(store::Database& db, const Params& params);

// 200 {"ok", "rows", "head": {"seq", "hash"}, "first_bad_seq", "problem",
// "differences": [text], "problems": [text], "notes": [text],
// "rows_checked": {table: n}}. `head_file`: the published heads checked too
// ("" for none). The audit key's anchors are not checked here: that is
// `embargo audit verify` with the key, which the service does not hold for
// verifying.
Response HandleAuditVerify(store::Database& db, const std::string& head_file);

}  // namespace embargo::service
