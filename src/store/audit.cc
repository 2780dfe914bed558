#include "store/audit.h"

#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "common/sha256.h"

namespace embargo::store {
namespace {

AuditRow RowFrom(const SqlRow& r) {
  return AuditRow{r.Int(0),  r.Text(1), r.Text(2), r.Text(3),
                  r.Text(4), r.Text(5), r.Text(6), r.Text(7)};
}

constexpr const char* kRowColumns = "seq, at, actor, action, subject, details, prev_hash, hash";
constexpr const char* kSelectRows =
    "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq";

}  // namespace

std::string AuditRowHash(const AuditRow& row) {
  nlohmann::json fields = {row.seq,     row.at,      row.actor,    row.action,
                           row.subject, row.details, row.prev_hash};
  return Sha256Hex(fields.dump());
}

Result<AuditRow> AppendAudit(Database& db, const AuditEvent& event) {
  if (db.dialect() == Dialect::kPostgres) {
    // Writers take turns at the head of the chain (released at commit).
    EMBARGO_RETURN_IF_ERROR(db.Exec("SELECT pg_advisory_xact_lock(7002)"));
  }
  auto head = db.Query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!head.ok()) return head.error();
  AuditRow row;
  row.seq = head->empty() ? 1 : head->front().Int(0) + 1;
  row.prev_hash = head->empty() ? kAuditGenesis : head->front().Text(1);
  row.at = NowUtc();
  row.actor = event.actor.empty() ? CurrentUser() : event.actor;
  row.action = event.action;
  row.subject = event.subject;
  row.details = event.details.dump();
  row.hash = AuditRowHash(row);
  EMBARGO_RETURN_IF_ERROR(db.Exec(
      "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {row.seq, row.at, row.actor, row.action, row.subject, row.details, row.prev_hash, row.hash}));
  return row;
}

Result<std::optional<AuditRow>> GetAuditRow(Database& db, int64_t seq) {
  auto rows = db.Query(fmt::format("SELECT {} FROM audit_log WHERE seq = ?", kRowColumns), {seq});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<AuditRow>();
  return std::optional<AuditRow>(RowFrom(rows->front()));
}

Status ForEachAudit(Database& db, const std::function<Status(const AuditRow&)>& on_row) {
  return db.ForEach(kSelectRows, {}, [&](const SqlRow& r) { return on_row(RowFrom(r)); });
}

Result<AuditCheck> VerifyAudit(Database& db) {
  return VerifyAudit(db, [](const AuditRow&) { return Status::Ok(); });
}

Result<AuditCheck> VerifyAudit(Database& db,
                               const std::function<Status(const AuditRow&)>& each_row) {
  AuditCheck check;
  check.head_hash = kAuditGenesis;
  int64_t expected = 1;
  Status status = ForEachAudit(db, [&](const AuditRow& row) -> Status {
    ++check.rows;
    if (check.first_bad_seq == 0) {
      if (row.seq != expected) {
        check.first_bad_seq = expected;
        check.problem =
            fmt::format("row {} is missing (the next row is {}): removed", expected, row.seq);
      } else if (row.prev_hash != check.head_hash) {
        check.first_bad_seq = row.seq;
        check.problem = fmt::format(
            "row {} does not follow row {}: its prev_hash differs from that row's hash "
            "(a row before it was removed, reordered or rewritten)",
            row.seq, row.seq - 1);
      } else if (AuditRowHash(row) != row.hash) {
        check.first_bad_seq = row.seq;
        check.problem =
            fmt::format("row {} ({} {}) was edited: its content no longer matches its hash",
                        row.seq, row.action, row.subject);
      }
    }
    check.head_hash = row.hash;
    ++expected;
    return each_row(row);
  });
  if (!status.ok()) return status.error();
  return check;
}

Status ExportAudit(Database& db, std::ostream& out) {
  return ForEachAudit(db, [&](const AuditRow& row) -> Status {
    nlohmann::json details = nlohmann::json::parse(row.details, nullptr, false);
    if (details.is_discarded()) details = row.details;  // exported as found, even if damaged
    nlohmann::ordered_json line = {{"seq", row.seq},
                                   {"at", row.at},
                                   {"actor", row.actor},
                                   {"action", row.action},
                                   {"subject", row.subject},
                                   {"details", details},
                                   {"prev_hash", row.prev_hash},
                                   {"hash", row.hash}};
    out << line.dump() << '\n';
    return Status::Ok();
  });
}

std::string CurrentUser() {
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    return pw->pw_name;
  }
  if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
  return "unknown";
}

}  // namespace embargo::store
