#include "store/audit_verify.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include "common/sha256.h"
#include "store/audit_state.h"
#include "store/screenings.h"

namespace embargo::store {
namespace {

std::string Shown(const std::optional<std::string>& value) {
  return value ? fmt::format("'{}'", *value) : std::string("NULL");
}

std::string PublishedAt(const AuditHead& head) {
  return head.at.empty() ? std::string() : fmt::format(" at {}", head.at);
}

// Numeric keys in numeric order, others after, as text.
bool KeyLess(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// What the audit trail says a row holds, and the row that said it last.
struct TrailRow {
  int64_t seq = 0;
  std::optional<StateValues> values;  // nullopt: deleted
};
using TrailTable = std::unordered_map<std::string, TrailRow>;

class Verifier {
 public:
  Verifier(Database& db, const AuditVerifyOptions& options) : db_(db), options_(options) {}

  Result<AuditReport> Run() {
    // Heads are published after their rows commit: read before the
    // snapshot, every head names a row the snapshot holds.
    ReadHeadFile();
    EMBARGO_RETURN_IF_ERROR(BeginSnapshot());
    Status status = CheckSnapshot();
    (void)db_.Rollback();
    if (!status.ok()) return status.error();
    return report_;
  }

 private:
  // One read snapshot for the chain and the tables, so that a write
  // committed meanwhile is in both or in neither.
  Status BeginSnapshot() {
    return db_.Exec(db_.dialect() == Dialect::kSqlite
                        ? "BEGIN"
                        : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  Status CheckSnapshot() {
    auto chain = VerifyAudit(db_, [this](const AuditRow& row) {
      hashes_[row.seq] = row.hash;
      last_seq_ = std::max(last_seq_, row.seq);
      std::string problem;
      if (auto batch = ScreeningBatchOf(row, problem)) screening_batches_.push_back(*batch);
      if (!problem.empty()) report_.problems.push_back(problem);
      return ApplyState(row);
    });
    if (!chain.ok()) return chain.error();
    report_.chain = *chain;
    for (const AuditedTableSpec& spec : AuditedTables()) {
      EMBARGO_RETURN_IF_ERROR(CompareTable(spec));
    }
    EMBARGO_RETURN_IF_ERROR(CheckEntityRecords());
    EMBARGO_RETURN_IF_ERROR(CheckScreenings(db_, screening_batches_, report_.problems,
                                            report_.rows_checked["screenings"]));
    return CheckHeads();
  }

  void ReadHeadFile();
  Status ApplyState(const AuditRow& row);
  void ApplyTable(const AuditRow& row, const std::string& name, const nlohmann::json& record);
  Status CompareTable(const AuditedTableSpec& spec);
  Status CheckEntityRecords();
  Status CheckHeads();
  void CheckHeadFile();
  void CheckHead(const AuditHead& head, const std::string& where, bool published);
  void Differ(StateDifference difference) { report_.differences.push_back(std::move(difference)); }

  Database& db_;
  const AuditVerifyOptions& options_;
  AuditReport report_;
  std::optional<std::vector<HeadFileLine>> head_lines_;  // when there is a head file to check
  std::unordered_map<int64_t, std::string> hashes_;      // by seq
  int64_t last_seq_ = 0;
  std::vector<ScreeningBatch> screening_batches_;      // from "screening.record" rows
  std::unordered_map<std::string, TrailTable> trail_;  // by table name
};

Status Verifier::ApplyState(const AuditRow& row) {
  if (row.details.find("\"state\"") == std::string::npos) return Status::Ok();
  auto details = nlohmann::json::parse(row.details, nullptr, false);
  if (!details.is_object() || !details.contains("state")) return Status::Ok();
  const nlohmann::json& state = details["state"];
  if (!state.is_object()) {
    report_.problems.push_back(fmt::format("row {}: its state record is not an object", row.seq));
    return Status::Ok();
  }
  for (const auto& [name, record] : state.items()) ApplyTable(row, name, record);
  return Status::Ok();
}

void Verifier::ApplyTable(const AuditRow& row, const std::string& name,
                          const nlohmann::json& record) {
  const auto& tables = AuditedTables();
  auto spec = std::find_if(tables.begin(), tables.end(),
                           [&](const AuditedTableSpec& s) { return s.name == name; });
  bool well_formed = spec != tables.end() && record.is_object() && record.contains("rows") &&
                     record["rows"].is_object() && record.contains("columns") &&
                     record["columns"].is_array();
  if (!well_formed) {
    report_.problems.push_back(
        fmt::format("row {}: its state record for '{}' is not one embargo writes", row.seq, name));
    return;
  }
  const nlohmann::json& rows = record["rows"];
  if (record.value("sha256", "") != Sha256Hex(rows.dump())) {
    report_.problems.push_back(fmt::format(
        "row {}: the state it records for {} does not match its sha256", row.seq, name));
  }
  // Where each of the spec's columns is in this record (-1: not recorded).
  std::vector<int> at;
  for (const AuditedColumn& c : spec->columns) {
    const auto& names = record["columns"];
    auto it = std::find(names.begin(), names.end(), c.name);
    at.push_back(it == names.end() ? -1 : static_cast<int>(it - names.begin()));
  }
  TrailTable& table = trail_[name];
  for (const auto& [key, values] : rows.items()) {
    TrailRow& trail = table[key];
    trail.seq = row.seq;
    if (!values.is_array()) {
      trail.values.reset();
      continue;
    }
    StateValues recorded;
    for (int i : at) {
      bool present = i >= 0 && static_cast<size_t>(i) < values.size() && values[i].is_string();
      recorded.push_back(present ? std::optional<std::string>(values[i].get<std::string>())
                                 : std::nullopt);
    }
    trail.values = std::move(recorded);
  }
}

Status Verifier::CompareTable(const AuditedTableSpec& spec) {
  TrailTable& trail = trail_[spec.name];
  int64_t& checked = report_.rows_checked[spec.name];
  Status status = ForEachStateRow(
      db_, spec.table, "", {}, [&](const std::string& key, StateValues values) -> Status {
        ++checked;
        auto it = trail.find(key);
        if (it == trail.end() || !it->second.values) {
          int64_t seq = it == trail.end() ? 0 : it->second.seq;
          Differ({StateDifference::Kind::kUnrecorded, spec.name, key, "", {}, {}, seq});
          if (it != trail.end()) trail.erase(it);
          return Status::Ok();
        }
        const StateValues& recorded = *it->second.values;
        for (size_t i = 0; i < spec.columns.size(); ++i) {
          if (values[i] == recorded[i]) continue;
          Differ({StateDifference::Kind::kField, spec.name, key, spec.columns[i].name, values[i],
                  recorded[i], it->second.seq});
        }
        trail.erase(it);
        return Status::Ok();
      });
  if (!status.ok()) return status;
  std::vector<std::pair<std::string, int64_t>> deleted;
  for (const auto& [key, row] : trail) {
    if (row.values) deleted.emplace_back(key, row.seq);
  }
  std::sort(deleted.begin(), deleted.end(),
            [](const auto& a, const auto& b) { return KeyLess(a.first, b.first); });
  for (auto& [key, seq] : deleted) {
    Differ({StateDifference::Kind::kDeleted, spec.name, key, "", {}, {}, seq});
  }
  trail_.erase(spec.name);
  return Status::Ok();
}

Status Verifier::CheckEntityRecords() {
  int64_t& checked = report_.rows_checked["entity_records"];
  Status status =
      db_.ForEach("SELECT hash, body FROM entity_records ORDER BY hash", {}, [&](const SqlRow& r) {
        ++checked;
        std::string actual = Sha256Hex(r.Text(1));
        if (actual != r.Text(0)) {
          Differ({StateDifference::Kind::kBadContent, "entity_records", r.Text(0), "body", actual,
                  r.Text(0), 0});
        }
        return Status::Ok();
      });
  if (!status.ok()) return status;
  return db_.ForEach(
      "SELECT v.version_id, v.entity_id, v.record_hash FROM version_entities v LEFT JOIN "
      "entity_records r ON r.hash = v.record_hash WHERE r.hash IS NULL ORDER BY v.version_id, "
      "v.entity_id",
      {}, [&](const SqlRow& r) {
        Differ({StateDifference::Kind::kMissingRecord,
                "entity_records",
                r.Text(2),
                "",
                {},
                fmt::format("{}:{}", r.Text(0), r.Text(1)),
                0});
        return Status::Ok();
      });
}

void Verifier::CheckHead(const AuditHead& head, const std::string& where, bool published) {
  const int64_t rows = last_seq_;
  auto chained = hashes_.find(head.seq);
  bool matches = false;
  if (head.seq < 1) {
    report_.problems.push_back(fmt::format("{}: names row {}: not a row", where, head.seq));
  } else if (head.seq > rows) {
    report_.problems.push_back(fmt::format(
        "{}: row {} was published{}, but the chain ends at row {}: rows {}..{} were deleted", where,
        head.seq, PublishedAt(head), rows, rows + 1, head.seq));
  } else if (chained == hashes_.end()) {
    report_.problems.push_back(
        fmt::format("{}: row {} was published{}, but the chain has no row {}", where, head.seq,
                    PublishedAt(head), head.seq));
  } else if (chained->second != head.hash) {
    report_.problems.push_back(fmt::format(
        "{}: row {} was published{} with hash {}, but the chain's row {} has hash {}: the chain "
        "was rewritten up to row {}",
        where, head.seq, PublishedAt(head), head.hash, head.seq, chained->second, head.seq));
  } else {
    matches = true;
  }
  if (published && matches) report_.published_seq = std::max(report_.published_seq, head.seq);
  if (head.hmac.empty() || options_.key == nullptr) return;
  if (head.key_id != options_.key->id()) {
    report_.problems.push_back(fmt::format("{}: anchored with key {}, not with the given key {}",
                                           where, head.key_id, options_.key->id()));
  } else if (options_.key->HeadMac(head.seq, head.hash) != head.hmac) {
    report_.problems.push_back(fmt::format(
        "{}: its HMAC does not match: made or edited by someone without the key", where));
  } else if (matches) {
    report_.anchored_seq = std::max(report_.anchored_seq, head.seq);
  }
}

void Verifier::ReadHeadFile() {
  const std::string& path = options_.head_file;
  if (path.empty()) {
    report_.notes.push_back(
        "no head file: give --audit-head-file (or EMBARGO_AUDIT_HEAD_FILE) to check the heads "
        "published there");
    return;
  }
  if (!std::filesystem::exists(path)) {
    std::string missing = fmt::format("no head file at {}", path);
    if (options_.head_file_required) {
      report_.problems.push_back(missing);
    } else {
      report_.notes.push_back(missing + ": nothing published there to check against");
    }
    return;
  }
  auto lines = store::ReadHeadFile(path);
  if (!lines.ok()) {
    report_.problems.push_back(lines.error().ToString());
    return;
  }
  head_lines_ = std::move(*lines);
}

void Verifier::CheckHeadFile() {
  if (!head_lines_ || head_lines_->empty()) return;
  const std::string& path = options_.head_file;
  for (const HeadFileLine& line : *head_lines_) {
    CheckHead(line.head, fmt::format("{}:{}", path, line.line), true);
  }
  const AuditHead& last = head_lines_->back().head;
  report_.notes.push_back(fmt::format("head file {}: {} heads, the latest row {} published{}", path,
                                      head_lines_->size(), last.seq, PublishedAt(last)));
}

Status Verifier::CheckHeads() {
  const int64_t rows = last_seq_;
  auto anchors = LoadAnchors(db_);
  if (!anchors.ok()) return anchors.error();
  for (const AuditHead& anchor : *anchors) {
    CheckHead(anchor, fmt::format("audit_anchors row {}", anchor.seq), false);
  }
  CheckHeadFile();
  for (const AuditHead& expected : options_.expected) {
    CheckHead(expected, "--expect-head " + HeadRef(expected), true);
  }
  // (After a head that no longer matches, "the last published head" would mislead.)
  if (report_.problems.empty() && report_.published_seq > 0 && report_.published_seq < rows) {
    report_.notes.push_back(fmt::format("rows {}..{} were written after the last published head",
                                        report_.published_seq + 1, rows));
  }
  if (options_.key == nullptr) {
    if (rows > 0) {
      report_.notes.push_back(
          "the head is not anchored: no audit key (--audit-key-file or EMBARGO_AUDIT_KEY_FILE), "
          "so a chain rewritten with recomputed hashes verifies unless a published head shows it");
    }
    if (!anchors->empty()) {
      report_.notes.push_back(
          fmt::format("{} keyed anchors in the store not checked: no key", anchors->size()));
    }
    return Status::Ok();
  }
  const std::string& id = options_.key->id();
  if (options_.require_anchor == RequireAnchor::kNo) return Status::Ok();
  if (rows > 0 && report_.anchored_seq == 0) {
    report_.problems.push_back(fmt::format(
        "no row is anchored by key {}: the {} rows may have been rewritten with recomputed hashes "
        "(if you trust them, anchor them: embargo audit anchor)",
        id, rows));
  } else if (report_.anchored_seq < rows) {
    report_.problems.push_back(fmt::format(
        "rows {}..{} come after the last row anchored by key {} (row {}): written without the "
        "key, or forged",
        report_.anchored_seq + 1, rows, id, report_.anchored_seq));
  }
  return Status::Ok();
}

}  // namespace

std::string StateDifference::ToString() const {
  switch (kind) {
    case Kind::kField:
      return fmt::format("{} {}: {} is {} in the table, {} in the audit trail (row {})", table, key,
                         field, Shown(in_table), Shown(in_trail), seq);
    case Kind::kDeleted:
      return fmt::format(
          "{} {}: in the audit trail (row {}) but not in the table: deleted outside embargo", table,
          key, seq);
    case Kind::kUnrecorded:
      if (seq == 0) {
        return fmt::format(
            "{} {}: in the table but not in the audit trail: written outside embargo", table, key);
      }
      return fmt::format(
          "{} {}: in the table, but deleted by the audit trail (row {}): written outside embargo",
          table, key, seq);
    case Kind::kBadContent:
      return fmt::format(
          "{} {}: the body's SHA-256 is {}, not its key: the record was edited outside embargo",
          table, key, in_table.value_or(""));
    case Kind::kMissingRecord:
      return fmt::format("{} {}: missing, but version_entities {} holds it", table, key,
                         in_trail.value_or(""));
  }
  return "";
}

Result<AuditReport> VerifyAuditTrail(Database& db, const AuditVerifyOptions& options) {
  Verifier verifier(db, options);
  return verifier.Run();
}

}  // namespace embargo::store
