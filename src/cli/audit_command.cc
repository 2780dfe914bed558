// embargo audit verify | export.
#include <fmt/format.h>

#include <ostream>

#include "cli/output_file.h"
#include "cli/store_commands.h"
#include "store/audit.h"
#include "store/store.h"

namespace embargo::cli {

int RunAuditVerify(const std::string& store_url, std::ostream& out, std::ostream& err) {
  auto db = OpenStoreFor(store_url, "embargo audit verify", err);
  if (db == nullptr) return 1;
  auto check = store::VerifyAudit(*db);
  if (!check.ok()) {
    err << "embargo audit verify: " << check.error().ToString() << '\n';
    return 1;
  }
  if (!check->ok()) {
    out << fmt::format("BROKEN at row {}: {}\n", check->first_bad_seq, check->problem);
    return 3;
  }
  out << fmt::format("ok: {} rows, chain intact; head {}\n", check->rows, check->head_hash);
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
