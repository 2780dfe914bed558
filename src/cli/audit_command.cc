// embargo audit verify | anchor | init-key | export, and the audit head that
// every command writing to the store publishes when it is done.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <variant>

#include "cli/output_file.h"
#include "cli/store_commands.h"
#include "store/audit.h"
#include "store/audit_verify.h"
#include "store/store.h"

namespace embargo::cli {
namespace {

// Differences printed one by one; the rest are counted.
constexpr size_t kShownDifferences = 50;

void PrintReport(const store::AuditReport& report, const store::AuditKey* key, std::ostream& out) {
  const store::AuditCheck& chain = report.chain;
  if (chain.ok()) {
    out << fmt::format("chain: {} rows, intact; head {}:{}\n", chain.rows, chain.rows,
                       chain.head_hash);
  } else {
    out << fmt::format("BROKEN at row {}: {}\n", chain.first_bad_seq, chain.problem);
  }
  for (size_t i = 0; i < report.differences.size() && i < kShownDifferences; ++i) {
    out << "BROKEN: " << report.differences[i].ToString() << '\n';
  }
  if (report.differences.size() > kShownDifferences) {
    out << fmt::format("BROKEN: ... and {} more differences\n",
                       report.differences.size() - kShownDifferences);
  }
  if (report.differences.empty()) {
    std::string tables;
    for (const auto& [table, rows] : report.rows_checked) {
      tables += fmt::format("{}{} {}", tables.empty() ? "" : ", ", table, rows);
    }
    out << "state: as the audit trail records it (" << tables << ")\n";
  }
  for (const std::string& problem : report.problems) out << "BROKEN: " << problem << '\n';
  if (key != nullptr && report.anchored_seq > 0) {
    out << fmt::format("anchor: row {} anchored by key {}\n", report.anchored_seq, key->id());
  }
  for (const std::string& note : report.notes) out << "note: " << note << '\n';
  size_t problems = report.differences.size() + report.problems.size() + (chain.ok() ? 0 : 1);
  out << (report.ok() ? std::string("ok\n")
                      : fmt::format("BROKEN: {} problem{}\n", problems, problems == 1 ? "" : "s"));
}

// The verification `audit verify` and `audit anchor` run, or an exit code
// (1 or 2, the message on `err`) when it could not run.
struct Verified {
  store::AuditReport report;
  std::optional<store::AuditKey> key;
};
std::variant<Verified, int> Verify(store::Database& db, const AuditArgs& args,
                                   store::RequireAnchor require, const char* command,
                                   std::ostream& err) {
  Verified verified;
  store::AuditVerifyOptions options;
  for (const std::string& text : args.expect_heads) {
    auto head = store::ParseHeadRef(text);
    if (!head.ok()) {
      err << command << ": --expect-head: " << head.error().ToString() << '\n';
      return 2;
    }
    options.expected.push_back(*head);
  }
  if (std::string path = store::AuditKeyPath(args.audit.key_file); !path.empty()) {
    auto key = store::AuditKey::Load(path);
    if (!key.ok()) {
      err << command << ": " << key.error().ToString() << '\n';
      return 1;
    }
    verified.key = std::move(*key);
    options.key = &*verified.key;
    options.require_anchor = require;
  }
  options.head_file = store::HeadFilePath(db, args.audit.head_file);
  // A head file the operator named must be there; the default one may not be.
  options.head_file_required = store::HeadFileConfigured(args.audit.head_file);
  auto report = store::VerifyAuditTrail(db, options);
  if (!report.ok()) {
    err << command << ": " << report.error().ToString() << '\n';
    return 1;
  }
  verified.report = std::move(*report);
  return verified;
}

}  // namespace

std::optional<WritableStore> OpenWritableStore(const std::string& flag,
                                               const store::AnchorOptions& audit,
                                               const char* command, std::ostream& err,
                                               store::StoreOpening opening) {
  WritableStore store;
  store.db = OpenStoreFor(flag, command, err, opening);
  if (store.db == nullptr) return std::nullopt;
  auto publisher = store::HeadPublisher::Open(*store.db, audit);
  if (!publisher.ok()) {
    err << command << ": " << publisher.error().ToString() << " (nothing stored)\n";
    return std::nullopt;
  }
  store.publisher = std::move(*publisher);
  return store;
}

bool PublishAuditHead(WritableStore& store, const char* command, std::ostream& out,
                      std::ostream& err) {
  auto head = store.publisher->Publish(*store.db);
  if (!head.ok()) {
    err << command << ": the audit head was not published: " << head.error().ToString() << '\n';
    return false;
  }
  if (*head) out << store.publisher->Describe(**head) << '\n';
  return true;
}

int RunAuditVerify(const AuditArgs& args, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(args.store, "embargo audit verify", err);
  if (db == nullptr) return 1;
  auto verified = Verify(*db, args, store::RequireAnchor::kYes, "embargo audit verify", err);
  if (const int* code = std::get_if<int>(&verified)) return *code;
  const Verified& v = std::get<Verified>(verified);
  PrintReport(v.report, v.key ? &*v.key : nullptr, out);
  return v.report.ok() ? 0 : 3;
}

int RunAuditAnchor(const AuditArgs& args, std::ostream& out, std::ostream& err) {
  auto store = OpenWritableStore(args.store, args.audit, "embargo audit anchor", err);
  if (!store) return 1;
  // Anchoring vouches for the rows as they are: only after they verify
  // (the anchors made before are checked; the rows after them are the point).
  auto verified = Verify(*store->db, args, store::RequireAnchor::kNo, "embargo audit anchor", err);
  if (const int* code = std::get_if<int>(&verified)) return *code;
  const store::AuditReport& report = std::get<Verified>(verified).report;
  if (!report.ok()) {
    PrintReport(report, nullptr, out);
    out << "nothing anchored: the trail does not verify\n";
    return 3;
  }
  auto head = store->publisher->Publish(*store->db, store::Republish::kYes);
  if (!head.ok()) {
    err << "embargo audit anchor: " << head.error().ToString() << '\n';
    return 1;
  }
  if (!*head) {
    out << "the audit trail is empty: nothing to anchor\n";
    return 0;
  }
  out << store->publisher->Describe(**head) << '\n';
  return 0;
}

int RunAuditInitKey(const AuditArgs& args, std::ostream& out, std::ostream& err) {
  auto key = store::AuditKey::Create(args.key_out);
  if (!key.ok()) {
    err << "embargo audit init-key: " << key.error().ToString() << '\n';
    return 1;
  }
  std::error_code ignored;
  const std::string absolute = std::filesystem::absolute(key->path(), ignored).string();
  out << fmt::format(
      "audit key {} written to {} (mode 0600)\n"
      "Keep it where the store's writers cannot reach it (another user, a secrets mount), and "
      "give it to every embargo command that writes: EMBARGO_AUDIT_KEY_FILE={} or "
      "--audit-key-file.\n",
      key->id(), key->path(), absolute);
  return 0;
}

int RunAuditExport(const std::string& store_url, const std::string& out_path, std::ostream& out,
                   std::ostream& err) {
  auto db = OpenStoreFor(store_url, "embargo audit export", err);
  if (db == nullptr) return 1;
  Status status;
  int written = WriteOutput("audit export", out_path, out, err,
                            [&](std::ostream& sink) { status = store::ExportAudit(*db, sink); });
  if (!status.ok()) {
    err << "embargo audit export: " << status.error().ToString() << '\n';
    return 1;
  }
  return written;
}

}  // namespace embargo::cli
