#include "store/screenings.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/sha256.h"

namespace embargo::store {
namespace {

constexpr const char* kColumns =
    "id, at, actor, channel, kind, subject, versions, outcome, result, audit_seq";

ScreeningRecord RecordFrom(const SqlRow& r) {
  return ScreeningRecord{r.Int(0),  r.Text(1), r.Text(2), r.Text(3), r.Text(4),
                         r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Int(9)};
}

enum class BatchState { kIntact, kMissingRecords, kEdited };

// `rows`, the table's records in the id range of `batch`, against it.
BatchState CompareBatch(const ScreeningBatch& batch, const std::vector<ScreeningRecord>& rows) {
  if (static_cast<int64_t>(rows.size()) != batch.count) return BatchState::kMissingRecords;
  bool ours = std::all_of(rows.begin(), rows.end(),
                          [&](const ScreeningRecord& r) { return r.audit_seq == batch.seq; });
  return ours && ScreeningsDigest(rows) == batch.sha256 ? BatchState::kIntact : BatchState::kEdited;
}

nlohmann::json Fields(const ScreeningRecord& r) {
  return {r.id, r.at, r.actor, r.channel, r.kind, r.subject, r.versions, r.outcome, r.result};
}

// A stored JSON text as a value (a damaged one as its text).
nlohmann::json Parsed(const std::string& text) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? nlohmann::json(text) : value;
}

}  // namespace

nlohmann::json ScreenedVersions(const ListSet& lists) {
  nlohmann::json versions = nlohmann::json::object();
  for (const Dataset& d : lists.datasets) {
    versions[d.name] = {{"source", d.path}, {"published", d.version_date}};
  }
  return versions;
}

std::string ScreeningsDigest(const std::vector<ScreeningRecord>& records) {
  Sha256 hasher;
  for (const ScreeningRecord& r : records) {
    hasher.Update(Fields(r).dump());
    hasher.Update("\n");
  }
  return hasher.FinishHex();
}

Result<RecordedScreenings> RecordScreenings(Database& db, std::vector<ScreeningRecord>& records) {
  RecordedScreenings recorded;
  if (records.empty()) return recorded;
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  if (db.dialect() == Dialect::kPostgres) {
    // The audit chain's lock (store/audit.cc): writers of records take turns.
    EMBARGO_RETURN_IF_ERROR(db.Exec("SELECT pg_advisory_xact_lock(7002)"));
  }
  auto top = db.QueryValue("SELECT max(id) FROM screenings");
  if (!top.ok()) return top.error();
  int64_t next = *top ? std::stoll(**top) + 1 : 1;
  recorded.first_id = next;
  for (ScreeningRecord& r : records) r.id = next++;
  recorded.last_id = next - 1;
  // The batch's actor: its records' one user, or the service's log when
  // several users screened (each record names its own).
  std::set<std::string> actors;
  for (const ScreeningRecord& r : records) actors.insert(r.actor);
  auto audit =
      AppendAudit(db, {actors.size() == 1 ? records.front().actor : "screening-log",
                       "screening.record",
                       fmt::format("screenings {}..{}", recorded.first_id, recorded.last_id),
                       {{"screenings",
                         {{"first", recorded.first_id},
                          {"last", recorded.last_id},
                          {"count", records.size()},
                          {"sha256", ScreeningsDigest(records)},
                          {"actors", actors}}}}});
  if (!audit.ok()) return audit.error();
  recorded.audit_seq = audit->seq;
  SqlParams values;
  values.reserve(records.size() * 10);
  for (ScreeningRecord& r : records) {
    r.audit_seq = audit->seq;
    values.insert(values.end(), {r.id, r.at, r.actor, r.channel, r.kind, r.subject, r.versions,
                                 r.outcome, r.result, r.audit_seq});
  }
  EMBARGO_RETURN_IF_ERROR(
      InsertRows(db, fmt::format("INSERT INTO screenings ({})", kColumns), 10, values));
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return recorded;
}

Result<std::vector<ScreeningRecord>> ListScreenings(Database& db, const ScreeningFilter& filter) {
  std::string sql = fmt::format("SELECT {} FROM screenings WHERE 1 = 1", kColumns);
  SqlParams params;
  if (!filter.actor.empty()) {
    sql += " AND actor = ?";
    params.emplace_back(filter.actor);
  }
  if (!filter.kind.empty()) {
    sql += " AND kind = ?";
    params.emplace_back(filter.kind);
  }
  if (!filter.since.empty()) {
    sql += " AND at >= ?";
    params.emplace_back(filter.since);
  }
  if (!filter.search.empty()) {
    sql += " AND subject LIKE ?";
    std::string pattern;
    for (char c : filter.search) {
      // LIKE's wildcards stand for themselves here.
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    params.emplace_back("%" + pattern + "%");
    sql += " ESCAPE '\\'";
  }
  if (filter.before_id > 0) {
    sql += " AND id < ?";
    params.emplace_back(filter.before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(static_cast<int64_t>(filter.limit));
  std::vector<ScreeningRecord> records;
  EMBARGO_RETURN_IF_ERROR(db.ForEach(sql, params, [&](const SqlRow& r) {
    records.push_back(RecordFrom(r));
    return Status::Ok();
  }));
  return records;
}

Result<std::optional<ScreeningRecord>> GetScreening(Database& db, int64_t id) {
  auto rows = db.Query(fmt::format("SELECT {} FROM screenings WHERE id = ?", kColumns), {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<ScreeningRecord>();
  return std::optional<ScreeningRecord>(RecordFrom(rows->front()));
}

nlohmann::json ScreeningJson(const ScreeningRecord& r) {
  return {{"id", r.id},
          {"at", r.at},
          {"actor", r.actor},
          {"channel", r.channel},
          {"kind", r.kind},
          {"outcome", r.outcome},
          {"subject", Parsed(r.subject)},
          {"versions", Parsed(r.versions)},
          {"result", Parsed(r.result)}};
}

std::optional<ScreeningBatch> ScreeningBatchOf(const AuditRow& row, std::string& problem) {
  if (row.action != "screening.record") return std::nullopt;
  nlohmann::json details = nlohmann::json::parse(row.details, nullptr, false);
  const nlohmann::json* s = nullptr;
  if (details.is_object() && details.contains("screenings")) s = &details["screenings"];
  if (s == nullptr || !s->is_object() || !(*s)["first"].is_number_integer() ||
      !(*s)["last"].is_number_integer() || !(*s)["count"].is_number_integer() ||
      !(*s)["sha256"].is_string()) {
    problem = fmt::format("row {}: its screening batch record is damaged", row.seq);
    return std::nullopt;
  }
  return ScreeningBatch{row.seq, (*s)["first"].get<int64_t>(), (*s)["last"].get<int64_t>(),
                        (*s)["count"].get<int64_t>(), (*s)["sha256"].get<std::string>()};
}

Result<bool> ScreeningBatchIntact(Database& db, const ScreeningBatch& batch) {
  std::vector<ScreeningRecord> rows;
  EMBARGO_RETURN_IF_ERROR(db.ForEach(
      fmt::format("SELECT {} FROM screenings WHERE id >= ? AND id <= ? ORDER BY id", kColumns),
      {batch.first_id, batch.last_id}, [&](const SqlRow& r) {
        rows.push_back(RecordFrom(r));
        return Status::Ok();
      }));
  return CompareBatch(batch, rows) == BatchState::kIntact;
}

Status CheckScreenings(Database& db, const std::vector<ScreeningBatch>& batches,
                       std::vector<std::string>& problems, int64_t& checked) {
  std::vector<ScreeningBatch> sorted = batches;
  std::sort(sorted.begin(), sorted.end(), [](const ScreeningBatch& a, const ScreeningBatch& b) {
    return a.first_id < b.first_id;
  });
  size_t b = 0;  // the batch the next row should belong to
  std::vector<ScreeningRecord> rows;
  auto close_batch = [&](const ScreeningBatch& batch) {
    switch (CompareBatch(batch, rows)) {
      case BatchState::kIntact: break;
      case BatchState::kMissingRecords:
        problems.push_back(
            fmt::format("screenings {}..{}: the audit trail (row {}) records {} screenings, the "
                        "table holds {}: deleted outside embargo",
                        batch.first_id, batch.last_id, batch.seq, batch.count, rows.size()));
        break;
      case BatchState::kEdited:
        problems.push_back(
            fmt::format("screenings {}..{}: their SHA-256 differs from the one the audit trail "
                        "(row {}) records: edited outside embargo",
                        batch.first_id, batch.last_id, batch.seq));
        break;
    }
    rows.clear();
  };
  EMBARGO_RETURN_IF_ERROR(db.ForEach(
      fmt::format("SELECT {} FROM screenings ORDER BY id", kColumns), {}, [&](const SqlRow& r) {
        ++checked;
        int64_t id = r.Int(0);
        while (b < sorted.size() && id > sorted[b].last_id) close_batch(sorted[b++]);
        if (b == sorted.size() || id < sorted[b].first_id) {
          problems.push_back(fmt::format(
              "screenings {}: in the table but in no batch of the audit trail: written outside "
              "embargo",
              id));
          return Status::Ok();
        }
        rows.push_back(RecordFrom(r));
        return Status::Ok();
      }));
  while (b < sorted.size()) close_batch(sorted[b++]);
  return Status::Ok();
}

}  // namespace embargo::store
