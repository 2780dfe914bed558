// Publishing the audit chain's head, so that a deleted tail or a chain
// rewritten with recomputed hashes shows. After every command that writes to
// the store, the chain's last row (seq, hash) is
//   - MACed with the audit key (store/audit_key.h), when one is configured,
//     and recorded in the store's audit_anchors table (a keyed anchor);
//   - appended as one JSON line to the head file, outside the database
//     (default beside a SQLite store: <store>.audit-head);
//   - printed by the command.
// `audit verify` (store/audit_verify.h) checks the chain against all three.
// A HeadPublisher is immutable once opened; Publish uses the caller's
// Database (one thread at a time, as any Database).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_key.h"
#include "store/database.h"

namespace embargo::store {

struct AuditHead {
  int64_t seq = 0;  // 0: the chain is empty
  std::string hash;
  std::string hmac;    // "" when published without a key
  std::string key_id;  // AuditKey::id() of the key that made hmac
  std::string at;      // when it was published
};

// "SEQ:HASH", the form --expect-head takes.
std::string HeadRef(const AuditHead& head);
// Parses "SEQ:HASH" (a 64-digit hex hash).
Result<AuditHead> ParseHeadRef(const std::string& text);

// One line of the head file: {"seq", "hash", "hmac", "key_id", "at"}
// (hmac and key_id null when unkeyed).
nlohmann::ordered_json HeadToJson(const AuditHead& head);

struct AnchorOptions {
  std::string key_file;   // --audit-key-file; "" = $EMBARGO_AUDIT_KEY_FILE, else none
  std::string head_file;  // --audit-head-file; "" = $EMBARGO_AUDIT_HEAD_FILE, else the default
};

// The head file for `db`: `flag`, else $EMBARGO_AUDIT_HEAD_FILE, else
// "<file>.audit-head" beside a SQLite store; "" for PostgreSQL without one.
std::string HeadFilePath(const Database& db, const std::string& flag);
// Whether the head file was named (`flag` or the environment) rather than
// defaulted.
bool HeadFileConfigured(const std::string& flag);

enum class Republish {
  kNo,   // publish only when rows were appended since Open (a command's end)
  kYes,  // publish the head even if it was published before (audit anchor)
};

class HeadPublisher {
 public:
  // Loads the key when one is configured, resolves the head file (a bad key
  // file fails here, before the command writes anything) and notes the
  // chain's head as it is now.
  static Result<HeadPublisher> Open(Database& db, const AnchorOptions& options);

  // Anchors (with the key) and publishes the chain's current head, and
  // returns it; with Republish::kNo, nothing is done (and nullopt returned)
  // when no row was appended since Open, nor when the chain is empty.
  Result<std::optional<AuditHead>> Publish(Database& db, Republish again = Republish::kNo) const;
  // "audit head 57:5f2c... (HMAC with key 1a2b...; appended to PATH)"
  std::string Describe(const AuditHead& head) const;

  const std::optional<AuditKey>& key() const { return key_; }
  const std::string& head_file() const { return head_file_; }

 private:
  std::optional<AuditKey> key_;
  std::string head_file_;
  int64_t opened_seq_ = 0;
};

struct HeadFileLine {
  int line = 0;
  AuditHead head;
};
// Every head recorded in a head file, in order. A line that is not a head
// record is an error naming the file and line.
Result<std::vector<HeadFileLine>> ReadHeadFile(const std::string& path);

// The keyed anchors recorded in the store, by seq.
Result<std::vector<AuditHead>> LoadAnchors(Database& db);

}  // namespace embargo::store
