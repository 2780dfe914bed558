// Screening records: every screening made with a store (a name through
// /match, the workbench or `embargo screen --name`; a batch file through
// `embargo screen --input`; a payment message through /payments/screen)
// records who screened what, when, against which list versions, and with
// what result. An auditor asks "was this customer screened on 3 March, and
// against which OFAC list?"; this table answers it.
//
// Records are written in batches (RecordScreenings: one transaction, one
// audit row "screening.record" whose details carry the batch's first and
// last id, its count and the SHA-256 of its rows), so a busy service pays
// one commit per batch, not per query. The audit chain thus covers every
// record without copying it: `audit verify` (CheckScreenings) recomputes
// each batch's digest and reports a record edited, deleted or inserted
// outside embargo. Functions over one Database; thread-compatible.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "embargo/lists.h"
#include "store/audit.h"
#include "store/database.h"

namespace embargo::store {

struct ScreeningRecord {
  int64_t id = 0;       // assigned by RecordScreenings
  std::string at;       // UTC ISO 8601, when screened
  std::string actor;    // the API key's user, or the OS user for the CLI
  std::string channel;  // "api" or "cli"
  std::string kind;     // "name", "batch" or "payment"
  // What was screened (JSON object): a name query's schema and properties;
  // a batch's input file, its SHA-256 and row count; a payment's type, id
  // and content digest.
  std::string subject;
  std::string versions;  // JSON object {dataset: {"source", "published"}}: ScreenedVersions
  std::string outcome;   // "alert" | "clear" (name, payment), "alerts" | "clear" (batch)
  // The result (JSON object): a name's candidates (id, caption, dataset,
  // score, match); a batch's counts and its output's SHA-256; a payment's
  // hits and held or not.
  std::string result;
  int64_t audit_seq = 0;  // the audit row recording its batch (set by RecordScreenings)
};

// The list versions a screening ran against, as recorded: every dataset's
// source ("us_ofac_sdn@3" for a stored version, else its file) and
// publication date.
nlohmann::json ScreenedVersions(const ListSet& lists);

struct RecordedScreenings {
  int64_t first_id = 0, last_id = 0;  // 0, 0 when none were given
  int64_t audit_seq = 0;
};

// Assigns ids (after the table's highest) and inserts `records` in one
// transaction with their audit row, whose actor is the records' user when
// they share one, else "screening-log" (its details list the users).
// `records` gets the ids. Nothing is written for an empty batch.
Result<RecordedScreenings> RecordScreenings(Database& db, std::vector<ScreeningRecord>& records);

struct ScreeningFilter {
  std::string actor;      // "" = anyone
  std::string kind;       // "" = any
  std::string since;      // "" or a UTC ISO prefix: at >= since
  std::string search;     // "" or text the subject contains (case-sensitive)
  int64_t before_id = 0;  // > 0: only ids below (paging, newest first)
  size_t limit = 100;
};

// Newest first.
Result<std::vector<ScreeningRecord>> ListScreenings(Database& db, const ScreeningFilter& filter);
Result<std::optional<ScreeningRecord>> GetScreening(Database& db, int64_t id);

// A record as JSON: id, at, actor, channel, kind, outcome, and subject,
// versions and result as objects.
nlohmann::json ScreeningJson(const ScreeningRecord& record);

// SHA-256 over the records' fields in order, audit_seq aside (the digest a
// batch's audit row carries).
std::string ScreeningsDigest(const std::vector<ScreeningRecord>& records);

// One batch as an audit row records it.
struct ScreeningBatch {
  int64_t seq = 0;  // the audit row
  int64_t first_id = 0, last_id = 0, count = 0;
  std::string sha256;
};

// The batch an audit row records, or nullopt when the row is no
// "screening.record" row (or its details are damaged: `problem` says so).
std::optional<ScreeningBatch> ScreeningBatchOf(const AuditRow& row, std::string& problem);

// Whether the table still holds `batch` as its audit row recorded it: its
// records, all of that row, hashing to its digest.
Result<bool> ScreeningBatchIntact(Database& db, const ScreeningBatch& batch);

// Compares the table with the batches the audit chain records: each batch's
// rows must be there and hash to its digest; no row may lie outside a
// batch. Appends a readable line per problem; counts the rows checked.
Status CheckScreenings(Database& db, const std::vector<ScreeningBatch>& batches,
                       std::vector<std::string>& problems, int64_t& checked);

}  // namespace embargo::store
