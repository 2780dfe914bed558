// The certificate of one screening record (store/screenings.h): a
// self-contained HTML page an auditor keeps, saying what was screened, when,
// by whom and through what, against which list versions, and with what
// result, and binding it to the tamper-evident audit trail: the audit row
// that recorded the record's batch, its hash and the batch's SHA-256, which
// `embargo audit verify` recomputes. Any screening made with a store has
// one (GET /screenings/{id}/certificate, `embargo screenings show ID
// --certificate FILE.html`), whether it came from the CLI, the API or the
// workbench; `screen --certificate` (cli/certificate.h) is the same for a
// run without a store. No scripts, no URLs. Thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/audit.h"
#include "store/database.h"
#include "store/screenings.h"

namespace embargo::store {

// The page for `record`, recorded by audit row `batch`; `verified`: the
// batch's records, as the table holds them now, hash to the digest that row
// records (otherwise the page says they do not, in red).
std::string ScreeningCertificateHtml(const ScreeningRecord& record, const AuditRow& batch,
                                     bool verified);

// The page for `record` (as GetScreening reads it): reads its batch's audit
// row and checks the batch (ScreeningBatchIntact).
Result<std::string> ScreeningCertificate(Database& db, const ScreeningRecord& record);

}  // namespace embargo::store
