// Payment cases: a message `payments screen --store` holds becomes a case
// (its content digest, its hits, its content and the list versions that
// screened it) until an analyst releases it (a false positive) or blocks it
// (a true match). Releasing makes one good-guy entry per hit: the same text
// in the same field of a later payment, matching the same listed entity
// whose listing has not changed since (its record's content hash) or the
// same embargoed place, is then cleared instead of held. A changed party
// text does not match an entry; a changed listing raises the hit again and
// the entry lapses (lapsed_at).
// Every change appends an audit row in its transaction carrying the rows it
// changed (store/audit_state.h), as alerts and decisions do. Functions over
// one Database: thread-compatible; GoodGuyList is immutable and thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "embargo/entity.h"
#include "payments/message.h"
#include "payments/payment_screener.h"
#include "store/database.h"
#include "store/four_eyes.h"
#include "store/versions.h"

namespace embargo::store {

// A release that waits for a second person (ReleaseNeedsReview).
struct PendingRelease {
  int64_t decision_id = 0;
  std::string analyst;
  std::string reason;
  std::string decided_at;
};

struct PaymentCase {
  int64_t id = 0;
  std::string message_digest;  // payments::MessageDigest
  std::string message_type;    // "pacs.008.001.08", "MT103"
  std::string message_id;      // MT :20:, ISO MsgId/EndToEndId
  std::string file;            // where the message was read when the case opened
  std::string status;          // held | released | blocked
  std::string hits;            // JSON array: payments::WriteHit objects, each with its "good_guy"
  std::string message;         // JSON: payments::WriteMessageContent
  std::string list_versions;  // JSON {dataset: version id}; from files {dataset: {file, published}}
  std::string created_at;
  std::string decided_at;                 // "" while held
  std::optional<PendingRelease> pending;  // a release waiting for review (the case is held)
};

struct PaymentCaseDecision {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string status;  // released | blocked
  std::string note;
  std::string analyst;
  std::string decided_at;
};

// What a good-guy entry covers: a hit's field, its text, and what it matched.
struct GoodGuyKey {
  std::string field;        // payments::GoodGuyField: "creditor", ":70:"
  std::string text;         // payments::GoodGuyText as written (compared by NormalizedGoodGuyText)
  std::string entity_id;    // the listed entity, or "place:<jurisdiction>:<name>"
  std::string entity_hash;  // the listed entity's record hash; "" for places
};

struct GoodGuy {
  int64_t id = 0;
  GoodGuyKey key;
  int64_t case_id = 0;  // the released case that made it
  std::string created_at;
  std::string lapsed_at;  // "" while it clears
};

// The content hash of a listed entity's record: the record hash of the
// stored versions screened against (store/versions.h), else computed the
// way StoreListSet computes it (SHA-256 of the entity's JSON record), so
// lists read from files give the same hashes as the versions they became.
class EntityHashes {
 public:
  EntityHashes() = default;  // every hash computed
  static Result<EntityHashes> FromVersions(Database& db, const std::vector<ListVersion>& versions);
  std::string Of(const Entity& entity) const;

 private:
  std::shared_ptr<const std::unordered_map<std::string, std::string>> stored_;  // by entity id
};

// Trimmed, inner white space runs made one space, Unicode case folded.
std::string NormalizedGoodGuyText(std::string_view text);

// The key a release of `hit` would record.
GoodGuyKey GoodGuyKeyOf(const payments::Hit& hit, const EntityHashes& hashes);

// {dataset: version id} of the versions a message was screened against.
nlohmann::json ListVersionsJson(const std::vector<ListVersion>& versions);

// A case as RecordPaymentCase stores it (MakePaymentCase fills it).
struct NewPaymentCase {
  std::string message_digest;
  std::string message_type;
  std::string message_id;
  std::string file;
  std::string hits;
  std::string message;
  std::string list_versions;
};
// `list_versions`: {dataset: version id} (or what the lists were read from).
NewPaymentCase MakePaymentCase(const payments::Message& message,
                               const payments::Screening& screening, const EntityHashes& hashes,
                               const nlohmann::json& list_versions);

struct RecordedCase {
  PaymentCase payment_case;
  bool created = false;  // false: the message's case was already held
};
// Opens a held case, unless one is held for the same message digest: that
// one is returned and nothing is written.
Result<RecordedCase> RecordPaymentCase(Database& db, const NewPaymentCase& new_case,
                                       const std::string& actor);

struct PaymentCaseFilter {
  std::string status;  // "" = any; else held, released or blocked
  int64_t limit = 100;
  int64_t offset = 0;
};
// Oldest first.
Result<std::vector<PaymentCase>> ListPaymentCases(Database& db, const PaymentCaseFilter& filter);
Result<PaymentCase> GetPaymentCase(Database& db, int64_t id);
Result<std::vector<PaymentCaseDecision>> PaymentCaseDecisions(Database& db, int64_t case_id);
// The entries a case's release made (lapsed ones too).
Result<std::vector<GoodGuy>> CaseGoodGuys(Database& db, int64_t case_id);
// Cases by status: {"blocked": 1, "held": 3, ...}.
Result<std::vector<std::pair<std::string, int64_t>>> PaymentCaseCounts(Database& db);

// {"id", "status", "message_digest", "message_type", "message_id", "file",
//  "created_at", "decided_at", "list_versions": {...}, "hits": [...]}; the
// full form adds "message": {...}, "decisions": [{"status", "note",
// "analyst", "decided_at"}] and "good_guys": [{"id", "field", "text",
// "entity_id", "entity_hash", "created_at", "lapsed_at"}].
nlohmann::json PaymentCaseToJson(const PaymentCase& payment_case);
nlohmann::json PaymentCaseToJson(const PaymentCase& payment_case,
                                 const std::vector<PaymentCaseDecision>& decisions,
                                 const std::vector<GoodGuy>& good_guys);

// Why releasing `payment_case` needs a second person, or nullopt: a hit that
// is strong evidence (a score at or above policy.strong_score: a listed BIC
// or IMO number, an embargoed place, a name that matches in full). One
// analyst released a message carrying a listed BIC alone (a new user's
// trial); alerts ask the same (store/four_eyes.h).
std::optional<std::string> ReleaseNeedsReview(const PaymentCase& payment_case,
                                              const FourEyesPolicy& policy);

// Decides a held case: "released" (a false positive: one good-guy entry per
// distinct hit key, replacing any entry still in force for the same field,
// text and entity) or "blocked" (a true match: no entry). The note is
// required. Fails on a case that is not held, and on a release while one
// waits for review. A release that ReleaseNeedsReview is recorded but
// waits (the case stays held, `pending` set) for ReviewPaymentCase; a block
// takes effect at once and lapses a release waiting.
Result<PaymentCase> DecidePaymentCase(Database& db, int64_t case_id, const std::string& status,
                                      const std::string& note, const std::string& analyst,
                                      const FourEyesPolicy& policy = {});

// Approves or rejects the release waiting on a case, by a reviewer other
// than its analyst (who may review is the caller's check, as for alerts).
// Approved, the release takes effect as DecidePaymentCase's would have;
// rejected, the case stays held with no release waiting.
Result<PaymentCase> ReviewPaymentCase(Database& db, int64_t case_id, bool approve,
                                      const std::string& note, const std::string& reviewer);

// The entries in force (not lapsed), oldest first.
Result<std::vector<GoodGuy>> ActiveGoodGuys(Database& db);

// The entries in force, for PaymentScreenOptions::cleared.
class GoodGuyList {
 public:
  GoodGuyList(std::vector<GoodGuy> entries, EntityHashes hashes);

  // An entry with the hit's field, normalized text and entity, whose
  // recorded hash is the entity's current one ("" for places).
  bool Clears(const payments::Hit& hit) const;
  // Entries with the hit's field, text and entity whose listing changed
  // since the release: to lapse.
  std::vector<int64_t> Stale(const payments::Hit& hit) const;

 private:
  struct Entry {
    int64_t id;
    std::string entity_hash;
  };
  std::vector<const Entry*> Matching(const payments::Hit& hit) const;
  static std::string LookupKey(std::string_view field, std::string_view text,
                               std::string_view entity_id);

  std::unordered_multimap<std::string, Entry> entries_;  // by LookupKey
  EntityHashes hashes_;
};

// Lapses entries (their listing changed since the release), with one audit
// row; ids already lapsed are left as they are.
Status LapseGoodGuys(Database& db, const std::vector<int64_t>& ids, const std::string& actor);

}  // namespace embargo::store
