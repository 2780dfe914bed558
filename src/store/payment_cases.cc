#include "store/payment_cases.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/unistr.h>

#include <set>
#include <tuple>

#include "common/json_text.h"
#include "common/json_writer.h"
#include "common/sha256.h"
#include "common/strings.h"
#include "model/entity_json.h"
#include "payments/screening_json.h"
#include "store/audit_state.h"

namespace embargo::store {
namespace {

constexpr const char* kCaseSelect =
    "SELECT id, message_digest, message_type, message_id, file, status, hits, message, "
    "list_versions, created_at, decided_at FROM payment_cases";
constexpr const char* kGoodGuySelect =
    "SELECT id, field, text, entity_id, entity_hash, case_id, created_at, lapsed_at FROM "
    "payment_good_guys";

// The release waiting for review on `c`, if one is.
Status LoadPending(Database& db, PaymentCase& c) {
  auto rows = db.Query(
      "SELECT r.decision_id, d.analyst, r.reason, d.decided_at FROM payment_case_reviews r JOIN "
      "payment_case_decisions d ON d.id = r.decision_id WHERE r.case_id = ? AND r.state = "
      "'pending'",
      {c.id});
  if (!rows.ok()) return rows.error();
  if (!rows->empty()) {
    const SqlRow& r = rows->front();
    c.pending = PendingRelease{r.Int(0), r.Text(1), r.Text(2), r.Text(3)};
  }
  return Status::Ok();
}

PaymentCase CaseFrom(const SqlRow& r) {
  PaymentCase c;
  c.id = r.Int(0);
  c.message_digest = r.Text(1);
  c.message_type = r.Text(2);
  c.message_id = r.Text(3);
  c.file = r.Text(4);
  c.status = r.Text(5);
  c.hits = r.Text(6);
  c.message = r.Text(7);
  c.list_versions = r.Text(8);
  c.created_at = r.Text(9);
  c.decided_at = r.Text(10);
  return c;
}

GoodGuy GoodGuyFrom(const SqlRow& r) {
  return {r.Int(0), {r.Text(1), r.Text(2), r.Text(3), r.Text(4)}, r.Int(5), r.Text(6), r.Text(7)};
}

Result<std::vector<GoodGuy>> QueryGoodGuys(Database& db, const std::string& where,
                                           const SqlParams& params) {
  auto rows = db.Query(fmt::format("{} WHERE {} ORDER BY id", kGoodGuySelect, where), params);
  if (!rows.ok()) return rows.error();
  std::vector<GoodGuy> out;
  for (const SqlRow& r : *rows) out.push_back(GoodGuyFrom(r));
  return out;
}

// The id a "... RETURNING id" statement gave.
Result<int64_t> ReturnedId(const Result<std::optional<std::string>>& returned) {
  if (!returned.ok()) return returned.error();
  return ParseNumber<int64_t>(returned->value_or("")).value_or(0);
}

nlohmann::json ParsedOrNull(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json() : j;
}

std::string EntityIdOf(const payments::Hit& hit) {
  if (hit.entity != nullptr) return hit.entity->id;
  if (hit.place != nullptr) {
    return fmt::format("place:{}:{}", hit.place->jurisdiction, hit.place->name);
  }
  return "";
}

nlohmann::json KeyToJson(const GoodGuyKey& key) {
  return {{"field", key.field},
          {"text", key.text},
          {"entity_id", key.entity_id},
          {"entity_hash", key.entity_hash}};
}

// The distinct good-guy keys of a case's hits (as MakePaymentCase recorded them).
Result<std::vector<GoodGuyKey>> CaseKeys(const PaymentCase& c) {
  nlohmann::json hits = ParsedOrNull(c.hits);
  if (!hits.is_array()) {
    return MakeError(fmt::format("payment case {}: its hits are not a JSON array", c.id));
  }
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  std::vector<GoodGuyKey> out;
  for (const nlohmann::json& hit : hits) {
    const nlohmann::json* key =
        hit.is_object() && hit.contains("good_guy") ? &hit["good_guy"] : nullptr;
    if (key == nullptr || !key->is_object()) {
      return MakeError(fmt::format("payment case {}: a hit without its good-guy key", c.id));
    }
    GoodGuyKey k{key->value("field", ""), key->value("text", ""), key->value("entity_id", ""),
                 key->value("entity_hash", "")};
    auto unique =
        std::make_tuple(k.field, NormalizedGoodGuyText(k.text), k.entity_id, k.entity_hash);
    if (seen.insert(unique).second) out.push_back(std::move(k));
  }
  return out;
}

// Records one good-guy entry for `key` from case `case_id`, lapsing the
// entries still in force for the same field, text and entity (the new
// one replaces them); both captured in `change`.
Status AddGoodGuy(Database& db, const GoodGuyKey& key, int64_t case_id, const std::string& now,
                  StateChange& change) {
  auto same = QueryGoodGuys(db, "field = ? AND entity_id = ? AND lapsed_at IS NULL",
                            {key.field, key.entity_id});
  if (!same.ok()) return same.error();
  const std::string text = NormalizedGoodGuyText(key.text);
  for (const GoodGuy& old : *same) {
    if (NormalizedGoodGuyText(old.key.text) != text) continue;
    EMBARGO_RETURN_IF_ERROR(
        db.Exec("UPDATE payment_good_guys SET lapsed_at = ? WHERE id = ?", {now, old.id}));
    EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kPaymentGoodGuys, "id = ?", {old.id}));
  }
  auto id = ReturnedId(db.QueryValue(
      "INSERT INTO payment_good_guys (field, text, entity_id, entity_hash, case_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      {key.field, key.text, key.entity_id, key.entity_hash, case_id, now}));
  if (!id.ok()) return id.error();
  return change.Capture(db, AuditedTable::kPaymentGoodGuys, "id = ?", {*id});
}

}  // namespace

Result<EntityHashes> EntityHashes::FromVersions(Database& db,
                                                const std::vector<ListVersion>& versions) {
  auto stored = std::make_shared<std::unordered_map<std::string, std::string>>();
  for (const ListVersion& v : versions) {
    auto hashes = VersionRecordHashes(db, v.id);
    if (!hashes.ok()) return hashes.error();
    for (auto& [id, hash] : *hashes) stored->insert_or_assign(std::move(id), std::move(hash));
  }
  EntityHashes out;
  out.stored_ = std::move(stored);
  return out;
}

std::string EntityHashes::Of(const Entity& entity) const {
  if (stored_ != nullptr) {
    if (auto it = stored_->find(entity.id); it != stored_->end()) return it->second;
  }
  return Sha256Hex(EntityJson(entity));
}

std::string NormalizedGoodGuyText(std::string_view text) {
  std::string collapsed;
  bool space = false;
  for (char c : Trim(text)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(collapsed);
  folded.foldCase();
  std::string out;
  folded.toUTF8String(out);
  return out;
}

GoodGuyKey GoodGuyKeyOf(const payments::Hit& hit, const EntityHashes& hashes) {
  return {payments::GoodGuyField(hit), payments::GoodGuyText(hit), EntityIdOf(hit),
          hit.entity != nullptr ? hashes.Of(*hit.entity) : std::string()};
}

nlohmann::json ListVersionsJson(const std::vector<ListVersion>& versions) {
  nlohmann::json out = nlohmann::json::object();
  for (const ListVersion& v : versions) out[v.dataset] = v.id;
  return out;
}

NewPaymentCase MakePaymentCase(const payments::Message& message,
                               const payments::Screening& screening, const EntityHashes& hashes,
                               const nlohmann::json& list_versions) {
  NewPaymentCase c;
  c.message_digest = payments::MessageDigest(message);
  c.message_type = message.type;
  c.message_id = message.id;
  c.file = message.file;
  JsonWriter content(c.message);
  payments::WriteMessageContent(content, message);
  nlohmann::json hits = nlohmann::json::array();
  for (const payments::Hit& hit : screening.hits) {
    std::string text;
    JsonWriter w(text);
    payments::WriteHit(w, hit);
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) j = {{"path", hit.path}, {"kind", hit.kind}, {"text", hit.text}};
    j["good_guy"] = KeyToJson(GoodGuyKeyOf(hit, hashes));
    hits.push_back(std::move(j));
  }
  c.hits = JsonText(hits);
  c.list_versions = JsonText(list_versions);
  return c;
}

Result<RecordedCase> RecordPaymentCase(Database& db, const NewPaymentCase& c,
                                       const std::string& actor) {
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto held = db.Query(std::string(kCaseSelect) + " WHERE message_digest = ? AND status = 'held'",
                       {c.message_digest});
  if (!held.ok()) return held.error();
  if (!held->empty()) {
    PaymentCase c = CaseFrom(held->front());
    EMBARGO_RETURN_IF_ERROR(LoadPending(db, c));
    return RecordedCase{std::move(c), false};
  }
  auto id = ReturnedId(db.QueryValue(
      "INSERT INTO payment_cases (message_digest, message_type, message_id, file, status, hits, "
      "message, list_versions, created_at) VALUES (?, ?, ?, ?, 'held', ?, ?, ?, ?) RETURNING id",
      {c.message_digest, c.message_type, c.message_id, c.file, c.hits, c.message, c.list_versions,
       NowUtc()}));
  if (!id.ok()) return id.error();
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kPaymentCases, "id = ?", {*id}));
  nlohmann::json hits = ParsedOrNull(c.hits);
  auto audit = AppendStateAudit(db,
                                {actor,
                                 "payment_case.open",
                                 fmt::format("payment case {}", *id),
                                 {{"message_type", c.message_type},
                                  {"message_id", c.message_id},
                                  {"message_digest", c.message_digest},
                                  {"file", c.file},
                                  {"hits", hits.is_array() ? hits.size() : 0},
                                  {"list_versions", ParsedOrNull(c.list_versions)}}},
                                change);
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  auto stored = GetPaymentCase(db, *id);
  if (!stored.ok()) return stored.error();
  return RecordedCase{std::move(*stored), true};
}

Result<std::vector<PaymentCase>> ListPaymentCases(Database& db, const PaymentCaseFilter& filter) {
  std::string sql = kCaseSelect;
  SqlParams params;
  if (!filter.status.empty()) {
    sql += " WHERE status = ?";
    params.emplace_back(filter.status);
  }
  sql += " ORDER BY id LIMIT ? OFFSET ?";
  params.emplace_back(filter.limit);
  params.emplace_back(filter.offset);
  auto rows = db.Query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<PaymentCase> out;
  for (const SqlRow& r : *rows) {
    out.push_back(CaseFrom(r));
    EMBARGO_RETURN_IF_ERROR(LoadPending(db, out.back()));
  }
  return out;
}

Result<PaymentCase> GetPaymentCase(Database& db, int64_t id) {
  auto rows = db.Query(std::string(kCaseSelect) + " WHERE id = ?", {id});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return MakeError(fmt::format("no payment case {}", id));
  PaymentCase c = CaseFrom(rows->front());
  EMBARGO_RETURN_IF_ERROR(LoadPending(db, c));
  return c;
}

Result<std::vector<PaymentCaseDecision>> PaymentCaseDecisions(Database& db, int64_t case_id) {
  auto rows = db.Query(
      "SELECT id, case_id, status, note, analyst, decided_at FROM payment_case_decisions WHERE "
      "case_id = ? ORDER BY id",
      {case_id});
  if (!rows.ok()) return rows.error();
  std::vector<PaymentCaseDecision> out;
  for (const SqlRow& r : *rows) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)});
  }
  return out;
}

Result<std::vector<GoodGuy>> CaseGoodGuys(Database& db, int64_t case_id) {
  return QueryGoodGuys(db, "case_id = ?", {case_id});
}

Result<std::vector<std::pair<std::string, int64_t>>> PaymentCaseCounts(Database& db) {
  auto rows = db.Query("SELECT status, count(*) FROM payment_cases GROUP BY status ORDER BY 1");
  if (!rows.ok()) return rows.error();
  std::vector<std::pair<std::string, int64_t>> out;
  for (const SqlRow& r : *rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

nlohmann::json PaymentCaseToJson(const PaymentCase& c) {
  return {{"id", c.id},
          {"status", c.status},
          {"message_digest", c.message_digest},
          {"message_type", c.message_type},
          {"message_id", c.message_id},
          {"file", c.file},
          {"created_at", c.created_at},
          {"decided_at", c.decided_at.empty() ? nlohmann::json() : nlohmann::json(c.decided_at)},
          {"list_versions", ParsedOrNull(c.list_versions)},
          {"hits", ParsedOrNull(c.hits)},
          {"pending_release", c.pending ? nlohmann::json{{"decision", c.pending->decision_id},
                                                         {"analyst", c.pending->analyst},
                                                         {"reason", c.pending->reason},
                                                         {"decided_at", c.pending->decided_at}}
                                        : nlohmann::json()}};
}

nlohmann::json PaymentCaseToJson(const PaymentCase& c,
                                 const std::vector<PaymentCaseDecision>& decisions,
                                 const std::vector<GoodGuy>& good_guys) {
  nlohmann::json j = PaymentCaseToJson(c);
  j["message"] = ParsedOrNull(c.message);
  j["decisions"] = nlohmann::json::array();
  for (const PaymentCaseDecision& d : decisions) {
    j["decisions"].push_back({{"status", d.status},
                              {"note", d.note},
                              {"analyst", d.analyst},
                              {"decided_at", d.decided_at}});
  }
  j["good_guys"] = nlohmann::json::array();
  for (const GoodGuy& g : good_guys) {
    nlohmann::json entry = KeyToJson(g.key);
    entry["id"] = g.id;
    entry["created_at"] = g.created_at;
    entry["lapsed_at"] = g.lapsed_at.empty() ? nlohmann::json() : nlohmann::json(g.lapsed_at);
    j["good_guys"].push_back(std::move(entry));
  }
  return j;
}

std::optional<std::string> ReleaseNeedsReview(const PaymentCase& c, const FourEyesPolicy& policy) {
  nlohmann::json hits = ParsedOrNull(c.hits);
  if (!hits.is_array()) return std::nullopt;
  const nlohmann::json* strongest = nullptr;
  for (const nlohmann::json& hit : hits) {
    if (!hit.is_object() || !hit.contains("score") || !hit["score"].is_number()) continue;
    if (strongest == nullptr || hit["score"].get<double>() > (*strongest)["score"].get<double>())
      strongest = &hit;
  }
  if (strongest == nullptr) return std::nullopt;
  const double score = (*strongest)["score"].get<double>();
  if (score < policy.strong_score) return std::nullopt;
  return fmt::format("its {} hit '{}' scores {:.2f}, at or above the four-eyes bar {:.2f}",
                     strongest->value("kind", ""), strongest->value("text", ""), score,
                     policy.strong_score);
}

namespace {

// Makes a held case's decision take effect: its status, and for a release
// its good-guy entries (the number made in `*good_guys`); all captured in
// `change`.
Status ApplyCaseDecision(Database& db, const PaymentCase& c, const std::string& status,
                         const std::string& now, StateChange& change, size_t* good_guys) {
  auto keys = status == "released" ? CaseKeys(c) : std::vector<GoodGuyKey>{};
  if (!keys.ok()) return keys.error();
  EMBARGO_RETURN_IF_ERROR(db.Exec(
      "UPDATE payment_cases SET status = ?, decided_at = ? WHERE id = ?", {status, now, c.id}));
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kPaymentCases, "id = ?", {c.id}));
  for (const GoodGuyKey& key : *keys) {
    EMBARGO_RETURN_IF_ERROR(AddGoodGuy(db, key, c.id, now, change));
  }
  *good_guys = keys->size();
  return Status::Ok();
}

}  // namespace

Result<PaymentCase> DecidePaymentCase(Database& db, int64_t case_id, const std::string& status,
                                      const std::string& note, const std::string& analyst,
                                      const FourEyesPolicy& policy) {
  if (status != "released" && status != "blocked") {
    return MakeError(fmt::format("status '{}': expected released or blocked", status));
  }
  if (auto problem = NoteProblem(note, "a decision", "why this status")) return MakeError(*problem);
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto c = GetPaymentCase(db, case_id);
  if (!c.ok()) return c.error();
  if (c->status != "held") {
    return MakeError(
        fmt::format("payment case {} was already {} at {}: only a held case can be "
                    "decided",
                    case_id, c->status, c->decided_at));
  }
  if (c->pending && status == "released") {
    return MakeError(fmt::format(
        "payment case {}: {} released it at {} and the release waits for a reviewer (payments "
        "cases review)",
        case_id, c->pending->analyst, c->pending->decided_at));
  }
  const std::optional<std::string> review =
      status == "released" ? ReleaseNeedsReview(*c, policy) : std::nullopt;
  const std::string now = NowUtc();
  auto decision_id = ReturnedId(db.QueryValue(
      "INSERT INTO payment_case_decisions (case_id, status, note, analyst, decided_at) VALUES (?, "
      "?, ?, ?, ?) RETURNING id",
      {case_id, status, note, analyst, now}));
  if (!decision_id.ok()) return decision_id.error();
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(
      change.Capture(db, AuditedTable::kPaymentCaseDecisions, "id = ?", {*decision_id}));
  size_t good_guys = 0;
  if (review) {
    EMBARGO_RETURN_IF_ERROR(
        db.Exec("INSERT INTO payment_case_reviews (decision_id, case_id, reason, state) VALUES "
                "(?, ?, ?, 'pending')",
                {*decision_id, case_id, *review}));
    EMBARGO_RETURN_IF_ERROR(
        change.Capture(db, AuditedTable::kPaymentCaseReviews, "decision_id = ?", {*decision_id}));
  } else {
    if (c->pending) {  // a block: the release waiting lapses
      EMBARGO_RETURN_IF_ERROR(db.Exec(
          "UPDATE payment_case_reviews SET state = 'lapsed', reviewed_at = ? WHERE decision_id = ?",
          {now, c->pending->decision_id}));
      EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kPaymentCaseReviews,
                                             "decision_id = ?", {c->pending->decision_id}));
    }
    EMBARGO_RETURN_IF_ERROR(ApplyCaseDecision(db, *c, status, now, change, &good_guys));
  }
  nlohmann::json details = {{"status", status},
                            {"note", note},
                            {"message_type", c->message_type},
                            {"message_id", c->message_id},
                            {"good_guys", good_guys}};
  if (review) details["waits_for_review"] = *review;
  auto audit = AppendStateAudit(
      db, {analyst, "payment_case.decide", fmt::format("payment case {}", case_id), details},
      change);
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return GetPaymentCase(db, case_id);
}

Result<PaymentCase> ReviewPaymentCase(Database& db, int64_t case_id, bool approve,
                                      const std::string& note, const std::string& reviewer) {
  if (auto problem = NoteProblem(note, "a review", "why approve or reject"))
    return MakeError(*problem);
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  auto c = GetPaymentCase(db, case_id);
  if (!c.ok()) return c.error();
  if (!c->pending) {
    return MakeError(fmt::format("payment case {} has no release waiting for a reviewer", case_id));
  }
  const PendingRelease pending = *c->pending;
  if (pending.analyst == reviewer) {
    return MakeError(fmt::format(
        "{} released payment case {} and cannot review the release: four-eyes needs a reviewer "
        "other than its analyst",
        reviewer, case_id));
  }
  const std::string now = NowUtc();
  EMBARGO_RETURN_IF_ERROR(db.Exec(
      "UPDATE payment_case_reviews SET state = ?, reviewer = ?, note = ?, reviewed_at = ? WHERE "
      "decision_id = ?",
      {std::string(approve ? "approved" : "rejected"), reviewer, note, now, pending.decision_id}));
  StateChange change;
  EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kPaymentCaseReviews, "decision_id = ?",
                                         {pending.decision_id}));
  size_t good_guys = 0;
  if (approve) {
    EMBARGO_RETURN_IF_ERROR(ApplyCaseDecision(db, *c, "released", now, change, &good_guys));
  }
  auto audit = AppendStateAudit(db,
                                {reviewer,
                                 approve ? "payment_case.approve" : "payment_case.reject",
                                 fmt::format("payment case {}", case_id),
                                 {{"decision", pending.decision_id},
                                  {"analyst", pending.analyst},
                                  {"note", note},
                                  {"good_guys", good_guys}}},
                                change);
  if (!audit.ok()) return audit.error();
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return GetPaymentCase(db, case_id);
}

Result<std::vector<GoodGuy>> ActiveGoodGuys(Database& db) {
  return QueryGoodGuys(db, "lapsed_at IS NULL", {});
}

GoodGuyList::GoodGuyList(std::vector<GoodGuy> entries, EntityHashes hashes)
    : hashes_(std::move(hashes)) {
  for (GoodGuy& g : entries) {
    entries_.emplace(LookupKey(g.key.field, NormalizedGoodGuyText(g.key.text), g.key.entity_id),
                     Entry{g.id, std::move(g.key.entity_hash)});
  }
}

std::string GoodGuyList::LookupKey(std::string_view field, std::string_view text,
                                   std::string_view entity_id) {
  return fmt::format("{}\x1f{}\x1f{}", field, text, entity_id);
}

std::vector<const GoodGuyList::Entry*> GoodGuyList::Matching(const payments::Hit& hit) const {
  std::vector<const Entry*> out;
  auto [begin, end] = entries_.equal_range(
      LookupKey(payments::GoodGuyField(hit), NormalizedGoodGuyText(payments::GoodGuyText(hit)),
                EntityIdOf(hit)));
  for (auto it = begin; it != end; ++it) out.push_back(&it->second);
  return out;
}

bool GoodGuyList::Clears(const payments::Hit& hit) const {
  std::vector<const Entry*> matching = Matching(hit);
  if (matching.empty()) return false;
  const std::string current = hit.entity != nullptr ? hashes_.Of(*hit.entity) : "";
  for (const Entry* e : matching) {
    if (e->entity_hash == current) return true;
  }
  return false;
}

std::vector<int64_t> GoodGuyList::Stale(const payments::Hit& hit) const {
  std::vector<int64_t> out;
  std::vector<const Entry*> matching = Matching(hit);
  if (matching.empty()) return out;
  const std::string current = hit.entity != nullptr ? hashes_.Of(*hit.entity) : "";
  for (const Entry* e : matching) {
    if (e->entity_hash != current) out.push_back(e->id);
  }
  return out;
}

Status LapseGoodGuys(Database& db, const std::vector<int64_t>& ids, const std::string& actor) {
  if (ids.empty()) return Status::Ok();
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  const std::string now = NowUtc();
  StateChange change;
  std::vector<int64_t> lapsed;
  for (int64_t id : std::set<int64_t>(ids.begin(), ids.end())) {
    auto updated = db.QueryValue(
        "UPDATE payment_good_guys SET lapsed_at = ? WHERE id = ? AND lapsed_at IS NULL RETURNING "
        "id",
        {now, id});
    if (!updated.ok()) return updated.error();
    if (!*updated) continue;
    lapsed.push_back(id);
    EMBARGO_RETURN_IF_ERROR(change.Capture(db, AuditedTable::kPaymentGoodGuys, "id = ?", {id}));
  }
  if (lapsed.empty()) return Status::Ok();
  auto audit = AppendStateAudit(db,
                                {actor,
                                 "payment_good_guy.lapse",
                                 fmt::format("payment good guys {}", fmt::join(lapsed, ", ")),
                                 {{"why", "the listed entity's record changed since the release"}}},
                                change);
  if (!audit.ok()) return audit.error();
  return tx->Commit();
}

}  // namespace embargo::store
