#include "service/audit_handler.h"

#include <fmt/format.h>

#include <limits>

#include "common/strings.h"
#include "store/audit.h"
#include "store/audit_verify.h"

namespace embargo::service {

Response HandleAuditList(store::Database& db, const Params& params) {
  auto limit = ParseNumber<int64_t>(Param(params, "limit", "50"));
  auto before = ParseNumber<int64_t>(
      Param(params, "before", std::to_string(std::numeric_limits<int64_t>::max())));
  if (!limit || *limit < 1 || *limit > 1000) {
    return ErrorResponse(400, "limit must be a number from 1 to 1000");
  }
  if (!before || *before < 1) return ErrorResponse(400, "before must be a row number >= 1");
  auto rows = db.Query(
      "SELECT seq, at, actor, action, subject, details, hash FROM audit_log WHERE seq < ? ORDER "
      "BY seq DESC LIMIT ?",
      {*before, *limit});
  if (!rows.ok()) return ErrorResponse(500, rows.error().ToString());
  Response r;
  r.body = {{"results", nlohmann::json::array()}, {"limit", *limit}};
  for (const store::SqlRow& row : *rows) {
    nlohmann::json details = nlohmann::json::parse(row.Text(5), nullptr, false);
    if (details.is_object()) details.erase("state");  // the rows' state: large, for verify
    r.body["results"].push_back({{"seq", row.Int(0)},
                                 {"at", row.Text(1)},
                                 {"actor", row.Text(2)},
                                 {"action", row.Text(3)},
                                 {"subject", row.Text(4)},
                                 {"details", details.is_discarded() ? nlohmann::json() : details},
                                 {"hash", row.Text(6)}});
  }
  return r;
}

Response HandleAuditVerify(store::Database& db, const std::string& head_file) {
  store::AuditVerifyOptions options;
  options.require_anchor = store::RequireAnchor::kNo;
  options.head_file = head_file;
  auto report = store::VerifyAuditTrail(db, options);
  if (!report.ok()) return ErrorResponse(500, report.error().ToString());
  nlohmann::json differences = nlohmann::json::array();
  for (const store::StateDifference& d : report->differences) differences.push_back(d.ToString());
  Response r;
  r.body = {{"ok", report->ok()},
            {"rows", report->chain.rows},
            {"head", {{"seq", report->chain.rows}, {"hash", report->chain.head_hash}}},
            {"first_bad_seq", report->chain.first_bad_seq},
            {"problem", report->chain.problem},
            {"differences", std::move(differences)},
            {"problems", report->problems},
            {"notes", report->notes},
            {"rows_checked", report->rows_checked}};
  return r;
}

}  // namespace embargo::service
